"""Parse the text of an ILS-webb follow-up report into a ``Report``.

Public API: ``parse_text(text, source)`` and ``parse_file(path)``.
"""
from __future__ import annotations

from pathlib import Path

from ..model import Report
from ..reader import read_text


def parse_text(text: str, source: str = "<text>") -> Report:
    from .document import parse_document
    return parse_document(text, source)


def parse_file(path: str | Path) -> Report:
    return parse_text(read_text(path), str(path))
