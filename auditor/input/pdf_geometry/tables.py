"""Table columns from the header's words and the rows' white space, and a row's cells by x position.

An ILS table header prints each column's name inside the column, wrapped over as many lines as its width
needs ("Periodens" / "utfall", "Utfall" / "kvinnor/" / "flickor", "KF:s" / "årsmål"), at the top, in the
middle or at the bottom of the header row, left-aligned or centred. So the header is a band of lines, above
and below the line of the ``Indikator`` word (``header_band``), and its words are grouped into columns by
geometry: words on one line that follow each other at a word space belong to one cell, and cells on
different lines whose x ranges overlap belong to one column, read top to bottom.

Where one column ends and the next begins is not where the next header word starts (a centred header word
stands to the right of a left-aligned cell below it): the boundary lies in the gap between two header
columns, where the table's rows leave white space (``Columns.from_header``). A word belongs to the column
its x range lies in; a word that crosses a boundary is no cell (prose, not a table row).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from .. import labels as L
from ..values import PERIOD
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
    # where a word may begin to stand in each column (its start less the tolerance); every word of the PDF
    # is placed, so a column is found by bisection when the starts run left to right (they do but in
    # headers the geometry could not separate)
    _edges: list[float] = field(init=False, repr=False, compare=False)
    _ordered: bool = field(init=False, repr=False, compare=False)
    # the layout asks for the cells of a line, and of a group of lines, again and again (while it grows a
    # row line by line, then to write it): each line's columns and each group's cells are worked out once.
    # Keyed by the lines' ids, each entry keeps its lines (so no id is reused while it is kept).
    _line_memo: dict = field(init=False, repr=False, compare=False, default_factory=dict)
    _cells_memo: dict = field(init=False, repr=False, compare=False, default_factory=dict)

    def __post_init__(self) -> None:
        self._edges = [start - TOLERANCE for start in self.starts]
        self._ordered = all(a <= b for a, b in zip(self._edges, self._edges[1:]))

    def column(self, word: Word) -> int | None:
        """The column the word stands in, or None when it straddles two (prose, not a table row)."""
        x0, edges = word.x0, self._edges
        if x0 < edges[0]:
            return None
        if self._ordered:
            k = bisect_right(edges, x0) - 1
        else:
            k = max(i for i, edge in enumerate(edges) if x0 >= edge)
        if k > 0 and k + 1 < len(edges) and word.x1 > self.starts[k + 1] + TOLERANCE:
            return None
        # a word of the name column may stick out of it: a word longer than the column is printed whole
        return k

    def cells(self, lines: list[VLine]) -> list[list[Word]] | None:
        """Each column's words in reading order (top to bottom, left to right), or None when a word
        fits no column. The lists are shared by every call for the same lines: read them, never change
        them."""
        key = tuple(map(id, lines))
        hit = self._cells_memo.get(key)
        if hit is None:
            hit = self._cells_memo[key] = (tuple(lines), self._cells(lines))
        return hit[1]

    def _cells(self, lines: list[VLine]) -> list[list[Word]] | None:
        out: list[list[Word]] = [[] for _ in self.names]
        for line in lines:
            placed = self._line_memo.get(id(line))
            if placed is None:
                placed = self._line_memo[id(line)] = (line, self._line_columns(line))
            columns = placed[1]
            if columns is None:
                return None
            for k, word in zip(columns, line.words):
                out[k].append(word)
        for words in out:
            if len(words) > 1:
                words.sort(key=_reading_order)
        return out

    def _line_columns(self, line: VLine) -> list[int] | None:
        """The column of each of the line's words, or None when one fits no column."""
        out = []
        words = line.words
        for n, word in enumerate(words):
            k = self.column(word)
            if k is None:
                return None
            if k == 0 and len(self.starts) > 1 and word.x1 > self.starts[1] + TOLERANCE \
                    and n + 1 < len(words) and words[n + 1].x0 - word.x1 <= CELL_GAP * word.size:
                return None     # a name's word sticks out of its column only with a cell's gap after it
            out.append(k)
        return out


def _reading_order(word: Word) -> tuple[int, float, float]:
    return word.page, round(word.top, 1), word.x0


def is_header_start(line: VLine) -> bool:
    return bool(line.words) and line.words[0].text == "Indikator"


def is_activity_header(line: VLine) -> bool:
    return bool(L.ACTIVITY_HEADER.match(line.text))


def header_band(lines: list[VLine], i: int) -> tuple[int, int]:
    """The indicator header around the ``Indikator`` line i, as (first, end) indexes: the lines just above
    and below it, without a gap, on its page, that hold header words only and stand right of the
    ``Indikator`` word (a header cell centred or set at the bottom of a tall header row stands above it)."""
    head = lines[i].words[0]

    def header_line(k: int, near: VLine) -> bool:
        line = lines[k]
        return (line.page == near.page and not is_header_start(line)
                and max(line.top, near.top) - min(line.bottom, near.bottom) < 0.8 * line.size
                and all(w.x0 > head.x1 for w in line.words) and L.is_header_word_line(line.text, lenient=True))

    first = i
    while first > 0 and header_line(first - 1, lines[first]):
        first -= 1
    end = i + 1
    while end < len(lines) and header_line(end, lines[end - 1]):
        end += 1
    return first, end


def header_lines(lines: list[VLine], i: int) -> int:
    """The index after the indicator header that starts at line i (``header_band``'s end)."""
    return header_band(lines, i)[1]


def header_groups(lines: list[VLine]) -> list[list[Word]]:
    """The header's words by column, left to right: runs of words at a word space on one line are
    cells, and cells whose x ranges overlap are one column."""
    cells: list[list[Word]] = []
    for line in lines:
        run: list[Word] = []
        for word in line.words:
            if run and word.x0 - run[-1].x1 > CELL_GAP * word.size:
                cells.append(run)
                run = []
            run.append(word)
        if run:
            cells.append(run)
    groups: list[list[list[Word]]] = []
    extents: list[list[float]] = []     # each group's x range, kept as cells join it
    for cell in sorted(cells, key=lambda c: c[0].x0):
        x0, x1 = cell[0].x0, cell[-1].x1
        for group, extent in zip(groups, extents):
            if x0 < extent[1] - TOLERANCE and x1 > extent[0] + TOLERANCE:
                group.append(cell)
                extent[0], extent[1] = min(extent[0], x0), max(extent[1], x1)
                break
        else:
            groups.append([cell])
            extents.append([x0, x1])
    order = sorted(range(len(groups)), key=lambda k: extents[k][0])
    return [sorted((w for cell in groups[k] for w in cell), key=lambda w: (round(w.top, 1), w.x0)) for k in order]


def indicator_columns(lines: list[VLine], rows: list[VLine] = (), starts: list[float] | None = None) \
        -> Columns | None:
    """The columns of an indicator table from its header lines (``header_band``), their boundaries set
    in the white space the table's ``rows`` leave between them (or ``starts``, ``boundaries`` computed for
    tables of this shape); None when the geometry does not give the columns the header's words name (e.g.
    a header drawn as one run of text)."""
    groups = header_groups(lines)
    texts = [join_words(g) for g in groups]
    if len(texts) < 3 or texts[0] != "Indikator":
        return None
    header_text = " ".join(texts)
    names = L.header_columns(header_text)
    # every column of the header is one group of words, the period last
    if names is None or len(names) + 2 != len(groups) or L.column_of(texts[-1]) != "period":
        return None
    if starts is None or len(starts) != len(groups):
        starts = boundaries([(min(w.x0 for w in g), max(w.x1 for w in g)) for g in groups], rows)
    return Columns(["name", *names, "period"], starts, header_text)


def boundaries(spans: list[tuple[float, float]], rows: list[VLine]) -> list[float]:
    """Where each column starts, from the header columns' x ranges (``spans``) and the table's rows: the
    first where the table's leftmost text does, each other in the gutter between its header and the
    previous one."""
    starts = [min([spans[0][0]] + [l.words[0].x0 for l in rows])]
    gaps = [(left, right) for (_, left), (right, _) in zip(spans, spans[1:])]
    runs = [run for line in rows if not _crosses(run_spans := _runs(line), gaps) for run in run_spans]
    by_left: dict[int, list[tuple[float, float]]] = {}    # runs by their left and their right edge:
    by_right: dict[int, list[tuple[float, float]]] = {}   # (that edge, the other)
    for a, b in runs:
        by_left.setdefault(round(a), []).append((a, b))
        by_right.setdefault(round(b), []).append((b, a))
    for (_, left), (right, _) in zip(spans, spans[1:]):
        starts.append(_gutter(left, right, runs, by_left, by_right))
    return starts


def _runs(line: VLine) -> list[tuple[float, float]]:
    """The x ranges of a line's runs of words at a word space (a cell's text, or a stretch of prose)."""
    out: list[list[float]] = []
    for word in line.words:
        if out and word.x0 - out[-1][1] <= CELL_GAP * word.size:
            out[-1][1] = word.x1
        else:
            out.append([word.x0, word.x1])
    return [(a, b) for a, b in out]


def _crosses(runs: list[tuple[float, float]], gaps: list[tuple[float, float]]) -> bool:
    """A run that covers a whole gap between two header columns (``gaps``: where one header ends and the
    next starts) is prose: no cell reaches past its column's boundary, and the next header starts beyond
    it."""
    return any(a <= left + TOLERANCE and b >= right - TOLERANCE for a, b in runs for left, right in gaps)


ALIGNED = 0.75   # points: two runs whose edges lie this close are aligned on that edge


def _gutter(left: float, right: float, runs: list[tuple[float, float]], by_left: dict, by_right: dict) -> float:
    """Where a column ends between a header that ends at ``left`` and the next that starts at ``right``.
    A run of the rows that reaches into this gap from the left belongs to the left column, one that
    reaches out of it to the right to the right column; a run inside the gap goes with the column whose
    cells it is aligned with: sharing its right edge with another run (numbers set right) the left one,
    sharing its left edge (text set left) the right one. The boundary is the middle of the widest white
    stretch between the two columns' runs (or, when they contradict each other, of the widest stretch the
    fewest runs cover)."""
    if right <= left:
        return right
    inside = [(a, b) for a, b in runs if b > left and a < right]
    lo, hi = left, right
    for a, b in inside:
        side = _side(a, b, left, right, by_left, by_right)
        if side < 0:
            lo = max(lo, b)
        elif side > 0:
            hi = min(hi, a)
    if hi <= lo:
        lo, hi = left, right
    cuts = sorted({lo, hi, *(x for a, b in inside for x in (a, b) if lo < x < hi)})
    best = None
    for a, b in zip(cuts, cuts[1:]):
        mid = (a + b) / 2
        key = (sum(1 for x0, x1 in inside if x0 < mid < x1), -(b - a))
        if best is None or key < best[0]:
            best = (key, mid)
    return best[1]


def _aligned(index: dict, edge: float, other: float) -> bool:
    """Is there a run whose edge lies at ``edge`` and whose other edge does not lie at ``other``?"""
    return any(abs(edge - e) <= ALIGNED and abs(other - o) > ALIGNED
               for k in (round(edge) - 1, round(edge), round(edge) + 1) for e, o in index.get(k, ()))


def _side(a: float, b: float, left: float, right: float, by_left: dict, by_right: dict) -> int:
    """-1 when the run (a, b) belongs left of the gap (left, right), 1 when right of it, 0 when unknown."""
    if a < left:
        return -1
    if b > right:
        return 1
    right_edge = _aligned(by_right, b, a)
    left_edge = _aligned(by_left, a, b)
    return -1 if right_edge and not left_edge else 1 if left_edge and not right_edge else 0


def join_words(words: list[Word]) -> str:
    """A cell's words as text: a line that ends in "/" or "-" goes on without a space ("nämnd/" /
    "styrelse", "LSS-" / "boende"), but "vård-" / "och omsorg" keeps its space."""
    return join_lines([w.text for w in words])


SUSPENDED_HYPHEN = {"och", "eller", "samt", "respektive"}


def join_lines(pieces: list[str]) -> str:
    text = ""
    for piece in pieces:
        # (only a line ending in "/" or "-" can go on directly)
        if text and not (text[-1] in "/-" and goes_on_directly(text, piece)):
            text += " "
        text += piece
    return text


def goes_on_directly(before: str, after: str) -> bool:
    """Does a line ending in ``before`` go on without a space into ``after``: after a slash, and after a
    hyphen that ends a word ("LSS-" / "boende"), unless the hyphen is suspended ("vård-" / "och omsorg")."""
    if before.endswith("/"):
        return True
    return (before.endswith("-") and len(before) > 1 and not before[-2].isspace()
            and after.split(" ", 1)[0].lower() not in SUSPENDED_HYPHEN)


def activity_columns(line: VLine, rows: list[VLine] = (), starts: list[float] | None = None) -> Columns:
    """An activity table's columns from its header line, their boundaries in the rows' white space."""
    if starts is None or len(starts) != len(line.words):
        starts = boundaries([(w.x0, w.x1) for w in line.words], rows)
    return Columns(["text", "start", "end", "deviation"][:len(line.words)], starts, " " + line.text)


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
