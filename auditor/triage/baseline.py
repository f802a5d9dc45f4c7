"""Baselines: record today's findings so that CI fails only on new ones.

``auditor baseline create PATH... --output auditor-baseline.json`` writes every current finding (fingerprint
plus context for people); ``auditor audit PATH... --baseline auditor-baseline.json`` marks each finding
``new`` or ``unchanged`` and only new ones gate. Matching is by fingerprint and counts duplicates, so a
second finding with the same fingerprint is still new. Fingerprints do not depend on line numbers, so
findings keep matching when unrelated parts of the report change.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from pydantic import BaseModel, ConfigDict, Field

from ..files.json_document import read_document
from ..findings import AuditResult, Finding, ReportAudit
from ..words.findings import message_of

SCHEMA = "auditor.baseline/1"


class BaselineEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    fingerprint: str
    rule: str
    severity: str | None = None
    source: str
    line: int | None = None
    message: str | None = None


class Baseline(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    schema_: str = Field(default=SCHEMA, alias="schema")
    findings: list[BaselineEntry] = []


@dataclass
class BaselineDiff:
    new: list[tuple[ReportAudit, Finding]] = field(default_factory=list)
    unchanged: list[tuple[ReportAudit, Finding]] = field(default_factory=list)
    absent: list[BaselineEntry] = field(default_factory=list)  # in the baseline, fixed since


def create_baseline(result: AuditResult, lang: str = "sv") -> Baseline:
    """Today's findings as a baseline; the message, in ``lang``, is context for people (matching is by
    fingerprint, which no language enters)."""
    entries = [BaselineEntry(fingerprint=f.fingerprint, rule=f.rule, severity=f.severity,
                             source=PurePath(a.source).as_posix(), line=f.line, message=message_of(f, lang))
               for a in result.reports for f in a.findings]
    entries.sort(key=lambda e: (e.source, e.fingerprint, e.rule, e.line or 0))
    return Baseline(findings=entries)


def dump_baseline(baseline: Baseline) -> str:
    doc = {"schema": SCHEMA, "findings": [e.model_dump() for e in baseline.findings]}
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def load_baseline(path: str | Path) -> Baseline:
    return read_document(path, SCHEMA, Baseline, "a_baseline")


def apply_baseline(result: AuditResult, baseline: Baseline) -> BaselineDiff:
    """Mark every finding ``new`` or ``unchanged``; list baseline entries whose finding is gone."""
    matcher = BaselineMatcher(baseline)
    diff = BaselineDiff()
    for audit in result.reports:
        matcher.apply(audit)
        for finding in audit.findings:
            (diff.unchanged if finding.baseline == "unchanged" else diff.new).append((audit, finding))
    diff.absent = matcher.absent()
    return diff


class BaselineMatcher:
    """``apply_baseline`` one report at a time, in the batch's order (``apply``), for an output written report
    by report; ``absent`` at the end. It holds the baseline's counts and the audited files' names."""

    def __init__(self, baseline: Baseline) -> None:
        self._baseline = baseline
        self._known = Counter(e.fingerprint for e in baseline.findings)
        self._audited: set[str] = set()

    def apply(self, audit: ReportAudit) -> None:
        for finding in audit.findings:
            if self._known[finding.fingerprint] > 0:
                self._known[finding.fingerprint] -= 1
                finding.baseline = "unchanged"
            else:
                finding.baseline = "new"
        if not audit.error:
            self._audited.add(PurePath(audit.source).as_posix())

    def absent(self) -> list[BaselineEntry]:
        """The baseline's entries for the audited files that no finding matched."""
        known = Counter(self._known)
        names = {PurePath(s).name for s in self._audited}
        out = []
        for entry in self._baseline.findings:
            if known[entry.fingerprint] > 0 and (entry.source in self._audited or PurePath(entry.source).name in names):
                known[entry.fingerprint] -= 1
                out.append(entry)
        return out
