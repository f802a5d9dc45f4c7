"""Read a PDF by the positions of its words: page furniture by band and repetition, table cells by column.

``read_layout(data)`` gives a ``PdfLayout`` (the text in the corpus's line layout, the cells of every table
row read by position, the furniture's lines and each page's first line), or None when the geometry path
does not apply: the file cannot be opened this way (encrypted, damaged: ``auditor.input.pdf`` then gives its
refusal), it has no text, or it has no indicator table whose columns its geometry gives. The modules:
``words`` (glyphs to words), ``lines`` (visual lines, furniture), ``tables`` (columns and cells),
``layout`` (the text and the positioned rows).
"""
from __future__ import annotations

from .layout import PdfLayout, layout
from .words import read_pages

__all__ = ["PdfLayout", "read_layout"]


def read_layout(data: bytes, read_columns: bool = True) -> PdfLayout | None:
    """``read_columns`` false reads every indicator table as text (what the reader does with a table whose
    header's geometry does not give its columns), so that path can be measured on PDFs whose headers read."""
    try:
        pages = read_pages(data)
    except Exception:  # noqa: BLE001 - whatever PDFium cannot open, the text path explains
        return None
    if not any(p.words for p in pages):
        return None
    return layout(pages, read_columns)
