"""Rows of an indicator table whose header's geometry does not give its columns, written as the text parser
reads a row (the fallback of a table read as text).

Without columns a row's cells are still where its words stand: the words of a line at a word space are one
run, the runs at the table's left edge are the name, and the other runs whose x ranges overlap are one cell
wrapped over lines (``Tas fram`` / ``av`` / ``nämnd``, ``Tertial 2`` / ``2020``), left to right. Written as
the corpus prints a row (the name on its lines, a blank line, the cells on one line and the period last),
the parser places the cells in the header's columns. A group of lines is such a row only when it has a name
(not a figure: a PDF that draws each text line as one run starts its value lines at the left edge too)
and its last cell is a period.

The table's rows together still show its columns: the cells of all its rows whose x ranges overlap stand
in one column (``text_table``). When they make as many columns as the header names, each row's value
line gets one more space for each empty cell, as a text-like PDF prints it; the parser weighs that
spacing as it does in any text report (it counts only when the report's spaced rows add up to their
header's columns), so the cells are still inferred, not read.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..values import PERIOD
from .lines import VLine
from .tables import TOLERANCE, cell_lines, join_words
from .words import Word


Span = tuple[float, float]

# Two cells of a row stand further apart than this share of the size: wider than a word space in any font
# (a monospaced font's is 0.6, which a text-like PDF sets between every two words), narrower than the
# padding on both sides of a table's cells.
GUTTER = 0.65


@dataclass
class TextRow:
    name: list[str]          # the name's printed lines
    cells: list[str]         # each cell's text, left to right, the period last
    spans: list[Span]        # each cell's x range

    def value_line(self, columns: list[Span] | None) -> str:
        """The cells on one line, the period last: with one more space for each empty column when the
        table's ``columns`` (``text_table``'s, the period's last) place every cell in a column of its own."""
        if columns:
            at = [_column(columns, x0, x1) for x0, x1 in self.spans]
            if None not in at and at == sorted(set(at)) and at[-1] == len(columns) - 1:
                values = [""] * len(columns)
                for k, text in zip(at, self.cells):
                    values[k] = text
                return " ".join(values)
        return " ".join(self.cells)


def _column(columns: list[Span], x0: float, x1: float) -> int | None:
    """The column the cell (x0, x1) lies in most (a cell may reach a point into its neighbour: rounding)."""
    share, k = max((min(x1, b) - max(x0, a), k) for k, (a, b) in enumerate(columns))
    return k if share > 0 else None


def _runs(line: VLine) -> list[list[Word]]:
    out: list[list[Word]] = []
    for word in line.words:
        if out and word.x0 - out[-1][-1].x1 <= GUTTER * word.size:
            out[-1].append(word)
        else:
            out.append([word])
    return out


def _cells(lines: list[VLine], left: float) -> tuple[list[Word], list[tuple[float, float, list[Word]]]]:
    """The name's words (the runs that start at ``left``) and the other runs gathered into cells: runs whose
    x ranges overlap are one cell, the cells left to right."""
    name: list[Word] = []
    cells: list[tuple[float, float, list[Word]]] = []
    for line in lines:
        for run in _runs(line):
            x0, x1 = run[0].x0, run[-1].x1
            if abs(x0 - left) <= TOLERANCE:
                name.extend(run)
                continue
            hits = [k for k, (a, b, _) in enumerate(cells) if x0 < b - TOLERANCE and x1 > a + TOLERANCE]
            if not hits:
                cells.append((x0, x1, list(run)))
                continue
            # the run joins the cells it overlaps (a wide line of a cell can bridge two narrower ones)
            words = [w for k in hits for w in cells[k][2]] + run
            merged = (min([x0] + [cells[k][0] for k in hits]), max([x1] + [cells[k][1] for k in hits]), words)
            cells = [c for k, c in enumerate(cells) if k not in hits] + [merged]
    ordered = sorted(cells, key=lambda c: c[0])
    return name, [(a, b, sorted(c, key=lambda w: (w.page, round(w.top, 1), w.x0))) for a, b, c in ordered]


def text_row(lines: list[VLine], left: float) -> TextRow | None:
    """The row that ``lines`` print, the table's left edge at ``left``: None when they are no row (no name,
    or no period as the last cell)."""
    name, cells = _cells(lines, left)
    if not name or not cells or name[0].text[:1].isdigit():
        return None     # a figure at the left edge: a line of values (a text-like PDF), no name
    texts = [join_words(c) for _, _, c in cells]
    if not PERIOD.match(texts[-1]):
        return None
    return TextRow(cell_lines(name), texts, [(a, b) for a, b, _ in cells])


@dataclass
class TextTable:
    """What a table read as text knows of its columns (``text_table``): where its first value cell starts
    (no word of a row crosses it: a line that does is prose), and the x ranges of its value columns and
    period when its rows show as many as its header names."""
    values_from: float | None
    columns: list[Span] | None

    def cells(self, lines: list[VLine]) -> list | None:
        """Not None when the lines may be (part of) a row: no word crosses into the value columns from the
        name's side (as ``Columns.cells``, whose place this takes for ``layout``'s cut rows)."""
        edge = self.values_from
        if edge is not None and any(w.x0 < edge - TOLERANCE < w.x1 - TOLERANCE for l in lines for w in l.words):
            return None
        return []


def text_table(rows: list[list[VLine]], count: int) -> TextTable:
    """A table's ``TextTable`` from the groups of lines ``rows`` (those that are rows) and the number of
    value columns and period its header names: the ranges of their cells, overlapping ones joined, are
    its columns when they make that many (not when a column is empty in every row, or cells bridge two)."""
    found = [row for group in rows if (row := text_row(group, min(l.words[0].x0 for l in group))) is not None]
    spans = sorted(span for row in found for span in row.spans)
    columns: list[list[float]] = []
    for a, b in spans:
        if columns and a < columns[-1][1] - TOLERANCE:
            columns[-1][1] = max(columns[-1][1], b)
        else:
            columns.append([a, b])
    return TextTable(spans[0][0] if spans else None,
                     [(a, b) for a, b in columns] if len(columns) == count else None)


def period_span(lines: list[VLine], left: float) -> tuple[float, float, float, float] | None:
    """The box (x0, top, x1, bottom) of the period that ends the row ``lines`` print, or None when they do
    not end in one."""
    _, cells = _cells(lines, left)
    if not cells or not PERIOD.match(join_words(cells[-1][2])):
        return None
    words = cells[-1][2]
    return (min(w.x0 for w in words), min(w.top for w in words), max(w.x1 for w in words),
            max(w.bottom for w in words))


def last_run(line: VLine) -> list[Word]:
    """The words of the line's last run (its last cell, in a table row)."""
    return _runs(line)[-1]


def starts_row(line: VLine, left: float) -> bool:
    """Does the line begin with a run at the table's left edge (a name's first line, or a name's next)?"""
    return bool(line.words) and abs(line.words[0].x0 - left) <= TOLERANCE
