"""The typed result of an audit (contract ``auditor.findings/1``).

Rules produce ``Finding`` objects that carry data, no words; renderers (terminal, Markdown, JSON, HTML,
SARIF, ...) only read them and word them in the reader's language through ``auditor.words.findings``.
"""
# No ``from __future__ import annotations`` here: pydantic would evaluate each field's annotation from its
# text (a compile() per annotation, at every start); written as objects, they are read as they are.

import hashlib
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SerializationInfo, model_serializer

from .model import Diagnostic, Report, empty_dict, empty_list
from .policy.target import IndicatorStatus, StatusKey
from .words.findings import evidence_of, message_of

SCHEMA = "auditor.findings/1"

Severity = Literal["error", "warning", "info"]
SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}


def fingerprint(*parts: Any) -> str:
    """A finding's identity across runs: the first 16 hex digits of a SHA-256 of what names it."""
    raw = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]


class GoalRef(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    number: str | None = None
    title: str


Decision = Literal["bekräftad", "avfärdad"]


class Review(BaseModel):
    """A reviewer's decision on one finding (kept in the review file, keyed by fingerprint)."""

    model_config = ConfigDict(extra="forbid")
    decision: Decision
    reason: str
    by: str
    date: str  # ISO date, YYYY-MM-DD


class StaleReview(BaseModel):
    """A decision in the review file whose finding no longer appears in the audited reports."""

    # (built when first used: an audit without a review file, written report by report, never makes one)
    model_config = ConfigDict(extra="forbid", defer_build=True)
    fingerprint: str
    review: Review
    rule: str | None = None
    source: str | None = None


def _drop_unset(data: dict, model: BaseModel, names: tuple[str, ...]) -> dict:
    for name in names:
        if not getattr(model, name):
            data.pop(name, None)
    return data


class Said(BaseModel):
    """What a finding says, as data; ``auditor.words.findings`` words it at output in the reader's language
    through its rule's MESSAGE."""

    model_config = ConfigDict(extra="forbid")
    message: dict[str, str]               # the rule's MESSAGE (the variant the rule named) by language
    kind: str                             # the kind of fact the finding is about: Indicator, Goal, Claim, ...
    subject: dict[str, Any]               # its fields, its figures as numbers with their unit
    items: list[tuple[str, dict[str, Any]]] = Field(default_factory=empty_list)   # the facts it lists: (kind, fields)
    words: dict[str, Any] = Field(default_factory=empty_dict)   # the rule's own: a {"sv", "en"} pair per language


class Doubt(BaseModel):
    """What the doubt about an indicator's columns is made of: the columns in doubt, the cells as read, what
    the runner-up reading would put there, and the split by sex the values after the outcome could be."""

    model_config = ConfigDict(extra="forbid")
    columns: list[str]
    chosen: dict[str, str]
    alternative: dict[str, str | None] = Field(default_factory=empty_dict)
    split: dict[str, str] | None = None


class Finding(BaseModel):
    model_config = ConfigDict(extra="forbid")
    rule: str
    severity: Severity
    line: int
    goal: GoalRef | None = None
    evidence: dict[str, Any] = Field(default_factory=empty_dict)
    fingerprint: str = ""
    # "low" when the finding rests on table cells whose columns the parser could not place with certainty
    # (the evidence then says, in words, what else the cells could be).
    confidence: Literal["high", "low"] = "high"
    # How likely the decisive cells are placed right (0..1); what ``confidence`` and the withholding of
    # findings below the configured floor are decided from. Not part of the JSON contract.
    certainty: float = Field(default=1.0, exclude=True)
    # What the finding says, as data: worded at output, in the reader's language, as the contract's
    # ``message`` (``auditor.words.findings.message_of``); the evidence's ``doubt`` likewise.
    said: Said | None = Field(default=None, exclude=True)
    # A finding read back from a findings file (``auditor audit findings.json``) has no data, only the
    # message the file gives: it is shown as written.
    written: str | None = Field(default=None, alias="message", exclude=True)
    doubt: Doubt | None = Field(default=None, exclude=True)
    # Set by auditor.triage.review.apply_reviews when the review file holds a decision for this fingerprint.
    review: Review | None = None
    # Set by auditor.triage.baseline.apply_baseline: "unchanged" when the baseline already holds the finding.
    baseline: Literal["new", "unchanged"] | None = None
    # For a PDF report: the page of ``line`` and the line on that page (the engine sets them, as it sets
    # those of the evidence's items); the outputs show "sida 12, rad 30". None for a text report.
    page: int | None = None
    page_line: int | None = None

    @model_serializer(mode="wrap")
    def _serialize(self, handler, info: SerializationInfo):
        # The contract's message and evidence, worded in the language of the serialisation's context
        # ({"lang": "en"}; Swedish without one). Review, baseline and the page are left out unless set, so
        # plain audits stay unchanged.
        data = handler(self)
        lang = (info.context or {}).get("lang", "sv")
        data = {**{k: data[k] for k in ("rule", "severity", "line") if k in data},
                "message": message_of(self, lang), **data}
        if "evidence" in data:
            data["evidence"] = evidence_of(self, lang)
        return _drop_unset(data, self, ("review", "baseline", "page", "page_line"))

    @property
    def dismissed(self) -> bool:
        return self.review is not None and self.review.decision == "avfärdad"


class ReportAudit(BaseModel):
    """The audit of one input file."""

    model_config = ConfigDict(extra="forbid")
    source: str
    committee: str | None = None
    unit: str | None = None
    report_kind: str | None = None
    year: int | None = None
    findings: list[Finding] = Field(default_factory=empty_list)
    # Findings whose decisive table cells are more likely misplaced than not (below ``min_confidence``):
    # not reported as findings, but listed so that nothing is dropped silently.
    withheld: list[Finding] = Field(default_factory=empty_list)
    diagnostics: list[Diagnostic] = Field(default_factory=empty_list)
    complete: bool = True
    # Set when the file could not be read or parsed at all; then findings is empty.
    error: str | None = None
    # The report's sure KF targets and its rows in doubt, for the batch's vote (auditor.knowledge.kf_vote)
    kf_votes: Any = Field(default=None, exclude=True)
    # The parsed model, for renderers that show the goal tree (HTML, spreadsheets); not part of the JSON contract.
    report: Report | None = Field(default=None, exclude=True)
    # Each indicator row's status as the rules judged it, by (goal id, line), kept with the model for the
    # outputs that show indicators (HTML, spreadsheets, compare); not part of the JSON contract.
    indicator_status: dict[StatusKey, IndicatorStatus] = Field(default_factory=empty_dict, exclude=True)


class AuditResult(BaseModel):
    # built when first used: an audit written report by report (JSON, GitHub annotations) never makes one
    model_config = ConfigDict(extra="forbid", populate_by_name=True, defer_build=True)
    schema_: str = Field(default=SCHEMA, alias="schema")
    reports: list[ReportAudit] = Field(default_factory=empty_list)
    # Decisions in the review file whose finding has disappeared; left out of the JSON unless there are any.
    stale_reviews: list[StaleReview] = Field(default_factory=empty_list)

    @model_serializer(mode="wrap")
    def _serialize(self, handler):
        return _drop_unset(handler(self), self, ("stale_reviews",))

    def to_contract(self, lang: str = "sv") -> dict:
        return self.model_dump(mode="json", by_alias=True, context={"lang": lang})
