"""Tables whose header's geometry gives no columns, read as text from the words' boxes
(``auditor/input/pdf_geometry/text_rows.py``): each row written as the text parser reads one, its wrapped cells
joined, the spaces of its empty cells where the table's rows show its columns, the page furniture set aside."""
from __future__ import annotations

from auditor.model import Goal, Indicator, Report
from auditor.input.pdf_geometry.lines import VLine
from auditor.input.pdf_geometry.text_rows import text_row, text_table
from auditor.input.pdf_geometry.words import Word
from auditor.input.reader import read_pdf
from auditor.parser import parse_file, parse_text

from pdf_draw import Style, draw_report
from pdf_matrix import rows


def _w(text: str, x: float, top: float, size: float = 7.0) -> Word:
    return Word(text, x, x + 0.5 * size * len(text), top, top + size, size, 1)


def _line(*words: Word) -> VLine:
    return VLine(sorted(words, key=lambda w: w.x0), 1)


def _row(top: float, name: list[str], cells: list[tuple[float, list[str]]]) -> list[VLine]:
    """A table row drawn with its name at x 40 and each cell at its x, every line 9 pt below the last."""
    height = max([len(name)] + [len(lines) for _, lines in cells])
    out = []
    for k in range(height):
        words = []
        if k < len(name):
            x = 40.0
            for text in name[k].split():
                words.append(_w(text, x, top + 9 * k))
                x += 3.5 * len(text) + 2
        for cx, lines in cells:
            if k < len(lines):
                x = cx
                for text in lines[k].split():
                    words.append(_w(text, x, top + 9 * k))
                    x += 3.5 * len(text) + 2
        out.append(_line(*words))
    return out


def test_cells_wrapped_on_lines_of_their_own_are_joined_into_one_row():
    """``Tas fram`` / ``av`` / ``nämnd`` and ``Tertial 2`` / ``2020`` are one cell each, beside a name over
    three lines: the row is the name, then its cells on one line, the period last."""
    lines = _row(100, ["Antal platser för", "feriejobb i", "stadens regi"],
                 [(160, ["14 st"]), (260, ["10 st"]), (330, ["Tas fram", "av", "nämnd"]), (380, ["Tertial 2", "2020"])])
    row = text_row(lines, 40.0)
    assert row is not None
    assert row.name == ["Antal platser för", "feriejobb i", "stadens regi"]
    assert row.value_line(None) == "14 st 10 st Tas fram av nämnd Tertial 2 2020"


def test_the_tables_rows_give_the_spaces_of_empty_cells():
    """Pooled, the rows' cells stand in as many columns as the header names (here five and the period):
    a row that fills three of them gets one more space for each empty one, as a text-like PDF prints it."""
    full = _row(100, ["Andel nöjda"], [(160, ["81 %"]), (200, ["79 %"]), (240, ["83 %"]), (280, ["80 %"]),
                                       (320, ["85 %"]), (380, ["Tertial 1", "2025"])])
    short = _row(130, ["Andel trygga"], [(160, ["70 %"]), (280, ["72 %"]), (380, ["2025"])])
    columns = text_table([full, short], 6).columns
    assert columns is not None and len(columns) == 6
    assert text_row(short, 40.0).value_line(columns) == "70 %   72 %  2025"
    # a column count the rows do not show: no spaces are made up
    assert text_table([full, short], 7).columns is None
    assert text_row(short, 40.0).value_line(None) == "70 % 72 % 2025"


def test_a_figure_at_the_left_edge_is_no_name():
    """A text-like PDF draws each text line as one run from the left margin, its value lines too: a group
    that starts with a figure there is no row (the text layer is read for such a PDF)."""
    lines = [_line(_w("80", 40, 100), _w("80", 160, 100), _w("%", 172, 100), _w("2025", 380, 100))]
    assert text_row(lines, 40.0) is None


def _report() -> Report:
    from auditor.input.values import parse_value as v

    def goal(k: int, rows: list[Indicator]) -> Goal:
        return Goal(id=f"g{k}", level="namndmal", line=0, title=f"Äldre i Lövsjö har en god vård och omsorg {k}",
                    assessment="helt", indicators=rows)
    return Report(source="<drawn>", committee="Lövsjö stadsdelsnämnd", report_kind="T1", year=2025, goals=[
        goal(0, [Indicator(name="Andel omsorgstagare som är nöjda med hemtjänsten i sin helhet", line=0,
                           period="Tertial 1 2025", outcome=v("88 %"), outcome_men=v("86 %"), outcome_women=v("89 %"),
                           previous=v("87 %"), target=v("90 %"), kf_target=v("90 %")),
                 Indicator(name="Antal platser på dagverksamhet", line=0, period="Tertial 1 2025", outcome=v("42 st"),
                           previous=v("40 st"), forecast=v("44 st"), target=v("45 st"),
                           kf_target=v("Tas fram av nämnd")),
                 Indicator(name="Andel trygga omsorgstagare", line=0, period="2025", target=v("85 %"))])])


def test_a_pdf_whose_header_has_no_geometry_is_read_from_the_words_boxes(tmp_path):
    """The only table's header is one run of text: no table is read by position, so the PDF is read as
    text, but from its words' boxes, not its text layer: every row comes back whole (the ``Tas fram av
    nämnd`` cell wrapped over lines joined, the empty cells spaced by the rows' columns), the page
    furniture is set aside, and the diagnostic says the PDF was read as text."""
    model = _report()
    pdf = draw_report(model, tmp_path / "run.pdf", Style(run_header=0, name_width=30.0))
    read = read_pdf(pdf.read_bytes(), str(pdf))
    assert read.text_path and read.layout is not None and not read.layout.positioned
    assert len(read.layout.text_rows) == 3
    got = parse_file(pdf)
    assert rows(got) == rows(model)
    assert [d.code for d in got.diagnostics] == ["pdf-text-path"]
    assert not any("Tjänsteutlåtande" in g.title for g in got.goals)


def test_the_fallback_measured_on_a_pdf_whose_headers_read(tmp_path):
    """``read_columns=False`` (``benchmarks/pdf_matrix.py --text``) reads every indicator table as text,
    as the reader does when no header gives its columns; the drawn report comes back the same."""
    model = _report()
    pdf = draw_report(model, tmp_path / "cols.pdf", Style(header_valign="middle", header_align="center",
                                                          valign="middle", number_align="right"))
    read = read_pdf(pdf.read_bytes(), str(pdf), read_columns=False)
    assert read.text_path and not read.layout.positioned and read.layout.tables == 0
    assert rows(parse_text(read.text, str(pdf), None, read.layout)) == rows(model)


def test_a_row_cut_by_a_page_break_is_read_as_one(tmp_path):
    """Short pages, rows cut by the page break (the rest of the name and of a wrapped cell overleaf, below
    the page furniture): each cut row is held at the foot of its page and read with its rest as one row,
    as by position."""
    from auditor.input.values import parse_value as v

    names = ["Andel äldre med hemtjänst som känner sig trygga i sitt eget hem på kvällar och nätter",
             "Andel omsorgstagare på vård- och omsorgsboende som är nöjda med maten och måltidsmiljön",
             "Antal deltagare i de träffpunkter för äldre som förvaltningen driver i stadsdelsområdet",
             "Andel medarbetare inom äldreomsorgen som har genomgått utbildning i demensvård under året",
             "Andel anhöriga som upplever att de får ett gott bemötande av personalen i hemtjänsten"]
    model = Report(source="<drawn>", committee="Lövsjö stadsdelsnämnd", report_kind="T1", year=2025, goals=[
        Goal(id="g0", level="namndmal", line=0, title="Äldre i Lövsjö känner sig trygga", assessment="delvis",
             indicators=[Indicator(name=name, line=0, period="Tertial 1 2025", outcome=v(f"{80 + k} %"),
                                   outcome_men=v(f"{78 + k} %"), outcome_women=v(f"{82 + k} %"),
                                   previous=v(f"{79 + k} %"), forecast=v(f"{81 + k} %"), target=v("85 %"),
                                   kf_target=v("Tas fram av nämnd")) for k, name in enumerate(names)])])
    pdf = draw_report(model, tmp_path / "cut.pdf", Style(page_height=130.0, split_rows=True, repeat_header=False,
                                                         name_width=24.0))
    data = pdf.read_bytes()
    read = read_pdf(data, str(pdf), read_columns=False)
    by_position = read_pdf(data, str(pdf))
    assert len(by_position.layout.pages) > 2
    assert len(read.layout.text_rows) == len(names)
    assert rows(parse_text(read.text, str(pdf), None, read.layout)) == rows(model)


def test_tables_pool_their_rows_only_with_tables_printed_alike():
    """Two tables under the same header words, their columns sized differently (as a browser sizes each
    HTML table to its content): each table's rows give its own columns, where pooled they would give none."""
    import importlib

    layout = importlib.import_module("auditor.input.pdf_geometry.layout")

    def table(top: float, xs: list[float]) -> list[VLine]:
        header = _line(_w("Indikator", 40, top), _w("Periodens", xs[0], top), _w("utfall", xs[0] + 34, top),
                       _w("Årsmål", xs[1], top), _w("Period", xs[2], top))
        full = _row(top + 20, ["Andel nöjda"], [(xs[0], ["81 %"]), (xs[1], ["85 %"]), (xs[2], ["2025"])])
        short = _row(top + 40, ["Andel trygga"], [(xs[1], ["90 %"]), (xs[2], ["2025"])])
        return [header, *full, *short]

    first, second = table(100, [160, 240, 300]), table(200, [200, 320, 400])
    content = [first + second]
    headers = layout.find_headers(content, read_columns=False)
    tables = layout.text_tables(headers, content)
    assert set(tables) == {id(first[0]), id(second[0])}
    assert tables[id(first[0])].columns is not None and tables[id(second[0])].columns is not None
    assert tables[id(first[0])].columns != tables[id(second[0])].columns
    assert text_row(second[2:3], 40.0).value_line(tables[id(second[0])].columns) == " 90 % 2025"


def test_rows_set_tight_end_where_the_next_row_begins():
    """Rows without white space between them, cells at the top: the next row begins on the line that
    starts at the name's edge and holds a period cell where the row's period stands, though its period
    (``Tertial 1 2025``) is longer than the row's (``2025``) set left in the same column."""
    import importlib

    layout = importlib.import_module("auditor.input.pdf_geometry.layout")
    first = _row(100, ["Andel barn och unga som är", "nöjda med tillgången till", "fritidsaktiviteter"],
                 [(200, ["70 %"]), (260, ["69 %"]), (320, ["2025"])])
    second = _row(100 + 9 * 3, ["Andel barn som lever i familjer"], [(200, ["2,3 %"]), (260, ["2,7 %"]),
                                                                     (320, ["Tertial 1 2025"])])
    assert not layout._next_text_row(first[:1], first[1])
    assert not layout._next_text_row(first[:2], first[2])
    assert layout._next_text_row(first, second[0])


def test_the_text_layer_sets_aside_the_furniture_the_geometry_found():
    """The text layer joins or splits the page header's lines as its content stream draws them; its lines
    made of the furniture the geometry found on that page are furniture, each piece once (the committee's
    name in the first page's title stays content)."""
    from auditor.input.pdf import furniture_lines

    pages = ["Lövsjö stadsdelsnämnd Tjänsteutlåtande Sid 1 (2)\nLövsjö stadsdelsnämnd\nTertialrapport 1 2025",
             "Nämndmål: Äldre i Lövsjö\nLövsjö stadsdelsnämnd\nTjänsteutlåtande\nSid 2 (2)"]
    furniture = [["Tjänsteutlåtande", "Lövsjö stadsdelsnämnd", "Sid 1 (2)"],
                 ["Tjänsteutlåtande", "Lövsjö stadsdelsnämnd", "Sid 2 (2)"]]
    assert furniture_lines(pages, furniture) == {1, 5, 6, 7}


def test_a_pdf_read_from_its_text_layer_keeps_the_geometry_s_furniture(tmp_path):
    """Read from the text layer (the fall-back for text-like PDFs), a drawn report's page furniture is set
    aside where the geometry found it, whatever its wording: no goal title takes in the committee's name
    printed at a page break."""
    from auditor.input.pdf_geometry import read_layout
    from auditor.input.reader import read_pdf_as_text
    from pdf_matrix import goals

    model = _report()
    for k in range(1, 6):
        goal = model.goals[0].model_copy(deep=True)
        goal.id, goal.title = f"g{k}", f"Äldre i Lövsjö har en god vård och omsorg {k}"
        model.goals.append(goal)
    pdf = draw_report(model, tmp_path / "layer.pdf", Style(page_height=150.0))
    data = pdf.read_bytes()
    read = read_pdf_as_text(data, str(pdf), layout=read_layout(data))
    assert read.layout is not None and len(read.layout.furniture) >= 3 * len(read.pages)
    assert not read.layout.positioned
    assert goals(parse_text(read.text, str(pdf), None, read.layout)) == goals(model)
