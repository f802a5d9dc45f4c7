"""When a figure written in prose is the table's figure, and which way a figure moved: the reading of
figures shared by IND-TEXT-FIGURE and IND-TEXT-TREND.

Two figures are the same when, rounded to the coarser of their two precisions, they are equal ("37
procent" is the table's 37,43 %; "3,4 %" is not its 3,47 %). A figure moved up or down from one column to
another only when the two are not the same figure in that sense.
"""
from __future__ import annotations


def decimals(x: float) -> int:
    """The places after the decimal point that ``x`` is written with (37.43 -> 2, 37.0 -> 0)."""
    text = repr(float(x))
    return 0 if text.endswith(".0") else len(text.split(".")[1])


def same_figure(a: float, b: float) -> bool:
    """Equal after rounding the finer figure to the coarser one's precision."""
    places = min(decimals(a), decimals(b))
    return round(a, places) == round(b, places)


def step(a: float, b: float) -> float:
    """One step of the coarser precision of ``a`` and ``b`` (0.1 for 6.9 against 7.45)."""
    return 10 ** -min(decimals(a), decimals(b))


def trend(before: float, after: float) -> str:
    """"up", "down" or "same": which way the figure moved from ``before`` to ``after``."""
    if same_figure(before, after):
        return "same"
    return "up" if after > before else "down"
