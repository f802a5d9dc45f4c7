"""What a reader must see beside a finding's rule, in the reader's language: labels (severity, decision,
baseline state), the reviewer's decision and the baseline state as tags, and the decision as a line."""
from __future__ import annotations

from ..findings import Finding
from ..words import catalogue, word


def label(key: str | None, lang: str = "sv") -> str:
    return word(catalogue.LABELS, "none" if key is None else key, lang)


def finding_tags(f: Finding, lang: str) -> list[str]:
    """What a reader must see beside a finding's rule: the reviewer's decision and the baseline state
    (``avfärdad``, ``ny`` / ``i baslinjen``), in the reader's language."""
    tags = []
    if f.review is not None:
        tags.append(label(f.review.decision, lang))
    if f.baseline:
        tags.append(label(f.baseline, lang))
    return tags


def review_line(f: Finding, lang: str) -> str | None:
    """The decision with its reviewer, date and reason: "avfärdad av Anna Berg, 2025-05-12: Årsmålet sänktes"."""
    if f.review is None:
        return None
    r = f.review
    by = word(catalogue.EVIDENCE_WORDS, "by", lang)
    return f"{label(r.decision, lang)} {by} {r.by}, {r.date}: {r.reason}"
