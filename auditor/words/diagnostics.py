"""Parse diagnostics: a code's message in Swedish (default) or English (the words: ``catalogue.DIAGNOSTICS``)."""
from __future__ import annotations

from . import catalogue, word


def message(code: str, lang: str = "sv") -> str:
    return word(catalogue.DIAGNOSTICS, code, lang)


def described(diagnostic, lang: str = "sv") -> str | None:
    """A diagnostic's message for a reader: the catalogue's words for a known code, else the message the
    parser wrote with it."""
    return message(diagnostic.code, lang) if diagnostic.code in catalogue.DIAGNOSTICS else diagnostic.message
