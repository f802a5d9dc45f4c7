"""A finding's evidence in words of the reader's language: the short lines the terminal and Markdown show
under a finding, every field as (label, value) for HTML, spreadsheets and CI formats, and the findings
withheld for unsure cells."""
from __future__ import annotations

from typing import Any

from ..findings import Finding, ReportAudit
from ..words import catalogue, number, place_on, texts, word
from ..words.claims import actual_text, scope_text, stated_text
from ..words.findings import evidence_of, message_of
from .location import item_place

_NAMES = ("indicator", "activity", "goal", "level", "unit", "line", "items", "analysis", "columns_certain",
          "gap_unit", "about", "met", "claimed", "scope", "states_sentence", "doubt", "certainty")
_WITH_UNIT = ("outcome", "outcome_men", "outcome_women", "previous", "forecast", "target")
# Report text shown as a quotation (påstående: "…"), and the fields whose label ends with a colon.
_QUOTED = ("claim",)
_SEPARATOR = {"claim": ": ", "about_people": ": "}


def _value(v: Any, lang: str = "sv") -> str:
    if isinstance(v, bool):
        return word(catalogue.YES_NO, "yes" if v else "no", lang)
    if isinstance(v, float):
        return number(v, lang)
    if isinstance(v, dict):
        return ", ".join(f"{_value(x, lang)} {k}" for k, x in v.items())
    return str(v)


def _localised(key: str, value: Any, lang: str) -> Any:
    if not isinstance(value, str):
        return value
    if key in ("level", "about"):
        return word(catalogue.LEVELS, value, lang)
    if key == "assessment":
        return word(catalogue.ASSESSMENTS, value, lang)
    if key == "gap_unit":
        return value.strip()
    if lang == "en":
        return (word(catalogue.EVIDENCE_VALUES, value, lang) or value) if key == "direction" else value
    if key in ("compared", "direction"):
        return word(catalogue.EVIDENCE_VALUES, value, lang)
    if key in ("direction_decided_by", "about_people"):
        for code, (sv, _en) in catalogue.BASIS.items():
            if value.startswith(code):
                return sv + value[len(code):]
    return value


def _shown(key: str, value: Any, lang: str) -> str:
    """One evidence value in words of the reader's language; a claim's structured counts and scope are
    worded by ``auditor.words.claims``."""
    if isinstance(value, dict):
        if key == "stated":
            return stated_text(value, lang)
        if key == "actual":
            return actual_text(value, lang)
        if key == "compared_with":
            return scope_text(value.get("scope"), value.get("goal_number"), value.get("goal_title"), lang)
        if key == "about_people":    # {"basis": "name pattern", "detail": "sjukfrånvaro"}
            basis = value.get("basis")
            basis = basis if lang == "en" else word(catalogue.BASIS, basis, lang)
            return f"{basis} '{value['detail']}'" if value.get("detail") else str(basis)
    if isinstance(value, bool):
        return word(catalogue.YES_NO, "yes" if value else "no", lang)
    if key == "gap_relative" and isinstance(value, (int, float)):
        return f"{_value(round(value * 100, 1), lang)} %"    # a share of the larger figure, as a percentage
    if key in _QUOTED and isinstance(value, str):
        return f"\"{value}\""
    return _value(_localised(key, value, lang), lang)


def _fields(ev: dict, lang: str) -> str:
    labels = texts(catalogue.EVIDENCE, lang)
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
    ev = evidence_of(f, lang)
    out = []
    own = _fields(ev, lang)
    if own:
        out.append(own)
    for item in ev.get("items", [])[:10]:
        label = item.get("indicator") or item.get("activity") or item.get("goal") or ""
        if len(label) > 90:
            label = label[:89] + "…"
        rest = _fields(item, lang)
        out.append(f"{item_place(item, lang)}: {label}" + (f" ({rest})" if rest else ""))
    if ev.get("doubt"):
        sure = ev.get("certainty")
        shown = number(sure, lang, places=2) if sure is not None else None
        out.append(ev["doubt"] + (f" ({word(catalogue.EVIDENCE_WORDS, 'confidence', lang)} {shown})" if shown else ""))
    if ev.get("analysis"):
        out.append(word(catalogue.EVIDENCE_WORDS, "analysis", lang) + ev["analysis"])
    return [s if len(s) <= limit else s[:limit - 1] + "…" for s in out]


def evidence_pairs(ev: dict, lang: str) -> list[tuple[str, str]]:
    """Every evidence field as (label, value) in the reader's language; empty fields are left out and
    the items a finding lists (e.g. each unmet indicator) are written as one line each."""
    labels = {**texts(catalogue.EVIDENCE, lang), **texts(catalogue.EVIDENCE_NAMES, lang)}
    unit = ev.get("unit")
    out = []
    for k, v in ev.items():
        if v is None or v == "" or v == [] or v == {}:
            continue
        if k == "items" and isinstance(v, list):
            rows = []
            for item in v:
                name = item.get("indicator") or item.get("activity") or item.get("goal") or ""
                rest = _fields(item, lang)
                rows.append(f"{item_place(item, lang)}: {name}" + (f" ({rest})" if rest else ""))
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
    words = texts(catalogue.EVIDENCE_WORDS, lang)
    head = words["withheld"][0 if n == 1 else 1].format(n=n)
    out = [head]
    for f in sorted(audit.withheld, key=lambda f: (f.line, f.rule)):
        value = number(f.certainty, lang, places=2)
        out.append(f"{place_on(f.line, f.page, f.page_line, lang)} {f.rule} ({words['confidence']} {value}): {message_of(f, lang)}")
    return out
