"""Write a PDF's pages as report text in the corpus's line layout, and keep every table row read by position.

The text is what the text parser reads (``auditor parse --dump-text`` prints it), line for line:
- prose as printed, one visual line per text line; a soft-wrapped line ends in a space, and a vertical gap
  wider than about half a line is a blank line;
- page furniture (see ``lines.find_furniture``) where it stands, its line numbers kept so that the parser
  sets it aside without guessing from its words;
- an indicator table's header as one line, and each row as the parser's own layout writes it: the name on
  the lines it is printed on, a blank line, then the cells joined by one space with one more space for each
  empty cell, and the period. The cells of that value line, by column, go into ``positioned`` under its line
  number, so the parser places them exactly instead of inferring their columns;
- an activity table the same way: its text on one line, a blank line, the dates and ``Avvikelse``.
A row is only read by position when every one of its words lies inside one column, it has a name and its
period column holds a period (an activity: its two dates); other lines in a table (an analysis, a heading)
are prose. A page's last row that reaches the bottom of the text area is held until the next page shows
whether the page break cut it (``_TableState.carry``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from operator import attrgetter

from .. import labels as L
from ..lines import name_lines, normalise
from ..values import PERIOD
from .lines import SAME_LINE, VLine, find_furniture, visual_lines
from .text_rows import TextTable, last_run, period_span, starts_row, text_row, text_table
from .tables import (Columns, activity_columns, activity_row, boundaries, cell_lines, goes_on_directly,
                     header_band, header_groups, indicator_columns, indicator_row, is_activity_header,
                     is_header_start, join_lines, join_words)
from .words import Page

BLANK_GAP = 0.55     # a vertical gap above this share of the font size is a blank line (or a new row)


@dataclass
class PdfLayout:
    text: str
    positioned: dict[int, dict[str, str]]   # value line -> column -> cell text (empty cells left out)
    furniture: set[int]                     # line numbers of page furniture
    pages: list[int]                        # the first line number of each page
    tables: int = 0                         # indicator tables whose columns were read by position
    unreadable: int = 0                     # indicator table headers whose columns the geometry did not give
    activity_rows: int = 0                  # activity rows read by position
    lines: list[str] = field(default_factory=list)
    # where each written line stands on its page: (page, x0, top, x1, bottom) in points from the top-left
    # corner; a table row's lines all carry the box of the whole row. The review workspace boxes a finding's
    # row on the page image with it; the parser does not read it.
    boxes: dict[int, tuple[int, float, float, float, float]] = field(default_factory=dict)
    unreadable_at: list[int] = field(default_factory=list)   # the line of each header read as text
    text_rows: set[int] = field(default_factory=set)          # the value line of each row of those tables

    def furniture_by_page(self) -> list[list[str]]:
        """Each page's furniture lines, as text."""
        ends = self.pages[1:] + [len(self.lines) + 1]
        return [[self.lines[no - 1] for no in range(start, end) if no in self.furniture]
                for start, end in zip(self.pages, ends)]

    @property
    def read_by_position(self) -> bool:
        """The geometry found tables it could read (an indicator table's columns, or activity rows): then
        the PDF is read this way (a table whose header it could not read is written as text, on its own),
        else as text. When no indicator table at all has readable columns, the text layer keeps what the
        geometry would lose (the spaces a text-like PDF prints for empty cells): the PDF is read as text."""
        return bool(self.tables) or (bool(self.activity_rows) and not self.unreadable)


class _Writer:
    """Collects the text lines, with blank lines and the trailing space of soft wraps."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.furniture: set[int] = set()
        self.positioned: dict[int, dict[str, str]] = {}
        self.text_rows: set[int] = set()
        self.prose_open = False         # the last content line is prose that a next line may continue
        self.last_content = -1
        self.boxes: dict[int, tuple[int, float, float, float, float]] = {}

    def mark(self, number: int, source: list[VLine] | None) -> None:
        """Keep where line ``number`` stands: the box of the visual lines it was written from (those on the
        first one's page, for a row cut by a page break)."""
        if source:
            self.boxes[number] = _box(source)

    def blank(self) -> None:
        if self.lines and self.lines[-1] != "":
            self.lines.append("")
        self.prose_open = False

    def prose(self, text: str, *, continues: bool, source: list[VLine] | None = None) -> None:
        if continues and self.prose_open and self.last_content >= 0:
            self.lines[self.last_content] += " "
        elif not continues:
            self.blank()
        self.lines.append(text)
        self.mark(len(self.lines), source)
        self.last_content = len(self.lines) - 1
        self.prose_open = True

    def block(self, lines: list[str], source: list[VLine] | None = None) -> int:
        """Lines of their own, after a blank line; returns the number of the first."""
        self.blank()
        first = len(self.lines) + 1
        box = _box(source) if source else None      # every line of the block stands in the same box
        for k, line in enumerate(lines):
            # a soft wrap ends in a space, except inside a word ("nämnd/" / "styrelse", "LSS-" / "boende")
            self.lines.append(line + (" " if k < len(lines) - 1 and not goes_on_directly(line, lines[k + 1])
                                      else ""))
            if box is not None:
                self.boxes[len(self.lines)] = box
        self.last_content = len(self.lines) - 1
        self.prose_open = False
        return first

    def furniture_line(self, text: str) -> None:
        self.lines.append(text)
        self.furniture.add(len(self.lines))


def _box(source: list[VLine]) -> tuple[int, float, float, float, float]:
    """(page, x0, top, x1, bottom) around the visual lines on the first one's page (a line's top and bottom
    are its words')."""
    page = source[0].page
    lines = [line for line in source if line.page == page]
    words = lines[0].words if len(lines) == 1 else [w for line in lines for w in line.words]
    return (page, min(map(_X0, words)), min([line.top for line in lines]), max(map(_X1, words)),
            max([line.bottom for line in lines]))


_X0, _X1 = attrgetter("x0"), attrgetter("x1")


def _is_structure(line: VLine) -> bool:
    """A line of the report's own structure, which is content wherever it stands: a table header (repeated
    at the top of a page), a section heading or an assessment (an ``Analys`` heading left at the foot of a
    page, before its text overleaf, can stand at the same height on several pages of a short report), a
    goal label."""
    text = line.text
    return bool(is_header_start(line) or is_activity_header(line) or L.is_header_word_line(text)
                or L.SECTION.match(text) or L.marker(text) or L.goal_label(text) or L.END_OF_GOALS.match(text))


def _ends_table(line: VLine) -> bool:
    return bool(is_header_start(line) or is_activity_header(line) or L.goal_label(line.text)
                or L.END_OF_GOALS.match(line.text))


def find_headers(content: list[list[VLine]], read_columns: bool = True) \
        -> dict[int, tuple[list[VLine], Columns | None]]:
    """Every table header of the document, by the id of its first line: its lines (an indicator header's
    band around the ``Indikator`` line, an activity header's line) and its columns, their boundaries set
    by the rows that follow it up to the next table or goal (over page breaks); an indicator header's
    columns are None when its geometry does not give them (or ``read_columns`` is false: every indicator
    table read as text, as the fallback reads it)."""
    flat = [line for lines in content for line in lines]
    bands = []
    for i, line in enumerate(flat):
        if is_header_start(line):
            bands.append(header_band(flat, i))
        elif is_activity_header(line):
            bands.append((i, i + 1))
    tables = []
    for k, (first, end) in enumerate(bands):
        stop = end
        next_band = bands[k + 1][0] if k + 1 < len(bands) else len(flat)
        while stop < next_band and not _ends_table(flat[stop]):
            stop += 1
        tables.append((flat[first:end], flat[end:stop]))
    # tables printed with the same header geometry share their columns: their rows together show where
    # the columns' white space lies (one table alone may have a single row)
    shapes = [_shape(band) for band, _ in tables]
    classes: list[tuple[list[tuple[float, float]], list[VLine]]] = []    # a shape and its tables' rows
    of_table = []
    for (_, rows), shape in zip(tables, shapes):
        k = next((k for k, (other, _) in enumerate(classes) if _same_shape(shape, other)), None)
        if k is None:
            k = len(classes)
            classes.append((shape, []))
        classes[k][1].extend(rows)
        of_table.append(k)
    starts = [boundaries(shape, rows) if shape else None for shape, rows in classes]
    out = {}
    for (band, _), k in zip(tables, of_table):
        if is_activity_header(band[0]):
            out[id(band[0])] = (band, activity_columns(band[0], starts=starts[k]))
        else:
            out[id(band[0])] = (band, indicator_columns(band, starts=starts[k]) if read_columns else None)
    return out


def text_tables(headers: dict, content: list[list[VLine]]) -> dict[int, TextTable]:
    """For each indicator table read as text, by the id of its header's first line: what its rows show of
    its columns (``text_rows.text_table``, the rows of the tables with the same header in the same place
    pooled: tables printed alike share their columns, but a browser sizes each table's to its content)."""
    flat = [line for lines in content for line in lines]
    kinds: list[tuple[str, list[tuple[float, float]]]] = []     # each header text and shape met
    pooled: dict[int, list[list[VLine]]] = {}
    of_header: dict[int, int] = {}
    k = 0
    while k < len(flat):
        entry = headers.get(id(flat[k]))
        if entry is None or entry[1] is not None or is_activity_header(flat[k]):
            k += 1
            continue
        band = entry[0]
        text, shape = " ".join(join_words(g) for g in header_groups(band)), _shape(band)
        kind = next((n for n, (t, other) in enumerate(kinds) if t == text and _same_shape(shape, other)), None)
        if kind is None:
            kind = len(kinds)
            kinds.append((text, shape))
        of_header[id(flat[k])] = kind
        k += len(band)
        group: list[VLine] = []
        while k < len(flat) and id(flat[k]) not in headers and not _ends_table(flat[k]):
            line = flat[k]
            if group and (line.page != group[-1].page or L.SECTION.match(line.text)
                          or line.top - group[-1].bottom > BLANK_GAP * line.size):
                pooled.setdefault(kind, []).append(group)
                group = []
            group.append(line)
            k += 1
        if group:
            pooled.setdefault(kind, []).append(group)
    # the columns of the tables read by position, by their names: a table whose header alone is unreadable
    # is printed like them, and its rows may show too few of its columns to give them
    readable: dict[tuple[str, ...], Columns] = {}
    for _, columns in headers.values():
        if columns is not None and columns.names[0] == "name":
            readable.setdefault(tuple(columns.names), columns)
    shared = []     # one per kind of header: a repeated header goes on with its table
    for kind, (text, _) in enumerate(kinds):
        names = L.header_columns(text)
        table = text_table(pooled.get(kind, []), len(names) + 1 if names else 0)
        like = readable.get(("name", *names, "period")) if names else None
        if table.columns is None and like is not None:
            edges = like.starts[1:] + [float("inf")]
            table.columns = list(zip(edges, edges[1:]))
        shared.append(table)
    return {first: shared[kind] for first, kind in of_header.items()}


def _shape(band: list[VLine]) -> list[tuple[float, float]]:
    groups = [[w] for w in band[0].words] if is_activity_header(band[0]) else header_groups(band)
    return [(min(w.x0 for w in g), max(w.x1 for w in g)) for g in groups]


def _same_shape(a: list[tuple[float, float]], b: list[tuple[float, float]]) -> bool:
    return len(a) == len(b) and all(abs(x - y) <= 1.0 for p, q in zip(a, b) for x, y in zip(p, q))


def layout(pages: list[Page], read_columns: bool = True) -> PdfLayout:
    page_lines = [visual_lines(p) for p in pages]
    furniture = find_furniture(pages, page_lines, _is_structure)
    w = _Writer()
    starts: list[int] = []
    state = _TableState()
    contents = [[line for line in lines if id(line) not in furniture] for lines in page_lines]
    # the bottom of the text area: the lowest content line on pages of the same size (an upright page and
    # one across have their own)
    bottoms: dict[tuple[float, float], float] = {}
    for page, content in zip(pages, contents):
        size = (round(page.width), round(page.height))
        bottoms[size] = max([bottoms.get(size, 0.0)] + [line.bottom for line in content])
    state.headers = find_headers(contents, read_columns)
    state.text_tables = text_tables(state.headers, contents)
    for page, lines, content in zip(pages, page_lines, contents):
        starts.append(len(w.lines) + 1)
        state.content_bottom = bottoms[(round(page.width), round(page.height))]
        for line in lines:
            if id(line) in furniture and line.top < page.height / 2:
                w.furniture_line(line.text)
        _page_content(w, content, state)
        for line in lines:
            if id(line) in furniture and line.top >= page.height / 2:
                w.furniture_line(line.text)
    _flush_carry(w, state)
    text = "\n".join(w.lines) + "\n"
    return PdfLayout(text, w.positioned, w.furniture, starts, state.tables, state.unreadable, state.activity_rows,
                     w.lines, w.boxes, state.unreadable_at, w.text_rows)


@dataclass
class _TableState:
    indicator: Columns | None = None
    activity: Columns | None = None
    tables: int = 0
    unreadable: int = 0
    activity_rows: int = 0
    # the last row of a page that runs into the bottom of the text area, held until the next page shows
    # whether the row goes on there (a row cut by the page break is read as one)
    carry: list[VLine] | None = None
    content_bottom: float = 0.0
    headers: dict = field(default_factory=dict)     # find_headers
    unreadable_at: list[int] = field(default_factory=list)   # the text line of each unreadable header
    text_table: bool = False    # the open table is an indicator table read as text (``text_rows``)
    text_tables: dict = field(default_factory=dict)      # text_tables
    as_text: TextTable | None = None                      # the open table's, when it is read as text


# a group this close to the lowest content line of the document (in font sizes) runs into the page break
AT_BOTTOM = 2.6


def _table(state: _TableState):
    """The open table: (its columns, how a row of it is written, how a row of it is read), or None."""
    if state.indicator is not None:
        return state.indicator, _indicator, indicator_row
    if state.activity is not None:
        return state.activity, lambda w, c, lines: _activity(w, c, lines, state), activity_row
    if state.text_table:
        return state.as_text, _text_indicator, lambda _, lines: text_row(lines, min(l.words[0].x0 for l in lines))
    return None


def _flush_carry(w: _Writer, state: _TableState) -> None:
    """The held row on its own: a row if it is one, else its lines as prose."""
    carry, state.carry = state.carry, None
    table = _table(state)
    if carry and not (table is not None and table[1](w, table[0], carry)):
        for line in carry:
            w.prose(line.text, continues=False, source=[line])


def _goes_on(table, carry: list[VLine], group: list[VLine]) -> bool:
    """Is ``group`` (at the top of a page) the rest of the row ``carry`` that the page break cut? Its words
    stand in the columns and it is no label; and it is no whole row of its own, or it is one whose name's
    first lines ``carry`` holds (cells beside the middle of a tall name): then ``carry`` is no row and does
    not end a sentence (the last line of an analysis does)."""
    columns, _, read_row = table
    if columns.cells(group) is None or L.SECTION.match(group[0].text) or L.goal_label(group[0].text):
        return False
    if read_row(columns, group) is None:
        return True
    return read_row(columns, carry) is None and not carry[-1].text.rstrip().endswith((".", "!", "?", ":"))


def _groups(lines: list[VLine], i: int, state: _TableState) -> int:
    """The index after the group of lines from i that follow each other without a gap (one table row),
    up to the next line that begins something else: a goal label, a table header, a section heading
    (``Analys``), the next row. (While a row cut by the page break is held, the lines at the top of the page
    may be its rest, which does not begin at the row's top: their row's end is not reckoned from it.)"""
    j = i + 1
    bottom = lines[i].bottom      # the group's lowest edge so far
    while j < len(lines):
        line, group = lines[j], lines[i:j]
        if not (line.top - bottom <= BLANK_GAP * line.size and not _begins(line, state)
                and not _next_row(state.indicator, group, line)
                and not (state.carry is None and _below_centred_row(state.indicator, group, line))
                and not (state.text_table and _next_text_row(group, line))):
            break
        bottom = max(bottom, line.bottom)
        j += 1
    return j


def _next_text_row(group: list[VLine], line: VLine) -> bool:
    """In a table read as text, does ``line`` start the next row, printed without a gap under ``group``?
    The group is a row ending in its period, and the line starts at the name's left edge with its own
    period's first line where the group's stands (cells at the top), or as far below the period's middle
    as the group's top lies above it (cells in the middle beside a taller name)."""
    left = min(l.words[0].x0 for l in group)
    if not starts_row(line, left):
        return False
    span = period_span(group, left)
    if span is None:
        return False
    x0, top, x1, bottom = span
    last = last_run(line)     # the line's last cell: where the group's period stands, a period's first line
    if last[0].x0 < x1 and last[-1].x1 > x0 and last[0] is not line.words[0]:
        return True
    slack = SAME_LINE * line.size
    return top - group[0].top > slack and line.top >= top + bottom - group[0].top - slack


def _next_row(columns: Columns | None, group: list[VLine], line: VLine) -> bool:
    """Does ``line`` start the next row of an indicator table, printed without a gap under ``group``:
    the group is a whole row (it has its period) and the line has a name and a period of its own."""
    if columns is None or not any(columns.column(w) == len(columns.names) - 1 for w in line.words):
        return False
    if not any(columns.column(w) == 0 for w in line.words):
        return False
    cells = columns.cells(group)
    return cells is not None and PERIOD.match(join_words(cells[-1])) is not None


def _below_centred_row(columns: Columns | None, group: list[VLine], line: VLine) -> bool:
    """Does ``line`` start the next row of an indicator table, printed without a gap under a row whose cells
    stand in the middle of its height beside a taller name: the row's period is whole and stands below the
    row's first line, so the row ends as far below the period's middle as its top lies above it, and
    ``line`` starts there, with a name of its own (cells at the top are ``_next_row``'s case)."""
    if columns is None or not any(columns.column(w) == 0 for w in line.words):
        return False
    cells = columns.cells(group)
    if cells is None or not cells[-1] or PERIOD.match(join_words(cells[-1])) is None:
        return False
    period_top = min(w.top for w in cells[-1])
    period_bottom = max(w.bottom for w in cells[-1])
    slack = SAME_LINE * line.size
    if period_top - group[0].top <= slack:
        return False
    return line.top >= period_top + period_bottom - group[0].top - slack


def _begins(line: VLine, state: _TableState) -> bool:
    return bool(id(line) in state.headers or _ends_table(line) or L.SECTION.match(line.text))


def _page_content(w: _Writer, lines: list[VLine], state: _TableState) -> None:
    i = 0
    prev: VLine | None = None
    while i < len(lines):
        line = lines[i]
        if id(line) in state.headers and not is_activity_header(line):
            band, columns = state.headers[id(line)]
            same = (state.text_table and state.as_text is state.text_tables.get(id(line))) if columns is None \
                else state.indicator is not None and columns.names == state.indicator.names
            if not same:
                _flush_carry(w, state)     # a repeated header keeps a cut row; another table does not
            state.activity = None
            if columns is None:
                # this table alone is read as text: its header as one line, its rows as the text parser
                # reads them (``text_rows``)
                state.unreadable += 1
                state.indicator = None
                state.text_table = True
                state.as_text = state.text_tables.get(id(line))
                state.unreadable_at.append(w.block([" " + " ".join(join_words(g) for g in header_groups(band))],
                                                   source=band))
            else:
                state.tables += 1
                state.indicator = columns
                state.text_table = False
                w.block([" " + columns.header_text], source=band)
            prev, i = band[-1], i + len(band)
            continue
        if is_activity_header(line):
            columns = state.headers[id(line)][1]
            if state.activity is None or columns.names != state.activity.names:
                _flush_carry(w, state)
            state.indicator, state.activity = None, columns
            state.text_table = False
            w.block([columns.header_text], source=[line])
            prev, i = line, i + 1
            continue
        if L.goal_label(line.text) or L.END_OF_GOALS.match(line.text):
            _flush_carry(w, state)
            state.indicator = state.activity = None
            state.text_table = False
        table = _table(state)
        if table is None:
            _flush_carry(w, state)
        else:
            end = _groups(lines, i, state)
            group = lines[i:end]
            carry = state.carry
            if carry is not None:
                state.carry = None
                if _goes_on(table, carry, group) and table[1](w, table[0], carry + group):
                    prev, i = lines[end - 1], end
                    continue
                state.carry = carry
                _flush_carry(w, state)
            starts = prev is None or line.top - prev.bottom > BLANK_GAP * line.size   # not a paragraph's tail
            if starts and end == len(lines) and table[0].cells(group) is not None \
                    and group[-1].bottom >= state.content_bottom - AT_BOTTOM * group[-1].size:
                state.carry = group       # the page's last row reaches its bottom: it may go on overleaf
                prev, i = lines[end - 1], end
                continue
            if table[1](w, table[0], group):
                prev, i = lines[end - 1], end
                continue
        gap = line.top - prev.bottom if prev is not None else 0.0
        w.prose(line.text, continues=prev is None or gap <= BLANK_GAP * line.size, source=[line])
        prev, i = line, i + 1


def _indicator(w: _Writer, columns: Columns, lines: list[VLine]) -> bool:
    cells = indicator_row(columns, lines)
    if cells is None:
        return False
    name_words = columns.cells(lines)[0]
    name = name_lines(cell_lines(name_words))
    w.block(name, source=lines)
    values = [cells.get(col, "") for col in columns.names[1:-1]]
    value_line = " ".join(values) + " " + cells["period"]
    first = w.block([value_line], source=lines)
    w.positioned[first] = {col: normalise(text) for col, text in cells.items() if col != "name"}
    w.blank()
    return True


def _text_indicator(w: _Writer, table: TextTable, lines: list[VLine]) -> bool:
    """A row of a table read as text, written as the text parser reads one (its cells placed by inference)."""
    row = text_row(lines, min(l.words[0].x0 for l in lines))
    if row is None:
        return False
    w.block(name_lines(row.name), source=lines)
    w.text_rows.add(w.block([row.value_line(table.columns)], source=lines))
    w.blank()
    return True


def _activity(w: _Writer, columns: Columns, lines: list[VLine], state: _TableState) -> bool:
    cells = activity_row(columns, lines)
    if cells is None:
        return False
    state.activity_rows += 1
    # the text on one line: its wrapping says nothing, and a wrapped line that ends a sentence could be
    # taken for the end of the text above (the text path's guess for tools without indentation)
    w.block([join_lines(cell_lines(columns.cells(lines)[0]))], source=lines)
    dates = f"{cells['start']} {cells['end']}" + (" Avvikelse" if cells.get("deviation") else "")
    w.block([dates], source=lines)
    w.blank()
    return True
