"""Where a finding is, in the reader's words: "rad 30" in a text report, "sida 12, rad 30" in a PDF."""
from __future__ import annotations

from ..words import catalogue, word


def location(f, lang: str | None) -> str | None:
    """"sida 12, rad 30" for a finding of a PDF report (``Finding.page``); None for a text report, whose
    outputs keep their own way of printing the line."""
    if getattr(f, "page", None) is None:
        return None
    return word(catalogue.LOCATION, "page", lang).format(page=f.page, line=f.page_line)
