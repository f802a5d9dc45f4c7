"""Parse the text of an ILS-webb follow-up report into a ``Report``.

Public API: ``parse_text(text, source)`` and ``parse_file(path)``.
"""
from __future__ import annotations

from pathlib import Path

from ..model import Diagnostic, Report
from ..reader import read_report


def parse_text(text: str, source: str = "<text>") -> Report:
    from .document import parse_document
    return parse_document(text, source)


def parse_file(path: str | Path) -> Report:
    read = read_report(path)
    report = parse_text(read.text, str(path))
    if read.cut_mid_character:
        # a file cut by bytes inside its last character: partial, whatever the text's last line looks like
        from ..diagnostics import message
        report.complete = False
        report.diagnostics.append(Diagnostic(line=report.line_count or None, code="cut-mid-character",
                                             message=message("cut-mid-character")))
    return report


def account_lines(text: str) -> dict[int, str]:
    """Where each non-blank input line went: line number -> "goal", "goal-text", "section-label",
    "indicator", "indicator-analysis", "activity", "activity-analysis", "table-header", "furniture",
    "narrative" or "diagnostic". Lines missing from the result were lost (a bug)."""
    from .document import DocumentParser
    parser = DocumentParser(text, "<text>")
    parser.parse()
    return dict(parser.dispo)
