"""PDF input: PDFs generated from the fixture texts read back (pypdf) to text that parses like the original.

Two kinds of generated PDF:
- multi-page, blank lines drawn as a space: the extracted text must have the same lines as the fixture
  (trailing whitespace aside), and the parse the same goals, indicators and activities;
- one page, blank lines left as vertical gaps (as in a real PDF): ``auditor.input.pdf`` restores the blank lines
  from the layout, so the parse is again the same.
A PDF of a fixture with a page break exactly at a blank line loses that blank line (documented limit).
"""
from __future__ import annotations

import pytest

from fixture_compare import decode_fixture, fixture_names
from pdf_util import pdf_safe, text_to_pdf, unicode_font
from ..properties.test_roundtrip import essentials

NAMES = fixture_names()


def _lines(text: str) -> list[str]:
    return [line.rstrip() for line in text.split("\n") if line.strip()]


@pytest.mark.parametrize("name", NAMES)
def test_multipage_pdf_reads_back_line_for_line(name, tmp_path):
    from auditor.parser import parse_text
    from auditor.input.reader import read_text

    text = pdf_safe(decode_fixture(name), unicode_font())
    pdf = text_to_pdf(text, tmp_path / f"{name}.pdf", lines_per_page=48, blank_as_space=True)
    extracted = read_text(pdf)
    assert [l.rstrip() for l in extracted.rstrip().split("\n")] == [l.rstrip() for l in text.rstrip().split("\n")]
    assert essentials(parse_text(extracted)) == essentials(parse_text(text))


@pytest.mark.parametrize("name", NAMES)
def test_pdf_with_vertical_gaps_parses_like_the_text(name, tmp_path):
    from auditor.parser import parse_text
    from auditor.input.reader import read_text

    text = pdf_safe(decode_fixture(name), unicode_font())
    pdf = text_to_pdf(text, tmp_path / f"{name}.pdf", lines_per_page=400)
    extracted = read_text(pdf)
    assert _lines(extracted) == _lines(text)
    want, got = essentials(parse_text(text)), essentials(parse_text(extracted))
    assert got == want, [(w, g) for w, g in zip(want, got) if w != g][:2]


def test_core_font_pdf_keeps_swedish_letters(tmp_path):
    """Without a Unicode TTF the core Courier font still carries å, ä, ö (latin-1)."""
    from auditor.input.reader import read_text

    pdf = text_to_pdf("KF:s mål för verksamhetsområdet: 1.1 Äldre i Lövsjö får stöd\n Uppfylls helt\n",
                      tmp_path / "core.pdf", font=None)
    assert read_text(pdf).split("\n")[:2] == ["KF:s mål för verksamhetsområdet: 1.1 Äldre i Lövsjö får stöd",
                                              " Uppfylls helt"]


def test_cli_parses_a_pdf(tmp_path, capsys):
    import json

    from auditor.commands.cli import main

    pdf = text_to_pdf(pdf_safe(decode_fixture("example_vb"), unicode_font()), tmp_path / "example_vb.pdf")
    assert main(["parse", str(pdf), "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert [g["title"] for g in doc["goals"]][:2] == [
        "Ett Lövsjö där alla unga har en trygg uppväxt och en väg till arbete",
        "Unga i Lövsjö får en första kontakt med arbetslivet och känner sig trygga i skolan"]


def test_blank_lines_come_back_where_layout_mode_orders_the_lines_otherwise():
    """pypdf's layout mode orders a page's lines by height and joins a table row's cells into one line, while
    plain mode follows the content stream (furniture first, a wrapped row's dates under its text): the gaps
    still come back between the lines that follow each other in both, so an activity after an analysis
    starts a block of its own."""
    from auditor.input.pdf import merge_blank_lines

    plain = "\n".join(["Lövsjö stadsdelsnämnd Sid 2 (3)", "Box 8310", "Aktivitet Startdatum Slutdatum Avvikelse",
                       "Förvaltningen utvecklar samverkan", "med skolorna.", "2025-01-01 2025-12-31", "Analys",
                       "Arbetet går enligt plan.", "Förvaltningen genomför trygghetsvandringar. 2025-03-01 2025-06-30"])
    layout = "\n".join(["Lövsjö stadsdelsnämnd            Sid 2 (3)", "", "Aktivitet   Startdatum   Slutdatum",
                        "", "Förvaltningen utvecklar samverkan   2025-01-01   2025-12-31", "med skolorna.", "",
                        "Analys", "", "Arbetet går enligt plan.", "",
                        "Förvaltningen genomför trygghetsvandringar.   2025-03-01   2025-06-30", "", "Box 8310"])
    lines = merge_blank_lines(plain, layout).split("\n")
    assert lines[lines.index("Arbetet går enligt plan.") + 1] == ""
    assert lines[lines.index("Analys") + 1] == ""
    # lines that do not follow each other in both modes get no gap from it
    assert lines[:3] == plain.split("\n")[:3]


def test_a_drawn_pdf_read_as_text_keeps_an_activity_after_an_analysis(tmp_path):
    """A PDF drawn as ILS prints it, read from its text layer (the text path): each activity after another's
    analysis is an activity of its own, not the tail of that analysis."""
    from datetime import date

    from auditor.input.pdf import pdf_to_text
    from auditor.model import Activity, Goal, Report
    from auditor.parser import parse_text
    from pdf_draw import Style, draw_report

    acts = [Activity(text=f"Förvaltningen genomför insats nummer {n} i stadsdelen.", line=0,
                     start=date(2025, 1, 1), end=date(2025, 12, 31),
                     analysis="Arbetet följs upp löpande och går enligt plan.") for n in range(1, 5)]
    goal = Goal(id="g0", level="namndmal", line=0, title="Barn och unga i Lövsjö har en trygg uppväxt",
                assessment="delvis", analysis="Förvaltningen bedömer att målet uppfylls delvis.", activities=acts)
    model = Report(source="<drawn>", committee="Lövsjö stadsdelsnämnd", report_kind="T1", year=2025, goals=[goal])
    pdf = draw_report(model, tmp_path / "acts.pdf", Style(page_height=120.0))
    got = parse_text(pdf_to_text(pdf.read_bytes(), str(pdf)), str(pdf))
    assert [(" ".join(a.text.split()), a.start, a.end) for g in got.goals for a in g.activities] == \
        [(a.text, a.start, a.end) for a in acts]
