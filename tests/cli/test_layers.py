"""The rooms of ``auditor/`` and their one direction of flow: pyproject.toml's import-linter layers contract
names every room, the tree keeps it, and a backwards import (a lower room importing a higher one) breaks it."""
from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
LINT = Path(sys.executable).with_name("lint-imports")


def _layers() -> list[str]:
    [contract] = [c for c in CONFIG["contracts"] if c["id"] == "rooms"]
    return [name.strip() for layer in contract["layers"] for name in layer.split("|")]


def _lint(folder: Path) -> subprocess.CompletedProcess:
    """lint-imports on the auditor and auditor_rules packages found first on the path in ``folder``."""
    env = {"PATH": str(LINT.parent), "PYTHONPATH": str(folder), "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run([str(LINT), "--no-cache", "--config", str(ROOT / "pyproject.toml")], cwd=folder,
                          env=env, capture_output=True, text=True, timeout=300)


def _copy(tmp_path: Path) -> Path:
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copytree(ROOT / "auditor", tmp_path / "auditor", ignore=ignore)
    shutil.copytree(ROOT / "rules", tmp_path / "auditor_rules", ignore=ignore)
    return tmp_path


def test_every_room_is_a_layer():
    """A new module or folder at the package root must be placed in the flow, not left outside the contract."""
    rooms = {f"auditor.{p.stem}" for p in (ROOT / "auditor").iterdir()
             if (p.suffix == ".py" or (p / "__init__.py").exists()) and p.name != "__init__.py"}
    assert rooms - set(_layers()) == set()
    assert "auditor_rules" in _layers()


def test_at_most_five_modules_lie_loose_at_the_package_root():
    loose = sorted(p.name for p in (ROOT / "auditor").glob("*.py"))
    assert len(loose) <= 5, loose


def test_the_tree_keeps_the_contract(tmp_path):
    proc = _lint(_copy(tmp_path))
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]
    assert "1 kept, 0 broken" in proc.stdout


@pytest.mark.parametrize("lower, higher", [("auditor/words/form.py", "auditor.render.names"),
                                           ("auditor/knowledge/location.py", "auditor.engine.catalogue"),
                                           ("auditor/facts/text.py", "auditor.parser.document")])
def test_a_backwards_import_breaks_the_contract(tmp_path, lower, higher):
    folder = _copy(tmp_path)
    module = folder / lower
    module.write_text(module.read_text(encoding="utf-8") + f"\nimport {higher}  # backwards\n", encoding="utf-8")
    proc = _lint(folder)
    assert proc.returncode != 0
    assert "0 kept, 1 broken" in proc.stdout and higher in proc.stdout, proc.stdout[-3000:]


def _deferred_internal_imports():
    """(file, line, text) of every import of an auditor module inside a function."""
    import ast
    for path in sorted((ROOT / "auditor").rglob("*.py")):
        lines = path.read_text(encoding="utf-8").splitlines()
        for node in ast.walk(ast.parse("\n".join(lines))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for inner in ast.walk(node):
                    if isinstance(inner, ast.ImportFrom) and (inner.level or (inner.module or "").startswith("auditor")):
                        above = inner.lineno - 2            # the line above a run of imports
                        while lines[above].strip().startswith(("from ", "import ")):
                            above -= 1
                        yield path.relative_to(ROOT), inner.lineno, lines[inner.lineno - 1], lines[above]


def test_an_import_inside_a_function_says_why():
    """Imports belong at the top of a module; one deferred into a function (for the start-up, or a heavy
    library) says why on its line or on the line above it (or above the run of imports it is in)."""
    silent = [f"{path}:{n}: {line.strip()}" for path, n, line, above in _deferred_internal_imports()
              if "#" not in line and not above.strip().startswith("#")]
    assert not silent, silent


def _cycles(graph) -> list[list[str]]:
    """The import cycles of ``graph``: its strongly connected sets of two or more modules (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for other in sorted(graph.find_modules_directly_imported_by(module)):
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in on_stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            component = []
            while True:
                other = stack.pop()
                on_stack.discard(other)
                component.append(other)
                if other == module:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    return found


def _graph():
    import grimp      # import-linter's own graph of the imports (top-level and deferred alike)
    return grimp.build_graph("auditor", "auditor_rules", cache_dir=None)


def test_no_import_cycle():
    """One direction of flow inside a room too: no two modules import each other, however indirectly."""
    assert _cycles(_graph()) == []


def test_a_cycle_is_found():
    graph = _graph()
    graph.add_import(importer="auditor.words", imported="auditor.render.names")   # names imports words
    assert any({"auditor.words", "auditor.render.names"} <= set(c) for c in _cycles(graph))
