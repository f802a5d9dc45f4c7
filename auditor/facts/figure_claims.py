"""Facts for what the prose states about an indicator's own figures, set against the table.

One ``FigureClaimFact`` per statement the claims reader found (``Indicator.claims`` and the trends kept
beside them, see ``auditor.prose.claims``), with the table's side already worked out, so that the
IND-TEXT-* rules only state their policy:

- a figure (outcome, forecast, annual target, previous year's outcome) agrees with its cell when both,
  rounded to the coarser of their two precisions, are equal ("37 procent" agrees with 37,43 %);
- a claim that the target is reached or missed agrees with the indicator's ``met``, decided as for
  GOAL-FULL-UNMET-IND (the compared figure, the target and the direction);
- a trend ("har ökat") agrees with the outcome against the previous-year column.

Only the claims that disagree with the table, or that it cannot judge, become facts: a claim that agrees
gives no rule anything to say, and most do (declaring them cost a fifth of an audit's time).

``agrees`` is None whenever the table cannot answer for certain: an empty or textual cell, a cell whose
placement is unsure (``cell_confidence`` below 0.9), a direction only assumed, a tertial report's count
against a whole year. The rules speak only on ``agrees is False``.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..model import CERTAIN, Indicator, Report
from .indicator_status import cell_number, is_met

COLUMN = {"outcome": "outcome", "forecast": "forecast", "target": "target", "previous": "previous"}


@dataclass(frozen=True)
class FigureClaimFact:
    key: str
    goal: str                          # the indicator's goal id
    line: int                          # the sentence's line
    text: str                          # the sentence
    kind: str                          # "outcome" | "forecast" | "target" | "previous" | "met" | "trend"
    column: str | None                 # the table column compared ("outcome", ...; "figure" for met)
    indicator: str                     # the indicator's name
    indicator_line: int
    unit: str | None
    stated: object                     # a number, True/False (met) or "up"/"down"/"same" (trend)
    table: object                      # the table's side, the same kind of value; None when it has none
    figure: float | None               # met: the compared figure (outcome or forecast, see ``column``)
    target: float | None               # met: the annual target
    outcome: float | None              # trend: this period's outcome ...
    previous: float | None             # ... and the previous year's
    direction: str | None              # "higher" | "lower" | "band" (met, and trends stated as better/worse)
    direction_basis: str | None
    agrees: bool | None                # None: the table cannot tell for certain


def _decimals(x: float) -> int:
    text = repr(float(x))
    return 0 if text.endswith(".0") else len(text.split(".")[1])


def same_figure(a: float, b: float) -> bool:
    """Equal after rounding the finer figure to the coarser one's precision."""
    places = min(_decimals(a), _decimals(b))
    return round(a, places) == round(b, places)


def _sure(ind: Indicator, column: str) -> bool:
    return ind.cell_confidence.get(column, 1.0 if ind.columns_certain else 0.0) >= CERTAIN


def _trend_of(before: float, after: float) -> str:
    if same_figure(before, after):
        return "same"
    return "up" if after > before else "down"


def _stated_trend(stated: str, direction: str, basis: str) -> str | None:
    """"up"/"down"/"same"; a better/worse is turned into up/down by the indicator's direction, when the
    direction is known and not only assumed."""
    if stated in ("up", "down", "same"):
        return stated
    if basis == "fallback" or direction not in ("higher", "lower"):
        return None
    better = stated == "better"
    return "up" if better == (direction == "higher") else "down"


def derive(report: Report, rows: dict, indicators: list) -> list[FigureClaimFact]:
    """The figure-claim facts of a report: ``rows`` maps an indicator fact's key to its model row,
    ``indicators`` are the indicator facts."""
    by_row = {id(rows[f.key]): f for f in indicators if f.key in rows}
    out: list[FigureClaimFact] = []
    seen: set[str] = set()
    for g in report.goals:
        for ind in g.indicators:
            fact = by_row.get(id(ind))
            if fact is None:
                continue
            # the trends as read (better/worse judged by the audit's directions) when the row was parsed
            # here; a row loaded from the contract has only its claims' up/down/same
            trends = ind._trends or [c for c in ind.claims if c.kind == "trend"]
            for claim in (*(c for c in ind.claims if c.kind != "trend"), *trends):
                made = _judge(report, ind, fact, claim)
                if made is None:
                    continue
                column, table, agrees = made
                if agrees is True:
                    continue    # nothing for a rule to object to; most claims agree, and facts cost time
                key = f"{fact.key}|{claim.kind}|{claim.value}|{' '.join(claim.text.lower().split())[:120]}"
                if key in seen:
                    continue
                seen.add(key)
                out.append(FigureClaimFact(
                    # stable over edits elsewhere in the report: the row, what is said and the sentence's words
                    key=key, goal=g.id, line=claim.line, text=claim.text,
                    kind=claim.kind, column=column, indicator=ind.name, indicator_line=ind.line, unit=fact.unit,
                    stated=claim.value, table=table, figure=fact.figure if claim.kind == "met" else None,
                    target=fact.target if claim.kind == "met" else None,
                    outcome=cell_number(ind.outcome) if claim.kind == "trend" else None,
                    previous=cell_number(ind.previous) if claim.kind == "trend" else None, direction=fact.direction,
                    direction_basis=fact.direction_basis, agrees=agrees))
    return out


def _judge(report: Report, ind: Indicator, fact, claim):
    """(column, table value, agrees) for one claim."""
    if claim.kind in COLUMN:
        column = COLUMN[claim.kind]
        cell = cell_number(getattr(ind, column))
        if cell is None:
            return column, None, None
        agrees = same_figure(float(claim.value), cell) if _sure(ind, column) else None
        return column, cell, agrees
    if claim.kind == "met":
        column = fact.figure_column
        if fact.met is None or column is None:
            return "figure", None, None
        sure = _sure(ind, column) and _sure(ind, "target") and fact.direction_basis != "fallback"
        if report.report_kind in ("T1", "T2") and fact.outcome is not None and fact.forecast is not None:
            # a tertial report's "årsmålet nås" may speak of the outcome so far or of the forecast
            sure = sure and is_met(fact.outcome, fact.target, fact.direction) == fact.met
        return column, fact.met, (claim.value == fact.met) if sure else None
    if claim.kind == "trend":
        before, after = cell_number(ind.previous), cell_number(ind.outcome)
        if before is None or after is None:
            return "outcome", None, None
        table = _trend_of(before, after)
        stated = _stated_trend(str(claim.value), fact.direction, fact.direction_basis)
        sure = stated is not None and _sure(ind, "outcome") and _sure(ind, "previous")
        if report.report_kind in ("T1", "T2") and fact.unit_kind != "percent" and ind.name.lower().startswith("antal"):
            sure = False    # a count so far this year against a whole year says nothing of the trend
        if stated == "same" or table == "same":
            # "på samma nivå" against a small change, or "har ökat" against an unchanged rounded figure:
            # only a change of more than one step of the coarser precision contradicts
            step = 10 ** -min(_decimals(before), _decimals(after))
            agrees = (stated == table) or abs(after - before) <= step
        else:
            agrees = stated == table
        return "outcome", table, agrees if sure else None
    return None
