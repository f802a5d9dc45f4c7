"""Whether an indicator meets its annual target: the judgement shared by GOAL-FULL-UNMET-IND,
IND-UNMET-NO-ANALYSIS, IND-TEXT-MET and the indicator counts of GOAL-CLAIM-COUNT, made once per row, for
the rules and for every output.

- the figure compared: the outcome in an annual report (VB); in a tertial report (T1, T2) the forecast for
  the year, or the outcome when there is no forecast;
- the target: the annual target's number, or the one number in a text target ("Max 10 personer");
- which way is better: words in the target cells ("Öka", "Max"), then the indicator's name, then the
  default (all data in ``rules/directions.yaml``, see ``auditor.knowledge``);
- whether the row was measured this period: its own analysis may say the survey was not carried out; a
  printed figure is then not this period's outcome and the target is neither met nor missed.

The audit keeps the result per row (``ReportAudit.indicator_status``), so the spreadsheets, the HTML goal
tree and ``compare`` show what the rules judged rather than deciding again.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..knowledge import Knowledge, decide_direction
from ..model import Indicator, Report, Value
from ..input.values import parse_value

TERTIALS = ("T1", "T2")


@dataclass(frozen=True)
class IndicatorStatus:
    figure: float | None               # the figure compared with the target
    figure_column: str | None          # "outcome" | "forecast"
    target: float | None
    direction: str                     # "higher" | "lower" | "band" (the figure should stay within ±target)
    direction_basis: str               # what decided it: "target text" | "name pattern" | "fallback"
    direction_detail: str | None       # the target cell or the name pattern that decided it
    measured: bool                     # False when the row's analysis says it was not measured this period
    met: bool | None                   # None when it cannot be decided (no figure, no target, not measured)


# A number inside a text: thousands with spaces, a decimal comma or point, a minus sign.
_NUMBER_IN_TEXT = re.compile(r"[-−]?\d{1,3}(?:[ \u00a0]\d{3})+(?:,\d+)?|[-−]?\d+(?:[.,]\d+)?")


def cell_number(cell: Value | None) -> float | None:
    return None if cell is None or cell.value is None else float(cell.value)


# "+/-1 %", "± 1 %": a band around zero, whose number is its half-width (the minus is not the number's sign)
_BAND = re.compile(r"\+\s*/\s*[-−]|±")


def target_number(cell: Value | None) -> float | None:
    """The target's number; a text target counts when it holds exactly one number ("Max 10 personer"), a
    band ("+/-1 %") by its width."""
    if cell is None or cell.value is not None or not cell.text:
        return cell_number(cell)
    found = _NUMBER_IN_TEXT.findall(cell.text)
    number = parse_value(found[0]).value if len(found) == 1 else None     # read as a table cell is read
    return abs(number) if number is not None and _BAND.search(cell.text) else number


def is_band(text: str | None) -> bool:
    """A target cell's text prints a band ("+/-1 %"): shown as printed, compared only as a band."""
    return bool(text and _BAND.search(text))


def compared_figure(report_kind: str | None, ind: Indicator) -> tuple[float | None, str | None]:
    outcome, forecast = cell_number(ind.outcome), cell_number(ind.forecast)
    if report_kind in TERTIALS and forecast is not None:
        return forecast, "forecast"
    return outcome, ("outcome" if outcome is not None else None)


def figure_cells(report_kind: str | None, figure_column: str | None) -> tuple[str, ...]:
    """The cells the compared figure rests on, present or empty: its own column, and in a tertial report
    also the forecast, since an empty forecast is what lets the outcome stand in for it (a forecast that
    another reading of the row would fill makes the comparison as unsure as that reading)."""
    own = figure_column or "outcome"
    if report_kind in TERTIALS and own != "forecast":
        return (own, "forecast")
    return (own,)


def is_met(figure: float | None, target: float | None, direction: str) -> bool | None:
    if figure is None or target is None:
        return None
    if direction == "lower":
        return figure <= target
    if direction == "band":
        return abs(figure) <= abs(target)
    return figure >= target


def measured(ind: Indicator, k: Knowledge) -> bool:
    return not (ind.analysis and any(p.search(ind.analysis) for p in k.not_measured))


def status_of(ind: Indicator, report_kind: str | None, k: Knowledge,
              was_measured: bool | None = None) -> IndicatorStatus:
    """The row's status; ``was_measured``, when the caller knows it already (the row's analysis, which
    decides it, is the same for every reading of its cells), spares searching the analysis again."""
    figure, column = compared_figure(report_kind, ind)
    target = target_number(ind.target)
    direction, basis, detail = decide_direction(ind, k)
    if was_measured is None:
        was_measured = measured(ind, k)
    return IndicatorStatus(figure=figure, figure_column=column, target=target, direction=direction,
                           direction_basis=basis, direction_detail=detail, measured=was_measured,
                           met=is_met(figure, target, direction) if was_measured else None)


StatusKey = tuple[str, int]   # (goal id, the indicator's line)


def statuses(report: Report, k: Knowledge) -> dict[StatusKey, IndicatorStatus]:
    """Every indicator row's status, by goal id and line (what the outputs look rows up by)."""
    return {(g.id, ind.line): status_of(ind, report.report_kind, k) for g in report.goals for ind in g.indicators}
