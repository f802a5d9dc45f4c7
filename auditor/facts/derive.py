"""Facts: small typed records derived once from a parsed ``Report``; the rules only ever read these.

Everything that needs computing -- which way an indicator should move, which figure counts, whether the
target is met, whether a row is about people, how far apart the women's and men's figures are, what a
count claim in the prose says and whether the goal list agrees -- happens here, once, so that the rules
stay one-line policy statements. The knowledge this needs (direction patterns, people words) is data in
``rules/*.yaml``, see ``auditor.knowledge``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..knowledge import Knowledge, about_people
from ..model import Goal, Indicator, Report, Value
from . import figure_claims
from .count_claims import Claim, find_claims, sentences, stated_degree
from .indicator_status import IndicatorStatus, StatusKey, cell_number, status_of

ASSESSED = ("helt", "delvis", "inte")


def norm(text: str | None) -> str:
    return re.sub(r"\s+", " ", (text or "").strip().lower()).rstrip(" .:;,")


def excerpt(text: str | None, limit: int = 300) -> str | None:
    if not text or not text.strip():
        return None
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit - 1].rstrip() + "…"


def filled(cell: Value | None) -> bool:
    return cell is not None and (cell.value is not None or bool((cell.text or "").strip()))


# ------------------------------------------------------------------------------------------ records

@dataclass(frozen=True)
class ReportFact:
    source: str
    committee: str | None
    unit: str | None
    kind: str | None
    year: int | None


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
    gender_gap: float | None           # |men - women| in the row's unit (percentage points for %)
    gender_gap_relative: float | None  # |men - women| / max(|men|, |women|)
    gender_cells_plausible: bool       # the row's columns are certain, or the row is about people
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
    consistent: bool | None            # None when nothing in the report can check it
    # What the claim was compared with (the closest reading), as structured values; the words for them, in
    # Swedish or English, are in ``auditor.claim_text``.
    scope: str | None                  # "own_indicators", "indicators_below", "own_activities",
    #                                    "activities_below", "child_goals", "sibling_goals", "section_goals",
    #                                    "report" or "subtree"
    scope_number: str | None = None    # the goal the scope is named after (own_indicators, section_goals,
    scope_title: str | None = None     # subtree): its number and title
    actual: dict | None = None         # what the scope holds: {"met", "not_met", "unknown", "n"} for indicator
    #                                    rows, {"helt", "delvis", "inte", "unknown", "n"} for goals,
    #                                    {"activities": n} for activities
    certain: bool = True               # False when only rows with uncertain columns make it inconsistent


@dataclass
class FactSet:
    report: ReportFact
    goals: list[GoalFact] = field(default_factory=list)
    indicators: list[IndicatorFact] = field(default_factory=list)
    activities: list[ActivityFact] = field(default_factory=list)
    claims: list[ClaimFact] = field(default_factory=list)
    figure_claims: list[figure_claims.FigureClaimFact] = field(default_factory=list)
    # The model row behind each indicator fact (by key): how sure its cells are placed is read from it
    # when a finding is written, not matched by rules.
    rows: dict[str, Indicator] = field(default_factory=dict)
    # Each row's status as the rules judged it, by (goal id, line): the audit hands it to the outputs.
    statuses: dict[StatusKey, IndicatorStatus] = field(default_factory=dict)

    def all(self) -> list[Any]:
        return [self.report, *self.goals, *self.indicators, *self.activities, *self.claims, *self.figure_claims]


# ------------------------------------------------------------------------------------- derivations

def unit_kind(ind: Indicator) -> tuple[str | None, str]:
    units = [c.unit for c in ind.cells().values() if c is not None and c.unit]
    texts = " ".join(c.text for c in ind.cells().values() if c is not None and c.text)
    unit = units[0] if units else None
    percent = any("%" in u or "procent" in u.lower() for u in units) or "%" in texts
    return ("%" if percent else unit), ("percent" if percent else "other")


def discusses_gender(text: str | None, k: Knowledge) -> bool:
    """Does the analysis discuss the difference between women and men / girls and boys, or explain why
    there is no split? A sentence that only restates the two figures does not count."""
    if not text:
        return False
    for _, sentence in sentences(text, 0):
        if k.gender_topic.search(sentence):
            return True
        if k.gender_words.search(sentence) and k.discussion_cues.search(sentence):
            return True
    return False


def _analysis(text: str | None) -> bool:
    return bool(text and text.strip())


def derive(report: Report, k: Knowledge) -> FactSet:
    facts = FactSet(ReportFact(report.source, report.committee, report.unit, report.report_kind, report.year))
    by_id = report.goal_by_id()
    children: dict[str | None, list[Goal]] = {}
    for g in report.goals:
        children.setdefault(g.parent, []).append(g)

    goal_keys: dict[str, str] = {}
    used: dict[str, int] = {}

    def unique(key: str) -> str:
        n = used.get(key, 0)
        used[key] = n + 1
        return key if n == 0 else f"{key}#{n + 1}"

    for g in report.goals:
        goal_keys[g.id] = unique(f"{g.level}|{g.number or ''}|{norm(g.title)}")

    level_stats: dict[str, list[int]] = {}
    for g in report.goals:
        if g.assessment in ASSESSED:
            st = level_stats.setdefault(g.level, [0, 0])
            st[0] += 1
            st[1] += _analysis(g.analysis)

    for g in report.goals:
        kids = children.get(g.id, [])
        assessed = [c for c in kids if c.assessment in ASSESSED]
        states = stated_degree(g.analysis, g.analysis_line or g.line)
        total, with_analysis = level_stats.get(g.level, [0, 0])
        facts.goals.append(GoalFact(
            key=goal_keys[g.id], id=g.id, parent=g.parent, level=g.level, number=g.number, title=g.title,
            line=g.line, assessment=g.assessment, has_analysis=_analysis(g.analysis),
            analysis_excerpt=excerpt(g.analysis), states=states[0] if states else None,
            states_sentence=states[1] if states else None, states_line=states[2] if states else None,
            level_analysis_share=(with_analysis / total) if total else 0.0, level_goals_assessed=total,
            children_assessed=len(assessed), children_helt=sum(c.assessment == "helt" for c in assessed),
            children_not_helt=tuple((c.number, c.title, c.assessment, c.line) for c in assessed
                                    if c.assessment != "helt"),
            n_indicators=len(g.indicators), n_activities=len(g.activities)))
        for ind in g.indicators:
            status = status_of(ind, report.report_kind, k)
            fact = _indicator_fact(ind, g, goal_keys[g.id], report, k, unique, status)
            facts.indicators.append(fact)
            facts.rows[fact.key] = ind
            facts.statuses[(g.id, ind.line)] = status
        for act in g.activities:
            facts.activities.append(ActivityFact(
                key=unique(f"{goal_keys[g.id]}|{norm(act.text)[:200]}"), goal=g.id, text=act.text,
                line=act.line, start=act.start.isoformat() if act.start else None,
                end=act.end.isoformat() if act.end else None, deviation=act.deviation,
                has_analysis=_analysis(act.analysis), analysis_excerpt=excerpt(act.analysis)))

    facts.claims = _claims(report, facts, by_id, children, unique)
    facts.figure_claims = figure_claims.derive(report, facts.rows, facts.indicators)
    return facts


def _indicator_fact(ind: Indicator, g: Goal, goal_key: str, report: Report, k: Knowledge, unique,
                    status: IndicatorStatus) -> IndicatorFact:
    outcome = cell_number(ind.outcome)
    unit, ukind = unit_kind(ind)
    men, women = cell_number(ind.outcome_men), cell_number(ind.outcome_women)
    gap = rel = None
    if men is not None and women is not None:
        gap = round(abs(men - women), 6)
        biggest = max(abs(men), abs(women))
        rel = round(gap / biggest, 6) if biggest else 0.0
    people, people_basis, people_detail = about_people(ind.name, k)
    return IndicatorFact(
        key=unique(f"{goal_key}|{norm(ind.name)}"), goal=g.id, name=ind.name, line=ind.line,
        certain=ind.columns_certain, report_kind=report.report_kind, period=ind.period, outcome=outcome,
        men=men, women=women, previous=cell_number(ind.previous), forecast=cell_number(ind.forecast),
        target=status.target, target_text=ind.target.text if ind.target else None,
        kf_target_text=ind.kf_target.text if ind.kf_target else None, unit=unit, unit_kind=ukind,
        has_outcome=outcome is not None, has_forecast=filled(ind.forecast), has_target=filled(ind.target),
        figure=status.figure, figure_column=status.figure_column, direction=status.direction,
        direction_basis=status.direction_basis, direction_detail=status.direction_detail, met=status.met,
        measured=status.measured, about_people=people,
        people_basis=people_basis, people_detail=people_detail, gender_gap=gap, gender_gap_relative=rel,
        gender_cells_plausible=ind.columns_certain or people, has_analysis=_analysis(ind.analysis),
        has_gender_analysis=discusses_gender(ind.analysis, k), analysis_excerpt=excerpt(ind.analysis))


# -------------------------------------------------------------------------------------------- claims

def _descendants(goal_id: str | None, children: dict[str | None, list[Goal]]) -> list[Goal]:
    out, stack = [], list(children.get(goal_id, []))
    while stack:
        g = stack.pop(0)
        out.append(g)
        stack[0:0] = children.get(g.id, [])
    return out


def _tally_goals(goals: list[Goal]) -> dict[str, int]:
    t = {"helt": 0, "delvis": 0, "inte": 0, "unknown": 0, "n": len(goals)}
    for g in goals:
        t[g.assessment if g.assessment in ASSESSED else "unknown"] += 1
    return t


def _tally_indicators(rows: list[IndicatorFact], lenient: bool = False) -> dict[str, int]:
    # ``lenient``: a row whose columns the parser could not place with certainty may count either way,
    # since its "met" rests on one reading of the cells.
    sure = [r for r in rows if r.certain or not lenient]
    return {"helt": sum(r.met is True for r in sure), "not": sum(r.met is False for r in sure),
            "unknown": len(rows) - len(sure) + sum(r.met is None for r in sure), "n": len(rows)}


def _fits(claim: Claim, tally: dict[str, int], rows_are_indicators: bool) -> bool:
    n, unknown = tally["n"], tally["unknown"]
    if n == 0:
        return False
    if claim.total is not None and claim.total != n:
        return False
    stated = claim.stated()
    if claim.all is not None:
        wanted = "helt" if (rows_are_indicators and claim.all == "helt") else claim.all
        if rows_are_indicators and wanted != "helt":
            wanted = "not"
        if tally[wanted] + unknown != n:
            return False
    if sum(stated.values()) > n:
        return False
    if rows_are_indicators:
        checks = []
        if "helt" in stated:
            checks.append((stated["helt"], tally["helt"]))
        if "delvis" in stated or "inte" in stated:
            checks.append((stated.get("delvis", 0) + stated.get("inte", 0), tally["not"]))
    else:
        checks = [(v, tally[d]) for d, v in stated.items()]
    return all(known <= said <= known + unknown for said, known in checks)


def _counts(tally: dict[str, int], indicators: bool) -> dict[str, int]:
    """A tally as ``ClaimFact.actual`` keeps it."""
    if indicators:
        return {"met": tally["helt"], "not_met": tally["not"], "unknown": tally["unknown"], "n": tally["n"]}
    return {d: tally[d] for d in (*ASSESSED, "unknown", "n")}


def _claims(report: Report, facts: FactSet, by_id: dict[str, Goal], children, unique) -> list[ClaimFact]:
    ind_by_goal: dict[str, list[IndicatorFact]] = {}
    for row in facts.indicators:
        ind_by_goal.setdefault(row.goal, []).append(row)
    act_count: dict[str, int] = {g.id: len(g.activities) for g in report.goals}
    at_level = lambda goals, level: [g for g in goals if g.level == level]  # noqa: E731
    titles = {norm(g.title): g for g in report.goals}

    def scopes_for(claim: Claim, home: Goal | None, section: str | None):
        """Readings of what the claim may be about, most specific first: ((scope kind, goal it is named
        after or None), kind of items, items)."""
        out = []
        if claim.about == "indikator":
            if home is None:
                return out
            own = ind_by_goal.get(home.id, [])
            below = [r for d in _descendants(home.id, children) for r in ind_by_goal.get(d.id, [])]
            out.append((("own_indicators", home), "ind", own))
            if below:
                out.append((("indicators_below", None), "ind", own + below))
            return out
        if claim.about == "aktivitet":
            if home is None:
                return out
            own = act_count.get(home.id, 0)
            below = own + sum(act_count.get(d.id, 0) for d in _descendants(home.id, children))
            out.append((("own_activities", None), "act", own))
            out.append((("activities_below", None), "act", below))
            return out
        level = claim.about
        if home is not None:
            out.append((("child_goals", None), "goal", at_level(_descendants(home.id, children), level)))
            if home.parent is not None:
                out.append((("sibling_goals", None), "goal", at_level(_descendants(home.parent, children), level)))
        if section and norm(section) in titles:
            sec = titles[norm(section)]
            out.append((("section_goals", sec), "goal", at_level(_descendants(sec.id, children), level)))
        out.append((("report", None), "goal", at_level(report.goals, level)))
        if claim.total is not None:   # a stated total may be about any one part of the goal tree
            for g in report.goals:
                part = at_level(_descendants(g.id, children), level)
                if part:
                    out.append((("subtree", g), "goal", part))
        return out

    def judge(claim: Claim, home: Goal | None, section: str | None, lenient: bool = False):
        readings = scopes_for(claim, home, section)
        first = None
        for label, kind, items in readings:
            if kind == "act":
                if claim.total is None:
                    continue
                if first is None:
                    first = (label, {"activities": items})
                if claim.total == items:
                    return True, label, {"activities": items}
                continue
            tally = _tally_indicators(items, lenient) if kind == "ind" else _tally_goals(items)
            if tally["n"] == 0:
                continue
            desc = _counts(tally, kind == "ind")
            if first is None:
                first = (label, desc)
            if _fits(claim, tally, kind == "ind"):
                return True, label, desc
        if first is None:
            return None, None, None
        return False, first[0], first[1]

    out: list[ClaimFact] = []

    def add(claim: Claim, where: str, home: Goal | None, section: str | None):
        ok, label, actual = judge(claim, home, section)
        # a contradiction that goes away when rows with uncertain columns may count either way is
        # reported with low confidence
        certain = ok is not False or judge(claim, home, section, lenient=True)[0] is False
        owner = f"{home.level}|{home.number or ''}|{norm(home.title)}|" if home else ""
        scope, named = label if label else (None, None)
        out.append(ClaimFact(
            key=unique(f"claim|{owner}{norm(claim.text)}"), line=claim.line, text=claim.text, where=where,
            goal=home.id if home else None, about=claim.about, helt=claim.helt, delvis=claim.delvis,
            inte=claim.inte, total=claim.total, all=claim.all, consistent=ok, scope=scope,
            scope_number=named.number if named else None, scope_title=named.title if named else None,
            actual=actual, certain=certain))

    for para in report.narrative:
        for claim in find_claims(para.text, para.line):
            add(claim, "narrative", None, para.section)
    for g in report.goals:
        for claim in find_claims(g.analysis, g.analysis_line or g.line):
            add(claim, "goal", g, None)
    return out
