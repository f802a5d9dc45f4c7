"""What every output calls a report: its name, its label and title, and its page's file name."""
from __future__ import annotations

import re
from pathlib import PurePath

from ..findings import AuditResult, ReportAudit
from ..words import catalogue, word
from .safe_text import clean_text


def report_name(audit: ReportAudit) -> str:
    """What every output calls the report: committee (and unit), or the file name when the report names
    no committee (the same name in the terminal, Markdown, HTML, spreadsheets and CI outputs)."""
    name = audit.committee or PurePath(audit.source).stem
    if audit.unit:
        name = f"{name}, {audit.unit}"
    return clean_text(name)


def report_label(audit: ReportAudit) -> str:
    """The report by name, kind and year, in no particular language ("Farsta stadsdelsnämnd VB 2020")."""
    kind = " ".join(str(x) for x in (audit.report_kind, audit.year) if x)
    return f"{report_name(audit)} {kind}".strip()


def report_title(audit: ReportAudit, lang: str) -> str:
    """The committee (and unit) with the kind of report and year, as every output names the report."""
    name = report_name(audit)
    kind = word(catalogue.REPORT_KINDS, audit.report_kind or "", lang)
    when = " ".join(x for x in (kind, str(audit.year) if audit.year else "") if x)
    return f"{name} – {when}" if when else name


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
