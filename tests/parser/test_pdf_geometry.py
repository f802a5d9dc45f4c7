"""PDFs read by the positions of their words (``auditor.input.pdf_geometry``), on PDFs drawn from models
(``pdf_draw``): the four corpus gold models and random models must come back cell for cell, with every row
placed by position (confidence 1.0), and each quirk of the drawing has a test of its own.

PDF drawing is slow (about a second for the largest corpus report), so each PDF is drawn once per module.
"""
from __future__ import annotations

import json
import re
import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings

from auditor.model import VALUE_COLUMNS, Activity, Goal, Indicator, Report, Value
from auditor.parser import parse_file, parse_text
from auditor.input.reader import read_report

from pdf_draw import Style, draw_report
from pdf_matrix import cell, cell_accuracy, f1, gold_models, without_forecast
from ..properties.test_roundtrip import essentials, report as report_strategy


def _rows(rep: Report) -> list:
    return [(gi, ind.name, ind.period, tuple(cell(getattr(ind, c)) for c in VALUE_COLUMNS))
            for gi, g in enumerate(rep.goals) for ind in g.indicators]


def _goals(rep: Report) -> list:
    return [(g.level, g.number, g.title, g.assessment) for g in rep.goals]


def _activities(rep: Report) -> list:
    return [(gi, " ".join(a.text.split()), a.start, a.end, a.deviation)
            for gi, g in enumerate(rep.goals) for a in g.activities]


# ---------------------------------------------------------------------- the four corpus gold models
VARIANTS = {
    # A4, "Prognos helår", the header repeated where a table goes on over a page break
    "forecast": Style(),
    # no "Prognos helår", short pages (tables split often) without a repeated header, rows cut by the page
    # break, cells in the middle of tall rows, and the previous year's column headed "Periodens utfall VB <year>"
    "no-forecast-split": Style(forecast=False, repeat_header=False, page_height=170.0, valign="middle",
                               previous_label="Periodens utfall VB", split_rows=True),
}


def _draw_gold(folder: Path, variant: str) -> dict:
    """stem -> (model drawn, report parsed from the PDF) for the four gold models in one variant."""
    from gold_to_model import gold_to_report

    style = VARIANTS[variant]
    out = {}
    for path in gold_models():
        model = gold_to_report(json.loads(path.read_text(encoding="utf-8")))
        if not style.forecast:
            model = without_forecast(model)
        pdf = _cached_drawing(model, path, variant, folder)
        read = read_report(pdf)
        out[path.stem] = (model, parse_text(read.text, str(pdf), None, read.layout), read)
    return out


def _cached_drawing(model: Report, gold: Path, variant: str, folder: Path) -> Path:
    """The gold model's PDF, drawn once per machine: kept in tests/.cache under a hash of the gold file,
    the variant and the drawing code (drawing the four reports takes seconds)."""
    import hashlib

    from conftest import CACHE
    import pdf_draw

    key = hashlib.sha256(gold.read_bytes() + variant.encode() + Path(pdf_draw.__file__).read_bytes()).hexdigest()[:16]
    cached = CACHE / "pdf-geometry" / f"{gold.stem}-{variant}-{key}.pdf"
    if not cached.is_file():
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = draw_report(model, folder / cached.name, VARIANTS[variant])
        tmp.replace(cached)
    return cached


@pytest.fixture(scope="module")
def gold_split(tmp_path_factory):
    if not gold_models():
        pytest.skip("../shared/corpus is absent")
    return _draw_gold(tmp_path_factory.mktemp("gold-pdf"), "no-forecast-split")


def _check_gold(drawn: dict) -> None:
    assert len(drawn) == 4
    for stem, (model, got, _) in drawn.items():
        scores = (f1(_goals(model), _goals(got)), f1(_rows(model), _rows(got)),
                  f1(_activities(model), _activities(got)), cell_accuracy(model, got, _rows))
        assert scores == (1.0, 1.0, 1.0, 1.0), (stem, scores)
        rows = [ind for g in got.goals for ind in g.indicators]
        assert all(ind.confidence == 1.0 and ind.columns_certain for ind in rows)
        assert all(set(ind.cell_confidence.values()) == {1.0} for ind in rows)
        assert not [d for d in got.diagnostics if d.code.startswith("unplaced")]


@pytest.mark.corpus
def test_gold_models_read_back_exactly_without_forecast_split_over_pages(gold_split):
    """Goal, indicator and activity F1 1.0 and cell accuracy 1.0 (uncertain gold rows included) on the four
    gold models drawn without "Prognos helår", on short pages whose tables go on without their header."""
    _check_gold(gold_split)


@pytest.mark.corpus
@pytest.mark.fuzz
def test_gold_models_read_back_exactly_with_forecast(tmp_path):
    """The same with "Prognos helår" on A4 pages, the header repeated after a page break (left to the long
    run: drawing and reading the four reports again takes several seconds)."""
    if not gold_models():
        pytest.skip("../shared/corpus is absent")
    _check_gold(_draw_gold(tmp_path, "forecast"))


@pytest.mark.corpus
def test_gold_tables_do_split_over_pages(gold_split):
    """The split variant does break tables over pages: some page goes on with a table's rows without a
    header before them."""
    model, got, read = max(gold_split.values(), key=lambda t: len(t[1].pages))
    text = read.text.split("\n")
    continued = 0
    for start in got.pages[1:]:
        first = next((line for no, line in enumerate(text[start - 1:], start=start)
                      if line.strip() and no not in read.layout.furniture), "")
        continued += not first.strip().startswith(("Indikator", "Aktivitet"))
    assert len(got.pages) > 20 and continued > 5


# ---------------------------------------------------------------------- random models
def _round_trip(model: Report, style: Style) -> None:
    # a PDF without any table is read from its text layer (nothing to place by position)
    assume(any(g.indicators or g.activities for g in model.goals))
    if not style.forecast:
        model = without_forecast(model)
    with tempfile.TemporaryDirectory() as tmp:
        got = parse_file(draw_report(model, Path(tmp) / "r.pdf", style))
    assert essentials(got) == essentials(model)
    assert all(ind.confidence == 1.0 for g in got.goals for ind in g.indicators)


PROPERTY = dict(deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
STYLES = [Style(), Style(forecast=False, repeat_header=False, page_height=150.0, valign="middle", split_rows=True),
          # the typography a browser or another tool may print: header cells centred both ways, numbers set
          # right, upright and landscape pages, rows cut by the page break without a repeated header
          Style(header_valign="middle", header_align="center", valign="middle", number_align="right",
                orientation="mixed", name_width=30.0, page_height=150.0, split_rows=True, repeat_header=False)]


@settings(max_examples=2, **PROPERTY)
@given(report_strategy(thousands=True))
def test_random_models_read_back_cell_for_cell_short(model):
    for style in STYLES:
        _round_trip(model, style)


@pytest.mark.fuzz
@settings(max_examples=120, **PROPERTY)
@given(report_strategy(thousands=True))
def test_random_models_read_back_cell_for_cell(model):
    for style in STYLES:
        _round_trip(model, style)


# ---------------------------------------------------------------------- quirks, one by one
def _v(text: str) -> Value:
    from auditor.input.values import parse_value
    return parse_value(text)


def _one_goal(*indicators: Indicator, activities=(), committee="Lövsjö stadsdelsnämnd") -> Report:
    goal = Goal(id="g0", level="verksamhetsomradesmal", number="1.1", line=0,
                title="Barn och unga i Lövsjö har en trygg uppväxt", assessment="delvis",
                analysis="Förvaltningen bedömer att målet uppfylls delvis.",
                indicators=list(indicators), activities=list(activities))
    return Report(source="<drawn>", committee=committee, report_kind="T1", year=2025, goals=[goal])


def _ind(name, period="Tertial 1 2025", **cells) -> Indicator:
    return Indicator(name=name, line=0, period=period, **{k: _v(v) for k, v in cells.items()})


QUIRKS = _one_goal(
    # values with units wider than their column: figure and unit on two lines
    _ind("Energianvändning i stadsdelens lokaler", outcome="1 231,9 MWh", previous="1 305,2 MWh",
         target="1 200 MWh", kf_target="Tas fram av nämnd/styrelse"),
    # empty leading cells and a split by sex
    _ind("Andel elever som känner sig trygga i skolan", period="2025", outcome_men="81 %",
         outcome_women="84 %", target="85 %"),
    # a long name over many lines, one cell
    _ind("Andel barn och unga som deltar i den av stadsdelsnämnden anordnade sommarverksamheten "
         "under skolans sommarlov i förhållande till samtliga barn och unga i stadsdelsområdet",
         target="Öka"),
    # a name with a figure in it that must stay in the name
    _ind("Andel ärenden som besvaras inom 14 dagar", outcome="92 %", forecast="93 %", target="95 %",
         kf_target="95 %"),
    activities=[Activity(text="Förvaltningen utvecklar samverkan med skolorna. Arbetet följs upp varje tertial.",
                         line=0, start=date(2025, 1, 1), end=date(2025, 12, 31), deviation=True),
                Activity(text="Förvaltningen genomför trygghetsvandringar.", line=0, start=date(2025, 3, 1),
                         end=date(2025, 6, 30))])


@pytest.fixture(scope="module")
def quirks(tmp_path_factory):
    folder = tmp_path_factory.mktemp("quirks")
    return {name: (style, draw_report(QUIRKS, folder / f"{name}.pdf", style)) for name, style in {
        "a4": Style(), "middle": Style(valign="middle", previous_label="Periodens utfall VB"),
        "tiny-pages": Style(page_height=95.0), "tiny-pages-no-header": Style(page_height=95.0, repeat_header=False),
        "no-forecast": Style(forecast=False),
        "split-rows": Style(page_height=95.0, split_rows=True),
        "split-rows-middle-no-header": Style(page_height=80.0, split_rows=True, valign="middle", repeat_header=False),
        # no white space between rows, cells in the middle beside names of up to seven lines
        "middle-tight": Style(valign="middle", row_gap=0.0, name_width=30.0)}.items()}


def _model_for(style: Style) -> Report:
    return QUIRKS if style.forecast else without_forecast(QUIRKS)


@pytest.mark.parametrize("name", ["a4", "middle", "tiny-pages", "tiny-pages-no-header", "no-forecast", "split-rows",
                                  "split-rows-middle-no-header", "middle-tight"])
def test_quirk_reports_read_back(quirks, name):
    style, pdf = quirks[name]
    got = parse_file(pdf)
    want = _model_for(style)
    assert _rows(got) == _rows(want)
    assert _activities(got) == _activities(want)
    assert all(ind.confidence == 1.0 and ind.alternative is None for ind in got.goals[0].indicators)


@pytest.mark.parametrize("name", ["split-rows", "split-rows-middle-no-header"])
def test_a_row_cut_by_a_page_break_is_read_as_one(quirks, name):
    """The drawing cuts rows at the page break (the rest of the name, or of the name and the cells, goes on
    at the top of the next page, after the repeated header or without one): each is still one row."""
    from auditor.input.pdf_geometry.words import read_pages

    style, pdf = quirks[name]
    pages = read_pages(pdf.read_bytes())
    words = {w.text: w.page for p in pages for w in p.words}
    cut = [ind.name for ind in QUIRKS.goals[0].indicators
           if words.get(ind.name.split()[0]) != words.get(ind.name.split()[-1])]
    assert cut, "no row was cut by a page break"
    got = parse_file(pdf)
    assert _rows(got) == _rows(_model_for(style)) and not got.diagnostics


def _turned(src: Path, dst: Path, angle: int) -> Path:
    """The PDF with every page stored turned back by ``angle`` and ``/Rotate angle`` set: a viewer shows the
    same pages as before (as a tool may store landscape pages)."""
    from pypdf import PdfWriter, Transformation
    from pypdf.generic import RectangleObject

    writer = PdfWriter(clone_from=str(src))
    for page in writer.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        matrix = {90: (0, 1, -1, 0, height, 0), 180: (-1, 0, 0, -1, width, height), 270: (0, -1, 1, 0, 0, width)}
        page.add_transformation(Transformation(matrix[angle]))
        if angle != 180:
            page.mediabox = RectangleObject([0, 0, height, width])
        page.rotation = angle
    writer.write(dst)
    return dst


@pytest.mark.parametrize("angle", [90, 180, 270])
def test_a_page_with_rotate_is_read_as_shown(tmp_path, angle):
    drawn = draw_report(QUIRKS, tmp_path / "across.pdf", Style(orientation="landscape"))
    got = parse_file(_turned(drawn, tmp_path / f"turned-{angle}.pdf", angle))
    assert _rows(got) == _rows(QUIRKS) and _activities(got) == _activities(QUIRKS)
    assert all(ind.confidence == 1.0 for ind in got.goals[0].indicators) and not got.diagnostics


def test_wrapped_cells_are_joined_by_position(quirks):
    from auditor.input.reader import read_file

    read = read_file(quirks["a4"][1])
    cells = list(read.layout.positioned.values())
    assert cells[0]["outcome"] == "1 231,9 MWh" and cells[0]["kf_target"] == "Tas fram av nämnd/styrelse"
    assert "outcome" not in cells[1] and cells[1]["outcome_men"] == "81 %"   # empty cells are left out
    header = next(line for line in read.text.splitlines() if line.strip().startswith("Indikator"))
    assert header.split() == ["Indikator", "Periodens", "utfall", "Utfall", "män/pojkar", "Utfall",
                              "kvinnor/flickor", "Utfall", "VB", "2024", "Prognos", "helår", "Årsmål", "KF:s",
                              "årsmål", "Period"]


def test_page_furniture_is_set_aside_by_band_and_repetition(quirks):
    from auditor.input.reader import read_file

    read = read_file(quirks["tiny-pages"][1])
    lines = read.text.split("\n")
    furniture = {lines[n - 1] for n in read.layout.furniture}
    assert "Lövsjö stadsdelsnämnd" in furniture and "Sid 2 (4)" in {l.strip() for l in furniture}
    assert "Tjänsteutlåtande" in furniture
    assert any("Box 8310" in line for line in furniture)
    got = parse_file(quirks["tiny-pages"][1])
    assert not got.diagnostics
    assert got.committee == "Lövsjö stadsdelsnämnd"


def test_pages_and_page_lines(quirks):
    got = parse_file(quirks["tiny-pages"][1])
    assert got.pages[0] == 1 and got.pages == sorted(got.pages) and len(got.pages) >= 3
    row = got.goals[0].indicators[-1]
    page, line = got.page_of(row.line)
    assert page > 1 and got.pages[page - 1] + line - 1 == row.line
    assert got.to_contract()["pages"] == got.pages


def test_text_reports_have_no_pages_key():
    from auditor.parser import parse_text

    rep = parse_text("Nämndmål: Barn i Lövsjö\n Uppfylls helt\n")
    assert rep.pages is None and "pages" not in rep.to_contract() and rep.page_of(1) is None


# ---------------------------------------------------------------------- fall-back and refusals
def test_pdf_without_header_geometry_falls_back_with_a_diagnostic(tmp_path):
    """A PDF printed line by line (each table header line one run of text at the left margin) has no
    column geometry: its text layer is read as before, and a diagnostic says so."""
    from fixture_compare import decode_fixture
    from pdf_util import pdf_safe, text_to_pdf, unicode_font

    pdf = text_to_pdf(pdf_safe(decode_fixture("example_vb"), unicode_font()), tmp_path / "lines.pdf")
    got = parse_file(pdf)
    assert [d.code for d in got.diagnostics].count("pdf-text-path") == 1
    assert got.goals and got.pages[0] == 1 and len(got.pages) > 1


def test_dump_text_writes_what_the_pdf_path_read(quirks, capsys):
    from auditor.commands.cli import main
    from auditor.input.reader import read_file

    pdf = quirks["a4"][1]
    assert main(["parse", str(pdf), "--dump-text"]) == 0
    out = capsys.readouterr().out
    assert out == read_file(pdf).text
    assert "\n Indikator Periodens utfall" in out


# ---------------------------------------------------------------------- locations in the outputs
@pytest.mark.parametrize("fmt,lang,pattern", [
    ("md", "sv", r"\*\*sida (\d+), rad (\d+)\*\*"), ("md", "en", r"\*\*page (\d+), line (\d+)\*\*"),
    ("terminal", "sv", r"sida (\d+), rad (\d+)"), ("html", "en", r"page (\d+), line (\d+)")])
def test_findings_of_a_pdf_say_page_and_line(quirks, tmp_path, capsys, fmt, lang, pattern):
    from auditor.commands.cli import main

    pdf = quirks["tiny-pages"][1]
    args = ["audit", str(pdf), "--format", fmt, "--lang", lang, "--no-config"]
    if fmt == "html":
        args += ["--output", str(tmp_path / "html")]
    main(args)
    out = capsys.readouterr().out
    if fmt == "html":
        out = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "html").glob("*.html"))
    found = re.findall(pattern, out)
    assert found, out[:2000]
    report = parse_file(pdf)
    page_lines = {report.page_of(line) for line in range(1, report.line_count + 1)}
    assert all((int(p), int(n)) in page_lines for p, n in found)


@pytest.mark.parametrize("command,lang", [(["audit", "--format", "terminal"], "sv"), (["audit", "--format", "md"], "en"),
                                          (["parse", "--format", "table", "--diagnostics"], "sv")])
def test_every_place_named_in_a_pdf_report_is_a_page_and_a_line(quirks, capsys, command, lang):
    """Finding messages, the rows and goals a finding lists, goal headings and the parse tree: none names a
    line of the extracted text alone ("rad 40"), which a reader of the PDF could not find."""
    from auditor.commands.cli import main

    pdf = quirks["tiny-pages"][1]
    main([command[0], str(pdf), *command[1:], "--lang", lang] + (["--no-config"] if command[0] == "audit" else []))
    out = " ".join(capsys.readouterr().out.split())
    line, page = ("rad", "sida") if lang == "sv" else ("line", "page")
    places = re.findall(rf"(?:{page} \d+, )?{line} \d+", out)
    assert places, out[:2000]
    assert all(p.startswith(page) for p in places), [p for p in places if not p.startswith(page)]


def test_compare_of_two_pdfs_names_pages(quirks, tmp_path, capsys):
    """A goal whose assessment changed, a row that moved away from its target and the findings that came
    and went: each named by page and line in the text, with the page keys in the JSON."""
    from auditor.commands.cli import main

    later = QUIRKS.model_copy(deep=True)
    goal = later.goals[0]
    goal.assessment, goal.analysis = "helt", ""
    goal.indicators[3].outcome = _v("80 %")
    newer = draw_report(later, tmp_path / "later.pdf", Style(page_height=95.0))
    main(["compare", str(quirks["tiny-pages"][1]), str(newer)])
    out = " ".join(capsys.readouterr().out.split())
    places = re.findall(r"(?:sida \d+, )?rad \d+", out)
    assert len(places) >= 3 and all(p.startswith("sida") for p in places), out[:2000]
    main(["compare", str(quirks["tiny-pages"][1]), str(newer), "--format", "json"])
    doc = json.loads(capsys.readouterr().out)
    assert all("old_page" in g and "new_page" in g for g in doc["goals_changed"]) and doc["goals_changed"]
    assert all("page" in f for f in doc["findings_new"] + doc["findings_fixed"])


def test_spreadsheets_of_a_pdf_have_the_page_beside_the_line(quirks):
    from auditor.render.sheets import column_sets, finding_rows, indicator_rows
    from auditor.workflow.audit import audit_paths

    pdf = quirks["tiny-pages"][1]
    result = audit_paths([pdf])
    findings, indicators = column_sets(result)
    assert findings[findings.index("line"):][:3] == ("line", "page", "page_line")
    assert indicators[indicators.index("line"):][:3] == ("line", "page", "page_line")
    report = parse_file(pdf)
    rows = finding_rows(result) + indicator_rows(result)
    assert rows and all(report.page_of(r["line"]) == (r["page"], r["page_line"]) for r in rows)


def test_json_findings_of_a_pdf_carry_page_and_page_line(quirks, capsys):
    from auditor.commands.cli import main

    pdf = quirks["tiny-pages"][1]
    main(["audit", str(pdf), "--format", "json", "--no-config"])
    findings = json.loads(capsys.readouterr().out)["reports"][0]["findings"]
    report = parse_file(pdf)
    assert findings and all(list(f)[:5] == ["rule", "severity", "line", "page", "page_line"] for f in findings)
    assert all(report.page_of(f["line"]) == (f["page"], f["page_line"]) for f in findings)


# ---------------------------------------------------------------------- the geometry on hand-made words
def _w(text: str, x: float, top: float, size: float = 7.0, page: int = 1):
    from auditor.input.pdf_geometry.words import Word
    return Word(text, x, x + 0.5 * size * len(text), top, top + size, size, page)


def _header(columns: list[tuple[float, list[str]]], top: float = 100.0, pitch: float = 8.0):
    """Header lines from (x, the column's words line by line)."""
    from auditor.input.pdf_geometry.lines import VLine

    rows: dict[int, list] = {}
    for x, words in columns:
        for k, text in enumerate(words):
            rows.setdefault(k, []).append(_w(text, x, top + k * pitch))
    return [VLine(sorted(ws, key=lambda w: w.x0), 1) for _, ws in sorted(rows.items())]


HEADER = [(50, ["Indikator"]), (180, ["Periodens", "utfall"]), (230, ["Utfall", "män/", "pojkar"]),
          (280, ["Utfall", "kvinnor/", "flickor"]), (330, ["Utfall VB", "2024"]), (380, ["Årsmål"]),
          (420, ["KF:s", "årsmål"]), (470, ["Period"])]


def test_columns_come_from_the_header_words_however_they_wrap():
    from auditor.input.pdf_geometry.tables import indicator_columns

    cols = indicator_columns(_header(HEADER))
    assert cols.names == ["name", "outcome", "outcome_men", "outcome_women", "previous", "target", "kf_target",
                          "period"]
    # without rows to show the white space, each boundary lies in the gap before its header
    lefts = [x for x, _ in HEADER]
    assert cols.starts[0] == 50
    assert all(prev < start <= left for prev, start, left in zip(lefts, cols.starts[1:], lefts[1:]))


def test_an_unknown_header_column_is_a_column_of_its_own():
    from auditor.input.pdf_geometry.tables import indicator_columns

    wide = [(x if x < 360 else x + 60, words) for x, words in HEADER]
    cols = indicator_columns(_header(wide[:5] + [(380, ["Målvärde"])] + wide[5:]))
    assert cols.names.index("?Målvärde") == 5 and cols.starts[4] < cols.starts[5] <= 380 < cols.starts[6]


def test_a_header_drawn_as_one_run_has_no_geometry():
    from auditor.input.pdf_geometry.lines import VLine
    from auditor.input.pdf_geometry.tables import indicator_columns

    words = "Indikator Periodens utfall Utfall män/pojkar Årsmål KF:s årsmål Period".split()
    x, line = 50.0, []
    for text in words:     # one run: the words follow each other at a word space
        line.append(_w(text, x, 100))
        x = line[-1].x1 + 2.0
    assert indicator_columns([VLine(line, 1)]) is None


def test_row_cells_by_position_and_a_word_across_two_columns_is_no_row():
    from auditor.input.pdf_geometry.lines import VLine
    from auditor.input.pdf_geometry.tables import indicator_columns, indicator_row

    cols = indicator_columns(_header(HEADER))
    row = [VLine([_w("Andel", 50, 130), _w("nöjda", 75, 130), _w("81", 230, 130), _w("%", 242, 130),
                  _w("85", 380, 130), _w("%", 392, 130), _w("2025", 470, 130)], 1),
           VLine([_w("brukare", 50, 138)], 1)]
    assert indicator_row(cols, row) == {"name": "Andel nöjda brukare", "outcome_men": "81 %", "target": "85 %",
                                        "period": "2025"}
    prose = [VLine([_w("Förvaltningen", 50, 130), _w("bedömer", 98, 130), _w("att", 126, 130),
                    _w("målet", 139, 130), _w("2025", 470, 130)], 1)]
    assert indicator_row(cols, prose) is None     # "att" runs from one column into the next


def test_furniture_recurs_at_the_same_height_and_a_repeated_table_header_is_content():
    from auditor.input.pdf_geometry.lines import find_furniture, visual_lines
    from auditor.input.pdf_geometry.tables import is_header_start
    from auditor.input.pdf_geometry.words import Page

    pages = []
    for n in range(1, 4):
        words = [_w("Lövsjö", 50, 20, page=n), _w(f"Sid {n} (3)", 400, 20, page=n),
                 _w("Indikator", 50, 70, page=n), _w("Period", 470, 70, page=n),
                 _w(f"Text {n * 7}", 50, 300, page=n), _w("2025-04-30", 400, 810, page=n)]
        pages.append(Page(n, 595, 842, words))
    lines = [visual_lines(p) for p in pages]
    furniture = find_furniture(pages, lines, is_header_start)
    texts = sorted({line.text for page in lines for line in page if id(line) in furniture})
    assert texts == ["2025-04-30", "Lövsjö Sid 1 (3)", "Lövsjö Sid 2 (3)", "Lövsjö Sid 3 (3)"]


@pytest.mark.parametrize("foot", ["Analys", "Uppfylls delvis"])
def test_a_heading_at_the_same_page_foot_on_several_pages_is_content(foot):
    """An ``Analys`` heading left at the foot of a page (its text goes on overleaf) can stand at the same
    height on most pages of a short report, as furniture does: it is still content, and so is an
    assessment; the address under it is furniture."""
    from auditor.input.pdf_geometry.layout import _is_structure
    from auditor.input.pdf_geometry.lines import find_furniture, visual_lines
    from auditor.input.pdf_geometry.words import Page

    pages = []
    for n in range(1, 6):
        words = [_w("Lövsjö", 50, 20, page=n), _w(f"Text {n * 7}", 50, 300, page=n),
                 _w(foot if n > 1 else "Text", 50, 370 + n * 0.8, page=n), _w("Box 8310", 50, 400, page=n)]
        pages.append(Page(n, 595, 425, words))
    lines = [visual_lines(p) for p in pages]
    furniture = find_furniture(pages, lines, _is_structure)
    assert sorted({line.text for page in lines for line in page if id(line) in furniture}) == ["Box 8310", "Lövsjö"]


@pytest.mark.parametrize("repeat_header", [True, False])
def test_an_activity_cut_by_a_page_break_is_read_as_one(tmp_path, repeat_header):
    from auditor.input.pdf_geometry.words import read_pages

    text = " ".join(["Förvaltningen arbetar vidare med samverkan i stadsdelen och följer upp arbetet."] * 8)
    model = _one_goal(activities=[Activity(text=text, line=0, start=date(2025, 1, 1), end=date(2025, 12, 31),
                                           deviation=k % 2 == 0) for k in range(4)])
    pdf = draw_report(model, tmp_path / "acts.pdf", Style(page_height=90.0, split_rows=True,
                                                          repeat_header=repeat_header))
    pages = read_pages(pdf.read_bytes())
    assert len(pages) >= 4
    got = parse_file(pdf)
    assert _activities(got) == _activities(model) and not got.diagnostics
