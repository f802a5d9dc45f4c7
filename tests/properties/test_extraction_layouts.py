"""Every fixture rendered in the row layouts of other extraction tools and read back.

The writer prints a report the way the corpus's tool does (cells spaced, one extra space per empty cell).
Other tools print the same rows flat, with every cell on a line of its own (with or without blank lines
between), or with name and cells on one line; and many print no trailing spaces at all. Read back, a row is either read as before or is not sure
of its columns: never confidently wrong. Few rows may be lost, and only in the one-line layout, where a
row holding only text cells has no figure to tell its name from its cells.
"""
from __future__ import annotations

import pytest

from .. import writer
from auditor.model import CERTAIN, VALUE_COLUMNS
from auditor.parser import parse_text
from fixture_compare import decode_fixture, fixture_names


def _cells(ind) -> list[str]:
    return [c for c in (writer.format_cell(ind.cells()[col]) for col in VALUE_COLUMNS) if c]


def _period(ind) -> str:
    return " ".join((ind.period or "").split())


def _with_analysis(ind, lines: list[str]) -> list[str]:
    if ind.analysis and ind.analysis.strip():
        return lines + ["Analys"] + writer._paragraphs(ind.analysis) + [""]
    return lines


def flat(ind):
    return _with_analysis(ind, writer._wrap(ind.name, writer.NAME_WIDTH, cell=True)
                          + ["", " ".join(_cells(ind) + [_period(ind)]), ""])


def cell_per_line(ind):
    return _with_analysis(ind, writer._wrap(ind.name, writer.NAME_WIDTH, cell=True) + [""] + _cells(ind)
                          + [_period(ind), ""])


def cell_per_block(ind):
    lines = writer._wrap(ind.name, writer.NAME_WIDTH, cell=True) + [""]
    for cell in _cells(ind) + [_period(ind)]:
        lines += [cell, ""]
    return _with_analysis(ind, lines)


def one_line(ind):
    return _with_analysis(ind, [" ".join([" ".join(ind.name.split())] + _cells(ind) + [_period(ind)]), ""])


LAYOUTS = {"flat": flat, "cell_per_line": cell_per_line, "cell_per_block": cell_per_block, "one_line": one_line}


def _rows(report):
    return {i.name: i for g in report.goals for i in g.indicators}


@pytest.mark.parametrize("trailing_spaces", [True, False])
@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_no_row_is_confidently_wrong_in_another_layout(layout, trailing_spaces, monkeypatch):
    total = found = 0
    for name in fixture_names():
        reference = parse_text(decode_fixture(name))
        want = _rows(reference)
        if not want:
            continue
        monkeypatch.setattr(writer, "_indicator", LAYOUTS[layout])
        text = writer.render_report(reference)
        monkeypatch.undo()
        if not trailing_spaces:     # many tools print none: a wrapped name must still join at its words
            text = "\n".join(line.rstrip() for line in text.split("\n"))
        got = _rows(parse_text(text))
        for row_name, ind in want.items():
            total += 1
            again = got.get(row_name)
            if again is None:
                continue
            found += 1
            if again.confidence >= CERTAIN:
                assert _cells(again) == _cells(ind) and [c for c in VALUE_COLUMNS if again.cells()[c]] == \
                    [c for c in VALUE_COLUMNS if ind.cells()[c]], (name, layout, row_name)
    assert found >= (0.9 if layout == "one_line" else 0.98) * total, (layout, found, total)
