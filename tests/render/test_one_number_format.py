"""Every output prints a figure one way: each format that ``audit --format`` offers, in Swedish and English,
writes each of the report's figures as ``auditor.words.number`` writes it in that language, never with the
other language's decimal sign beside it (the English HTML once printed "3,41" in its indicator table next to
"3.41 GWh" in the finding).

What is read is what a person reads: the text of terminal, Markdown, GitHub, JUnit, HTML and CSV, the
strings of JSON and SARIF, the text cells of a workbook and the text of a Word document (a JSON number or a
numeric spreadsheet cell is data, written the same in every language). A figure whose other spelling also
stands in the report's own prose (an analysis quoted in the evidence) is not checked: the report's words are
quoted as written.
"""
from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest

from auditor.words import number

from ..conftest import ROOT
from ..output_snapshots import LANGS, _run, cached_audits

# tables with decimal figures, and findings about them
FIXTURES = ("fixtures/example_vb.txt", "fixtures/quirk_empty_cells.txt")
# a decimal figure: digits, one decimal sign, digits, not part of a longer number, version or date
FIGURE = re.compile(r"(?<![\w.,])(\d+)([.,])(\d+)(?![\w]|[.,]\d)")


def audit_formats() -> tuple[str, ...]:
    """The formats ``auditor audit --format`` offers, read from the command line itself."""
    from auditor.commands.cli import build_parser

    commands = next(a for a in build_parser("sv")._actions if a.dest == "command")
    return tuple(commands.choices["audit"]._option_string_actions["--format"].choices)


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def _read(fmt: str, out: Path, printed: str) -> str:
    """What a person reads in one format's output (``out``: the file or folder it was written to)."""
    if fmt in ("json", "sarif"):
        return "\n".join(_strings(json.loads(out.read_text(encoding="utf-8"))))
    if fmt == "xlsx":
        from openpyxl import load_workbook

        book = load_workbook(out)
        return "\n".join(c.value for s in book.worksheets for r in s.iter_rows() for c in r
                         if isinstance(c.value, str))
    if fmt == "docx":
        with zipfile.ZipFile(out) as z:
            xml = z.read("word/document.xml").decode("utf-8")
        return re.sub(r"<[^>]+>", " ", xml)
    if out.is_dir():
        return "\n".join(p.read_text(encoding="utf-8") for p in sorted(out.rglob("*")) if p.is_file())
    return out.read_text(encoding="utf-8") if out.exists() else printed


def _report_figures(path: str) -> tuple[set[float], str]:
    """The report's decimal figures (its table cells) and all of its other text (names, analyses,
    sentences) in one string."""
    doc = json.loads(_run(["parse", path, "--format", "json"]).rsplit("--- exit", 1)[0])
    figures, prose = set(), []

    def walk(value):
        if isinstance(value, dict):
            if isinstance(value.get("value"), float) and "text" in value:
                if not value["value"].is_integer():
                    figures.add(value["value"])
                return
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)
        elif isinstance(value, str):
            prose.append(value)

    walk(doc)
    return figures, "\n".join(prose)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """Each fixture in every audit format and both languages: {(path, lang, format): text read}."""
    import os

    here = os.getcwd()
    os.chdir(ROOT)
    out = {}
    try:
        with cached_audits():
            for path in FIXTURES:
                for lang in LANGS:
                    for fmt in audit_formats():
                        target = tmp_path_factory.mktemp(fmt) / f"out.{fmt}"
                        if fmt in ("html", "csv"):
                            target = target.with_suffix("")     # a folder: every file it writes
                        printed = _run(["--lang", lang, "audit", path, "--no-config", "--format", fmt,
                                        "--output", str(target)])
                        out[(path, lang, fmt)] = _read(fmt, target, printed)
            figures = {path: _report_figures(path) for path in FIXTURES}
    finally:
        os.chdir(here)
    return out, figures


def test_every_audit_format_is_covered():
    assert set(audit_formats()) >= {"terminal", "md", "json", "html", "sarif", "junit", "github", "csv",
                                    "xlsx", "docx"}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", FIXTURES)
def test_no_figure_printed_two_ways(rendered, path, lang):
    texts, figures = rendered
    values, prose = figures[path]
    # a figure is checked unless its other spelling is also the report's own prose
    checked = {v: number(v, lang) for v in values if number(v, "sv" if lang == "en" else "en") not in prose}
    assert checked, "the fixture has decimal figures to check"
    wrong, seen = [], set()
    for fmt in audit_formats():
        for m in FIGURE.finditer(texts[(path, lang, fmt)]):
            value = float(f"{m.group(1)}.{m.group(3)}")
            if value in checked:
                seen.add(value)
                if m.group(0) != checked[value]:
                    wrong.append(f"{fmt}: {m.group(0)} (as {checked[value]} elsewhere)")
    assert not wrong, f"figures printed another way in --lang {lang}: " + "; ".join(sorted(set(wrong)))
    assert seen, "the outputs print the report's figures"


def test_the_check_finds_a_figure_printed_the_other_way():
    text = "utfall 3,41 GWh; outcome 3.41 GWh"
    assert {m.group(0) for m in FIGURE.finditer(text)} == {"3,41", "3.41"}
    assert number(3.41, "en") == "3.41" and number(3.41, "sv") == "3,41"


def test_figures_are_written_by_one_function():
    """No module writes a figure's decimal sign itself: words.number does, for every output. (The readers of
    the report's text turn its figures into numbers; the rule examples write a report's cell as ILS-webb
    prints it.)"""
    readers = ("input", "parser", "prose")
    allowed = {"auditor/words/__init__.py", "auditor/engine/examples.py"}
    own = re.compile(r'replace\("\.", ","\)|replace\(",", "\."\)|:g\}|:\.\df\}')
    found = [str(p.relative_to(ROOT)) for p in sorted((ROOT / "auditor").rglob("*.py"))
             if p.relative_to(ROOT / "auditor").parts[0] not in readers
             and str(p.relative_to(ROOT)) not in allowed and own.search(p.read_text(encoding="utf-8"))]
    assert found == []
