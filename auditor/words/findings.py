"""A finding in words: the rules and the engine give a finding as data (its rule, the facts it is about with
their typed figures, the words its rule adds, the data its doubt is made of: ``findings.Said`` and
``findings.Doubt``); here, where the audit meets its reader, that data becomes the message of the rule's
MESSAGE in the reader's language and the doubt in words (``message_of`` and ``evidence_of``, which every
output asks). Figures are written by ``number``, like every other output's.

``MESSAGE_NAMES`` are the names a MESSAGE may use beyond the fields of the facts its rule matches and the
words its rule adds; the catalogue refuses a rule whose MESSAGE names anything else when it loads.
"""
from __future__ import annotations

import string
from typing import Any

from . import catalogue, column_name, number, place, texts, word
from .claims import actual_text, scope_text, stated_text

# the names this module adds to a message's context, beyond the subject fact's own fields
MESSAGE_NAMES = frozenset({"count", "items", "subject", "goal", "stated_counts", "scope", "actual", "on_page",
                           "target_band", "gender_gap_percent"})
# the fields written as figures with the subject's unit
_FIGURES = ("figure", "target", "men", "women", "outcome", "forecast", "previous", "stated", "table")


class _Format(string.Formatter):
    """Fills a rule's MESSAGE: a figure left in the context is written as the reader's language writes it."""

    def __init__(self, lang: str):
        super().__init__()
        self.lang = lang

    def get_value(self, key, args, kwargs):
        value = kwargs.get(key, "") if isinstance(key, str) else ""
        return "" if value is None else value

    def format_field(self, value, spec):
        if isinstance(value, float):
            return number(value, self.lang)
        return super().format_field(value, spec)


_FORMATS = {lang: _Format(lang) for lang in ("sv", "en")}


def placeholders(template: str) -> set[str]:
    """The names a message template fills ("{name}" -> "name")."""
    return {field.split(".")[0].split("[")[0] for _, field, _, _ in string.Formatter().parse(template)
            if field}


def in_lang(value: Any, lang: str) -> Any:
    """A ``{"sv": ..., "en": ...}`` pair in ``lang``; any other value as it is."""
    if isinstance(value, dict) and set(value) == {"sv", "en"}:
        return value["en" if lang == "en" else "sv"]
    return value


def describe(kind: str, d: dict[str, Any], lang: str) -> str:
    """One-line description of a fact (its kind and fields, ``on_page`` the page and the line on it in a PDF
    report), for messages."""
    w = texts(catalogue.FINDING_WORDS, lang)
    where = place(d.get("line"), lang, d.get("on_page"))
    if kind == "Indicator":
        col = word(catalogue.FIGURE_COLUMNS, d.get("figure_column") or "outcome", lang)
        unit = d.get("unit")
        target = d["target_text"] if d.get("target_band") else number(d["target"], lang, unit)
        return f"'{d['name']}' ({col} {number(d['figure'], lang, unit)} {w['versus_target']} {target}, {where})"
    if kind == "Activity":
        text = d["text"] if len(d["text"]) <= 80 else d["text"][:79].rstrip() + "…"
        return f"'{text}' ({where})"
    if kind == "Goal":
        label = f"{d['number']} " if d.get("number") else ""
        title = d["title"] if len(d["title"]) <= 70 else d["title"][:69].rstrip() + "…"
        return f"{label}{title} ({d.get('assessment')}, {where})"
    if kind == "Claim":
        return f"\"{d['text']}\""
    return str(d.get("key"))


def _context(said, lang: str) -> dict[str, Any]:
    ctx = dict(said.subject)
    subject = describe(said.kind, said.subject, lang)
    ctx.update({"count": len(said.items), "items": "; ".join(describe(k, d, lang) for k, d in said.items),
                "subject": subject})
    if said.kind == "Goal":
        ctx["goal"] = subject
    unit = ctx.get("unit")
    for name in _FIGURES:
        value = ctx.get(name, False)
        if value is None or (isinstance(value, (int, float)) and not isinstance(value, bool)):
            ctx[name] = number(value, lang, unit)   # (a claim may state yes/no or up/down: left as it is)
    if ctx.get("target_band"):
        ctx["target"] = ctx["target_text"]
    if "gender_gap" in ctx:
        ctx["gender_gap"] = number(ctx["gender_gap"], lang)
    if ctx.get("gender_gap_relative") is not None:
        ctx["gender_gap_percent"] = number(round(ctx["gender_gap_relative"] * 100, 1), lang)
    if said.kind == "Claim":   # the claim's structured values in words of the reader's language
        ctx["stated_counts"] = stated_text(ctx["stated_counts"], lang)
        ctx["scope"] = scope_text(ctx["scope"], ctx["scope_number"], ctx["scope_title"], lang)
        ctx["actual"] = actual_text(ctx["actual"], lang)
    ctx.update({k: in_lang(v, lang) for k, v in said.words.items()})
    return ctx


def message(said, lang: str) -> str:
    """What a finding says (``findings.Said``) in words: its rule's MESSAGE filled in ``lang``."""
    template = said.message.get(lang) or said.message["sv"]
    return _FORMATS["en" if lang == "en" else "sv"].vformat(template, (), _context(said, lang))


def message_of(finding, lang: str) -> str:
    """A finding's message in ``lang``: what every output prints, and the contract's ``message`` (a finding
    read back from a findings file has no data to word: its message as the file gives it)."""
    if finding.said is None:
        return finding.written or ""
    return message(finding.said, lang)


def evidence_of(finding, lang: str) -> dict[str, Any]:
    """A finding's evidence in ``lang``: the rule's own words in that language, and the doubt about the
    columns in words when there is one."""
    evidence = {k: in_lang(v, lang) for k, v in finding.evidence.items()}
    if finding.doubt is not None:
        evidence["doubt"] = doubt_text(finding.doubt, lang)
    return evidence


def doubt_text(doubt, lang: str) -> str:
    """The doubt about an indicator's columns in words: "kolumntolkningen är osäker: 70 % kan vara
    föregående års utfall"."""
    w = texts(catalogue.FINDING_WORDS, lang)
    could = w["could_be"]
    alt, chosen, split = doubt.alternative, doubt.chosen, doubt.split or {}
    parts = []
    for col in doubt.columns:
        here = chosen.get(col)
        if here:
            moved = next((c for c, t in alt.items() if t == here and c != col), None)
            if moved:
                parts.append(f"{here} {could} {column_name(moved, lang)}")
            elif col in alt:
                parts.append(f"{column_name(col, lang)} {could} " + (alt[col] or w["empty"]))
        elif alt.get(col):
            parts.append(f"{column_name(col, lang)} {could} {alt[col]}")
        elif col in split:
            parts.append(f"{column_name(col, lang)} {could} {split[col]}")
    head = w["unsure_columns"]
    return head + (": " + "; ".join(parts) if parts else "")
