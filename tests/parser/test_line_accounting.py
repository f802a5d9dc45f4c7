"""Nothing lost: every non-blank input line of every fixture and corpus report is accounted for -- in a
field of the model, as page furniture or a table header, or in a diagnostic -- and the report's
diagnostics name exactly the lines accounted as "diagnostic".

``auditor.parser.account_lines(text)`` says where each line went. Diagnostics come in two kinds: those
that stand for a line the parser could not place (codes ``unplaced*``; their line is accounted as
"diagnostic" and nowhere else) and notes about lines that were placed or about the whole report
(``row-incomplete``, ``goal-without-title``, ``truncated``, ``no-goals``).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from auditor.parser import account_lines, parse_text
from auditor.input.lines import split_lines
from auditor.input.reader import read_text

from conftest import ROOT, shared_dir
from synthetic import synthetic_report

KINDS = {"goal", "goal-text", "section-label", "indicator", "indicator-analysis", "activity",
         "activity-analysis", "table-header", "furniture", "narrative", "diagnostic"}


def _fixture_files() -> list[Path]:
    return sorted((ROOT / "fixtures").glob("*.txt"))


def _corpus_files() -> list[Path]:
    shared = shared_dir()
    return sorted((shared / "corpus").glob("*.txt")) if shared else []


def check_accounting(text: str) -> None:
    where = account_lines(text)
    lines = split_lines(text)
    lost = [(line.no, line.text) for line in lines if not line.blank and line.no not in where]
    assert not lost, f"{len(lost)} lines lost, first: {lost[:3]}"
    assert set(where.values()) <= KINDS, set(where.values()) - KINDS
    blank = {line.no for line in lines if line.blank}
    assert not blank & set(where), "blank lines need no accounting"

    report = parse_text(text)
    unplaced = [d for d in report.diagnostics if d.code.startswith("unplaced")]
    as_diagnostic = {no for no, kind in where.items() if kind == "diagnostic"}
    assert {d.line for d in unplaced} == as_diagnostic
    assert len(unplaced) == len(as_diagnostic), "one diagnostic per unplaced line"
    by_no = {line.no: line.text for line in lines}
    for d in unplaced:                       # the diagnostic carries the line's text, for the reader
        assert d.text == by_no[d.line][:200]
    for d in report.diagnostics:             # every other diagnostic points into the text, or at nothing
        assert d.line is None or 1 <= d.line <= len(lines)


@pytest.mark.parametrize("path", _fixture_files(), ids=lambda p: p.name)
def test_every_fixture_line_is_accounted_for(path):
    check_accounting(read_text(path))


@pytest.mark.corpus
@pytest.mark.parametrize("path", _corpus_files(), ids=lambda p: p.name)
def test_every_corpus_line_is_accounted_for(path):
    check_accounting(read_text(path))


def test_corpus_is_checked_when_present():
    if shared_dir() is None:
        pytest.skip("../shared/corpus is absent")
    assert len(_corpus_files()) >= 4


@pytest.mark.parametrize("seed", range(5))
def test_every_synthetic_line_is_accounted_for(seed):
    check_accounting(synthetic_report(seed))


def test_unplaced_text_becomes_a_diagnostic_with_its_line():
    text = synthetic_report(0)
    lines = text.splitlines()
    header = next(i for i, line in enumerate(lines) if line.strip().startswith("Aktivitet Startdatum"))
    lines.insert(header + 1, "§§ stray words that belong nowhere §§")
    text = "\n".join(lines) + "\n"
    where = account_lines(text)
    check_accounting(text)
    report = parse_text(text)
    stray = header + 2
    if where[stray] == "diagnostic":
        assert any(d.line == stray and d.code.startswith("unplaced") for d in report.diagnostics)
    else:   # the parser may read it as the start of the next activity; then it is in the model
        assert where[stray] == "activity"
        assert any("stray words" in a.text for g in report.goals for a in g.activities)


def test_text_that_is_not_a_report_is_accounted_as_narrative_or_diagnostic():
    text = "Inköpslista\n\nmjölk 2 l\nbröd\n\n\x0cägg 12 st\n"
    check_accounting(text)
    report = parse_text(text)
    assert not report.complete and any(d.code == "no-goals" for d in report.diagnostics)
