"""Page furniture: the headers and footers a PDF extraction leaves between the lines of content.

They can fall anywhere, even inside a table row or a sentence, so they are found first and taken out of
the line stream before any structure is read. A block is anchored by a line that can only be furniture
("Tjänsteutlåtande", "Sid 12 (79)", "<nämnd>, Tertialrapport 41(102)") and grows over its neighbours
while they look like furniture too (address, phone number, web address, date, diarienummer, blank).
"""
from __future__ import annotations

import re

from .lines import Line

ANCHOR = re.compile(
    r"""^(?:
        (?:.{0,60}\s)?Tjänsteutlåtande
      | Sid\s*\d+\s*\(\s*\d+\s*\)
      | Sida\s*\d+\s*(?:av|\()\s*\d+\)?
      | .{3,80},\s*(?:Tertialrapport|Verksamhetsberättelse|Delårsrapport)(?:\s*\d)?\s+\d+\s*\(\s*\d+\s*\)
    )$""",
    re.X | re.I,
)

NEIGHBOUR = re.compile(
    r"""^(?:
        start\.stockholm(?:\.se)?
      | (?:www\.)?stockholm\.se
      | (?:Telefon|Tfn|Tel)?\.?:?\s*0\d{1,3}\s*-?\s*\d{2,3}(?:\s?\d{2,3}){1,3}
      | Dnr:?\s*\S+
      | Diarienummer:?\s*\S+
      | \d{4}-\d{2}-\d{2}
      | (?:Sid|Sida)\s*\d+\s*\(\s*\d+\s*\)
      | Tjänsteutlåtande
      | (?!Tertial|Halvår|VB\b)[A-ZÅÄÖ][\wåäöÅÄÖéü\-]+(?:\s[A-ZÅÄÖa-zåäö][\wåäöÅÄÖ\-]+)?\s\d{1,3}[A-Z]?(?:,\s*\d{3}\s?\d{2}\s\w+)?
      | Box\s\d+(?:,.*)?
      | \d{3}\s?\d{2}\s[A-ZÅÄÖ][\wåäö\-]+
    )$""",
    re.X,
)

# How far a block may reach from its anchor (lines, blank ones included).
REACH = 9


def _may_anchor(text: str) -> bool:
    """What every anchor has, tested before the pattern (which backtracks on every ordinary line)."""
    low = text[:3].lower()
    return low == "sid" or "(" in text or "tjänsteutlåtande" in text.lower()


def find_furniture(lines: list[Line]) -> set[int]:
    """Indexes (0-based, into ``lines``) of page-furniture lines."""
    marked: set[int] = set()
    for i, line in enumerate(lines):
        if not line.text or not _may_anchor(line.text) or not ANCHOR.match(line.text):
            continue
        marked.add(i)
        for step in (-1, 1):
            j, seen = i + step, 0
            while 0 <= j < len(lines) and seen < REACH:
                cand = lines[j]
                if cand.text and not NEIGHBOUR.match(cand.text) and not ANCHOR.match(cand.text):
                    break
                if cand.text:
                    marked.add(j)
                j += step
                seen += 1
    return marked
