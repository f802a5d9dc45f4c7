"""How a count claim, the part of the report it was compared with and what that part holds read, in Swedish
or English. The facts keep these as structured values (counts per degree, a scope kind and its goal); the
messages (``auditor.engine.runner``) and the evidence lines (``auditor.render.evidence``) word them here, so
that both say the same thing in the reader's language."""
from __future__ import annotations

from typing import Any

from . import catalogue, texts

def short_title(title: str | None, limit: int = 40) -> str:
    """``title`` on one line, cut at a word boundary with "…" when longer than ``limit``."""
    flat = " ".join((title or "").split())
    if len(flat) <= limit:
        return flat
    head = flat[:limit + 1]
    cut = head.rsplit(" ", 1)[0] if " " in head else flat[:limit]
    return cut.rstrip(" ,.;:–-") + "…"


def goal_label(number: str | None, title: str | None, quoted: bool = False) -> str:
    """A goal as a scope names it: its number, else its (shortened) title, in quotes when ``quoted``."""
    if number:
        return number
    text = short_title(title)
    return f"\"{text}\"" if quoted else text


def stated_text(stated: dict[str, Any], lang: str) -> str:
    """What a claim says: ``{"helt": 3, "delvis": 6, "total": 9}`` -> "3 helt, 6 delvis (av 9)" /
    "3 fully met, 6 partly met (of 9)"; ``{"all": "helt"}`` -> "samtliga helt" / "all fully met"."""
    words, degrees = texts(catalogue.CLAIM_WORDS, lang), texts(catalogue.DEGREES, lang)
    parts = [f"{stated[d]} {degrees[d]}" for d in ("helt", "delvis", "inte") if stated.get(d) is not None]
    if stated.get("all"):
        parts.append(words["all"].format(degree=degrees.get(stated["all"], stated["all"])))
    text = ", ".join(parts)
    total = stated.get("total")
    if total is not None:
        text = f"{text} {words['of'].format(n=total)}" if text else words["total"].format(n=total)
    return text


def actual_text(actual: dict[str, Any] | None, lang: str) -> str:
    """What the compared part holds: indicator rows ``{"met", "not_met", "unknown", "n"}``, goals
    ``{"helt", "delvis", "inte", "unknown", "n"}`` or ``{"activities": n}``."""
    if not actual:
        return ""
    words, degrees = texts(catalogue.CLAIM_WORDS, lang), texts(catalogue.DEGREES, lang)
    if "activities" in actual:
        n = actual["activities"]
        return words["activities"][0 if n == 1 else 1].format(n=n)
    if "met" in actual:
        parts = [words["met"].format(n=actual["met"]), words["not_met"].format(n=actual["not_met"])]
    else:
        parts = [f"{actual[d]} {degrees[d]}" for d in ("helt", "delvis", "inte") if actual.get(d)]
    if actual.get("unknown"):
        parts.append(words["unknown"].format(n=actual["unknown"]))
    return f"{', '.join(parts) or words['none']} {words['of'].format(n=actual.get('n', 0))}"


def scope_text(scope: str | None, number: str | None, title: str | None, lang: str) -> str:
    """The part of the report a claim was compared with, e.g. "målets egna indikatorer (1.3)"."""
    if not scope:
        return ""
    template = texts(catalogue.CLAIM_SCOPES, lang).get(scope, scope)
    quoted = scope in ("section_goals", "subtree")
    return template.format(goal=goal_label(number, title, quoted=quoted))
