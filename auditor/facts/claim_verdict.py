"""Whether a count claim in the prose agrees with the report: the verdict behind GOAL-CLAIM-COUNT and
SUM-CLAIM-COUNT, which fire on a claim fact with ``consistent=False``.

A claim ("tre av fem indikatorer uppnås", "båda underliggande nämndmål uppfylls helt") may be about more
than one part of the report, so it is read against each part it could mean, most specific first
(``readings``):

- indicators: the goal's own rows, then its rows with those of the goals below it;
- activities: the goal's own, then with those below it (only a stated total can be checked);
- goals of a level: the goals below the claim's goal, then its siblings, then the goals under the section
  the summary paragraph stands in, then the whole report, and -- when the claim states a total -- any one
  subtree of the goal tree.

The claim is consistent when any reading fits (``fits``): totals equal, and every stated count lies between
what the rows certainly show and that plus the rows that cannot be decided (an indicator without a figure
or target; "delvis" and "inte" together stand for rows that miss their target). It is inconsistent when
none fits, and then the finding names the first reading. It is ``None`` when nothing in the report can
check it.

A verdict that rests on rows whose columns the parser could not place for certain is uncertain: when the
contradiction goes away once those rows may count either way (``lenient``), the claim is as sure as the
reading of those rows together (``certainty``).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..model import Goal, Report
from .count_claims import Claim, find_claims
from .records import ASSESSED, ClaimFact, FactSet, IndicatorFact
from .text import norm

# One reading of a claim: (scope name, the goal the scope is named after or None), the kind of items
# ("ind" indicator facts, "act" a number of activities, "goal" goals) and the items.
Reading = tuple[tuple[str, Goal | None], str, object]


def _descendants(goal_id: str | None, children: dict[str | None, list[Goal]]) -> list[Goal]:
    out, stack = [], list(children.get(goal_id, []))
    while stack:
        g = stack.pop(0)
        out.append(g)
        stack[0:0] = children.get(g.id, [])
    return out


def _at_level(goals: list[Goal], level: str) -> list[Goal]:
    return [g for g in goals if g.level == level]


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


def fits(claim: Claim, tally: dict[str, int], rows_are_indicators: bool) -> bool:
    """Whether the claim's counts can be true of a tally (undecided items may count either way)."""
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


@dataclass
class GoalTree:
    """What the readings of a claim are made from: the goals, their children, rows and activities."""

    report: Report
    children: dict[str | None, list[Goal]]
    rows_by_goal: dict[str, list[IndicatorFact]]
    activities: dict[str, int]
    titles: dict[str, Goal]

    @classmethod
    def of(cls, report: Report, indicators: list[IndicatorFact], children) -> "GoalTree":
        rows: dict[str, list[IndicatorFact]] = {}
        for row in indicators:
            rows.setdefault(row.goal, []).append(row)
        return cls(report, children, rows, {g.id: len(g.activities) for g in report.goals},
                   {norm(g.title): g for g in report.goals})

    def below(self, goal_id: str | None) -> list[Goal]:
        return _descendants(goal_id, self.children)

    def doubtful(self, home: Goal | None, readings: list[Reading], label) -> bool:
        """Whether the compared set may have lost or misread a member: one of its rows is placed with
        doubt, or a table line under the claim's goal (or anywhere, for a claim outside the goals) was
        not placed."""
        items = next((items for lab, kind, items in readings if lab == label and kind == "ind"), [])
        if any(not row.certain for row in items):
            return True
        start, end = (home.line, self._end_of(home)) if home is not None else (0, None)
        return any(d.code.startswith("unplaced") and d.line is not None and d.line >= start
                   and (end is None or d.line < end) for d in self.report.diagnostics)

    def _end_of(self, goal: Goal) -> int | None:
        """The line of the next goal that is not below ``goal`` (None: the end of the report)."""
        inside = {g.id for g in self.below(goal.id)}
        later = [g.line for g in self.report.goals if g.line > goal.line and g.id not in inside]
        return min(later) if later else None

    def readings(self, claim: Claim, home: Goal | None, section: str | None) -> list[Reading]:
        """What the claim may be about, most specific first."""
        if claim.about == "indikator":
            if home is None:
                return []
            own = self.rows_by_goal.get(home.id, [])
            below = [r for d in self.below(home.id) for r in self.rows_by_goal.get(d.id, [])]
            return [(("own_indicators", home), "ind", own)] + (
                [(("indicators_below", None), "ind", own + below)] if below else [])
        if claim.about == "aktivitet":
            if home is None:
                return []
            own = self.activities.get(home.id, 0)
            below = own + sum(self.activities.get(d.id, 0) for d in self.below(home.id))
            return [(("own_activities", None), "act", own), (("activities_below", None), "act", below)]
        level = claim.about
        out: list[Reading] = []
        if home is not None:
            out.append((("child_goals", None), "goal", _at_level(self.below(home.id), level)))
            if home.parent is not None:
                out.append((("sibling_goals", None), "goal", _at_level(self.below(home.parent), level)))
        if section and norm(section) in self.titles:
            sec = self.titles[norm(section)]
            out.append((("section_goals", sec), "goal", _at_level(self.below(sec.id), level)))
        out.append((("report", None), "goal", _at_level(self.report.goals, level)))
        if claim.total is not None:   # a stated total may be about any one part of the goal tree
            for g in self.report.goals:
                part = _at_level(self.below(g.id), level)
                if part:
                    out.append((("subtree", g), "goal", part))
        return out


def judge(claim: Claim, readings: list[Reading], lenient: bool = False):
    """(consistent, the reading fitted or else the first that could be checked, what it holds); all None
    when no reading can check the claim. A set of goals none of which is assessed checks nothing (a
    report's KF goals often carry no marker while its summary counts the committee's own)."""
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
        if tally["n"] == 0 or (kind == "goal" and tally["unknown"] == tally["n"]):
            continue    # nothing there, or goals that carry no assessment: nothing a count could be checked with
        desc = _counts(tally, kind == "ind")
        if first is None:
            first = (label, desc)
        if fits(claim, tally, kind == "ind"):
            return True, label, desc
    if first is None:
        return None, None, None
    return False, first[0], first[1]


def _off_by_one(claim: Claim, actual: dict) -> bool:
    """One of the claim's counts, or its total, is one away from what the compared set holds."""
    n = actual.get("n", actual.get("activities"))
    pairs = [(claim.total, n)]
    if "met" in actual:
        not_stated = None if claim.delvis is None and claim.inte is None else (claim.delvis or 0) + (claim.inte or 0)
        pairs += [(claim.helt, actual["met"]), (not_stated, actual["not_met"])]
    else:
        pairs += [(getattr(claim, d), actual.get(d)) for d in ASSESSED]
    return any(a is not None and b is not None and abs(a - b) == 1 for a, b in pairs)


def _claim_fact(claim: Claim, where: str, home: Goal | None, section: str | None, tree: GoalTree,
                unique) -> ClaimFact:
    readings = tree.readings(claim, home, section)
    ok, label, actual = judge(claim, readings)
    # a contradiction that goes away when rows with uncertain columns may count either way is
    # reported with low confidence; so is one against a set some of whose goals carry no assessment, and a
    # count off by one where a row of the set is unsure or a table line under the goal was not placed
    certain = ok is not False or judge(claim, readings, lenient=True)[0] is False
    if certain and ok is False and actual is not None:
        if actual.get("unknown", 0) and "helt" in actual:
            certain = False
        elif _off_by_one(claim, actual) and tree.doubtful(home, readings, label):
            certain = False
    owner = f"{home.level}|{home.number or ''}|{norm(home.title)}|" if home else ""
    scope, named = label if label else (None, None)
    return ClaimFact(
        key=unique(f"claim|{owner}{norm(claim.text)}"), line=claim.line, text=claim.text, where=where,
        goal=home.id if home else None, about=claim.about, helt=claim.helt, delvis=claim.delvis,
        inte=claim.inte, total=claim.total, all=claim.all, consistent=ok, scope=scope,
        scope_number=named.number if named else None, scope_title=named.title if named else None,
        actual=actual, certain=certain)


def claim_facts(report: Report, indicators: list[IndicatorFact], children, unique) -> list[ClaimFact]:
    """A fact per count claim: the summary's paragraphs first, then each goal's analysis."""
    tree = GoalTree.of(report, indicators, children)
    out = [_claim_fact(claim, "narrative", None, para.section, tree, unique)
           for para in report.narrative for claim in find_claims(para.text, para.line)]
    out += [_claim_fact(claim, "goal", g, None, tree, unique)
            for g in report.goals for claim in find_claims(g.analysis, g.analysis_line or g.line)]
    return out


def certainty(goal_id: str | None, facts: FactSet, cap: float) -> float:
    """How sure an uncertain verdict is: the chance that every row under the claim's goal is read right
    (their compared figure and target), at most ``cap``; ``cap`` for a claim outside the goals."""
    if not goal_id:
        return cap
    sure = 1.0
    for fact in facts.indicators:
        row = facts.rows.get(fact.key)
        if fact.goal != goal_id or row is None or not row.cell_confidence:
            continue
        figure = fact.figure_column or "outcome"
        sure *= min(row.cell_confidence.get(figure, 1.0), row.cell_confidence.get("target", 1.0))
    return min(sure, cap)
