"""Page furniture: the headers and footers a PDF extraction leaves between the lines of content.

They can fall anywhere, even inside a table row or a sentence, so they are found first and taken out of
the line stream before any structure is read. A block is anchored by a line that can only be furniture
("Tjänsteutlåtande", "Sid 12 (79)", "<nämnd>, Tertialrapport 41(102)") and grows over its neighbours
while they look like furniture too (address, phone number, web address, date, diarienummer, blank).
"""
from __future__ import annotations

import re

from ..input.lines import Line, joined_texts

ANCHOR = re.compile(
    r"""^(?:
        (?:.{0,60}\s)?Tjänsteutlåtande
      | Sid\s*\d+\s*\(\s*\d+\s*\)
      | Sida\s*\d+\s*(?:av|\()\s*\d+\)?
      | \d{1,4}\s*\(\s*\d{1,4}\s*\)
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
      | .{3,80},\s*(?:Tertialrapport|Verksamhetsberättelse|Delårsrapport)(?:\s*\d)?
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


# The page's number printed on its own ("12", "- 12 -"), as some tools print "Sid 12 (79)": taken only
# just below an anchor that states no page number (above one, a lone figure is a cell or a period's year).
BARE_PAGE = re.compile(r"^(?:-\s*)?(\d{1,3})(?:\s*-)?$")
BARE_PAGE_REACH = 3
PAGE_OF = re.compile(r"^(\d{1,4})\s*\(\s*(\d{1,4})\s*\)$")
# Furniture that states the page number itself.
NUMBERED = re.compile(r"\d\s*\(\s*\d+\s*\)|\bSid(?:a)?\s*\d", re.I)


# Pieces one of which is in every line that ``_may_anchor``, in ASCII lower case: "(", "sid" opening the
# line, and the middle of "tjänsteutlåtande", whose letters no character but their own capitals lowers to.
_MAY_ANCHOR_PIECES = (b"(", b"\nsid", b"nsteutl")


def _anchor_candidates(lines: list[Line], joined: str | None = None) -> list[int]:
    """Indexes of the lines that ``_may_anchor``, in order. Most lines of a report are none, and a call per
    line costs more than finding the few by the pieces they hold, in the whole text at once (as bytes,
    lowered as ASCII: a str's lower() is slow on text that is not ASCII). ``joined``: the lines' texts, each
    after a line break, where the caller has them."""
    data = (joined_texts(lines) if joined is None else joined).encode("utf-8", "surrogatepass").lower()
    at: set[int] = set()
    for piece in _MAY_ANCHOR_PIECES:
        k = data.find(piece)
        while k >= 0:
            at.add(k + 1 if piece[0] == 10 else k)     # "\nsid" is found at the line break before it
            k = data.find(piece, k + 1)
    found: list[int] = []
    index, counted = -1, 0      # the text is preceded by a line break: the first line is index 0
    for k in sorted(at):
        index += data.count(b"\n", counted, k)
        counted = k
        if (not found or found[-1] != index) and _may_anchor(lines[index].text):
            found.append(index)
    return found


def _is_anchor(text: str) -> bool:
    if not _may_anchor(text) or not ANCHOR.match(text):
        return False
    page = PAGE_OF.match(text)
    return page is None or 0 < int(page.group(1)) <= int(page.group(2))   # "12 (79)", never "80 (79)"


def find_furniture(lines: list[Line], joined: str | None = None) -> set[int]:
    """Indexes (0-based, into ``lines``) of page-furniture lines. A block grows from its anchor over lines
    that look like furniture; a bare number is the page's own only right below the anchor and only while
    the block has no page number yet."""
    marked: set[int] = set()
    for i in _anchor_candidates(lines, joined):
        line = lines[i]
        if not line.text or not _is_anchor(line.text):
            continue
        marked.add(i)
        numbered = bool(NUMBERED.search(line.text))
        for step in (-1, 1):
            j, seen = i + step, 0
            while 0 <= j < len(lines) and seen < REACH:
                text = lines[j].text
                if text:
                    if BARE_PAGE.match(text):
                        if numbered or step < 0 or j - i > BARE_PAGE_REACH:
                            break
                        numbered = True
                    elif not NEIGHBOUR.match(text) and not _is_anchor(text):
                        break
                    else:
                        numbered = numbered or bool(NUMBERED.search(text))
                    marked.add(j)
                j += step
                seen += 1
    return marked
