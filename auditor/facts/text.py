"""Report text as facts keep it: normalised for keys and comparisons, cut short for excerpts."""
from __future__ import annotations

import re


def norm(text: str | None) -> str:
    return re.sub(r"\s+", " ", (text or "").strip().lower()).rstrip(" .:;,")


def excerpt(text: str | None, limit: int = 300) -> str | None:
    if not text or not text.strip():
        return None
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit - 1].rstrip() + "…"
