"""Where the shipped knowledge lives: the rule catalogue's folder (``rules/``, installed as the package
``auditor_rules``), whose YAML files (``directions.yaml``, ``people.yaml``, ``kf_targets.yaml``) the loader
reads. The engine finds the rule modules through the same folder, so both ask here."""
from __future__ import annotations

import importlib
import importlib.util
import sys
from pathlib import Path


def builtin_rules_dir() -> Path:
    """The shipped catalogue: the ``auditor_rules`` package when installed, else ``rules/`` of a checkout."""
    return Path(list(_builtin_package().__path__)[0])


def _builtin_package():
    """Import ``auditor_rules``; in a source checkout (not installed) load ``rules/`` under that name."""
    module = sys.modules.get("auditor_rules")
    if module is not None:
        return module
    try:
        return importlib.import_module("auditor_rules")
    except ImportError:
        pass
    directory = Path(__file__).resolve().parents[2] / "rules"
    spec = importlib.util.spec_from_file_location("auditor_rules", directory / "__init__.py",
                                                  submodule_search_locations=[str(directory)])
    module = importlib.util.module_from_spec(spec)
    sys.modules["auditor_rules"] = module
    spec.loader.exec_module(module)
    return module


def rule_dirs(extra: tuple[str, ...] = ()) -> tuple[str, ...]:
    """User directories first (their knowledge files win), then the built-in catalogue."""
    return tuple(str(Path(d)) for d in extra) + (str(builtin_rules_dir()),)
