"""Visual lines of a page, and the page furniture among them (by band and repetition, not by wording)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from operator import attrgetter

from .words import Page, Word

# Words whose tops differ by less than this share of their size stand on one visual line.
SAME_LINE = 0.3
# Furniture lies in the outer part of the page, at (about) the same height on several pages.
BAND = 0.15
MIN_BAND = 60.0        # points: on small pages the band is at least this tall
SAME_PLACE = 3.0       # points
REPEATS = 0.6          # share of the pages (at least two) that carry the same furniture line
_DIGITS = re.compile(r"\d+")


@dataclass(slots=True)
class VLine:
    """A visual line: its words left to right. Its extent, size and text are taken once (the layout asks
    for them again and again, and a line's words do not change)."""
    words: list[Word]
    page: int
    top: float = field(init=False)
    bottom: float = field(init=False)
    size: float = field(init=False)
    text: str = field(init=False)

    def __post_init__(self) -> None:
        words = self.words
        self.top = min(map(_TOP, words))
        self.bottom = max(map(_BOTTOM, words))
        self.size = max(map(_SIZE, words))
        self.text = " ".join(map(_TEXT, words))


_TOP, _BOTTOM, _SIZE, _TEXT, _X0 = (attrgetter(name) for name in ("top", "bottom", "size", "text", "x0"))
_TOP_LEFT = attrgetter("top", "x0")


def visual_lines(page: Page) -> list[VLine]:
    """The page's words in lines, top to bottom, each line left to right."""
    out: list[list[Word]] = []
    first: Word | None = None     # the first word of the line being gathered (the one its words are held to)
    for word in sorted(page.words, key=_TOP_LEFT):
        if first is not None and abs(word.top - first.top) <= SAME_LINE * max(word.size, first.size):
            out[-1].append(word)
        else:
            out.append([word])
            first = word
    return [VLine(sorted(ws, key=_X0), page.number) for ws in out]


def _band(page: Page) -> float:
    return max(BAND * page.height, MIN_BAND)


def _signature(line: VLine) -> str:
    """The line's text with its figures left out: "Sid 3 (12)" and "Sid 4 (12)" are the same furniture."""
    return _DIGITS.sub("#", line.text)


def find_furniture(pages: list[Page], lines: list[list[VLine]], is_structure) -> set[int]:
    """ids of the lines that are page furniture: from the top and from the bottom of each page, the lines in
    the outer band that recur at the same height with the same text (figures aside) on other pages. A line
    of the report's structure (``is_structure``: a table header repeated on continued pages, an ``Analys``
    heading at a page foot) stops the peeling: it is content, however often it stands at that height."""
    if len(pages) < 2:
        return _lone_page_furniture(pages, lines)
    seen: dict[tuple[str, int], set[int]] = {}
    heights = {page.number: page.height for page in pages}

    def place(line: VLine) -> int:
        """The line's height on its page, from the top edge in the upper half and from the bottom edge in
        the lower (a footer stands as far from the bottom on a page across as on an upright one)."""
        height = heights[line.page]
        return round((line.top if line.top < height / 2 else line.top - height) / SAME_PLACE)

    for page, page_lines in zip(pages, lines):
        for line in page_lines:
            seen.setdefault((_signature(line), place(line)), set()).add(page.number)

    def recurring(line: VLine) -> bool:
        key = _signature(line)
        bucket = place(line)
        pages_with = set().union(*(seen.get((key, b), set()) for b in (bucket - 1, bucket, bucket + 1)))
        return len(pages_with) >= max(2, REPEATS * len(pages))

    out: set[int] = set()
    for page, page_lines in zip(pages, lines):
        for order in (page_lines, page_lines[::-1]):
            for line in order:
                outer = line.bottom <= _band(page) or line.top >= page.height - _band(page)
                if not outer or is_structure(line) or not recurring(line):
                    break
                out.add(id(line))
    return out


LONE_GAP = 2.5   # a lone page's furniture stands this many of its font sizes apart from the content


def _lone_page_furniture(pages: list[Page], lines: list[list[VLine]]) -> set[int]:
    """With one page there is no repetition to go by: the lines in the outer band that stand apart from
    the rest by the widest gap there (a margin, not a paragraph break)."""
    out: set[int] = set()
    for page, page_lines in zip(pages, lines):
        top = [l for l in page_lines if l.bottom <= _band(page)]
        bottom = [l for l in page_lines if l.top >= page.height - _band(page)]
        for band, inner in ((top, page_lines[len(top):len(top) + 1]), (bottom[::-1], page_lines[::-1][len(bottom):len(bottom) + 1])):
            edge = band + inner
            gaps = [(abs(b.top - a.top) - max(a.size, b.size), k) for k, (a, b) in enumerate(zip(edge, edge[1:]))]
            if not gaps:
                continue
            gap, k = max(gaps)
            if gap >= LONE_GAP * edge[k].size:
                out.update(id(line) for line in edge[:k + 1])
    return out
