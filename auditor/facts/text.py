"""Report text as facts keep it: normalised for keys and comparisons, cut short for excerpts."""
from __future__ import annotations


def norm(text: str | None) -> str:
    """Lower case, each run of whitespace one space, without the ends' spaces and punctuation (str.split
    splits at the same whitespace as the regular expression ``\\s+``)."""
    return " ".join((text or "").lower().split()).rstrip(" .:;,")


def excerpt(text: str | None, limit: int = 300) -> str | None:
    if not text or not text.strip():
        return None
    # an analysis may run to pages: the words of its first 4 * limit characters are a prefix of all its
    # words, and enough when they already pass the limit
    head = " ".join(text[:4 * limit].split()) if len(text) > 4 * limit else ""
    flat = head if len(head) > limit else " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit - 1].rstrip() + "…"
