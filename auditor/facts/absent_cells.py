"""How sure an empty cell is: a finding may rest on a cell being empty (no split by sex, no forecast).

A column's ``cell_confidence`` weighs the readings the placement scored. An empty cell in a row whose
reading as a whole is unsure is no surer than that reading when another reading would fill it: the
runner-up puts a value there, or -- for the women's and men's columns, which follow the outcome in every
reading -- the two values printed right after the outcome could be its split (the outcome lies between
them, or, for a count, is their sum), as in "84 84 84 84".
"""
from __future__ import annotations

from ..model import CERTAIN, Indicator, Value

GENDER = ("outcome_men", "outcome_women")
# the columns in printed order: what comes after the outcome when the split is read into it
_ORDER = ("outcome", "outcome_men", "outcome_women", "previous", "forecast", "target", "kf_target")


def absent_sureness(row: Indicator, column: str) -> float | None:
    """The sureness of ``column`` being empty when another reading would fill it (the row's confidence);
    None when the cell is not empty or nothing says it could be filled."""
    if getattr(row, column, None) is not None or row.confidence >= CERTAIN:
        return None
    alternative = row.alternative or {}
    if alternative.get(column) is not None:
        return row.confidence
    if column in GENDER and _could_be_split(row):
        return row.confidence
    return None


def split_reading(row: Indicator) -> dict[str, Value] | None:
    """The men's and women's cells of the reading that takes the two values printed right after the
    outcome as its split, when they could be one; else None."""
    outcome = row.outcome
    if outcome is None or outcome.value is None:
        return None
    printed = [v for v in (getattr(row, col) for col in _ORDER[1:]) if v is not None]
    if len(printed) < 2 or any(v.value is None for v in printed[:2]):
        return None
    a, b = (float(v.value) for v in printed[:2])
    count = outcome.unit != "%" and "%" not in outcome.text and "procent" not in outcome.text.lower()
    if min(a, b) <= outcome.value <= max(a, b) or (count and abs(a + b - outcome.value) < 1e-9):
        return dict(zip(GENDER, printed[:2]))
    return None


def _could_be_split(row: Indicator) -> bool:
    return split_reading(row) is not None
