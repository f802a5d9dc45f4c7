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
    "csv": "auditor.render.sheets:render_csv",
    "terminal": "auditor.render.terminal:render",
    "md": "auditor.render.markdown:render",
    "json": "auditor.render.json_out:render",
}


def get_renderer(fmt: str) -> Callable:
    module, func = RENDERERS[fmt].split(":")
    return getattr(importlib.import_module(module), func)
