"""Helpers shared by the output formats: options, labels in Swedish and English, safe text, ordering."""
from __future__ import annotations

import re
from pathlib import PurePath
from typing import Any, Iterable

from ..findings import SEVERITY_RANK, AuditResult, Finding, ReportAudit


def opt(options: Any, name: str, default: Any = None) -> Any:
    """Read an option from an argparse Namespace, a dataclass, a dict or None, with a default."""
    if options is None:
        return default
    if isinstance(options, dict):
        value = options.get(name, default)
    else:
        value = getattr(options, name, default)
    return default if value is None else value


# Characters that XML 1.0 forbids (C0 controls other than tab/newline/return, lone surrogates, U+FFFE/U+FFFF)
# plus DEL and the C1 controls, which are legal but only ever appear as PDF extraction debris.
_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def clean_text(text: Any, limit: int | None = None) -> str:
    """Report text made safe for any output: control characters dropped, the Unicode line and paragraph
    separators turned into spaces, optionally cut to ``limit``."""
    if text is None:
        return ""
    text = _BAD_CHARS.sub("", str(text)).replace("\u2028", " ").replace("\u2029", " ")
    if limit is not None and len(text) > limit:
        text = text[: limit - 1] + "…"
    return text


def clean_data(obj: Any) -> Any:
    """``clean_text`` applied to every string (keys too) in nested dicts and lists."""
    if isinstance(obj, str):
        return clean_text(obj)
    if isinstance(obj, dict):
        return {clean_text(k): clean_data(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [clean_data(v) for v in obj]
    return obj


LABELS: dict[str, dict[str, str]] = {
    "sv": {
        "error": "fel", "warning": "varning", "info": "info",
        "bekräftad": "bekräftad", "avfärdad": "avfärdad",
        "helt": "Uppfylls helt", "delvis": "Uppfylls delvis", "inte": "Uppfylls inte", "ingen": "Ingen bedömning",
        "none": "Ingen markering",
        "inriktningsmal": "Inriktningsmål", "verksamhetsomradesmal": "Mål för verksamhetsområdet",
        "namndmal": "Nämndmål", "enhetsmal": "Enhetsmål",
        "new": "ny", "unchanged": "i baslinjen",
    },
    "en": {
        "error": "error", "warning": "warning", "info": "info",
        "bekräftad": "confirmed", "avfärdad": "dismissed",
        "helt": "Fully met", "delvis": "Partly met", "inte": "Not met", "ingen": "No assessment",
        "none": "No marker",
        "inriktningsmal": "Strategic goal", "verksamhetsomradesmal": "Goal for the area of activity",
        "namndmal": "Committee goal", "enhetsmal": "Unit goal",
        "new": "new", "unchanged": "in baseline",
    },
}


def label(key: str | None, lang: str = "sv") -> str:
    if key is None:
        key = "none"
    return LABELS.get(lang, LABELS["sv"]).get(key, key)


def report_name(audit: ReportAudit) -> str:
    """What every output calls the report: committee (and unit), or the file name when the report names
    no committee (the same name in the terminal, Markdown, HTML, spreadsheets and CI outputs)."""
    name = audit.committee or PurePath(audit.source).stem
    if audit.unit:
        name = f"{name}, {audit.unit}"
    return clean_text(name)


def report_title(audit: ReportAudit) -> str:
    kind = " ".join(str(x) for x in (audit.report_kind, audit.year) if x)
    return f"{report_name(audit)} {kind}".strip()


def finding_order(finding: Finding) -> tuple:
    return (finding.line, -SEVERITY_RANK[finding.severity], finding.rule, finding.fingerprint)


def sorted_findings(findings: Iterable[Finding]) -> list[Finding]:
    return sorted(findings, key=finding_order)


def counts(findings: Iterable[Finding]) -> dict[str, int]:
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


_SLUG = re.compile(r"[^a-z0-9]+")
_FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "ü": "u"})


def slugify(text: str) -> str:
    return _SLUG.sub("-", text.lower().translate(_FOLD)).strip("-") or "rapport"


def page_names(result: AuditResult, suffix: str = ".html") -> list[str]:
    """One distinct, stable file name per report, from its source file name."""
    names: list[str] = []
    seen: set[str] = set()
    for audit in result.reports:
        base = slugify(PurePath(audit.source).stem)
        name, n = base, 2
        while name in seen or name == "index":
            name, n = f"{base}-{n}", n + 1
        seen.add(name)
        names.append(name + suffix)
    return names


