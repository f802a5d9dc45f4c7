"""The words of each PDF page with their positions, read with PDFium (pypdfium2).

PDFium, the PDF engine of Chromium, builds each page's text in C: the characters in reading order, with a
generated space where glyphs stand apart and a generated line break where the baseline changes. So the
words are the runs of that text between white space, and only each word's ends are asked for from Python:
the first character's origin (its x and baseline), font size and matrix, and the last character's advance
box (its right edge). A 140-page report reads in about a third of a second this way, most of it PDFium
building the text pages; interpreting the content streams in Python (pdfminer.six, which this reader used
before) took several times as long.

Coordinates are points from the top-left corner of the page as it is shown (y grows downwards, as on
paper): a page with ``/Rotate`` is turned as a viewer turns it. Only text that runs horizontally on the page
as shown is read (a word set at an angle is left out).
"""
from __future__ import annotations

import ctypes
import math
import re
from dataclasses import dataclass

# typographic ligatures (a browser draws "fl" in "flickor" as one glyph): their letters
LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st",
             "\ufb06": "st"}
# PDFium's marks for a hyphen that ends a line (it joins "park-" / "och" into one run of text): U+FFFE, and
# U+0002 in older PDFium builds
LINE_END_HYPHENS = "\ufffe\x02"
# a word: a run of the page's text up to white space, with the line-end hyphen that ends it
_RUN = re.compile(f"[^\\s{LINE_END_HYPHENS}]+([{LINE_END_HYPHENS}])?")


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


def read_pages(data: bytes) -> list[Page]:
    """Every page's words. Raises whatever PDFium raises for an encrypted or damaged file (the caller
    turns that into the text path's refusals)."""
    import pypdfium2 as pdfium  # optional heavy: PDFium, only for a PDF

    doc = pdfium.PdfDocument(data)
    try:
        return [_page(doc[k], k + 1) for k in range(len(doc))]
    finally:
        doc.close()


_CALLS: tuple | None = None


def _calls() -> tuple:
    """The four PDFium functions asked for each word, as plain function pointers without ``argtypes``:
    they are called four times a word, and ctypes' conversion of each argument through its declared type
    costs about twice the call itself (the arguments passed are already of the C types: the text page's
    pointer, a Python int for the C int, ``byref`` of the output structures)."""
    global _CALLS
    if _CALLS is None:
        import pypdfium2.raw as pdfium_c  # optional heavy: PDFium, only for a PDF

        def plain(function, restype):
            out = type(function)(ctypes.cast(function, ctypes.c_void_p).value)
            out.restype = restype
            return out
        _CALLS = (plain(pdfium_c.FPDFText_GetCharOrigin, ctypes.c_int),
                  plain(pdfium_c.FPDFText_GetLooseCharBox, ctypes.c_int),
                  plain(pdfium_c.FPDFText_GetMatrix, ctypes.c_int),
                  plain(pdfium_c.FPDFText_GetFontSize, ctypes.c_double))
    return _CALLS


def _page(page, number: int) -> Page:
    import pypdfium2.raw as pdfium_c  # optional heavy: PDFium, only for a PDF

    left, bottom, right, top = page.get_bbox()
    turn = page.get_rotation() % 360
    width, height = right - left, top - bottom
    if turn in (90, 270):
        width, height = height, width

    def shown(x: float, y: float) -> tuple[float, float]:
        """A point of the page's space where it stands on the page as shown (turned clockwise)."""
        if turn == 90:
            return y - bottom, x - left
        if turn == 180:
            return right - x, y - bottom
        if turn == 270:
            return top - y, right - x
        return x - left, top - y

    textpage = page.get_textpage()
    try:
        raw = textpage.raw
        count = textpage.count_chars()
        text = textpage.get_text_range(0, count) if count else ""
        if len(text) != count:      # a character outside the BMP: the text no longer lines up with the boxes
            text = "".join(chr(pdfium_c.FPDFText_GetUnicode(raw, k)) for k in range(count))
        ox, oy, box, matrix = ctypes.c_double(), ctypes.c_double(), pdfium_c.FS_RECTF(), pdfium_c.FS_MATRIX()
        at_ox, at_oy, at_box, at_matrix = ctypes.byref(ox), ctypes.byref(oy), ctypes.byref(box), ctypes.byref(matrix)
        origin, loose_box, char_matrix, font_size = _calls()
        words = []
        ligatures = any(ligature in text for ligature in LIGATURES)
        upright = turn in (0, 180)
        for run in _RUN.finditer(text):
            k, end = run.span()
            origin(raw, k, at_ox, at_oy)
            loose_box(raw, end - 1, at_box)
            char_matrix(raw, k, at_matrix)
            along, across = (matrix.a, matrix.b) if upright else (matrix.b, matrix.a)
            if abs(across) > abs(along):     # text set at an angle on the page as shown: no line of a table
                continue
            # the size as drawn: the font's size scaled by the character's matrix (a browser draws at 0.75)
            size = font_size(raw, k) * math.hypot(matrix.c, matrix.d) or 1.0
            if turn == 0:
                x0, baseline, x1 = ox.value - left, top - oy.value, box.right - left
            else:
                x0, baseline = shown(ox.value, oy.value)
                # the far edge of the last glyph's advance, along the line as shown
                x1 = max(shown(box.left, box.bottom)[0], shown(box.right, box.top)[0])
            word = run.group()
            if word[-1] in LINE_END_HYPHENS:
                word = word[:-1] + "-"
            if ligatures:
                word = "".join(LIGATURES.get(ch, ch) for ch in word)
            words.append(Word(word, x0, x1, baseline - 0.8 * size, baseline + 0.2 * size, size, number))
    finally:
        textpage.close()
        page.close()
    return Page(number, width, height, words)
