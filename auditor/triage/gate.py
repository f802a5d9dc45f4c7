"""Which findings gate CI: the one definition every CI output (exit code, JUnit, SARIF, annotations) shares.

A finding gates when its severity is at or above ``fail_on``, no reviewer has dismissed it, the baseline
does not already hold it, and it is certain (a finding resting on table cells whose column placement is
uncertain gates only with ``fail_on_uncertain``, setting ``fail-on-uncertain`` / ``--fail-on-uncertain``).
"""
from __future__ import annotations

from ..findings import SEVERITY_RANK, AuditResult, Finding, ReportAudit


def gates(finding: Finding, fail_on: str = "error", uncertain: bool = False) -> bool:
    if SEVERITY_RANK[finding.severity] < SEVERITY_RANK[fail_on]:
        return False
    if finding.confidence == "low" and not uncertain:
        return False
    if finding.dismissed:
        return False
    return finding.baseline != "unchanged"


def report_gates(audit: ReportAudit, fail_on: str = "error", uncertain: bool = False) -> bool:
    """True when one of a report's findings gates CI (what the audit command's exit code asks of each report
    as a batch goes by)."""
    return any(gates(finding, fail_on, uncertain) for finding in audit.findings)


def fails(result: AuditResult, fail_on: str = "error", uncertain: bool = False) -> bool:
    """True when CI should fail on findings (unreadable reports are the audit command's exit code 2)."""
    return any(report_gates(audit, fail_on, uncertain) for audit in result.reports)
