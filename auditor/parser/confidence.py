"""A row's readings with their probabilities, as the placement weighed them: what a finding about the row
is weighed over (``auditor.engine.certainty``).

The placement scores every placement of the row's cells and turns the scores into probabilities
(``placement.decide``). Placements that put the same cells in the same columns are one reading: their
probabilities add up. The readings are kept most probable first, until what is left is less than
``TAIL`` (a reading that unlikely cannot move a certainty printed to two decimals), and at most
``MOST`` of them.
"""
from __future__ import annotations

from ..model import VALUE_COLUMNS, Value

TAIL = 0.001
MOST = 8


def reading_key(cells: dict[str, Value | None]) -> tuple:
    """What makes two placements one reading: the text in each of VALUE_COLUMNS (None where empty)."""
    return tuple(None if cells.get(col) is None else cells[col].text for col in VALUE_COLUMNS)


def readings(weights: list[float], candidates) -> list[tuple[float, dict[str, Value | None]]]:
    """The distinct readings among ``candidates`` (each with ``cells`` and their ``key``, ``reading_key``,
    in the order of ``weights``, best first) with their summed probabilities, most probable first, the
    improbable tail left out."""
    if weights and weights[0] >= 1.0 - TAIL:
        return [(weights[0], {col: candidates[0].cells.get(col) for col in VALUE_COLUMNS})]
    summed: dict[tuple, list] = {}
    for w, cand in zip(weights, candidates):
        got = summed.get(cand.key)
        if got is None:
            summed[cand.key] = [w, cand]
        else:
            got[0] += w
    ranked = sorted(summed.values(), key=lambda t: -t[0])   # stable: ties keep the placement's order
    out, kept = [], 0.0
    for w, cand in ranked[:MOST]:
        out.append((w, {col: cand.cells.get(col) for col in VALUE_COLUMNS}))
        kept += w
        if kept >= 1.0 - TAIL:
            break
    return out
