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


@dataclass(slots=True)
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float

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

    class GlyphDevice(PDFTextDevice):
        """Collects (text, x, baseline, advance, size) per glyph of horizontal text. The string loop of
        pdfminer's device is redone here with the glyphs' text and width looked up once per font."""

        def __init__(self, rsrcmgr) -> None:
            super().__init__(rsrcmgr)
            self.glyphs: list[tuple[str, float, float, float, float]] = []
            self._fonts: dict[int, dict[int, tuple[str, float]]] = {}

        def _glyph(self, font, cid: int) -> tuple[str, float]:
            table = self._fonts.setdefault(id(font), {})
            got = table.get(cid)
            if got is None:
                try:
                    text = font.to_unichr(cid)
                except Exception:  # noqa: BLE001 - a glyph without a Unicode mapping carries no text
                    text = ""
                got = table[cid] = (text, font.char_width(cid))
            return got

        def render_string_horizontal(self, seq, matrix, pos, font, fontsize, scaling, charspace, wordspace,
                                     rise, dxscale, ncs, graphicstate):
            x, y = pos
            a, b, c, d, e, f = matrix
            size = fontsize * abs(d)
            glyphs = self.glyphs
            need_charspace = False
            for obj in seq:
                if isinstance(obj, (int, float)):
                    x -= obj * dxscale
                    need_charspace = True
                elif isinstance(obj, bytes):
                    for cid in font.decode(obj):
                        if need_charspace:
                            x += charspace
                        text, width = self._glyph(font, cid)
                        advance = width * fontsize * scaling
                        glyphs.append((text, a * x + c * y + e, b * x + d * y + f, advance * a, size))
                        x += advance
                        if cid == 32 and wordspace:
                            x += wordspace
                        need_charspace = True
            return (x, y)

    return GlyphDevice


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
        device.glyphs = []
        interpreter.process_page(page)
        pages.append(Page(number, x1 - x0, y1 - y0, _words(device.glyphs, y1)))
    return pages


def _words(glyphs, page_top: float) -> list[Word]:
    words: list[Word] = []
    chars: list[str] = []
    start = end = base = size = 0.0
    for text, x, y, advance, glyph_size in glyphs:
        if chars and (abs(y - base) > 0.2 * size or x - end > WORD_GAP * size or x < start - 0.5):
            words.append(_word(chars, start, end, base, size, page_top))
            chars = []
        if not text.strip():
            if chars:
                words.append(_word(chars, start, end, base, size, page_top))
                chars = []
            continue
        if not chars:
            start, base, size = x, y, glyph_size or 1.0
        chars.append(text)
        end = x + advance
    if chars:
        words.append(_word(chars, start, end, base, size, page_top))
    return words


def _word(chars, x0, x1, base, size, page_top) -> Word:
    baseline = page_top - base
    return Word("".join(chars), x0, x1, baseline - 0.8 * size, baseline + 0.2 * size, size)
