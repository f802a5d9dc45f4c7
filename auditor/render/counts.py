"""How many findings of each kind: by severity, by rule (leaving out the dismissed ones), and which rules
a summary lists."""
from __future__ import annotations

from collections import Counter
from typing import Any, Iterable

from ..findings import AuditResult, Finding, ReportAudit
from .options import opt
from .order import SEVERITY_ORDER


def severity_counts(findings: Iterable[Finding]) -> dict[str, int]:
    out = {"error": 0, "warning": 0, "info": 0}
    for f in findings:
        out[f.severity] += 1
    return out


def rule_ids(result: AuditResult, options: Any = None) -> list[str]:
    """The rules to report on: those the audit ran (``options.rule_ids``), else those that produced findings."""
    ran = opt(options, "rule_ids")
    ids = set(ran or ())
    for audit in result.reports:
        ids.update(f.rule for f in audit.findings)
    return sorted(ids)


def rule_counts(audit: ReportAudit) -> tuple[list[tuple[str, str, Counter]], Counter]:
    """Per rule (id, highest severity of the rule's findings, counter) and the totals. A counter holds the
    findings by severity, leaving out the dismissed ones (a dismissed error is no longer counted as an error),
    and also "dismissed" (how many a reviewer dismissed) and "new" (not dismissed and not in the baseline,
    with --baseline)."""
    per_rule: dict[str, Counter] = {}
    total: Counter = Counter()
    for f in audit.findings:
        keys = ("dismissed",) if f.dismissed else (f.severity,) + (("new",) if f.baseline == "new" else ())
        c = per_rule.setdefault(f.rule, Counter())
        for key in keys:
            c[key] += 1
            total[key] += 1
    rows = [(rule, next((s for s in SEVERITY_ORDER if c.get(s)), "info"), c) for rule, c in sorted(per_rule.items())]
    return rows, total


def active(c: Counter) -> int:
    """The findings a counter holds that are not dismissed."""
    return sum(c.get(s, 0) for s in SEVERITY_ORDER)
