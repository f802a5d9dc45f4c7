"""Where something is, in the reader's words: "rad 30" in a text report, "sida 12, rad 30" in a PDF.

Every output that names a place goes through here (and through ``words.place``, which the finding messages
use too), so that a PDF report is never located by page in one place and by the line numbers of its
extracted text in another."""
from __future__ import annotations

from ..words import place, place_on


def location(f, lang: str | None) -> str | None:
    """"sida 12, rad 30" for a finding of a PDF report (``Finding.page``); None for a text report, whose
    outputs keep their own way of printing the line."""
    if getattr(f, "page", None) is None:
        return None
    return place_on(f.line, f.page, f.page_line, lang)


def place_in(report, line: int | None, lang: str | None) -> str:
    """The place of a text line of ``report`` (a model, or None when the output keeps none)."""
    return place(line, lang, report.page_of(line) if report is not None else None)


def item_place(item: dict, lang: str | None) -> str:
    """The place of an evidence item (a row or a goal a finding lists), which carries ``page`` and
    ``page_line`` in a PDF report (``ReportAudit`` adds them)."""
    return place_on(item.get("line"), item.get("page"), item.get("page_line"), lang)
