"""Table columns from the header's words, and a row's cells by x position.

An ILS table header prints each column's name inside the column, wrapped over as many lines as its width
needs ("Periodens" / "utfall", "Utfall" / "kvinnor/" / "flickor", "KF:s" / "årsmål"). The header's words
are grouped into columns by geometry: words on one line that follow each other at a word space belong to one
cell, and cells on different lines whose x ranges overlap belong to one column. A column reaches from the
left edge of its name to the left edge of the next column's name, which is where ILS starts each cell; a
cell's words are assigned to the column they start in and must end before the next column begins.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..parser import labels as L
from ..parser.values import PERIOD
from .lines import VLine
from .words import Word

# Two words on one header line are one cell when the gap between them is at most this share of the size
# (a word space is about a quarter of it; cells are set apart by padding on both sides).
CELL_GAP = 0.6
TOLERANCE = 1.5   # points: how far a word may stick out of its column (rounding, kerning)
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass
class Columns:
    """A table's columns: names (the first is the name or text column) and where each starts."""
    names: list[str]
    starts: list[float]
    header_text: str          # the header as one line of text, for the text the PDF path writes

    def column(self, word: Word) -> int | None:
        """The column the word stands in, or None when it straddles two (prose, not a table row)."""
        k = 0
        for i, start in enumerate(self.starts):
            if word.x0 >= start - TOLERANCE:
                k = i
        if word.x0 < self.starts[0] - TOLERANCE:
            return None
        if k + 1 < len(self.starts) and word.x1 > self.starts[k + 1] + TOLERANCE:
            return None
        return k

    def cells(self, lines: list[VLine]) -> list[list[Word]] | None:
        """Each column's words in reading order (top to bottom, left to right), or None when a word
        fits no column."""
        out: list[list[Word]] = [[] for _ in self.names]
        for line in lines:
            for word in line.words:
                k = self.column(word)
                if k is None:
                    return None
                out[k].append(word)
        for words in out:
            words.sort(key=lambda w: (w.page, round(w.top, 1), w.x0))
        return out


def is_header_start(line: VLine) -> bool:
    return bool(line.words) and line.words[0].text == "Indikator"


def is_activity_header(line: VLine) -> bool:
    return bool(L.ACTIVITY_HEADER.match(line.text))


def header_lines(lines: list[VLine], i: int) -> int:
    """The index after the indicator header that starts at line i: the lines that follow without a gap
    and hold header words only."""
    j = i + 1
    while j < len(lines) and lines[j].page == lines[i].page and lines[j].top - lines[j - 1].bottom < \
            0.8 * lines[j].size and L.is_header_word_line(lines[j].text, lenient=True) \
            and not is_header_start(lines[j]):
        j += 1
    return j


def indicator_columns(lines: list[VLine]) -> Columns | None:
    """The columns of an indicator table from its header lines, or None when the geometry does not give
    the columns the header's words name (e.g. a header drawn as one run of text)."""
    cells: list[list[Word]] = []     # header cells: runs of words at a word space on one line
    for line in lines:
        run: list[Word] = []
        for word in line.words:
            if run and word.x0 - run[-1].x1 > CELL_GAP * word.size:
                cells.append(run)
                run = []
            run.append(word)
        if run:
            cells.append(run)
    groups: list[list[list[Word]]] = []   # columns: cells whose x ranges overlap
    for cell in sorted(cells, key=lambda c: c[0].x0):
        x0, x1 = cell[0].x0, cell[-1].x1
        for group in groups:
            g0 = min(c[0].x0 for c in group)
            g1 = max(c[-1].x1 for c in group)
            if x0 < g1 - TOLERANCE and x1 > g0 + TOLERANCE:
                group.append(cell)
                break
        else:
            groups.append([cell])
    groups.sort(key=lambda g: min(c[0].x0 for c in g))
    texts = [_cell_text(g) for g in groups]
    if len(texts) < 3 or texts[0] != "Indikator":
        return None
    header_text = " ".join(texts)
    names = L.header_columns(header_text)
    # every column of the header is one group of words, the period last
    if names is None or len(names) + 2 != len(groups) or L.column_of(texts[-1]) != "period":
        return None
    return Columns(["name", *names, "period"], [min(c[0].x0 for c in g) for g in groups], header_text)


def _cell_text(group: list[list[Word]]) -> str:
    words = sorted((w for cell in group for w in cell), key=lambda w: (round(w.top, 1), w.x0))
    return join_words(words)


def join_words(words: list[Word]) -> str:
    """A cell's words as text: a line that ends in "/" or "-" goes on without a space ("nämnd/" /
    "styrelse")."""
    text = ""
    for word in words:
        if text and not text.endswith(("/", "-")):
            text += " "
        text += word.text
    return text


def activity_columns(line: VLine) -> Columns:
    return Columns(["text", "start", "end", "deviation"][:len(line.words)], [w.x0 for w in line.words],
                   " " + line.text)


def cell_lines(words: list[Word]) -> list[str]:
    """A cell's words as the lines they are printed on."""
    out: list[list[Word]] = []
    for word in words:
        if out and word.page == out[-1][0].page and abs(word.top - out[-1][0].top) <= 0.3 * word.size:
            out[-1].append(word)
        else:
            out.append([word])
    return [" ".join(w.text for w in ws) for ws in out]


def indicator_row(columns: Columns, lines: list[VLine]) -> dict[str, str] | None:
    """The cells of a table row (column -> text, the name under "name"), or None when the lines are not
    one row of this table: a word outside the columns, no name, or no period."""
    cells = columns.cells(lines)
    if cells is None or not cells[0]:
        return None
    out = {name: join_words(words) for name, words in zip(columns.names, cells) if words}
    if not PERIOD.match(out.get("period", "")):
        return None
    return out


def activity_row(columns: Columns, lines: list[VLine]) -> dict[str, str] | None:
    cells = columns.cells(lines)
    if cells is None or not cells[0] or len(cells) < 3:
        return None
    out = {name: join_words(words) for name, words in zip(columns.names, cells) if words}
    if not DATE.match(out.get("start", "")) or not DATE.match(out.get("end", "")):
        return None
    if out.get("deviation", "Avvikelse") != "Avvikelse":
        return None
    return out
