"""PDFs read by position whatever their typography (``tests/pdf_matrix.py``): the four gold models drawn in
every cell of the matrix come back whole, a table whose header has no geometry falls back alone, and the
header and column rules on hand-made words.

The quick run reads back the ``QUICK`` slice's hand-drawn cell; its cell printed by Chromium (four reports
of up to 140 pages drawn by a browser and read back, the longest test of the quick run at about 40 s) is
marked ``slow``, which ``.ci/run`` runs; the whole matrix is left to the ``fuzz`` run
(``benchmarks/pdf_matrix.py`` prints it as a table).
"""
from __future__ import annotations

import json
from datetime import date

import pytest

from auditor.model import Activity, Goal, Indicator, Report
from auditor.parser import parse_file, parse_text
from auditor.input.reader import read_report

from pdf_draw import Style, draw_report
from pdf_html import HtmlStyle
from pdf_matrix import MATRIX, QUICK, as_drawn, cached_drawing, gold_models, rows, scores


def _check_cell(cell: str, request) -> None:
    from gold_to_model import gold_to_report

    golds = gold_models()
    if not golds:
        pytest.skip("../shared/corpus is absent")
    browser = (lambda: request.getfixturevalue("browser")) if isinstance(MATRIX[cell], HtmlStyle) else None
    for gold in golds:
        model = as_drawn(gold_to_report(json.loads(gold.read_text(encoding="utf-8"))), MATRIX[cell])
        pdf = cached_drawing(gold, cell, model, browser)
        read = read_report(pdf)
        got = parse_text(read.text, str(pdf), None, read.layout)
        assert read.layout is not None and not read.layout.unreadable, (cell, gold.stem)
        assert scores(model, got) == (1.0, 1.0, 1.0, 1.0), (cell, gold.stem, scores(model, got))
        assert all(ind.confidence == 1.0 for g in got.goals for ind in g.indicators), (cell, gold.stem)


@pytest.mark.corpus
@pytest.mark.parametrize("cell", [pytest.param(c, marks=pytest.mark.slow) if isinstance(MATRIX[c], HtmlStyle) else c
                                  for c in QUICK])
def test_gold_models_read_back_in_the_quick_cells(cell, request):
    """Goal, indicator and activity F1 and cell accuracy 1.0, every row placed by position, for the four
    gold models with header cells centred both ways, cells in the middle of tall rows and numbers set
    right (by hand, on A4 across, in a core font; and by a browser printing HTML)."""
    _check_cell(cell, request)


@pytest.mark.corpus
@pytest.mark.fuzz
@pytest.mark.parametrize("cell", [c for c in MATRIX if c not in QUICK])
def test_gold_models_read_back_in_every_cell(cell, request):
    _check_cell(cell, request)


# ---------------------------------------------------------------------- one table falls back alone
def _v(text: str):
    from auditor.input.values import parse_value
    return parse_value(text)


def _two_goals() -> Report:
    def goal(k: int, name: str, cells: dict) -> Goal:
        return Goal(id=f"g{k}", level="namndmal", line=0, title=f"Barn och unga i Lövsjö har en trygg uppväxt {k}",
                    assessment="delvis", indicators=[
                        Indicator(name=name, line=0, period="Tertial 1 2025", **{c: _v(v) for c, v in cells.items()}),
                        Indicator(name=f"{name} i grundskolan", line=0, period="2025", target=_v("85 %"),
                                  outcome_women=_v("84 %"))])
    return Report(source="<drawn>", committee="Lövsjö stadsdelsnämnd", report_kind="T1", year=2025, goals=[
        goal(0, "Andel elever som känner sig trygga", {"outcome": "81 %", "target": "85 %", "kf_target": "85 %"}),
        goal(1, "Andel elever som trivs i skolan", {"outcome_men": "77 %", "previous": "75 %", "target": "80 %"}),
        goal(2, "Andel föräldrar som är nöjda", {"outcome": "90 %", "forecast": "91 %", "target": "92 %"})])


def test_a_table_without_header_geometry_falls_back_alone(tmp_path):
    """The second table's header is one run of text: that table is read as text, with a diagnostic on its
    page; the other two keep every row read by position."""
    model = _two_goals()
    pdf = draw_report(model, tmp_path / "mixed.pdf", Style(header_valign="middle", header_align="center",
                                                          run_header=1))
    read = read_report(pdf)
    assert read.layout is not None and read.layout.tables == 2 and read.layout.unreadable == 1
    got = parse_file(pdf)
    notes = [d for d in got.diagnostics if d.code == "pdf-table-text"]
    assert len(notes) == 1 and got.page_of(notes[0].line)[0] == 1
    assert "pdf-text-path" not in {d.code for d in got.diagnostics}
    for k in (0, 2):
        assert rows(Report(source="", goals=[got.goals[k]])) == rows(Report(source="", goals=[model.goals[k]]))
        assert all(ind.confidence == 1.0 for ind in got.goals[k].indicators)
    # the table read as text: its rows are found whole, their cells placed by inference, with the spaces of
    # their empty cells where the tables read by position have their columns (the rows of this table
    # alone fill too few columns to show them)
    assert rows(Report(source="", goals=[got.goals[1]])) == rows(Report(source="", goals=[model.goals[1]]))


# ---------------------------------------------------------------------- hand-made words
def _w(text: str, x: float, top: float, size: float = 7.0, page: int = 1):
    from auditor.input.pdf_geometry.words import Word
    return Word(text, x, x + 0.5 * size * len(text), top, top + size, size, page)


def _lines(*rows_of_words):
    from auditor.input.pdf_geometry.lines import VLine
    return [VLine(sorted(ws, key=lambda w: w.x0), 1) for ws in rows_of_words]


def test_a_header_centred_in_its_row_is_read_above_and_below_the_indikator_line():
    """One-line cells in the middle of a three-line header: "Utfall" stands above the ``Indikator`` line,
    "kvinnor/" on it and "flickor" below it; each column's label is read top to bottom."""
    from auditor.input.pdf_geometry.tables import header_band, indicator_columns

    lines = _lines([_w("Förvaltningen", 50, 80), _w("bedömer", 110, 80)],
                   [_w("Utfall", 230, 96), _w("Utfall", 280, 96)],
                   [_w("Periodens", 180, 100), _w("KF:s", 420, 100)],
                   [_w("Indikator", 50, 104), _w("män/", 230, 104), _w("kvinnor/", 280, 104),
                    _w("Årsmål", 380, 104), _w("Period", 470, 104)],
                   [_w("utfall", 180, 108), _w("årsmål", 420, 108)],
                   [_w("pojkar", 230, 112), _w("flickor", 280, 112)],
                   [_w("Andel", 50, 130), _w("81", 190, 130), _w("%", 202, 130), _w("2025", 470, 130)])
    first, end = header_band(lines, 3)
    assert (first, end) == (1, 6)
    cols = indicator_columns(lines[first:end], lines[end:])
    assert cols.names == ["name", "outcome", "outcome_men", "outcome_women", "target", "kf_target", "period"]
    assert cols.header_text == ("Indikator Periodens utfall Utfall män/pojkar Utfall kvinnor/flickor Årsmål "
                                "KF:s årsmål Period")


def test_column_boundaries_lie_in_the_rows_white_space():
    """A centred header stands right of the left-aligned cells below it, and numbers set right end left of
    the next header: the boundary lies in the white space between the columns, not at a header's edge."""
    from auditor.input.pdf_geometry.tables import indicator_columns, indicator_row

    header = _lines([_w("Indikator", 80, 100), _w("Årsmål", 200, 100), _w("KF:s", 262, 100),
                     _w("Period", 330, 100)], [_w("årsmål", 258, 108)])
    rows_ = [_lines([_w("Andel", 50, 130), _w("nöjda", 72, 130), _w("95", 231, 130), _w("%", 240, 130),
                     _w("Tas", 250, 130), _w("fram", 262, 130), _w("2025", 312, 130)]),
             _lines([_w("Antal", 50, 150), _w("besök", 72, 150), _w("1", 234.5, 150), _w("%", 240, 150),
                     _w("Öka", 250, 150), _w("VB", 312, 150), _w("2025", 320, 150)])]
    cols = indicator_columns(header, [line for r in rows_ for line in r])
    assert cols.names == ["name", "target", "kf_target", "period"]
    assert indicator_row(cols, rows_[0]) == {"name": "Andel nöjda", "target": "95 %", "kf_target": "Tas fram",
                                             "period": "2025"}
    assert indicator_row(cols, rows_[1]) == {"name": "Antal besök", "target": "1 %", "kf_target": "Öka",
                                             "period": "VB 2025"}


@pytest.mark.parametrize("style", [Style(header_valign="bottom", header_align="center", number_align="right"),
                                   Style(header_valign="middle", valign="middle", orientation="mixed",
                                         core_font=True, repeat_header=False)])
def test_quirks_read_back_in_other_typography(tmp_path, style):
    from .test_pdf_geometry import QUIRKS, _activities, _model_for, _rows

    got = parse_file(draw_report(QUIRKS, tmp_path / "q.pdf", style))
    want = _model_for(style)
    assert _rows(got) == _rows(want) and _activities(got) == _activities(want)
    assert all(ind.confidence == 1.0 for ind in got.goals[0].indicators)


def test_rows_end_at_structure_printed_tight_under_them(tmp_path):
    """Rows, an ``Analys`` heading and the next goal's label set right under a row, without a gap: each
    row ends where the next thing begins."""
    from auditor.input.pdf_geometry import read_layout

    model = _two_goals()
    for goal in model.goals:
        goal.indicators[0].analysis = "Resultatet följs upp varje tertial."
    read = read_layout(draw_report(model, tmp_path / "tight.pdf", Style(row_gap=0.5)).read_bytes())
    assert read is not None
    got = parse_text(read.text, "x.pdf", None, read)
    assert [ind.name for g in got.goals for ind in g.indicators] == \
        [ind.name for g in model.goals for ind in g.indicators]
    assert all(g.indicators[0].analysis for g in got.goals)


def test_activities_with_centred_headers(tmp_path):
    model = _two_goals()
    model.goals[0].activities = [Activity(text="Förvaltningen genomför trygghetsvandringar i stadsdelen.", line=0,
                                          start=date(2025, 3, 1), end=date(2025, 6, 30), deviation=True)]
    got = parse_file(draw_report(model, tmp_path / "acts.pdf", Style(header_align="center")))
    assert [(a.text, a.start, a.end, a.deviation) for a in got.goals[0].activities] == \
        [(a.text, a.start, a.end, a.deviation) for a in model.goals[0].activities]
