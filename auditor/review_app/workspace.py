"""The audited batch and its review file: what the workspace shows and where its decisions go.

The findings are audited once at start; the decisions are read from the review file on every request, so a
reload shows what any reviewer (another browser, or ``auditor review`` on the command line) has decided since.
Every decision is written through ``auditor.triage.review.set_decision``: under the review file's lock, the file is
read again and only the decided fingerprint changes, so two reviewers never overwrite each other; a decision
on a fingerprint that someone else changed since the page was read is a conflict, said in words.
"""
from __future__ import annotations

import datetime as _dt
import threading
from dataclasses import dataclass, field
from pathlib import Path

from ..findings import AuditResult, Finding, ReportAudit, StaleReview
from ..triage.review import ReviewEntry, apply_reviews, load_reviews, set_decision, version_of
from .passage import source_text
from ..words.errors import refusal
from ..words.findings import message_of


@dataclass
class Workspace:
    result: AuditResult
    review_file: Path
    lang: str = "sv"
    read_only: bool = False
    options: dict = field(default_factory=dict)      # what the renderers of the exports need (rule titles, ...)
    reviewer: str = ""                                # the name the page suggests ($AUDITOR_REVIEWER)
    # one request at a time reads the review file into the findings and renders from them
    lock: threading.RLock = field(default_factory=threading.RLock)

    def refresh(self) -> list[StaleReview]:
        """Read the review file again and attach its decisions to the findings; the stale decisions."""
        entries = load_reviews(self.review_file)
        for audit in self.result.reports:
            for f in audit.findings:
                f.review = None
        return apply_reviews(self.result, entries)

    def warm(self) -> None:
        """Read every report's text (and a PDF's layout) into the passage cache, so that the first view of a
        long PDF report does not wait for its pages to be read again (run in a thread at start)."""
        for audit in self.result.reports:
            if not audit.error:
                source_text(audit.source)

    def report(self, index: int) -> ReportAudit | None:
        reports = self.result.reports
        return reports[index] if 0 <= index < len(reports) else None

    def finding(self, index: int, fingerprint: str) -> Finding | None:
        audit = self.report(index)
        if audit is None:
            return None
        return next((f for f in audit.findings if f.fingerprint == fingerprint), None)

    def decide(self, index: int, fingerprint: str, decision: str, reason: str, by: str,
               seen: str | None) -> ReviewEntry:
        """Store a decision made today on a finding of report ``index``, with the finding's rule, file, line and
        message as context (as ``auditor review --report`` stores them). ``seen`` is the ``version_of`` the
        decision the reviewer's page showed ("" for none); None skips the check."""
        if self.read_only:
            raise refusal("serve_read_only", code="forbidden")
        audit = self.report(index)
        f = self.finding(index, fingerprint)
        if audit is None or f is None:
            raise refusal("serve_unknown_finding", code="missing", fingerprint=fingerprint)
        context = {"rule": f.rule, "source": audit.source, "line": f.line, "message": message_of(f, self.lang)}
        with self.lock:
            return set_decision(self.review_file, fingerprint, decision, reason, by, _dt.date.today().isoformat(),
                                context, expected=seen)


def version(f: Finding) -> str:
    return version_of(f.review)
