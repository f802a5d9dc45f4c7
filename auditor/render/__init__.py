"""Renderers: each turns an ``AuditResult`` (with the parsed reports attached) into one output format.

Formats are looked up lazily so that the CLI only imports what the chosen format needs
(pandas, jinja2 and xlsxwriter stay off the start-up path).
"""
from __future__ import annotations

import importlib
from typing import Callable

# format name -> "module:function"; the function is called as fn(result, options) and returns
# the text (str) or bytes of the output, or writes files itself when the format needs a folder.
RENDERERS: dict[str, str] = {
    "html": "auditor.render.html:render_html",
    "sarif": "auditor.render.sarif:render_sarif",
    "junit": "auditor.render.junit:render_junit",
    "github": "auditor.render.github:render_github",
    "xlsx": "auditor.render.sheets:render_xlsx",
    "docx": "auditor.render.docx:render_docx",
    "csv": "auditor.render.sheets:render_csv",
    "terminal": "auditor.render.terminal:render",
    "md": "auditor.render.markdown:render",
    "json": "auditor.render.json_out:render",
}


# How much of the parsed model each format reads from ``ReportAudit.report`` (see ``auditor.workflow.audit.Keep``):
# the batch keeps only that much, so that auditing hundreds of reports into JSON holds findings, not models.
MODEL_NEEDS: dict[str, str] = {
    "html": "full", "xlsx": "full", "csv": "full",     # goal tree with indicators and activities
    "terminal": "outline", "md": "outline",            # goal headings (number, title, line, assessment)
    "docx": "outline",
}                                                      # json, sarif, junit, github: findings only


# Formats written report by report as the batch's audits arrive: "module:function", called as
# fn(write, options) and returning an object with ``add(audit)`` for each report in the batch's order and
# ``close(stale_reviews)`` at the end, which together write exactly what the renderer returns for the whole batch.
STREAMED: dict[str, str] = {
    "json": "auditor.render.json_out:stream",
    "github": "auditor.render.github:stream",
}


# Formats whose output needs the whole batch before a report's part (an overview, a rule list, totals), written
# from a batch read twice: "module:function", called as fn(options) and returning an object with ``scan(audit)``
# for each report in the batch's order (it keeps only the batch's small facts: rows of an overview, rule ids,
# counts) and then ``write(write, audits, stale_reviews)``, handed the same reports again, one at a time in the
# same order, which writes exactly what the renderer returns for the whole batch.
TWO_PASS: dict[str, str] = {
    "md": "auditor.render.markdown:two_pass",
    "sarif": "auditor.render.sarif:two_pass",
    "junit": "auditor.render.junit:two_pass",
    "terminal": "auditor.render.terminal:two_pass",
}


def written_whole(parts, result) -> str:
    """The whole batch's output from a ``TWO_PASS`` object (``parts``), written into memory: what the
    renderer returns when the batch is at hand, so that both ways of writing share one path."""
    pieces: list[str] = []
    for audit in result.reports:
        parts.scan(audit)
    parts.write(pieces.append, result.reports, result.stale_reviews)
    return "".join(pieces)


def model_needs(fmt: str) -> str:
    return MODEL_NEEDS.get(fmt, "none")


def get_renderer(fmt: str) -> Callable:
    module, func = RENDERERS[fmt].split(":")
    return getattr(importlib.import_module(module), func)


def get_stream(fmt: str) -> Callable | None:
    """The report-by-report writer of ``fmt`` (see ``STREAMED``), or None when the format needs the whole batch."""
    if fmt not in STREAMED:
        return None
    module, func = STREAMED[fmt].split(":")
    return getattr(importlib.import_module(module), func)


def get_two_pass(fmt: str) -> Callable | None:
    """The writer of ``fmt`` from a batch read twice (see ``TWO_PASS``), or None."""
    if fmt not in TWO_PASS:
        return None
    module, func = TWO_PASS[fmt].split(":")
    return getattr(importlib.import_module(module), func)
