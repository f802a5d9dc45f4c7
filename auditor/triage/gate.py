"""Which findings gate CI: the one definition every CI output (exit code, JUnit, SARIF, annotations) shares.

A finding gates when its severity is at or above ``fail_on``, no reviewer has dismissed it, the baseline
does not already hold it, and it is certain (a finding resting on table cells whose column placement is
uncertain gates only with ``fail_on_uncertain``, setting ``fail-on-uncertain`` / ``--fail-on-uncertain``).
"""
from __future__ import annotations

from typing import Iterator

from ..findings import SEVERITY_RANK, AuditResult, Finding, ReportAudit


def gates(finding: Finding, fail_on: str = "error", uncertain: bool = False) -> bool:
    if SEVERITY_RANK[finding.severity] < SEVERITY_RANK[fail_on]:
        return False
    if finding.confidence == "low" and not uncertain:
        return False
    if finding.dismissed:
        return False
    return finding.baseline != "unchanged"


def gating_findings(result: AuditResult, fail_on: str = "error",
                    uncertain: bool = False) -> Iterator[tuple[ReportAudit, Finding]]:
    for audit in result.reports:
        for finding in audit.findings:
            if gates(finding, fail_on, uncertain):
                yield audit, finding


def fails(result: AuditResult, fail_on: str = "error", uncertain: bool = False) -> bool:
    """True when CI should fail on findings (unreadable reports are the audit command's exit code 2)."""
    return next(gating_findings(result, fail_on, uncertain), None) is not None
