"""Whether an indicator meets its target, and why: the boundary between the rules' facts layer and the
outputs that show it (spreadsheets, HTML goal tree, compare).

The rules helper owns the real knowledge (direction patterns in ``rules/``). Outputs take a callable
``status(report, goal, indicator) -> IndicatorStatus`` through ``options.indicator_status``; without one they
use ``default_status`` below, which compares the figure a reader would take with the target and assumes that
higher is better, saying so in ``decided_by``.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Literal

from .model import Goal, Indicator, Report

Direction = Literal["higher", "lower"]


@dataclass(frozen=True)
class IndicatorStatus:
    figure: float | None = None          # the figure compared with the target
    figure_column: str | None = None     # "outcome" or "forecast"
    target: float | None = None
    met: bool | None = None              # None when it cannot be decided (no figure, no numeric target)
    direction: Direction | None = None
    decided_by: str | None = None        # how the direction was decided, in words a reader understands


StatusFn = Callable[[Report, Goal, Indicator], IndicatorStatus]


def compared_figure(report: Report, indicator: Indicator) -> tuple[float | None, str | None]:
    """VB: the outcome; T1/T2: the forecast, the outcome when there is no forecast."""
    def num(name: str) -> float | None:
        cell = getattr(indicator, name)
        return None if cell is None else cell.value
    if report.report_kind in ("T1", "T2") and num("forecast") is not None:
        return num("forecast"), "forecast"
    if num("outcome") is not None:
        return num("outcome"), "outcome"
    return None, None


def default_status(report: Report, goal: Goal, indicator: Indicator) -> IndicatorStatus:
    figure, column = compared_figure(report, indicator)
    target = indicator.target.value if indicator.target is not None else None
    met = None if figure is None or target is None else figure >= target
    return IndicatorStatus(figure=figure, figure_column=column, target=target, met=met, direction="higher",
                           decided_by="standard: högre är bättre")


def status_fn(options: Any) -> StatusFn:
    from .render._common import opt
    return opt(options, "indicator_status", default_status)
