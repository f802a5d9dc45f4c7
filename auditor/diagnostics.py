"""Parse diagnostics: a code's message in Swedish (default) or English (the words: ``catalogue.DIAGNOSTICS``)."""
from __future__ import annotations

from .words import catalogue, word


def message(code: str, lang: str = "sv") -> str:
    return word(catalogue.DIAGNOSTICS, code, lang)
