"""Which findings gate CI: the one definition every CI output (exit code, JUnit, SARIF, annotations) shares.

A finding gates when its severity is at or above ``fail_on``, no reviewer has dismissed it, and the baseline
does not already hold it.
"""
from __future__ import annotations

from typing import Iterator

from .findings import SEVERITY_RANK, AuditResult, Finding, ReportAudit


def gates(finding: Finding, fail_on: str = "error") -> bool:
    if SEVERITY_RANK[finding.severity] < SEVERITY_RANK[fail_on]:
        return False
    if finding.dismissed:
        return False
    return finding.baseline != "unchanged"


def gating_findings(result: AuditResult, fail_on: str = "error") -> Iterator[tuple[ReportAudit, Finding]]:
    for audit in result.reports:
        for finding in audit.findings:
            if gates(finding, fail_on):
                yield audit, finding


def fails(result: AuditResult, fail_on: str = "error") -> bool:
    """True when CI should fail on findings (unreadable reports are the audit command's exit code 2)."""
    return next(gating_findings(result, fail_on), None) is not None
