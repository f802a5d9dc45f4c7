"""The facts the rules match, one record class per kind (each declared to the rule engine by
``auditor.engine.dsl``): a report, its goals, indicator rows, activities and count claims, and the set of
them that ``derive`` makes from one report. Figure claims are in ``figure_claims``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..model import Indicator
from .figure_claims import FigureClaimFact
from ..policy.target import IndicatorStatus, StatusKey

ASSESSED = ("helt", "delvis", "inte")


@dataclass(frozen=True)
class ReportFact:
    source: str
    committee: str | None
    unit: str | None
    kind: str | None
    year: int | None
    pages: tuple[int, ...] = ()     # a PDF report's first line of each page: messages name page and line


@dataclass(frozen=True)
class GoalFact:
    key: str
    id: str
    parent: str | None
    level: str
    number: str | None
    title: str
    line: int
    assessment: str | None
    has_analysis: bool
    analysis_excerpt: str | None
    states: str | None                 # degree the goal's own analysis states ("delvis"), None if none
    states_sentence: str | None
    states_line: int | None
    level_analysis_share: float        # share of assessed goals on this level that have an analysis
    level_goals_assessed: int
    children_assessed: int             # direct children assessed helt/delvis/inte
    children_helt: int
    children_not_helt: tuple = ()      # ((number, title, assessment, line), ...) of children delvis/inte
    n_indicators: int = 0
    n_activities: int = 0


@dataclass(frozen=True)
class IndicatorFact:
    key: str
    goal: str                          # goal id
    name: str
    line: int
    certain: bool                      # False when the parser could not place the columns with certainty
    report_kind: str | None
    period: str | None
    outcome: float | None
    men: float | None
    women: float | None
    previous: float | None
    forecast: float | None
    target: float | None
    target_text: str | None
    kf_target_text: str | None
    unit: str | None
    unit_kind: str                     # "percent" | "other"
    has_outcome: bool
    has_forecast: bool
    has_target: bool
    figure: float | None               # the figure that is compared with the target
    figure_column: str | None          # "outcome" | "forecast"
    direction: str                     # "higher" | "lower" | "band"
    direction_basis: str               # "target text", "name pattern", "fallback"
    direction_detail: str | None
    met: bool | None
    measured: bool                     # False when the row's analysis says it was not measured this period
    about_people: bool
    people_basis: str | None           # "name pattern", "subject", "excluded by pattern"
    people_detail: str | None          # the pattern or the subject ("barn")
    people_young: bool                 # the people are children or young people: girls and boys, not women and men
    gender_gap: float | None           # |men - women| in the row's unit (percentage points for %)
    gender_gap_relative: float | None  # |men - women| / max(|men|, |women|)
    has_analysis: bool
    has_gender_analysis: bool
    analysis_excerpt: str | None


@dataclass(frozen=True)
class ActivityFact:
    key: str
    goal: str
    text: str
    line: int
    start: str | None
    end: str | None
    deviation: bool
    has_analysis: bool
    analysis_excerpt: str | None


@dataclass(frozen=True)
class ClaimFact:
    key: str
    line: int
    text: str
    where: str                         # "narrative" | "goal"
    goal: str | None                   # the goal whose analysis holds the claim
    about: str
    helt: int | None
    delvis: int | None
    inte: int | None
    total: int | None
    all: str | None
    # Each part of the report the claim may be about, most specific first, with what it holds
    # (``auditor.facts.count_readings.CountReading``); GOAL-CLAIM-COUNT and SUM-CLAIM-COUNT judge the claim
    # against them with ``auditor.policy.counts``.
    readings: tuple = ()
    # The reading the claim was compared with and whether that verdict is certain: set on the copy of the
    # fact a finding is about (``auditor.policy.counts.judged``), empty on the facts as derived. The words
    # for them, in Swedish or English, are in ``auditor.words.claims``.
    scope: str | None = None           # "own_indicators", "indicators_below", "own_activities",
    #                                    "activities_below", "child_goals", "sibling_goals", "section_goals",
    #                                    "report" or "subtree"
    scope_number: str | None = None    # the goal the scope is named after (own_indicators, section_goals,
    scope_title: str | None = None     # subtree): its number and title
    actual: dict | None = None         # what the scope holds: {"met", "not_met", "unknown", "n"} for indicator
    #                                    rows, {"helt", "delvis", "inte", "unknown", "n"} for goals,
    #                                    {"activities": n} for activities
    certain: bool = True               # False when the verdict is uncertain (see ``auditor.policy.counts``)


@dataclass
class FactSet:
    report: ReportFact
    goals: list[GoalFact] = field(default_factory=list)
    indicators: list[IndicatorFact] = field(default_factory=list)
    activities: list[ActivityFact] = field(default_factory=list)
    claims: list[ClaimFact] = field(default_factory=list)
    figure_claims: list[FigureClaimFact] = field(default_factory=list)
    # The model row behind each indicator fact (by key): how sure its cells are placed is read from it
    # when a finding is written, not matched by rules.
    rows: dict[str, Indicator] = field(default_factory=dict)
    # Each row's status as the rules judged it, by (goal id, line): the audit hands it to the outputs.
    statuses: dict[StatusKey, IndicatorStatus] = field(default_factory=dict)
    # The knowledge the facts were derived with: a finding is weighed over its rows' other readings with it
    # (``derive.fact_under``).
    knowledge: Any = None

    def all(self) -> list[Any]:
        return [self.report, *self.goals, *self.indicators, *self.activities, *self.claims, *self.figure_claims]
