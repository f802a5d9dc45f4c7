"""The words of each PDF page with their positions, from pdfminer.six's content-stream interpreter.

pdfminer's own layout objects (and pdfplumber's per-character dictionaries built on them) cost about a fifth
of a second per page of a report; a 140-page report must read in well under three seconds. So a lean text
device records only what the reader needs per glyph -- the character, its x origin and advance, the baseline
and the size -- and glyphs are joined into words here: a space, a change of baseline or a visible gap ends
a word. Coordinates are points from the page's top-left corner (y grows downwards, as on paper).
"""
from __future__ import annotations

import io
import logging
from dataclasses import dataclass

# a gap wider than this share of the font size between two glyphs separates words even without a space
WORD_GAP = 0.25
# typographic ligatures (a browser draws "fl" in "flickor" as one glyph): their letters
LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st",
             "\ufb06": "st"}


@dataclass(slots=True)
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    page: int = 0     # 1-based; words of a table row cut by a page break are read together in page order

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(slots=True)
class Page:
    number: int       # 1-based
    width: float
    height: float
    words: list[Word]


def _device_class():
    from pdfminer.pdfdevice import PDFTextDevice

    class WordDevice(PDFTextDevice):
        """Builds the words of horizontal text as its glyphs are drawn. pdfminer's string loop is redone
        here, with each glyph's text and width looked up once per font, and the words built on the way:
        a space, a change of baseline or a visible gap ends a word."""

        def __init__(self, rsrcmgr) -> None:
            super().__init__(rsrcmgr)
            self._fonts: dict[int, dict[int, tuple[str, float]]] = {}
            self.page_number = -1
            self.start_page(0.0)

        def start_page(self, page_top: float) -> None:
            self.page_top = page_top
            self.page_number += 1
            self.words: list[Word] = []
            self._chars: list[str] = []
            self._x0 = self._end = self._base = self._size = 0.0

        def flush(self) -> None:
            if self._chars:
                baseline = self.page_top - self._base
                size = self._size
                self.words.append(Word("".join(self._chars), self._x0, self._end, baseline - 0.8 * size,
                                       baseline + 0.2 * size, size, self.page_number))
                self._chars = []

        def _table(self, font) -> dict[int, tuple[str, float]]:
            table = self._fonts.get(id(font))
            if table is None:
                table = self._fonts[id(font)] = {}
            return table

        def render_string_horizontal(self, seq, matrix, pos, font, fontsize, scaling, charspace, wordspace,
                                     rise, dxscale, ncs, graphicstate):
            x, y = pos
            a, b, c, d, e, f = matrix
            size = fontsize * abs(d) or 1.0
            table = self._table(font)
            chars = self._chars
            need_charspace = False
            for obj in seq:
                if isinstance(obj, (int, float)):
                    x -= obj * dxscale
                    need_charspace = True
                    continue
                if not isinstance(obj, bytes):
                    continue
                for cid in font.decode(obj):
                    if need_charspace:
                        x += charspace
                    got = table.get(cid)
                    if got is None:
                        try:
                            text = font.to_unichr(cid)
                        except Exception:  # noqa: BLE001 - a glyph without a Unicode mapping has no text
                            text = ""
                        text = LIGATURES.get(text, text)
                        got = table[cid] = (text, font.char_width(cid))
                    text, width = got
                    advance = width * fontsize * scaling
                    gx, gy = a * x + c * y + e, b * x + d * y + f
                    if chars and (abs(gy - self._base) > 0.2 * size or gx - self._end > WORD_GAP * size
                                  or gx < self._x0 - 0.5):
                        self.flush()
                        chars = self._chars
                    if text.strip():
                        if not chars:
                            self._x0, self._base, self._size = gx, gy, size
                        chars.append(text)
                        self._end = gx + advance * a
                    elif chars:
                        self.flush()
                        chars = self._chars
                    x += advance
                    if cid == 32 and wordspace:
                        x += wordspace
                    need_charspace = True
            return (x, y)

    return WordDevice


def read_pages(data: bytes) -> list[Page]:
    """Every page's words. Raises whatever pdfminer raises for an encrypted or damaged file (the caller
    turns that into the text path's refusals)."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    logging.getLogger("pdfminer").setLevel(logging.ERROR)   # warns on every oddity; ours is one line
    doc = PDFDocument(PDFParser(io.BytesIO(data)))
    manager = PDFResourceManager(caching=True)
    device = _device_class()(manager)
    interpreter = PDFPageInterpreter(manager, device)
    pages = []
    for number, page in enumerate(PDFPage.create_pages(doc), start=1):
        x0, y0, x1, y1 = page.mediabox
        device.start_page(y1)
        interpreter.process_page(page)
        device.flush()
        pages.append(Page(number, x1 - x0, y1 - y0, device.words))
    return pages
