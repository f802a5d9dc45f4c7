"""Parse the text of an ILS-webb follow-up report into a ``Report``.

Public API: ``parse_text(text, source)`` and ``parse_file(path)``.
"""
from __future__ import annotations

from pathlib import Path
from typing import Mapping

from ..model import Diagnostic, Report
from ..input.reader import read_report
from .document import parse_document, DocumentParser
from ..words.diagnostics import message


def parse_text(text: str, source: str = "<text>", kf_targets: Mapping[tuple[int, str], str] | None = None,
               layout=None) -> Report:
    """``kf_targets``: KF's known annual targets, (year, ``knowledge.kf_key(name)``) -> the cell as printed
    (default: the shipped knowledge, ``rules/kf_targets.yaml``). ``layout``: what a PDF's geometry gave
    (``auditor.input.pdf_geometry.PdfLayout``): its rows' cells by column, its furniture and its pages."""
    if layout is None:
        return parse_document(text, source, kf_targets)
    report = parse_document(text, source, kf_targets, layout.positioned, layout.furniture,
                            getattr(layout, "text_rows", ()))
    report.pages = list(layout.pages)
    if getattr(layout, "unreadable_at", None):
        for line in layout.unreadable_at:    # a table whose header geometry failed was read as text
            report.diagnostics.append(Diagnostic(line=line, code="pdf-table-text", message=message("pdf-table-text")))
    return report


def parse_file(path: str | Path, kf_targets: Mapping[tuple[int, str], str] | None = None) -> Report:
    read = read_report(path)
    report = parse_text(read.text, str(path), kf_targets, read.layout)
    if read.pages is not None:
        report.pages = list(read.pages)
    if read.text_path:
        report.diagnostics.append(Diagnostic(code="pdf-text-path", message=message("pdf-text-path")))
    if read.cut_mid_character:
        # a file cut by bytes inside its last character: partial, whatever the text's last line looks like
        report.complete = False
        report.diagnostics.append(Diagnostic(line=report.line_count or None, code="cut-mid-character",
                                             message=message("cut-mid-character")))
    return report


def account_lines(text: str) -> dict[int, str]:
    """Where each non-blank input line went: line number -> "goal", "goal-text", "section-label",
    "indicator", "indicator-analysis", "activity", "activity-analysis", "table-header", "furniture",
    "narrative" or "diagnostic". Lines missing from the result were lost (a bug)."""
    parser = DocumentParser(text, "<text>")
    parser.parse()
    return dict(parser.dispo)
