"""``auditor compare OLD NEW``: what changed between two reports of the same committee (T1 → T2 → VB).

* goals whose assessment changed (goals matched by level, number and title, since ids are positional);
* indicators whose figure moved away from the target (the forecast in a tertial report, the outcome in the
  annual report; direction from the same indicator status the spreadsheets use);
* findings that appeared or were fixed, matched by fingerprint, then by rule and goal for findings whose
  fingerprint changed with the period.
"""
from __future__ import annotations

import re

from pydantic import BaseModel

from .findings import Finding, ReportAudit
from .indicator_status import StatusFn, default_status
from .model import Goal, Report

_WORD = re.compile(r"[^\w]+")


def _norm(text: str | None) -> str:
    return _WORD.sub(" ", (text or "").casefold()).strip()


class GoalChange(BaseModel):
    level: str
    number: str | None
    title: str
    old_line: int
    new_line: int
    old: str | None
    new: str | None


class IndicatorMove(BaseModel):
    goal_number: str | None
    goal_title: str
    indicator: str
    old_line: int
    new_line: int
    old_figure: float
    new_figure: float
    target: float
    direction: str
    old_gap: float
    new_gap: float


class FindingChange(BaseModel):
    rule: str
    severity: str
    line: int
    message: str
    fingerprint: str
    goal: str | None = None


class Comparison(BaseModel):
    old: str
    new: str
    goals_changed: list[GoalChange] = []
    goals_added: list[str] = []
    goals_removed: list[str] = []
    indicators_away: list[IndicatorMove] = []
    findings_new: list[FindingChange] = []
    findings_fixed: list[FindingChange] = []

    def empty(self) -> bool:
        return not (self.goals_changed or self.indicators_away or self.findings_new or self.findings_fixed
                    or self.goals_added or self.goals_removed)


def _goal_keys(goal: Goal) -> list[tuple]:
    return [(goal.level, goal.number, _norm(goal.title)), (goal.level, _norm(goal.title)),
            (goal.level, goal.number) if goal.number else None]


def match_goals(old: Report, new: Report) -> list[tuple[Goal, Goal]]:
    """Pairs (old goal, new goal), each goal used once, strongest key first."""
    pairs: list[tuple[Goal, Goal]] = []
    used_old: set[str] = set()
    used_new: set[str] = set()
    for k in range(3):
        index: dict[tuple, Goal] = {}
        for g in old.goals:
            key = _goal_keys(g)[k]
            if key is not None and g.id not in used_old:
                index.setdefault(key, g)
        for g in new.goals:
            key = _goal_keys(g)[k]
            if key is None or g.id in used_new:
                continue
            o = index.get(key)
            if o is not None and o.id not in used_old:
                pairs.append((o, g))
                used_old.add(o.id)
                used_new.add(g.id)
    pairs.sort(key=lambda p: p[1].line)
    return pairs


def _goal_label(goal: Goal) -> str:
    return " ".join(x for x in (goal.number, goal.title) if x)


def _gap(figure: float, target: float, direction: str) -> float:
    """How far the figure is on the wrong side of the target (0 when it meets it)."""
    if direction == "lower":
        return max(0.0, figure - target)
    if direction == "band":
        return max(0.0, abs(figure) - abs(target))
    return max(0.0, target - figure)


def _finding_change(f: Finding) -> FindingChange:
    goal = " ".join(x for x in (f.goal.number, f.goal.title) if x) if f.goal else None
    return FindingChange(rule=f.rule, severity=f.severity, line=f.line, message=f.message,
                         fingerprint=f.fingerprint, goal=goal)


def _secondary_key(f: Finding) -> tuple:
    subject = f.evidence.get("indicator") or f.evidence.get("activity") or ""
    return (f.rule, _norm(f.goal.title) if f.goal else "", _norm(str(subject)))


def compare_findings(old: list[Finding], new: list[Finding]) -> tuple[list[Finding], list[Finding]]:
    """(appeared, fixed): by fingerprint first, then by rule + goal + subject for the rest."""
    old_left = list(old)
    appeared: list[Finding] = []
    by_fp: dict[str, list[Finding]] = {}
    for f in old_left:
        by_fp.setdefault(f.fingerprint, []).append(f)
    unmatched_new = []
    for f in new:
        bucket = by_fp.get(f.fingerprint)
        if bucket:
            old_left.remove(bucket.pop())
        else:
            unmatched_new.append(f)
    by_key: dict[tuple, list[Finding]] = {}
    for f in old_left:
        by_key.setdefault(_secondary_key(f), []).append(f)
    for f in unmatched_new:
        bucket = by_key.get(_secondary_key(f))
        if bucket:
            old_left.remove(bucket.pop())
        else:
            appeared.append(f)
    return appeared, old_left


def compare(old: ReportAudit, new: ReportAudit, status: StatusFn = default_status) -> Comparison:
    out = Comparison(old=old.source, new=new.source)
    if old.report is not None and new.report is not None:
        pairs = match_goals(old.report, new.report)
        for o, n in pairs:
            if o.assessment != n.assessment:
                out.goals_changed.append(GoalChange(level=n.level, number=n.number, title=n.title,
                                                    old_line=o.line, new_line=n.line,
                                                    old=o.assessment, new=n.assessment))
            out.indicators_away.extend(_indicators_away(old.report, o, new.report, n, status))
        matched_old = {o.id for o, _ in pairs}
        matched_new = {n.id for _, n in pairs}
        out.goals_added = [_goal_label(g) for g in new.report.goals if g.id not in matched_new]
        out.goals_removed = [_goal_label(g) for g in old.report.goals if g.id not in matched_old]
    appeared, fixed = compare_findings(old.findings, new.findings)
    key = lambda f: (f.line, f.rule, f.fingerprint)  # noqa: E731
    out.findings_new = [_finding_change(f) for f in sorted(appeared, key=key)]
    out.findings_fixed = [_finding_change(f) for f in sorted(fixed, key=key)]
    return out


def _indicators_away(old_r: Report, old_g: Goal, new_r: Report, new_g: Goal, status: StatusFn) -> list[IndicatorMove]:
    olds = {_norm(i.name): i for i in old_g.indicators}
    moves = []
    for ind in new_g.indicators:
        prev = olds.get(_norm(ind.name))
        if prev is None:
            continue
        st_new = status(new_r, new_g, ind)
        st_old = status(old_r, old_g, prev)
        target = st_new.target if st_new.target is not None else st_old.target
        direction = st_new.direction or st_old.direction
        if None in (st_new.figure, st_old.figure, target, direction):
            continue
        old_gap = _gap(st_old.figure, target, direction)
        new_gap = _gap(st_new.figure, target, direction)
        if new_gap > old_gap:
            moves.append(IndicatorMove(goal_number=new_g.number, goal_title=new_g.title, indicator=ind.name,
                                       old_line=prev.line, new_line=ind.line, old_figure=st_old.figure,
                                       new_figure=st_new.figure, target=target, direction=direction,
                                       old_gap=old_gap, new_gap=new_gap))
    return moves


def _num(x: float) -> str:
    return f"{x:g}".replace(".", ",")


TEXT = {
    "sv": {"title": "Jämförelse", "goals": "Mål vars bedömning ändrats", "away": "Indikatorer som rört sig bort från årsmålet",
           "new": "Nya fynd", "fixed": "Åtgärdade fynd", "added": "Nya mål", "removed": "Mål som försvunnit",
           "none": "Inga skillnader.", "line": "rad", "target": "årsmål", "nothing": "inga",
           "helt": "helt", "delvis": "delvis", "inte": "inte", "ingen": "ingen", None: "ingen markering"},
    "en": {"title": "Comparison", "goals": "Goals whose assessment changed", "away": "Indicators that moved away from target",
           "new": "New findings", "fixed": "Fixed findings", "added": "Goals added", "removed": "Goals removed",
           "none": "No differences.", "line": "line", "target": "target", "nothing": "none",
           "helt": "fully", "delvis": "partly", "inte": "not", "ingen": "none", None: "no marker"},
}


def render_text(c: Comparison, lang: str = "sv", markdown: bool = False) -> str:
    from .render._common import clean_text
    t = TEXT.get(lang, TEXT["sv"])
    h = "## " if markdown else ""
    bullet = "- " if markdown else "  "
    lines = [f"{'# ' if markdown else ''}{t['title']}: {clean_text(c.old)} → {clean_text(c.new)}", ""]

    def section(title: str, items: list[str]) -> None:
        lines.append(f"{h}{title} ({len(items)})")
        lines.extend(f"{bullet}{clean_text(i)}" for i in items)
        lines.append("")

    section(t["goals"], [f"{' '.join(x for x in (g.number, g.title) if x)}: {t[g.old]} → {t[g.new]} "
                         f"({t['line']} {g.old_line} → {g.new_line})" for g in c.goals_changed])
    section(t["away"], [f"{m.indicator}: {_num(m.old_figure)} → {_num(m.new_figure)}, {t['target']} {_num(m.target)} "
                        f"({t['line']} {m.new_line})" for m in c.indicators_away])
    section(t["new"], [f"{t['line']} {f.line} {f.rule}: {f.message} [{f.fingerprint}]" for f in c.findings_new])
    section(t["fixed"], [f"{t['line']} {f.line} {f.rule}: {f.message} [{f.fingerprint}]" for f in c.findings_fixed])
    if c.goals_added:
        section(t["added"], c.goals_added)
    if c.goals_removed:
        section(t["removed"], c.goals_removed)
    return "\n".join(lines).rstrip() + "\n"
