"""Every output the command line writes for a report, as one text: the safety net for refactoring.

``outputs(path, lang)`` runs the real commands (``audit`` in every format, ``compare``, ``parse``) through
``auditor.commands.cli.main`` and joins what each wrote into one text, section by section; ``catalogue_outputs(lang)``
does the same for ``rules`` and ``explain --all`` (the rule reference). Nothing in them depends on the
machine: the version is masked and temporary folders are named by a fixed placeholder.

The audit of a file is the slow part, and ten formats would audit it ten times; ``cached_audits`` audits
each file once per language and hands each command a copy cut down as ``audit_paths`` would.

Run as a script to write or check snapshots of any reports (the corpus is checked this way, in /tmp,
because its text must never enter the repository)::

    python -m tests.output_snapshots write DIR FILE...
    python -m tests.output_snapshots check DIR FILE...
"""
from __future__ import annotations

import contextlib
import importlib
import io
import os
import re
import sys
import tempfile
from pathlib import Path

LANGS = ("sv", "en")
# csv is written to a folder (both tables); to standard output it writes one of the same two texts
AUDIT_FORMATS = ("terminal", "md", "json", "sarif", "junit", "github", "html", "xlsx")
COMPARE_FORMATS = ("text", "md", "json")


def _run(argv: list[str]) -> str:
    """What ``auditor argv`` writes, standard output then standard error, with its exit code."""
    from auditor.commands.cli import main

    out, err = io.StringIO(), io.StringIO()
    width = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = "100"            # rich's tables wrap at the terminal's width
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(argv)
    finally:
        if width is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = width
    text = out.getvalue()
    if err.getvalue():
        text += "--- stderr\n" + err.getvalue()
    return text + f"--- exit {code}\n"


def _mask(text: str, tmp: str) -> str:
    from auditor import __version__

    return text.replace(tmp, "<TMP>").replace(__version__, "<VERSION>")


def _xlsx_cells(path: Path) -> str:
    """A workbook as its sheets' cell values and number formats, one cell a line."""
    from openpyxl import load_workbook

    book = load_workbook(path)
    lines = []
    for sheet in book.worksheets:
        lines.append(f"[{sheet.title}]")
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is not None:
                    lines.append(f"{cell.coordinate}={cell.value!r} {cell.number_format}")
    return "\n".join(lines) + "\n"


def _folder(path: Path) -> str:
    return "".join(f"--- file {p.name}\n{p.read_text(encoding='utf-8')}" for p in sorted(path.iterdir()))


def outputs(path: str, lang: str, partner: str | None = None) -> str:
    """Every output for one report in ``lang``: audit in every format, parse as table and JSON, and compare
    with ``partner`` (or with itself)."""
    sections: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        base = ["--lang", lang]
        audit = base + ["audit", path, "--no-config"]
        for fmt in AUDIT_FORMATS:
            if fmt == "html":
                folder = Path(tmp) / "html"
                run = _run(audit + ["--format", fmt, "--output", str(folder)])
                sections.append((f"audit {fmt}", run + _folder(folder)))
            elif fmt == "xlsx":
                file = Path(tmp) / "out.xlsx"
                run = _run(audit + ["--format", fmt, "--output", str(file)])
                sections.append((f"audit {fmt}", run + _xlsx_cells(file)))
            else:
                sections.append((f"audit {fmt}", _run(audit + ["--format", fmt])))
        folder = Path(tmp) / "csv"
        folder.mkdir()
        run = _run(audit + ["--format", "csv", "--output", str(folder)])
        sections.append(("audit csv folder", run + _folder(folder)))
        sections.append(("parse table", _run(base + ["parse", path, "--diagnostics"])))
        sections.append(("parse json", _run(base + ["parse", path, "--format", "json"])))
        for fmt in COMPARE_FORMATS:
            sections.append((f"compare {fmt}", _run(base + ["compare", partner or path, path, "--force",
                                                            "--format", fmt])))
        text = "".join(f"=== {name}\n{body}" for name, body in sections)
        return _mask(text, tmp)


def catalogue_outputs(lang: str) -> str:
    sections = [("rules table", _run(["--lang", lang, "rules"])),
                ("rules json", _run(["--lang", lang, "rules", "--format", "json"])),
                ("explain all", _run(["--lang", lang, "explain", "--all", "--format", "md"]))]
    return _mask("".join(f"=== {name}\n{body}" for name, body in sections), "\0")


@contextlib.contextmanager
def cached_audits():
    """Audit and parse each (files, language) once, and build each language's command line once per command: the
    commands get a deep copy of the audit cut down to what they keep. (Building the command line and the
    audit are most of the time otherwise.)"""
    import auditor.workflow.audit as audit_module
    import auditor.commands.cli as cli_module
    import auditor.parser as parser_module

    real = audit_module.audit_paths
    real_stream = audit_module.audit_stream
    real_parse, real_build = parser_module.parse_file, cli_module.build_parser
    done: dict = {}
    parsed: dict = {}
    built: dict = {}

    def parse_file(path, *args, **kwargs):
        key = (str(path), repr(args), repr(sorted(kwargs.items())))
        if key not in parsed:
            parsed[key] = real_parse(path, *args, **kwargs)
        return parsed[key].model_copy(deep=True)

    def build_parser(lang="sv", commands=None):
        key = (lang, None if commands is None else tuple(commands))
        if key not in built:
            built[key] = real_build(lang, commands)
        return built[key]

    def audit_paths(paths, config=None, jobs=1, keep="full", own=None, progress=None):
        key = (tuple(str(p) for p in paths), getattr(config, "lang", "sv"))
        if key not in done:
            done[key] = real(paths, config, jobs=jobs, keep="full", own=own)
        result = done[key].model_copy(deep=True)
        result.reports = [audit_module._keep(a, keep) for a in result.reports]
        return result

    def audit_stream(paths, config=None, jobs=1, keep="none", own=None, progress=None):
        return (audit for audit in audit_paths(paths, config, jobs, keep, own).reports)

    # every module that holds one of the four functions (the commands import them at module level) gets
    # the cached one, and the real one back afterwards: a command module first imported while they are
    # swapped would otherwise keep the cached audit for good, whatever --select or --min-confidence say
    for name in ("audit", "parse", "compare", "_inputs"):
        importlib.import_module(f"auditor.commands.{name}")
    fakes = {id(real): audit_paths, id(real_stream): audit_stream, id(real_parse): parse_file, id(real_build): build_parser}
    swapped = [(module, attr, value) for module in list(sys.modules.values())
               if getattr(module, "__name__", "").startswith("auditor")
               for attr, value in list(vars(module).items()) if id(value) in fakes]
    for module, attr, value in swapped:
        setattr(module, attr, fakes[id(value)])
    try:
        yield
    finally:
        for module, attr, value in swapped:
            setattr(module, attr, value)


def pairs(paths: list[str]) -> list[tuple[str, str | None]]:
    """Each report with the one before it as its compare partner (the first with itself)."""
    return [(p, paths[i - 1] if i else None) for i, p in enumerate(paths)]


def snapshot_name(path: str, lang: str) -> str:
    return f"{Path(path).stem}.{lang}.txt"


def _main(argv: list[str]) -> int:
    mode, folder, *files = argv
    folder_path = Path(folder)
    folder_path.mkdir(parents=True, exist_ok=True)
    changed = 0
    with cached_audits():
        texts = {f"catalogue.{lang}.txt": catalogue_outputs(lang) for lang in LANGS}
        for path, partner in pairs(sorted(files)):
            for lang in LANGS:
                texts[snapshot_name(path, lang)] = outputs(path, lang, partner)
    for name, text in texts.items():
        target = folder_path / name
        if mode == "write":
            target.write_text(text, encoding="utf-8")
        elif not target.is_file() or target.read_text(encoding="utf-8") != text:
            changed += 1
            print(f"differs: {name}")
            (folder_path / (name + ".new")).write_text(text, encoding="utf-8")
    print(f"{mode}: {len(texts)} snapshots, {changed} differ")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
