"""Test support: render a ``Report`` back into the text layout of an ILS-webb report, as PDF extraction prints it.

The inverse of the parser, used by the round-trip property tests (model -> text -> parser -> same model)
and to make test reports and PDFs from models. It writes the tertial-report layout of the corpus
(``KF:s mål för verksamhetsområdet: 1.1 Titel``) by default, or the annual-report layout with labels on their
own line (``style="vb"``). What it emits, exactly:

- a title block: committee, "Verksamhetsberättelse 2020" / "Tertialrapport 1 2025";
- per goal: label and number with the title (wrapped, soft wraps end in a space), the marker
  (" Uppfylls helt", " Uppfylls delvis", " Uppfylls inte", " Ingen"), its text sections ("Beskrivning",
  "Förväntat resultat"), its "Analys" block;
- per indicator table: the header (split over lines as in the corpus), then per row the name (wrapped to a
  narrow column), a blank line, and one value line where cells are joined by one space and each empty cell
  adds one more space (so leading spaces = empty leading cells), then the period; "Analys" follows the row
  directly;
- per activity table: " Aktivitet Startdatum Slutdatum Avvikelse", the text, a blank line, the dates line
  ("2025-01-01 2025-12-31" plus " Avvikelse" when flagged), then "Analys" and its text.

Not emitted: page furniture, narrative paragraphs outside the goals (except a short summary), diagnostics.
Cells are written from ``Value.text`` when it is set, else formatted from value and unit
("1 234,5 kr": thousands separated by spaces, decimal comma).
"""
from __future__ import annotations

import textwrap
from dataclasses import dataclass
from typing import Literal

from auditor.model import VALUE_COLUMNS, Activity, Goal, Indicator, Report, Value
from auditor.input.lines import name_lines
from auditor.words.form import LEVEL_NAMES, MARKERS

Style = Literal["t1", "vb"]


@dataclass(frozen=True)
class TableForm:
    """Another form's indicator table: its header lines as the extraction prints them ("{prev}" stands for
    last year) and its value columns in order (the period comes last). Cells of other columns are not
    printed."""

    header: tuple[str, ...]
    columns: tuple[str, ...]

LABELS = {level: f"{name}:" for level, name in LEVEL_NAMES.items()}
KIND_TITLES = {"VB": "Verksamhetsberättelse", "T1": "Tertialrapport 1", "T2": "Tertialrapport 2"}

TEXT_WIDTH = 88   # prose (titles, analyses) wraps at about this width in the corpus
NAME_WIDTH = 26   # the indicator-name column is narrow
ACTIVITY_WIDTH = 64


def render_report(report: Report, style: Style | None = None, table: TableForm | None = None) -> str:
    """The report as ILS text. ``style`` defaults to "vb" for annual reports and "t1" otherwise; ``table``
    prints the indicator tables in another form's columns (default: the corpus's eight)."""
    if style is None:
        style = "vb" if report.report_kind == "VB" else "t1"
    out: list[str] = []
    if report.committee:
        out.append(report.committee)
    if report.report_kind or report.year:
        out.append(" ".join(str(x) for x in (KIND_TITLES.get(report.report_kind or "", ""), report.year or "") if x))
    if out:
        out.append("")
    out += ["Uppföljning av Kommunfullmäktiges inriktningsmål", ""]
    for goal in report.goals:
        out += _goal(goal, report, style, table)
    return "\n".join(out).rstrip("\n") + "\n"


def _wrap(text: str, width: int, cell: bool = False) -> list[str]:
    """Wrap prose the way the extraction prints it: each soft-wrapped line keeps its trailing space.

    ``cell``: text in a table cell (an indicator name) never starts a line with a digit, so that a wrapped
    "inom 14 dagar" cannot be read as a value line "14 dagar".
    """
    lines = textwrap.wrap(" ".join(text.split()), width=width, break_long_words=False, break_on_hyphens=False)
    if cell:
        lines = name_lines(lines)
    return [line + " " for line in lines[:-1]] + lines[-1:]


def _paragraphs(text: str, width: int = TEXT_WIDTH) -> list[str]:
    out: list[str] = []
    for para in [p for p in text.split("\n\n") if p.strip()]:
        out += _wrap(para, width)
    return out


def _goal(goal: Goal, report: Report, style: Style, table: TableForm | None = None) -> list[str]:
    number = goal.number or ""
    if number and goal.level == "inriktningsmal":
        number += "."
    heading = f"{number} {goal.title}".strip()
    out: list[str] = []
    if style == "t1":
        out += _wrap(f"{LABELS[goal.level]} {heading}", TEXT_WIDTH)
    else:
        out.append(LABELS[goal.level])
        out += _wrap(heading, TEXT_WIDTH)
    out.append("")
    if goal.assessment:
        out += [" " + MARKERS[goal.assessment], ""]
    for section in goal.sections:
        out += [section.label, ""] + _paragraphs(section.text) + [""]
    if goal.analysis and goal.analysis.strip():
        out += ["Analys", ""] + _paragraphs(goal.analysis) + [""]
    if goal.indicators:
        if table is None:
            out += _indicator_header(report, style)
            for ind in goal.indicators:
                out += _indicator(ind)
        else:
            prev = (report.year - 1) if report.year else ""
            out += [line.format(prev=prev) for line in table.header]
            for ind in goal.indicators:
                out += _indicator(ind, table.columns)
    if goal.activities:
        out += [" Aktivitet Startdatum Slutdatum Avvikelse", ""]
        for act in goal.activities:
            out += _activity(act)
    return out


def _indicator_header(report: Report, style: Style) -> list[str]:
    prev = (report.year - 1) if report.year else ""
    if style == "vb":
        return [" Indikator Periodens ", "utfall", "", "Utfall ", "män/ ", "pojkar", "", "Utfall ", "kvinn",
                "or/ ", "flicko", "r", "", "Perio", "dens ", "utfall ", "VB ", f"{prev}", "",
                "Progno", "s helår Årsmål KF:s ", "", "årsmål Period", ""]
    return ["   Indikator Periodens ", "utfall ", "", "Utfall ", "män/ ", "pojkar ", "", "Utfall ", "kvinnor/ ",
            "flickor ", "", "Utfall VB ", f"{prev} ", "", "Prognos ", "helår Årsmål KF:s ", "", "årsmål Period ",
            ""]


def format_number(value: float) -> str:
    """1234.5 -> "1 234,5"; 7.0 -> "7"."""
    if value == int(value) and abs(value) < 1e15:
        whole, frac = f"{int(abs(value)):,}".replace(",", " "), ""
    else:
        text = f"{abs(value):.6f}".rstrip("0").rstrip(".")
        int_part, _, frac = text.partition(".")
        whole = f"{int(int_part):,}".replace(",", " ")
    sign = "-" if value < 0 else ""
    return sign + whole + ("," + frac if frac else "")


def format_cell(cell: Value | None) -> str:
    if cell is None:
        return ""
    if cell.text and cell.text.strip():
        return " ".join(cell.text.split())
    if cell.value is None:
        return ""
    return format_number(cell.value) + (f" {cell.unit}" if cell.unit else "")


def value_line(ind: Indicator, columns: tuple[str, ...] = VALUE_COLUMNS) -> str:
    """The cells joined by one space, one extra space per empty cell, then the period."""
    cells = [format_cell(ind.cells()[col]) for col in columns]
    line = " ".join(cells)
    period = " ".join((ind.period or "").split())
    return f"{line} {period}".rstrip() if period else line.rstrip()


def _indicator(ind: Indicator, columns: tuple[str, ...] = VALUE_COLUMNS) -> list[str]:
    out = _wrap(ind.name, NAME_WIDTH, cell=True) + ["", value_line(ind, columns), ""]
    if ind.analysis and ind.analysis.strip():
        out = out[:-1] + ["", "Analys"] + _paragraphs(ind.analysis) + [""]
    return out


def _activity(act: Activity) -> list[str]:
    out = _wrap(act.text, ACTIVITY_WIDTH) + [""]
    dates = " ".join(d.isoformat() for d in (act.start, act.end) if d is not None)
    if dates:
        out.append(dates + (" Avvikelse" if act.deviation else "  "))
    elif act.deviation:
        out.append("Avvikelse")
    out.append("")
    if act.analysis and act.analysis.strip():
        out += ["Analys"] + _paragraphs(act.analysis) + [""]
    return out
