"""Facts for what the prose states about an indicator's own figures, with the table's side beside it.

One ``FigureClaimFact`` per statement the claims reader found (``Indicator.claims`` and the trends kept
beside them, see ``auditor.prose.claims``): what the sentence states, what the table shows in the
column the statement speaks of, and how sure the placement of those cells is. The table's side is read
with the judgements the rules share (``auditor.policy``):

- a figure (outcome, forecast, annual target, previous year's outcome): the number in its cell;
- that the target is reached or missed: the row's ``met`` (``auditor.policy.target``), from the compared
  figure's column;
- a trend ("har ökat"): which way the outcome moved from the previous year's column
  (``auditor.policy.figures.trend``).

Whether the statement contradicts the table is decided by the IND-TEXT-FIGURE, IND-TEXT-MET and
IND-TEXT-TREND rule modules, each in its own words.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..model import CERTAIN, Indicator, Report
from ..policy.figures import trend
from ..policy.target import cell_number

COLUMN = {"outcome": "outcome", "forecast": "forecast", "target": "target", "previous": "previous"}


@dataclass(frozen=True)
class FigureClaimFact:
    key: str
    goal: str                          # the indicator's goal id
    line: int                          # the sentence's line
    text: str                          # the sentence
    kind: str                          # "outcome" | "forecast" | "target" | "previous" | "met" | "trend"
    column: str | None                 # the table column compared ("outcome", ...; "figure" when met is unknown)
    indicator: str                     # the indicator's name
    indicator_line: int
    unit: str | None
    stated: object                     # a number, True/False (met) or "up"/"down"/"same"/"better"/"worse" (trend)
    table: object                      # the table's side, the same kind of value; None when it has none
    sure: bool                         # the cells of the table's side are placed for certain
    figure: float | None               # met: the compared figure (outcome or forecast, see ``column``)
    target: float | None               # met: the annual target
    outcome: float | None              # this period's outcome ...
    previous: float | None             # ... the previous year's
    forecast: float | None             # ... and the forecast for the year
    direction: str | None              # "higher" | "lower" | "band"
    direction_basis: str | None        # what decided it; "fallback": only assumed
    report_kind: str | None            # "VB" | "T1" | "T2"
    unit_kind: str                     # "percent" | "other"


def _sure(ind: Indicator, column: str | None) -> bool:
    """Whether the cell in ``column`` is placed for certain (the one place this module asks)."""
    return column is not None and ind.cell_sure(column) >= CERTAIN


def _table_side(ind: Indicator, fact, kind: str) -> tuple[str | None, object, bool]:
    """(the column compared, what the table shows there, whether those cells are placed for certain)."""
    if kind in COLUMN:
        column = COLUMN[kind]
        return column, cell_number(getattr(ind, column)), _sure(ind, column)
    if kind == "met":
        column = fact.figure_column
        if fact.met is None or column is None:
            return "figure", None, False
        return column, fact.met, _sure(ind, column) and _sure(ind, "target")
    before, after = cell_number(ind.previous), cell_number(ind.outcome)
    if before is None or after is None:
        return "outcome", None, False
    return "outcome", trend(before, after), _sure(ind, "outcome") and _sure(ind, "previous")


def derive(report: Report, rows: dict, indicators: list) -> list[FigureClaimFact]:
    """The figure-claim facts of a report: ``rows`` maps an indicator fact's key to its model row,
    ``indicators`` are the indicator facts."""
    by_row = {id(rows[f.key]): f for f in indicators if f.key in rows}
    out: list[FigureClaimFact] = []
    seen: set[str] = set()
    # a sentence's words as a key holds them, by its text: a sentence states several figures, of several rows
    words_of: dict[str, str] = {}
    for g in report.goals:
        for ind in g.indicators:
            fact = by_row.get(id(ind))
            if fact is None:
                continue
            # the trends as read (better/worse judged by the audit's directions) when the row was parsed
            # here; a row loaded from the contract has only its claims' up/down/same
            trends = ind._trends or [c for c in ind.claims if c.kind == "trend"]
            # the row's figures, the same for each of its claims
            outcome, previous, forecast = (cell_number(ind.outcome), cell_number(ind.previous),
                                           cell_number(ind.forecast))
            sides: dict[str, tuple] = {}    # the table's side of each kind of claim: the row's, whatever is said
            for claim in (*(c for c in ind.claims if c.kind != "trend"), *trends):
                if claim.kind not in (*COLUMN, "met", "trend"):
                    continue
                words = words_of.get(claim.text)
                if words is None:
                    words = words_of[claim.text] = " ".join(claim.text.lower().split())[:120]
                # stable over edits elsewhere in the report: the row, what is said and the sentence's words
                key = f"{fact.key}|{claim.kind}|{claim.value}|{words}"
                if key in seen:
                    continue
                seen.add(key)
                side = sides.get(claim.kind)
                if side is None:
                    side = sides[claim.kind] = _table_side(ind, fact, claim.kind)
                column, table, sure = side
                out.append(FigureClaimFact(
                    key=key, goal=g.id, line=claim.line, text=claim.text, kind=claim.kind, column=column,
                    indicator=ind.name, indicator_line=ind.line, unit=fact.unit, stated=claim.value, table=table,
                    sure=sure, figure=fact.figure if claim.kind == "met" else None,
                    target=fact.target if claim.kind == "met" else None, outcome=outcome,
                    previous=previous, forecast=forecast,
                    direction=fact.direction, direction_basis=fact.direction_basis,
                    report_kind=report.report_kind, unit_kind=fact.unit_kind))
    return out
