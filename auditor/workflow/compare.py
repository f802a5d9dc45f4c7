"""``auditor compare OLD NEW``: what changed between two reports of the same committee (T1 → T2 → VB).

* goals whose assessment changed (goals matched by level, number and title, since ids are positional);
* indicators whose figure moved away from the target (the forecast in a tertial report, the outcome in the
  annual report; figure, target and direction as the audit judged them, ``ReportAudit.indicator_status``);
* findings that appeared or were fixed, matched by fingerprint, then by rule and goal for findings whose
  fingerprint changed with the period.
"""
from __future__ import annotations

import difflib
import re

from pydantic import BaseModel, model_serializer

from ..findings import Finding, ReportAudit, _drop_unset
from ..model import Goal, Report
from ..render.safe_text import clean_text
from ..words import by_lang, catalogue, number, place_on, word
from ..words.findings import message_of

_WORD = re.compile(r"[^\w]+")


def _norm(text: str | None) -> str:
    return _WORD.sub(" ", (text or "").casefold()).strip()


class _Located(BaseModel):
    """A change whose lines are also named by page in a PDF report: the page keys are in the JSON only
    when set, so that the comparison of two text reports reads as it always did."""

    @model_serializer(mode="wrap")
    def _serialize(self, handler):
        return _drop_unset(handler(self), self, tuple(k for k in PAGE_KEYS if k in type(self).model_fields))


PAGE_KEYS = ("page", "page_line", "old_page", "old_page_line", "new_page", "new_page_line")


class GoalChange(_Located):
    level: str
    number: str | None
    title: str
    old_number: str | None = None   # set when the goal's number or title changed between the reports
    old_title: str | None = None
    old_line: int
    new_line: int
    old: str | None
    new: str | None
    old_page: int | None = None     # PDF reports: the page of old_line and the line on it (and of new_line)
    old_page_line: int | None = None
    new_page: int | None = None
    new_page_line: int | None = None


class IndicatorMove(_Located):
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
    new_page: int | None = None
    new_page_line: int | None = None


class FindingChange(_Located):
    rule: str
    severity: str
    line: int
    message: str
    fingerprint: str
    goal: str | None = None
    page: int | None = None
    page_line: int | None = None


class Comparison(BaseModel):
    old: str
    new: str
    # False when a side is a findings file (JSON) without the parsed report: goals and indicators
    # cannot be compared, only findings.
    goals_compared: bool = True
    goals_changed: list[GoalChange] = []
    goals_added: list[str] = []
    goals_removed: list[str] = []
    indicators_away: list[IndicatorMove] = []
    findings_new: list[FindingChange] = []
    findings_fixed: list[FindingChange] = []

    def empty(self) -> bool:
        return not (self.goals_changed or self.indicators_away or self.findings_new or self.findings_fixed
                    or self.goals_added or self.goals_removed)


TITLE_SIMILARITY = 0.8


def similar_titles(a: str | None, b: str | None) -> bool:
    """Same goal text, allowing small edits (a word, punctuation): normalised titles equal or a difflib
    ratio of at least ``TITLE_SIMILARITY``."""
    na, nb = _norm(a), _norm(b)
    return na == nb or difflib.SequenceMatcher(None, na, nb, autojunk=False).ratio() >= TITLE_SIMILARITY


def _goal_keys(goal: Goal) -> list[tuple | None]:
    """Keys from strongest to weakest. The last, level and number, pairs goals only when their titles
    are also similar: a number reused for another goal is not the same goal."""
    return [(goal.level, goal.number, _norm(goal.title)), (goal.level, _norm(goal.title)),
            (goal.level, goal.number) if goal.number else None]


def match_goals(old: Report, new: Report) -> list[tuple[Goal, Goal]]:
    """Pairs (old goal, new goal), each goal used once, strongest key first."""
    pairs: list[tuple[Goal, Goal]] = []
    used_old: set[str] = set()
    used_new: set[str] = set()
    for k in range(3):
        index: dict[tuple, list[Goal]] = {}
        for g in old.goals:
            key = _goal_keys(g)[k]
            if key is not None and g.id not in used_old:
                index.setdefault(key, []).append(g)
        for g in new.goals:
            key = _goal_keys(g)[k]
            if key is None or g.id in used_new:
                continue
            for o in index.get(key, []):
                if o.id in used_old or (k == 2 and not similar_titles(o.title, g.title)):
                    continue
                pairs.append((o, g))
                used_old.add(o.id)
                used_new.add(g.id)
                break
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


def _pages(side: str, report, line: int) -> dict[str, int]:
    """``{side}_page`` and ``{side}_page_line`` of a line of a PDF report; nothing for a text report."""
    where = report.page_of(line) if report is not None else None
    return {f"{side}_page": where[0], f"{side}_page_line": where[1]} if where else {}


def _finding_change(f: Finding, lang: str) -> FindingChange:
    goal = " ".join(x for x in (f.goal.number, f.goal.title) if x) if f.goal else None
    return FindingChange(rule=f.rule, severity=f.severity, line=f.line, message=message_of(f, lang),
                         fingerprint=f.fingerprint, goal=goal, page=f.page, page_line=f.page_line)


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


def compare(old: ReportAudit, new: ReportAudit, lang: str = "sv") -> Comparison:
    """What changed from ``old`` to ``new``; the findings that appeared or were fixed keep their message in
    ``lang``."""
    out = Comparison(old=old.source, new=new.source,
                     goals_compared=old.report is not None and new.report is not None)
    if old.report is not None and new.report is not None:
        pairs = match_goals(old.report, new.report)
        for o, n in pairs:
            if o.assessment != n.assessment:
                renamed = (o.number, _norm(o.title)) != (n.number, _norm(n.title))
                out.goals_changed.append(GoalChange(level=n.level, number=n.number, title=n.title,
                                                    old_number=o.number if renamed else None,
                                                    old_title=o.title if renamed else None,
                                                    old_line=o.line, new_line=n.line,
                                                    old=o.assessment, new=n.assessment,
                                                    **_pages("old", old.report, o.line),
                                                    **_pages("new", new.report, n.line)))
            out.indicators_away.extend(_indicators_away(old, o, new, n))
        matched_old = {o.id for o, _ in pairs}
        matched_new = {n.id for _, n in pairs}
        out.goals_added = [_goal_label(g) for g in new.report.goals if g.id not in matched_new]
        out.goals_removed = [_goal_label(g) for g in old.report.goals if g.id not in matched_old]
    appeared, fixed = compare_findings(old.findings, new.findings)
    key = lambda f: (f.line, f.rule, f.fingerprint)  # noqa: E731
    out.findings_new = [_finding_change(f, lang) for f in sorted(appeared, key=key)]
    out.findings_fixed = [_finding_change(f, lang) for f in sorted(fixed, key=key)]
    return out


def _indicators_away(old: ReportAudit, old_g: Goal, new: ReportAudit, new_g: Goal) -> list[IndicatorMove]:
    olds = {_norm(i.name): i for i in old_g.indicators}
    moves = []
    for ind in new_g.indicators:
        prev = olds.get(_norm(ind.name))
        st_new = new.indicator_status.get((new_g.id, ind.line))
        st_old = old.indicator_status.get((old_g.id, prev.line)) if prev is not None else None
        if st_new is None or st_old is None:
            continue
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
                                       old_gap=old_gap, new_gap=new_gap, **_pages("new", new.report, ind.line)))
    return moves


KIND_ORDER = {"T1": 1, "T2": 2, "VB": 3}


def _differ(a: str | None, b: str | None) -> bool:
    return bool(a and b) and _norm(a) != _norm(b)


def different_committees(old: ReportAudit, new: ReportAudit) -> bool:
    """Both reports name their committee, and the names differ."""
    return _differ(old.committee, new.committee)


def different_units(old: ReportAudit, new: ReportAudit) -> bool:
    """Same committee (or unknown), but one report is a unit's and the other another unit's or the
    committee's own."""
    if not (old.unit or new.unit) or different_committees(old, new):
        return False
    return _norm(old.unit) != _norm(new.unit)


def reversed_order(old: ReportAudit, new: ReportAudit) -> bool:
    """NEW is known to be an earlier report than OLD (year, then T1 → T2 → VB)."""
    if old.year is None or new.year is None:
        return False
    if old.year != new.year:
        return new.year < old.year
    o, n = KIND_ORDER.get(old.report_kind or ""), KIND_ORDER.get(new.report_kind or "")
    return o is not None and n is not None and n < o


def period_label(audit: ReportAudit, lang: str = "sv") -> str:
    kind = word(catalogue.REPORT_KINDS, audit.report_kind or "", lang)
    return " ".join(x for x in (kind, str(audit.year) if audit.year else "") if x)


TEXT = by_lang(catalogue.COMPARE)


def _change_label(g: GoalChange) -> str:
    new = " ".join(x for x in (g.number, g.title) if x)
    if g.old_title is None and g.old_number is None:
        return new
    old = " ".join(x for x in (g.old_number, g.old_title) if x)
    return f"{old} → {new}"


def _moved(g: GoalChange, t: dict, lang: str) -> str:
    """"rad 18 → 20" between text reports, "sida 3, rad 18 → sida 4, rad 2" where a side is a PDF."""
    if g.old_page is None and g.new_page is None:
        return f"{t['line']} {g.old_line} → {g.new_line}"
    return f"{place_on(g.old_line, g.old_page, g.old_page_line, lang)} → {place_on(g.new_line, g.new_page, g.new_page_line, lang)}"


def render_text(c: Comparison, lang: str = "sv", markdown: bool = False) -> str:
    t = TEXT.get(lang, TEXT["sv"])
    h = "## " if markdown else ""
    bullet = "- " if markdown else "  "
    lines = [f"{'# ' if markdown else ''}{t['title']}: {clean_text(c.old)} → {clean_text(c.new)}", ""]

    def section(title: str, items: list[str]) -> None:
        lines.append(f"{h}{title} ({len(items)})")
        lines.extend(f"{bullet}{clean_text(i)}" for i in items)
        lines.append("")

    if c.empty():
        lines.append(t["none"] if c.goals_compared else f"{t['no_goals']}\n\n{t['no_finding_changes']}")
        return "\n".join(lines).rstrip() + "\n"
    if c.goals_compared:
        section(t["goals"], [f"{_change_label(g)}: {t[g.old]} → {t[g.new]} "
                             f"({_moved(g, t, lang)})" for g in c.goals_changed])
        section(t["away"], [f"{m.indicator}: {number(m.old_figure, lang)} → {number(m.new_figure, lang)}, {t['target']} "
                            f"{number(m.target, lang)} ({place_on(m.new_line, m.new_page, m.new_page_line, lang)})"
                            for m in c.indicators_away])
    else:
        lines.extend([t["no_goals"], ""])
    section(t["new"], [f"{place_on(f.line, f.page, f.page_line, lang)} {f.rule}: {f.message} [{f.fingerprint}]"
                       for f in c.findings_new])
    section(t["fixed"], [f"{place_on(f.line, f.page, f.page_line, lang)} {f.rule}: {f.message} [{f.fingerprint}]"
                         for f in c.findings_fixed])
    if c.goals_added:
        section(t["added"], c.goals_added)
    if c.goals_removed:
        section(t["removed"], c.goals_removed)
    return "\n".join(lines).rstrip() + "\n"
