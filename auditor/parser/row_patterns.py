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

# How often a filled cell of the column is a text, across reports (the form allows text in both).
EXPECTED_TEXT = {"target": 0.15}
PRIOR_ROWS = 2.0


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
