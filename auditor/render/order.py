"""The order findings are shown in: by line and severity, by goal in document order, and signal first (a
rule's many info findings gathered into one entry, so that they do not bury the errors)."""
from __future__ import annotations

from typing import Any, Iterable

from ..findings import SEVERITY_RANK, Finding, ReportAudit

SEVERITY_ORDER = ("error", "warning", "info")


def finding_order(finding: Finding) -> tuple:
    return (finding.line, -SEVERITY_RANK[finding.severity], finding.rule, finding.fingerprint)


def sorted_findings(findings: Iterable[Finding]) -> list[Finding]:
    return sorted(findings, key=finding_order)


def goal_groups(audit: ReportAudit) -> list[tuple[dict | None, list[Finding]]]:
    """Findings grouped by goal, goals in document order; findings outside any goal first."""
    goals: dict[str, dict[str, Any]] = {}
    if audit.report is not None:
        for g in audit.report.goals:
            goals[g.id] = {"id": g.id, "number": g.number, "title": g.title, "line": g.line,
                           "assessment": g.assessment, "level": g.level, "where": audit.report.page_of(g.line)}
    groups: dict[str | None, list[Finding]] = {}
    for f in sorted(audit.findings, key=lambda f: (f.line, f.rule, f.fingerprint)):
        gid = f.goal.id if f.goal else None
        groups.setdefault(gid, []).append(f)
        if gid and gid not in goals:
            line = f.evidence.get("line", f.line) if f.rule.startswith("GOAL-") else f.line
            goals[gid] = {"id": gid, "number": f.goal.number, "title": f.goal.title, "line": line,
                          "assessment": None, "level": None,
                          "where": (f.page, f.page_line) if f.page is not None and line == f.line else None}
    order = sorted((gid for gid in groups if gid is not None), key=lambda gid: (goals[gid]["line"], gid))
    out: list[tuple[dict | None, list[Finding]]] = []
    if None in groups:
        out.append((None, groups[None]))
    out.extend((goals[gid], groups[gid]) for gid in order)
    return out


def signal_first(audit: ReportAudit) -> tuple[list[tuple[dict | None, list[Finding]]], list[tuple[str, list[Finding]]]]:
    """The findings by goal, errors and warnings first: a rule's info findings, when the report has two or
    more of them and none carries a review decision, leave their goals and become one entry per rule (a
    report's many IND-NO-FORECAST rows no longer bury its errors); the rest stay under their goals."""
    info: dict[str, list[Finding]] = {}
    for f in audit.findings:
        if f.severity == "info":
            info.setdefault(f.rule, []).append(f)
    grouped = {rule for rule, fs in info.items() if len(fs) >= 2 and all(f.review is None for f in fs)}
    if not grouped:
        return goal_groups(audit), []
    kept = [(goal, [f for f in fs if not (f.severity == "info" and f.rule in grouped)]) for goal, fs in goal_groups(audit)]
    return ([(goal, fs) for goal, fs in kept if fs],
            [(rule, sorted(info[rule], key=lambda f: (f.line, f.fingerprint))) for rule in sorted(grouped)])
