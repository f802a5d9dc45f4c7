"""What a count claim in the prose is compared with: each part of the report it could mean, with what that
part holds (``ClaimFact.readings``). Whether the claim agrees with them is decided by GOAL-CLAIM-COUNT and
SUM-CLAIM-COUNT with the verdict they share, ``auditor.policy.counts``.

The readings, most specific first (``GoalTree.readings``):

- indicators: the goal's own rows, then its rows with those of the goals below it;
- activities: the goal's own, then with those below it;
- goals of a level: the goals below the claim's goal, then its siblings, then the goals under the section
  the summary paragraph stands in, then the whole report, and -- when the claim states a total -- any one
  subtree of the goal tree.

Each holds its tally: rows that meet their target, miss it or cannot be decided (``auditor.policy.target``),
counted once as read and once with the rows whose columns were not placed for certain as undecided; goals by
marker; or a number of activities. A reading is ``doubtful`` when a row of its set is placed with doubt, or a
table line under the claim's goal (anywhere, for a claim outside the goals) was not placed.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import UNSURE_ROW, Goal, Report
from ..prose.counts import Claim, find_claims
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
    # ``lenient``: a row whose columns the parser could not place with certainty is undecided, since its
    # "met" rests on one reading of the cells.
    sure = [r for r in rows if r.certain or not lenient]
    return {"met": sum(r.met is True for r in sure), "not_met": sum(r.met is False for r in sure),
            "unknown": len(rows) - len(sure) + sum(r.met is None for r in sure), "n": len(rows)}


@dataclass(frozen=True)
class CountReading:
    """One part of the report a count claim may be about, and what it holds."""

    scope: str                 # "own_indicators", "indicators_below", "own_activities", "activities_below",
    #                            "child_goals", "sibling_goals", "section_goals", "report" or "subtree"
    number: str | None         # the goal the scope is named after (own_indicators, section_goals, subtree):
    title: str | None          # its number and title
    kind: str                  # "ind" (indicator rows), "goal" (goals of a level), "act" (activities)
    tally: dict                # rows {"met", "not_met", "unknown", "n"}; goals {"helt", "delvis", "inte",
    #                            "unknown", "n"}; activities {"activities": n}
    lenient: dict              # the same, with rows whose columns are not placed for certain as "unknown"
    doubtful: bool             # a row of the set is placed with doubt, or a table line may be lost


@dataclass
class GoalTree:
    """What the readings of a claim are made from: the goals, their children, rows and activities."""

    report: Report
    children: dict[str | None, list[Goal]]
    rows_by_goal: dict[str, list[IndicatorFact]]
    activities: dict[str, int]
    titles: dict[str, Goal]
    # the goals below a goal, and those of one level: asked again for each claim (a stated total is compared
    # with every subtree), and the tree does not change while the claims are read
    _below: dict[str | None, list[Goal]] = field(default_factory=dict)
    _below_at: dict[tuple[str | None, str], list[Goal]] = field(default_factory=dict)

    @classmethod
    def of(cls, report: Report, indicators: list[IndicatorFact], children) -> "GoalTree":
        rows: dict[str, list[IndicatorFact]] = {}
        for row in indicators:
            rows.setdefault(row.goal, []).append(row)
        return cls(report, children, rows, {g.id: len(g.activities) for g in report.goals},
                   {norm(g.title): g for g in report.goals})

    def below(self, goal_id: str | None) -> list[Goal]:
        found = self._below.get(goal_id)
        if found is None:
            found = self._below[goal_id] = _descendants(goal_id, self.children)
        return found

    def below_at(self, goal_id: str | None, level: str) -> list[Goal]:
        """The goals of ``level`` below ``goal_id``."""
        found = self._below_at.get((goal_id, level))
        if found is None:
            found = self._below_at[(goal_id, level)] = _at_level(self.below(goal_id), level)
        return found

    def lost_line(self, home: Goal | None) -> bool:
        """Whether a table line under the claim's goal (anywhere, for a claim outside the goals) was not
        placed: a row of the compared set may be lost."""
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
            out.append((("child_goals", None), "goal", self.below_at(home.id, level)))
            if home.parent is not None:
                out.append((("sibling_goals", None), "goal", self.below_at(home.parent, level)))
        if section and norm(section) in self.titles:
            sec = self.titles[norm(section)]
            out.append((("section_goals", sec), "goal", self.below_at(sec.id, level)))
        out.append((("report", None), "goal", _at_level(self.report.goals, level)))
        if claim.total is not None:   # a stated total may be about any one part of the goal tree
            for g in self.report.goals:
                part = self.below_at(g.id, level)
                if part:
                    out.append((("subtree", g), "goal", part))
        return out


def _reading(label, kind: str, items, doubtful: bool) -> CountReading:
    (scope, named) = label
    if kind == "act":
        tally = lenient = {"activities": items}
    elif kind == "ind":
        tally, lenient = _tally_indicators(items), _tally_indicators(items, lenient=True)
    else:
        tally = lenient = _tally_goals(items)
    return CountReading(scope=scope, number=named.number if named else None, title=named.title if named else None,
                        kind=kind, tally=tally, lenient=lenient,
                        doubtful=doubtful or (kind == "ind" and any(not row.certain for row in items)))


def _claim_fact(claim: Claim, where: str, home: Goal | None, section: str | None, tree: GoalTree,
                unique) -> ClaimFact:
    lost = tree.lost_line(home)
    owner = f"{home.level}|{home.number or ''}|{norm(home.title)}|" if home else ""
    return ClaimFact(
        key=unique(f"claim|{owner}{norm(claim.text)}"), line=claim.line, text=claim.text, where=where,
        goal=home.id if home else None, about=claim.about, helt=claim.helt, delvis=claim.delvis,
        inte=claim.inte, total=claim.total, all=claim.all,
        readings=tuple(_reading(label, kind, items, lost)
                       for label, kind, items in tree.readings(claim, home, section)))


def claim_facts(report: Report, indicators: list[IndicatorFact], children, unique) -> list[ClaimFact]:
    """A fact per count claim: the summary's paragraphs first, then each goal's analysis."""
    tree = GoalTree.of(report, indicators, children)
    out = [_claim_fact(claim, "narrative", None, para.section, tree, unique)
           for para in report.narrative for claim in find_claims(para.text, para.line)]
    out += [_claim_fact(claim, "goal", g, None, tree, unique)
            for g in report.goals for claim in find_claims(g.analysis, g.analysis_line or g.line)]
    return out


def certainty(goal_id: str | None, facts: FactSet) -> float:
    """How sure an uncertain verdict is: the chance that every row under the claim's goal is read right
    (their compared figure and target, as the model answers for each cell), at most ``UNSURE_ROW``, as sure
    as an uncertain row; ``UNSURE_ROW`` for a claim outside the goals."""
    if not goal_id:
        return UNSURE_ROW
    sure = 1.0
    for fact in facts.indicators:
        row = facts.rows.get(fact.key)
        if fact.goal != goal_id or row is None:
            continue
        sure *= min(row.cell_sure(fact.figure_column or "outcome"), row.cell_sure("target"))
    return min(sure, UNSURE_ROW)
