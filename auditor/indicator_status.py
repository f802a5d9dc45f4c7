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

Direction = Literal["higher", "lower", "band"]  # band: the figure should stay within ±target


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


# How the direction was decided, in the reader's language (the facts name it in English codes).
DEFAULT_DECIDED_BY = {"sv": "standard: högre är bättre", "en": "default: higher is better"}
BASIS = {"sv": {"target text": "årsmålets text", "name pattern": "namnmönster", "fallback": "standardantagande"},
         "en": {"target text": "target text", "name pattern": "name pattern", "fallback": "default assumption"}}


def _lang(lang: str | None) -> str:
    return "en" if lang == "en" else "sv"


def _default_status(report: Report, goal: Goal, indicator: Indicator, lang: str = "sv") -> IndicatorStatus:
    figure, column = compared_figure(report, indicator)
    target = indicator.target.value if indicator.target is not None else None
    met = None if figure is None or target is None else figure >= target
    return IndicatorStatus(figure=figure, figure_column=column, target=target, met=met, direction="higher",
                           decided_by=DEFAULT_DECIDED_BY[_lang(lang)])


def default_status(report: Report, goal: Goal, indicator: Indicator) -> IndicatorStatus:
    """Compare the figure a reader would take with the target, assuming higher is better (said in Swedish)."""
    return _default_status(report, goal, indicator, "sv")


def default_status_for(lang: str | None) -> StatusFn:
    """``default_status`` saying how the direction was decided in ``lang``."""
    if _lang(lang) == "sv":
        return default_status

    def status(report: Report, goal: Goal, indicator: Indicator) -> IndicatorStatus:
        return _default_status(report, goal, indicator, "en")
    return status


def facts_status(rule_dirs: tuple[str, ...] = (), lang: str | None = "sv") -> StatusFn | None:
    """The rules engine's own indicator facts (direction from ``rules/`` knowledge) as a StatusFn, or None
    when the engine is not installed. Facts are derived once per report; ``decided_by`` is in ``lang``."""
    try:
        from .engine.catalogue import rule_dirs as all_rule_dirs
        from .facts import derive
        from .knowledge import load_knowledge
    except ImportError:
        return None
    cache: dict[int, tuple[Report, dict]] = {}
    basis, fallback = BASIS[_lang(lang)], default_status_for(lang)

    def status(report: Report, goal: Goal, indicator: Indicator) -> IndicatorStatus:
        entry = cache.get(id(report))
        if entry is None or entry[0] is not report:
            facts = derive(report, load_knowledge(all_rule_dirs(tuple(rule_dirs))))
            entry = (report, {(f.goal, f.line): f for f in facts.indicators})
            cache[id(report)] = entry
        fact = entry[1].get((goal.id, indicator.line))
        if fact is None:
            return fallback(report, goal, indicator)
        how = basis.get(fact.direction_basis, fact.direction_basis)
        if fact.direction_detail:
            how = f"{how}: {fact.direction_detail}"
        return IndicatorStatus(figure=fact.figure, figure_column=fact.figure_column, target=fact.target,
                               met=fact.met, direction=fact.direction, decided_by=how)
    return status


def status_fn(options: Any) -> StatusFn:
    """``options.indicator_status`` when given, else the engine's facts, else ``default_status``; both in the
    language of ``options.lang``."""
    from .render._common import opt
    given = opt(options, "indicator_status")
    if given is not None:
        return given
    lang = opt(options, "lang", "sv")
    return facts_status(tuple(opt(options, "rule_dirs", ()) or ()), lang) or default_status_for(lang)
