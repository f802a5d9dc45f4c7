"""The facts of one report, derived once: which figure is compared with the target and whether it meets it
(``auditor.policy.target``), whether a row is about people, how far apart the women's and men's figures
are, what prose states about figures and counts with the table's side beside it. The knowledge this needs
(direction patterns, people words) is data in ``rules/*.yaml``, see ``auditor.knowledge``.
"""
from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

from ..knowledge import Knowledge, about_people, about_young
from ..model import Goal, Indicator, Report, Value
from . import figure_claims
from .count_readings import claim_facts
from ..prose.sentences import sentences
from ..prose.counts import stated_degree
from ..policy.target import IndicatorStatus, cell_number, status_of
from .records import ASSESSED, ActivityFact, FactSet, GoalFact, IndicatorFact, ReportFact
from .text import excerpt, norm


def filled(cell: Value | None) -> bool:
    return cell is not None and (cell.value is not None or bool((cell.text or "").strip()))


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


def derive(report: Report, k: Knowledge, kinds: Collection[str] | None = None) -> FactSet:
    """The facts of ``report``. ``kinds``: the names of the record classes the selected rules match (None: all);
    the count claims and the figure claims, whose reading takes most of the time, are derived only when a
    selected rule matches them (the report, goals, indicator rows and activities always are: the outputs
    show the rows' status)."""
    facts = FactSet(ReportFact(report.source, report.committee, report.unit, report.report_kind, report.year,
                               tuple(report.pages or ())), knowledge=k)
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
            fact = _indicator_fact(ind, g.id, unique(f"{goal_keys[g.id]}|{norm(ind.name)}"), report.report_kind, k,
                                   status)
            facts.indicators.append(fact)
            facts.rows[fact.key] = ind
            facts.statuses[(g.id, ind.line)] = status
        for act in g.activities:
            facts.activities.append(ActivityFact(
                key=unique(f"{goal_keys[g.id]}|{norm(act.text)[:200]}"), goal=g.id, text=act.text,
                line=act.line, start=act.start.isoformat() if act.start else None,
                end=act.end.isoformat() if act.end else None, deviation=act.deviation,
                has_analysis=_analysis(act.analysis), analysis_excerpt=excerpt(act.analysis)))

    if kinds is None or "ClaimFact" in kinds:
        facts.claims = claim_facts(report, facts.indicators, children, unique)
    if kinds is None or "FigureClaimFact" in kinds:
        facts.figure_claims = figure_claims.derive(report, facts.rows, facts.indicators)
    return facts


def fact_under(fact: IndicatorFact, ind: Indicator, cells: dict[str, Value | None], k: Knowledge) -> IndicatorFact:
    """The row's fact had its cells been read as ``cells`` (another of its readings): the same key, and the
    same ``certain``, which says how sure the parser was, not what the cells hold (``engine.certainty``
    weighs a finding over the readings of its rows). What the row's name and analysis decide (who it is
    about, its gender analysis, whether it was measured) is the same for every reading and is kept."""
    row = ind.model_copy(update=cells)
    status = status_of(row, fact.report_kind, k, was_measured=fact.measured)
    return replace(fact, **_cell_fields(row, status))


def _cell_fields(ind: Indicator, status: IndicatorStatus) -> dict:
    """The fields of a row's fact that its cells decide (with its status, which its cells decide too)."""
    outcome = cell_number(ind.outcome)
    unit, ukind = unit_kind(ind)
    men, women = cell_number(ind.outcome_men), cell_number(ind.outcome_women)
    gap = rel = None
    if men is not None and women is not None:
        gap = round(abs(men - women), 6)
        biggest = max(abs(men), abs(women))
        rel = round(gap / biggest, 6) if biggest else 0.0
    return dict(
        outcome=outcome, men=men, women=women, previous=cell_number(ind.previous),
        forecast=cell_number(ind.forecast), target=status.target, target_text=ind.target.text if ind.target else None,
        kf_target_text=ind.kf_target.text if ind.kf_target else None, unit=unit, unit_kind=ukind,
        has_outcome=outcome is not None, has_forecast=filled(ind.forecast), has_target=filled(ind.target),
        figure=status.figure, figure_column=status.figure_column, direction=status.direction,
        direction_basis=status.direction_basis, direction_detail=status.direction_detail, met=status.met,
        measured=status.measured, gender_gap=gap, gender_gap_relative=rel)


def _indicator_fact(ind: Indicator, goal_id: str, key: str, report_kind: str | None, k: Knowledge,
                    status: IndicatorStatus) -> IndicatorFact:
    people, people_basis, people_detail = about_people(ind.name, k)
    return IndicatorFact(
        key=key, goal=goal_id, name=ind.name, line=ind.line,
        certain=ind.columns_certain, report_kind=report_kind, period=ind.period, **_cell_fields(ind, status),
        about_people=people, people_basis=people_basis, people_detail=people_detail,
        people_young=people and about_young(people_basis, people_detail, k),
        has_analysis=_analysis(ind.analysis),
        has_gender_analysis=discusses_gender(ind.analysis, k), analysis_excerpt=excerpt(ind.analysis))
