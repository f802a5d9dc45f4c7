"""What the output formats share: reading options, report text made safe, names of reports, the order
and counts of findings, goal headings, and the words of the terminal and Markdown reports."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import PurePath
from typing import Any, Iterable

from ..findings import SEVERITY_RANK, AuditResult, Finding, ReportAudit
from ..words import catalogue, place, severity_label, texts, word  # noqa: F401 (severity_label: renderers' too)
from .location import place_in
from ..words.diagnostics import described
from ..words.findings import message_of

SEVERITY_ORDER = ("error", "warning", "info")


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


def report_words(lang: str) -> dict[str, str]:
    """The words of the terminal and Markdown reports."""
    return texts(catalogue.REPORT, lang)


def label(key: str | None, lang: str = "sv") -> str:
    return word(catalogue.LABELS, "none" if key is None else key, lang)


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


def finding_order(finding: Finding) -> tuple:
    return (finding.line, -SEVERITY_RANK[finding.severity], finding.rule, finding.fingerprint)


def sorted_findings(findings: Iterable[Finding]) -> list[Finding]:
    return sorted(findings, key=finding_order)


def severity_counts(findings: Iterable[Finding]) -> dict[str, int]:
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


# Diagnostics that make a report incomplete (rather than one unplaced line among many).
INCOMPLETE_CODES = ("truncated", "cut-mid-character", "no-goals")


def incomplete_reasons(audit: ReportAudit, lang: str) -> list[str]:
    """Why a partial report is incomplete, one line each ("rad 300: texten slutar mitt i ...")."""
    out = []
    for d in audit.diagnostics:
        if d.code in INCOMPLETE_CODES:
            text = described(d, lang)
            out.append(f"{place_in(audit.report, d.line, lang)}: {text}" if d.line else text)
    return out


def goal_groups(audit: ReportAudit) -> list[tuple[dict | None, list[Finding]]]:
    """Findings grouped by goal, goals in document order; findings outside any goal first."""
    goals: dict[str, dict[str, Any]] = {}
    if audit.report is not None:
        for g in audit.report.goals:
            goals[g.id] = {"id": g.id, "number": g.number, "title": g.title, "line": g.line,
                           "assessment": g.assessment, "level": g.level, "where": audit.report.page_of(g.line)}
    groups: dict[str | None, list[Finding]] = {}
    for f in sorted(audit.findings, key=lambda f: (f.line, f.rule, f.fingerprint)):
        gid = f.goal.id if f.goal else None
        groups.setdefault(gid, []).append(f)
        if gid and gid not in goals:
            line = f.evidence.get("line", f.line) if f.rule.startswith("GOAL-") else f.line
            goals[gid] = {"id": gid, "number": f.goal.number, "title": f.goal.title, "line": line,
                          "assessment": None, "level": None,
                          "where": (f.page, f.page_line) if f.page is not None and line == f.line else None}
    order = sorted((gid for gid in groups if gid is not None), key=lambda gid: (goals[gid]["line"], gid))
    out: list[tuple[dict | None, list[Finding]]] = []
    if None in groups:
        out.append((None, groups[None]))
    out.extend((goals[gid], groups[gid]) for gid in order)
    return out


def signal_first(audit: ReportAudit) -> tuple[list[tuple[dict | None, list[Finding]]], list[tuple[str, list[Finding]]]]:
    """The findings by goal, errors and warnings first: a rule's info findings, when the report has two or
    more of them and none carries a review decision, leave their goals and become one entry per rule (a
    report's many IND-NO-FORECAST rows no longer bury its errors); the rest stay under their goals."""
    info: dict[str, list[Finding]] = {}
    for f in audit.findings:
        if f.severity == "info":
            info.setdefault(f.rule, []).append(f)
    grouped = {rule for rule, fs in info.items() if len(fs) >= 2 and all(f.review is None for f in fs)}
    if not grouped:
        return goal_groups(audit), []
    kept = [(goal, [f for f in fs if not (f.severity == "info" and f.rule in grouped)]) for goal, fs in goal_groups(audit)]
    return ([(goal, fs) for goal, fs in kept if fs],
            [(rule, sorted(info[rule], key=lambda f: (f.line, f.fingerprint))) for rule in sorted(grouped)])


def grouped_item(f: Finding, lang: str) -> str:
    """One row of a grouped entry: what the finding is about (its indicator, activity or goal) and its goal."""
    ev = f.evidence or {}
    what = ev.get("indicator") or ev.get("activity") or ev.get("goal") or message_of(f, lang)
    goal = f" ({f.goal.number})" if f.goal and f.goal.number else ""
    return f"'{what}'{goal}"


def goal_heading(goal: dict | None, lang: str) -> str:
    t = report_words(lang)
    if goal is None:
        return t["outside"]
    number = f"{goal['number']} " if goal.get("number") else ""
    marker = ""
    if goal.get("assessment"):
        marker = f" ({texts(catalogue.ASSESSMENTS, lang)[goal['assessment']]})"
    return f"{number}{goal['title']}{marker}, {place(goal['line'], lang, goal.get('where'))}"


def rule_counts(audit: ReportAudit) -> tuple[list[tuple[str, str, Counter]], Counter]:
    """Per rule (id, highest severity of the rule's findings, counter) and the totals. A counter holds the
    findings by severity, leaving out the dismissed ones (a dismissed error is no longer counted as an error),
    and also "dismissed" (how many a reviewer dismissed) and "new" (not dismissed and not in the baseline,
    with --baseline)."""
    per_rule: dict[str, Counter] = {}
    total: Counter = Counter()
    for f in audit.findings:
        keys = ("dismissed",) if f.dismissed else (f.severity,) + (("new",) if f.baseline == "new" else ())
        c = per_rule.setdefault(f.rule, Counter())
        for key in keys:
            c[key] += 1
            total[key] += 1
    rows = [(rule, next((s for s in SEVERITY_ORDER if c.get(s)), "info"), c) for rule, c in sorted(per_rule.items())]
    return rows, total


def active(c: Counter) -> int:
    """The findings a counter holds that are not dismissed."""
    return sum(c.get(s, 0) for s in SEVERITY_ORDER)


def extra_columns(result, lang: str) -> list[tuple[str, str]]:
    """Columns beside the severities in the summary tables: "nya" when a baseline was applied, "avfärdade"
    when a reviewer dismissed a finding ((key, heading) pairs, in that order)."""
    t = report_words(lang)
    findings = [f for a in result.reports for f in a.findings]
    out = []
    if any(f.baseline for f in findings):
        out.append(("new", t["new_col"]))
    if any(f.dismissed for f in findings):
        out.append(("dismissed", t["dismissed_col"]))
    return out


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
