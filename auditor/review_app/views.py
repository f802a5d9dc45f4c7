"""What the workspace's pages show, built from the audit and the review file (the templates only lay it out;
Jinja2 escapes every value)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePath

from ..findings import Finding, ReportAudit
from ..render.evidence import evidence_pairs
from ..render.headings import goal_heading
from ..render.location import location
from ..render.names import report_title
from ..render.order import goal_groups, sorted_findings
from ..render.safe_text import clean_text
from ..render.tags import label
from ..words import by_lang, catalogue, number, place
from ..words.findings import doubt_text, evidence_of, message_of
from .passage import passage, row_end, source_text
from .workspace import Workspace, version

WORDS = by_lang(catalogue.WORKSPACE)
EVIDENCE_LIMIT = 2000


def words(lang: str) -> dict[str, str]:
    return WORDS.get(lang, WORDS["sv"])


@dataclass
class FindingItem:
    index: int                     # the report's place in the batch
    fingerprint: str
    rule: str
    rule_title: str
    severity: str
    severity_label: str
    certainty: str                 # "sure" / "unsure"
    certainty_words: str
    doubt: str | None
    message: str
    where: str
    evidence: list[tuple[str, str]]
    decision: str                  # "none", "bekräftad", "avfärdad"
    decision_text: str | None
    version: str
    passage: list[tuple[int, str, bool]] | None
    image: bool                    # a PDF page image can be shown
    image_caption: str | None


@dataclass
class GoalGroup:
    heading: str
    findings: list[FindingItem] = field(default_factory=list)


def certainty_of(f: Finding, lang: str) -> tuple[str, str, str | None]:
    """("sure"|"unsure", the certainty in words, the doubt in words or None)."""
    w = words(lang)
    if f.confidence != "low":
        return "sure", w["sure_words"], None
    value = number(f.certainty, lang, places=2)
    doubt = f.doubt and doubt_text(f.doubt, lang)
    return "unsure", w["unsure_words"].format(value=value), clean_text(doubt) if doubt else None


def decision_text(f: Finding, lang: str) -> str | None:
    if f.review is None:
        return None
    r = f.review
    return words(lang)["decided"].format(decision=label(r.decision, lang), by=clean_text(r.by), date=r.date,
                                         reason=clean_text(r.reason))


def finding_item(ws: Workspace, index: int, audit: ReportAudit, f: Finding) -> FindingItem:
    lang = ws.lang
    sure, sure_words, doubt = certainty_of(f, lang)
    text = source_text(audit.source)
    shown = None
    image = False
    caption = None
    if text is not None:
        lines, layout = text
        shown = passage(lines, f.line, row_end(audit.report, lines, f.line)).lines
        shown = [(n, clean_text(t), hit) for n, t, hit in shown]
        image = PurePath(audit.source).suffix.lower() == ".pdf" or f.page is not None
        if image:
            caption = words(lang)["page_image"].format(where=location(f, lang) or place(f.line, lang))
            if layout is None or f.line not in getattr(layout, "boxes", {}):
                caption += " — " + words(lang)["no_box"]
    titles = ws.options.get("rule_titles", {})
    return FindingItem(
        index=index, fingerprint=clean_text(f.fingerprint), rule=clean_text(f.rule),
        rule_title=clean_text(titles.get(f.rule, "")), severity=f.severity, severity_label=label(f.severity, lang),
        certainty=sure, certainty_words=sure_words, doubt=doubt, message=clean_text(message_of(f, lang)),
        where=location(f, lang) or place(f.line, lang),
        evidence=[(clean_text(k), clean_text(v, EVIDENCE_LIMIT)) for k, v in evidence_pairs(evidence_of(f, lang), lang)
                  if k not in ("doubt",)],
        decision=f.review.decision if f.review else "none", decision_text=decision_text(f, lang),
        version=version(f), passage=shown, image=image, image_caption=caption)


def report_context(ws: Workspace, index: int) -> dict:
    audit = ws.result.reports[index]
    lang = ws.lang
    groups = []
    for goal, found in goal_groups(audit):
        heading = goal_heading(goal, lang) if goal is not None else words(lang)["goal_outside"]
        groups.append(GoalGroup(clean_text(heading),
                                [finding_item(ws, index, audit, f) for f in sorted_findings(found)]))
    rules = sorted({f.rule for f in audit.findings})
    titles = ws.options.get("rule_titles", {})
    return {"title": clean_text(report_title(audit, lang)), "source": clean_text(audit.source),
            "error": clean_text(audit.error) or None, "groups": groups, "index": index,
            "total": len(audit.findings),
            "rules": [(r, clean_text(titles.get(r, ""))) for r in rules],
            "severities": [(s, label(s, lang)) for s in ("error", "warning", "info")],
            "decisions": [("none", words(lang)["none"])] + [(d, label(d, lang)) for d in ("bekräftad", "avfärdad")]}


def committee_rows(ws: Workspace) -> list[dict]:
    rows = []
    for index, audit in enumerate(ws.result.reports):
        found = audit.findings
        active = [f for f in found if not f.dismissed]
        rows.append({
            "index": index, "title": clean_text(report_title(audit, ws.lang)), "source": clean_text(audit.source),
            "error": clean_text(audit.error) or None, "total": len(found),
            "counts": {s: sum(1 for f in active if f.severity == s) for s in ("error", "warning", "info")},
            "confirmed": sum(1 for f in found if f.review and f.review.decision == "bekräftad"),
            "dismissed": sum(1 for f in found if f.dismissed),
            "undecided": sum(1 for f in found if f.review is None),
        })
    return rows


def stale_rows(stale, lang: str) -> list[dict]:
    return [{"fingerprint": clean_text(s.fingerprint), "rule": clean_text(s.rule or ""),
             "source": clean_text(s.source or ""), "decision": label(s.review.decision, lang),
             "by": clean_text(s.review.by), "date": clean_text(s.review.date), "reason": clean_text(s.review.reason)}
            for s in stale]
