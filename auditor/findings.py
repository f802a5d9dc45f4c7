"""The typed result of an audit (contract ``auditor.findings/1``).

Rules produce ``Finding`` objects; renderers (terminal, Markdown, JSON, HTML, SARIF, ...) only read them.
"""
from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from .model import Diagnostic, Report

SCHEMA = "auditor.findings/1"

Severity = Literal["error", "warning", "info"]
SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}


class GoalRef(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    number: str | None = None
    title: str


class Finding(BaseModel):
    model_config = ConfigDict(extra="forbid")
    rule: str
    severity: Severity
    line: int
    message: str
    goal: GoalRef | None = None
    evidence: dict[str, Any] = Field(default_factory=dict)
    fingerprint: str = ""
    # "low" when the finding rests on a row whose columns the parser could not place with certainty.
    confidence: Literal["high", "low"] = "high"


class ReportAudit(BaseModel):
    """The audit of one input file."""

    model_config = ConfigDict(extra="forbid")
    source: str
    committee: str | None = None
    unit: str | None = None
    report_kind: str | None = None
    year: int | None = None
    findings: list[Finding] = Field(default_factory=list)
    diagnostics: list[Diagnostic] = Field(default_factory=list)
    complete: bool = True
    # Set when the file could not be read or parsed at all; then findings is empty.
    error: str | None = None
    # The parsed model, for renderers that show the goal tree (HTML, spreadsheets); not part of the JSON contract.
    report: Report | None = Field(default=None, exclude=True)


class AuditResult(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    schema_: str = Field(default=SCHEMA, alias="schema")
    reports: list[ReportAudit] = Field(default_factory=list)

    def to_contract(self) -> dict:
        return self.model_dump(mode="json", by_alias=True)
