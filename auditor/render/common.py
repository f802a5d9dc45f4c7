"""Helpers the human-readable renderers share: grouping findings by goal, counting, compact evidence."""
from __future__ import annotations

from collections import Counter
from typing import Any

from ..claim_text import actual_text, scope_text, stated_text
from ..findings import Finding, ReportAudit
from ._common import label, report_name

SEVERITY_ORDER = ("error", "warning", "info")
MARKERS = {"helt": "Uppfylls helt", "delvis": "Uppfylls delvis", "inte": "Uppfylls inte", "ingen": "Ingen"}
MARKERS_EN = {"helt": "fully met", "delvis": "partly met", "inte": "not met", "ingen": "no assessment"}

T = {
    "sv": {"report": "Granskning av målrapportering", "outside": "Utanför målen (sammanfattning m.m.)",
           "line": "rad", "rule": "Regel", "total": "Totalt", "no_findings": "Inga fynd.",
           "error": "Filen kunde inte granskas", "incomplete": "Granskningen är ofullständig: rapporten kunde bara delvis tolkas.",
           "source": "Källa", "findings": "fynd", "low": "osäker kolumnplacering", "evidence": "Underlag",
           "summary": "Sammanställning", "by_goal": "Fynd per mål",
           "batch": "Översikt: {n} rapporter", "report_col": "Rapport", "rules_col": "Fynd per regel",
           "unreadable": "kunde inte granskas", "fingerprint": "fingeravtryck", "new_col": "Nya",
           "dismissed_col": "Avfärdade"},
    "en": {"report": "Audit of goal follow-up reports", "outside": "Outside the goals (summary etc.)",
           "line": "line", "rule": "Rule", "total": "Total", "no_findings": "No findings.",
           "error": "The file could not be audited", "incomplete": "The audit is incomplete: the report could only be partly parsed.",
           "source": "Source", "findings": "findings", "low": "uncertain columns", "evidence": "Evidence",
           "summary": "Summary", "by_goal": "Findings by goal",
           "batch": "Overview: {n} reports", "report_col": "Report", "rules_col": "Findings per rule",
           "unreadable": "could not be audited", "fingerprint": "fingerprint", "new_col": "New",
           "dismissed_col": "Dismissed"},
}

KIND = {"VB": "verksamhetsberättelse", "T1": "tertialrapport 1", "T2": "tertialrapport 2"}
KIND_EN = {"VB": "annual report", "T1": "tertial report 1", "T2": "tertial report 2"}


def texts(lang: str) -> dict[str, str]:
    return T["en" if lang == "en" else "sv"]


def severity_label(severity: str, lang: str) -> str:
    """Severity as a reader sees it (the words every renderer shares); the machine formats keep
    error/warning/info."""
    return label(severity, "en" if lang == "en" else "sv")


def report_title(audit: ReportAudit, lang: str) -> str:
    """The committee (and unit) with the kind of report and year, as every output names the report."""
    name = report_name(audit)
    kinds = KIND_EN if lang == "en" else KIND
    kind = kinds.get(audit.report_kind or "", audit.report_kind or "")
    when = " ".join(x for x in (kind, str(audit.year) if audit.year else "") if x)
    return f"{name} – {when}" if when else name


# Diagnostics that make a report incomplete (rather than one unplaced line among many).
INCOMPLETE_CODES = ("truncated", "cut-mid-character", "no-goals")


def incomplete_reasons(audit: ReportAudit, lang: str) -> list[str]:
    """Why a partial report is incomplete, one line each ("rad 300: texten slutar mitt i ...")."""
    from ..diagnostics import MESSAGES, message
    out = []
    for d in audit.diagnostics:
        if d.code in INCOMPLETE_CODES:
            text = message(d.code, lang) if d.code in MESSAGES else d.message
            out.append(f"{texts(lang)['line']} {d.line}: {text}" if d.line else text)
    return out


def goal_groups(audit: ReportAudit) -> list[tuple[dict | None, list[Finding]]]:
    """Findings grouped by goal, goals in document order; findings outside any goal first."""
    goals: dict[str, dict[str, Any]] = {}
    if audit.report is not None:
        for g in audit.report.goals:
            goals[g.id] = {"id": g.id, "number": g.number, "title": g.title, "line": g.line,
                           "assessment": g.assessment, "level": g.level}
    groups: dict[str | None, list[Finding]] = {}
    for f in sorted(audit.findings, key=lambda f: (f.line, f.rule, f.fingerprint)):
        gid = f.goal.id if f.goal else None
        groups.setdefault(gid, []).append(f)
        if gid and gid not in goals:
            goals[gid] = {"id": gid, "number": f.goal.number, "title": f.goal.title,
                          "line": f.evidence.get("line", f.line) if f.rule.startswith("GOAL-") else f.line,
                          "assessment": None, "level": None}
    order = sorted((gid for gid in groups if gid is not None), key=lambda gid: (goals[gid]["line"], gid))
    out: list[tuple[dict | None, list[Finding]]] = []
    if None in groups:
        out.append((None, groups[None]))
    out.extend((goals[gid], groups[gid]) for gid in order)
    return out


def goal_heading(goal: dict | None, lang: str) -> str:
    t = texts(lang)
    if goal is None:
        return t["outside"]
    number = f"{goal['number']} " if goal.get("number") else ""
    marker = ""
    if goal.get("assessment"):
        marker = f" ({(MARKERS_EN if lang == 'en' else MARKERS)[goal['assessment']]})"
    return f"{number}{goal['title']}{marker}, {t['line']} {goal['line']}"


def counts(audit: ReportAudit) -> tuple[list[tuple[str, str, Counter]], Counter]:
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
    t = texts(lang)
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
    by = "by" if lang == "en" else "av"
    return f"{label(r.decision, lang)} {by} {r.by}, {r.date}: {r.reason}"


LABELS = {
    "sv": {"outcome": "utfall", "outcome_men": "män", "outcome_women": "kvinnor", "previous": "föreg. år",
           "forecast": "prognos", "target": "årsmål", "target_text": "årsmål", "period": "period",
           "compared": "jämförs", "direction": "riktning", "direction_decided_by": "avgjort av",
           "assessment": "bedömning", "deviation": "avvikelse", "start": "start", "end": "slut",
           "stated": "anger", "compared_with": "jämfört med", "actual": "faktiskt", "about_people": "om personer",
           "gap_relative": "relativ skillnad", "share": "andel med analys", "claim": "påstående"},
    "en": {"outcome": "outcome", "outcome_men": "men", "outcome_women": "women", "previous": "previous year",
           "forecast": "forecast", "target": "target", "target_text": "target", "period": "period",
           "compared": "compared", "direction": "direction", "direction_decided_by": "decided by",
           "assessment": "assessment", "deviation": "deviation", "start": "start", "end": "end",
           "stated": "states", "compared_with": "compared with", "actual": "actual", "about_people": "about people",
           "gap_relative": "relative gap", "share": "share with analysis", "claim": "claim"},
}
_NAMES = ("indicator", "activity", "goal", "level", "unit", "line", "items", "analysis", "columns_certain",
          "gap_unit", "about", "met", "claimed", "scope", "states_sentence", "doubt", "certainty")
_WITH_UNIT = ("outcome", "outcome_men", "outcome_women", "previous", "forecast", "target")
# Report text shown as a quotation (påstående: "…"), and the fields whose label ends with a colon.
_QUOTED = ("claim",)
_SEPARATOR = {"claim": ": ", "about_people": ": "}


def _value(v: Any, lang: str = "sv") -> str:
    if isinstance(v, bool):
        return ("yes" if v else "no") if lang == "en" else ("ja" if v else "nej")
    if isinstance(v, float):
        # a decimal comma for Swedish readers, a point for English ones
        return f"{v:g}" if lang == "en" else f"{v:g}".replace(".", ",")
    if isinstance(v, dict):
        return ", ".join(f"{_value(x, lang)} {k}" for k, x in v.items())
    return str(v)


# Values of evidence fields that are words of the model, in Swedish.
VALUES_SV = {"outcome": "utfall", "forecast": "prognos", "higher": "högre är bättre", "lower": "lägre är bättre",
             "band": "inom ett intervall", "unknown": "okänd"}
VALUES_EN = {"higher": "higher is better", "lower": "lower is better", "band": "within a band"}
LEVELS_EN = {"inriktningsmal": "KF's strategic goal", "verksamhetsomradesmal": "KF's goal for the area of activity",
             "namndmal": "committee goal", "enhetsmal": "unit goal", "indikator": "indicators", "aktivitet": "activities"}
LEVELS_SV = {"inriktningsmal": "KF:s inriktningsmål", "verksamhetsomradesmal": "KF:s mål för verksamhetsområdet",
             "namndmal": "nämndmål", "enhetsmal": "enhetsmål", "indikator": "indikatorer", "aktivitet": "aktiviteter"}
BASIS_SV = (("name pattern", "namnmönster"), ("target text", "årsmålets text"), ("fallback", "standardantagande"),
            ("excluded by pattern", "undantaget av mönstret"), ("subject", "subjekt"))


def _localised(key: str, value: Any, lang: str) -> Any:
    if not isinstance(value, str):
        return value
    if key in ("level", "about"):
        return (LEVELS_EN if lang == "en" else LEVELS_SV).get(value, value)
    if key == "assessment":
        return (MARKERS_EN if lang == "en" else MARKERS).get(value, value)
    if key == "gap_unit":
        return value.strip()
    if lang == "en":
        return VALUES_EN.get(value, value) if key == "direction" else value
    if key in ("compared", "direction"):
        return VALUES_SV.get(value, value)
    if key in ("direction_decided_by", "about_people"):
        for en, sv in BASIS_SV:
            if value.startswith(en):
                return sv + value[len(en):]
    return value


def _shown(key: str, value: Any, lang: str) -> str:
    """One evidence value in words of the reader's language; a claim's structured counts and scope are
    worded by ``auditor.claim_text``."""
    if isinstance(value, dict):
        if key == "stated":
            return stated_text(value, lang)
        if key == "actual":
            return actual_text(value, lang)
        if key == "compared_with":
            return scope_text(value.get("scope"), value.get("goal_number"), value.get("goal_title"), lang)
        if key == "about_people":    # {"basis": "name pattern", "detail": "sjukfrånvaro"}
            basis = value.get("basis")
            basis = basis if lang == "en" else dict(BASIS_SV).get(basis, basis)
            return f"{basis} '{value['detail']}'" if value.get("detail") else str(basis)
    if isinstance(value, bool):
        return ("yes" if value else "no") if lang == "en" else ("ja" if value else "nej")
    if key == "gap_relative" and isinstance(value, (int, float)):
        return f"{_value(round(value * 100, 1), lang)} %"    # a share of the larger figure, as a percentage
    if key in _QUOTED and isinstance(value, str):
        return f"\"{value}\""
    return _value(_localised(key, value, lang), lang)


def _fields(ev: dict, lang: str) -> str:
    labels = LABELS["en" if lang == "en" else "sv"]
    unit = ev.get("unit")
    parts = []
    for k, v in ev.items():
        if k in _NAMES or v is None or isinstance(v, list):
            continue
        text = _shown(k, v, lang)
        if k in _WITH_UNIT and unit and not isinstance(v, str):
            text = f"{text} {unit}"
        parts.append(f"{labels.get(k, k)}{_SEPARATOR.get(k, ' ')}{text}")
    return ", ".join(parts)


def evidence_lines(f: Finding, lang: str, limit: int = 400) -> list[str]:
    """A few short lines with the figures a reviewer checks first."""
    ev = f.evidence
    out = []
    own = _fields(ev, lang)
    if own:
        out.append(own)
    line_word = texts(lang)["line"]
    for item in ev.get("items", [])[:10]:
        label = item.get("indicator") or item.get("activity") or item.get("goal") or ""
        if len(label) > 90:
            label = label[:89] + "…"
        rest = _fields(item, lang)
        out.append(f"{line_word} {item.get('line')}: {label}" + (f" ({rest})" if rest else ""))
    if ev.get("doubt"):
        sure = ev.get("certainty")
        shown = (f"{sure:.2f}" if lang == "en" else f"{sure:.2f}".replace(".", ",")) if sure is not None else None
        out.append(ev["doubt"] + (f" ({'confidence' if lang == 'en' else 'säkerhet'} {shown})" if shown else ""))
    if ev.get("analysis"):
        out.append(("analysis: " if lang == "en" else "analys: ") + ev["analysis"])
    return [s if len(s) <= limit else s[:limit - 1] + "…" for s in out]


# Labels of the evidence fields that evidence_lines() shows in its own way, for renderers that list
# every field (HTML).
NAME_LABELS = {
    "sv": {"indicator": "indikator", "activity": "aktivitet", "goal": "mål", "level": "nivå", "unit": "enhet",
           "line": "rad", "items": "gäller", "analysis": "analys", "columns_certain": "säkra kolumner",
           "gap_unit": "skillnadens enhet", "about": "avser", "met": "når målet", "claimed": "påstått",
           "scope": "jämfört med", "states_sentence": "mening", "confidence": "säkerhet",
           "certainty": "säkerhet i kolumnplaceringen", "doubt": "tvivel",
           "gender_gap": "skillnad kvinnor–män", "share": "andel med analys", "text": "text"},
    "en": {"indicator": "indicator", "activity": "activity", "goal": "goal", "level": "level", "unit": "unit",
           "line": "line", "items": "concerns", "analysis": "analysis", "columns_certain": "columns certain",
           "gap_unit": "gap unit", "about": "about", "met": "meets target", "claimed": "claimed",
           "scope": "compared with", "states_sentence": "sentence", "confidence": "confidence",
           "certainty": "confidence of the column placement", "doubt": "doubt",
           "gender_gap": "gap women–men", "share": "share with analysis", "text": "text"},
}


def evidence_pairs(ev: dict, lang: str) -> list[tuple[str, str]]:
    """Every evidence field as (label, value) in the reader's language; empty fields are left out and
    the items a finding lists (e.g. each unmet indicator) are written as one line each."""
    key = "en" if lang == "en" else "sv"
    labels = {**LABELS[key], **NAME_LABELS[key]}
    unit = ev.get("unit")
    out = []
    for k, v in ev.items():
        if v is None or v == "" or v == [] or v == {}:
            continue
        if k == "items" and isinstance(v, list):
            line_word = texts(lang)["line"]
            rows = []
            for item in v:
                name = item.get("indicator") or item.get("activity") or item.get("goal") or ""
                rest = _fields(item, lang)
                rows.append(f"{line_word} {item.get('line')}: {name}" + (f" ({rest})" if rest else ""))
            out.append((labels["items"], "\n".join(rows)))
            continue
        text = _shown(k, v, lang)
        if k in _WITH_UNIT and unit and not isinstance(v, str):
            text = f"{text} {unit}"
        out.append((labels.get(k, k), text))
    return out


def withheld_lines(audit: ReportAudit, lang: str) -> list[str]:
    """The findings held back because the table cells they rest on are more likely misplaced than not:
    a heading line, then one line each (nothing is dropped without a word)."""
    if not audit.withheld:
        return []
    n = len(audit.withheld)
    if lang == "en":
        head = (f"{n} possible finding{'s' if n != 1 else ''} withheld: the table cells "
                f"{'they rest' if n != 1 else 'it rests'} on are more likely misplaced than not "
                "(--min-confidence 0 reports them)")
    else:
        head = (f"{n} möjliga fynd hölls tillbaka: tabellcellerna de vilar på är troligare felplacerade än rätt "
                "(--min-confidence 0 rapporterar dem)")
    word = "line" if lang == "en" else "rad"
    sure = "confidence" if lang == "en" else "säkerhet"
    out = [head]
    for f in sorted(audit.withheld, key=lambda f: (f.line, f.rule)):
        value = f"{f.certainty:.2f}" if lang == "en" else f"{f.certainty:.2f}".replace(".", ",")
        out.append(f"{word} {f.line} {f.rule} ({sure} {value}): {f.message}")
    return out
