"""What a report's own rows say about its tables: the pattern its sure rows share.

Within one report the rows of the indicator tables follow one pattern: where the committee's own target
is a figure and KF's column holds the text targets ("Öka", "Tas fram av nämnden", "Fastställs 2025"),
a doubtful row's text cell is KF's too and its figure the committee's target; where the committee itself
writes text targets, a text in the target column is no surprise. The rows read with certainty (spacing,
or every column filled) show which it is; the doubtful ones are then weighed knowing it
(``placement.Context.pattern``).

The pattern is a share per target column, P(text | filled), smoothed towards what the form leads one to
expect (``EXPECTED_TEXT``) by ``PRIOR_ROWS`` pseudo-rows, and given as log-odds against that expectation:
a report with no sure rows says nothing, one with many says much.
"""
from __future__ import annotations

import math

from ..model import CERTAIN, Indicator
from .placement import _situation, shapes

# How often a filled cell of the column is a text, across reports (the form allows text in both).
EXPECTED_TEXT = {"target": 0.15}
PRIOR_ROWS = 2.0
# A row whose readings give a split by sex at least this much weight is left to its own evidence.
SPLIT_OPEN = 0.05


def text_pattern(rows: list[Indicator]) -> dict[str, tuple[float, float]]:
    """Per target column, the evidence (log-ratio against the expectation) for a text and for a figure,
    from the rows read with certainty."""
    out: dict[str, tuple[float, float]] = {}
    for col, expected in EXPECTED_TEXT.items():
        texts = figures = 0
        for ind in rows:
            cell = getattr(ind, col)
            if ind.confidence < CERTAIN or cell is None:
                continue
            if cell.value is None:
                texts += 1
            else:
                figures += 1
        share = (texts + PRIOR_ROWS * expected) / (texts + figures + PRIOR_ROWS)
        out[col] = (math.log(share / expected), math.log((1 - share) / (1 - expected)))
    return out


def neighbour_shapes(rows, scored: dict | None = None) -> dict[int, dict[frozenset, float]]:
    """For each doubtful row (``(indicator, pending row, context, goal)``), how its neighbours were read:
    the mean probability of each set of filled columns over the other rows of the same goal that print
    as many cells under as many columns, with the same kind of period. ``scored``: each row's
    ``placement.score`` in its context where it is known already (by ``id()`` of the indicator)."""
    groups: dict[tuple, list] = {}
    scored = scored or {}
    for ind, row, ctx, goal in rows:
        if ctx.positioned is not None or not row.readings:
            continue
        printed = sum(1 for c in row.readings[0] if c.text) - (1 if row.period else 0)
        key = (goal, len(row.columns), printed, _situation(row.period, ctx.report_kind))
        groups.setdefault(key, []).append((ind, shapes(ind, row, ctx, scored.get(id(ind)))))
    out: dict[int, dict[frozenset, float]] = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        for ind, own in members:
            if ind.confidence >= CERTAIN:
                continue
            split = sum(p for k, p in own.items() if "outcome_men" in k)
            if SPLIT_OPEN <= split <= 1 - SPLIT_OPEN:
                continue    # whether a row has a split by sex is the row's own matter, not its neighbours'

            others = [dist for other, dist in members if other is not ind]
            mean: dict[frozenset, float] = {}
            for dist in others:
                for k, p in dist.items():
                    mean[k] = mean.get(k, 0.0) + p / len(others)
            out[id(ind)] = mean
    return out


def kf_siblings(rows) -> dict[int, tuple[int, int]]:
    """For each row (``(indicator, goal)``), how many of the other rows of its goal read with certainty have
    KF's target and how many have none (``placement.Context.kf_siblings``): a goal's rows share one table
    and print KF's column alike."""
    by_goal: dict[object, list[Indicator]] = {}
    for ind, goal in rows:
        by_goal.setdefault(goal, []).append(ind)
    out: dict[int, tuple[int, int]] = {}
    for members in by_goal.values():
        sure = [ind for ind in members if ind.confidence >= CERTAIN]
        with_kf = sum(1 for ind in sure if ind.kf_target is not None)
        for ind in members:
            own = (ind.kf_target is not None) if ind.confidence >= CERTAIN else None
            out[id(ind)] = (with_kf - (own is True), len(sure) - with_kf - (own is False))
    return out
