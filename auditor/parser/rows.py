"""Indicator rows: the name (one or more lines, possibly sharing its line with the first values), then
value groups up to the period cell; the cells go to their columns in values.py."""
from __future__ import annotations

import re

from ..model import Indicator
from .cursor import LineCursor
from ..input.lines import Line, join_wrapped, lines_starting_with_digit
from .placement import PendingRow, pending_row
from ..input.values import (LONG_CELL_WORDS, NUMBER, PERIOD, UNIT_WORDS, YEAR, completes_cut_word, ends_with_period,
                            is_unit, text_goes_on_after_period, value_groups_to_cells)

# Words that can stand in a value cell besides numbers and units (text targets, periods).
CELL_WORDS = {
    "tas", "fram", "av", "nämnd", "nämnd/", "nämnd/styrelse", "styrelse", "nämnd(/styrelse)", "faststäl",
    "fastställs", "ls", "öka", "ökning", "minska", "minskning", "minskni", "ng", "lägre", "högre", "max", "min",
    "minst", "högst",
    "vb", "tertial", "halvår", "helår", "person", "personer", "er", "+/-", "±", "saknas", "ej", "aktuellt",
    "mätning", "kg", "co2", "per", "livsmed", "el", "livsmedel", "barn/a", "vd.", "barn/avd.", "gwh", "st",
    "kr", "%", "dagar", "ingen", "öka.", "nollvision", "noll", "behålla", "bibehålla", "förbättra",
}
# Units that only ever follow a figure in a cell (a name may say "efter 12 månader" or "dag 1-14").
STRONG_UNITS = {"%", "st", "st.", "kr", "tkr", "mnkr", "gwh", "mwh", "kwh"}
CELL_START = re.compile(r"^(?:[-+−–]?\d|\+/-|±|Tas$|Faststäl|Öka|Ökning|Minsk|Lägre$|Högre$|Max|Min\b|Minst|Högst|Behåll|"
                        r"Bibehåll)",
                        re.I)
DATE_WORD = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_WHOLE_NUMBER = re.compile(r"[-+]?\d+")
_WORD = re.compile(r"\S+")
MAX_NAME_LINES = 14


def cell_word(w: str) -> bool:
    """A word that can stand in a value cell: a figure, a share, a tolerance ("+/-5%"), a cell or unit word,
    or the start of a long cell word cut at the line's end (``values.cut_cell_word``)."""
    if _CELL_FIGURE.fullmatch(w):
        return True
    low = w.lower()
    return low in _CELL_LOWER or low.startswith("barn/")


# ``cell_word`` in one pattern and one set, tried on every word of every line that may be a row: the figures
# (``NUMBER``, a share with its "%" among them) and tolerances; the words, and the starts of the long
# cell words (the words that ``cut_cell_word`` takes: at least four letters, shorter than the whole)
_CELL_FIGURE = re.compile(r"[-+−–]?\d+(?:[.,]\d+)?%?|\+/-\d+(?:[.,]\d+)?%?")
_CELL_LOWER = frozenset(CELL_WORDS) | frozenset(UNIT_WORDS) | frozenset(
    word[:k] for word in LONG_CELL_WORDS for k in range(4, len(word)))


def _units(words: list[str]) -> list[str | None]:
    """The unit of each figure among a row's words: "%" glued or next, a unit word next, else None."""
    out: list[str | None] = []
    for n, w in enumerate(words):
        if NUMBER.match(w) and not YEAR.match(w):
            after = words[n + 1].lower() if n + 1 < len(words) else ""
            out.append("%" if w.endswith("%") else after if after and is_unit(after) else None)
    return out


def _unit_stands_out(rest: list[str]) -> bool:
    """The first figure's unit differs from the one unit that every later figure shares (the period
    left out)."""
    for size in (3, 2, 1):
        if len(rest) > size and PERIOD.match(" ".join(rest[-size:])):
            rest = rest[:-size]
            break
    units = _units(rest)
    later = set(units[1:])
    return len(units) >= 3 and len(later) == 1 and None not in later and units[0] != next(iter(later))


def _word_start(raw: str, k: int) -> int:
    """Where the k-th word (from 0) of ``raw`` starts."""
    for n, m in enumerate(_WORD.finditer(raw)):
        if n == k:
            return m.start()
    raise IndexError(k)


class IndicatorRows(LineCursor):
    """Reads indicator rows; ``pending`` keeps each row's printed cells and its table's columns until the
    whole document is read, when placement.py chooses their columns (the prose and the report's kind take
    part in that choice)."""

    # value line number -> the row's cells by column, from a PDF read by position (set by document.py)
    positioned: dict[int, dict[str, str]] = {}
    # the value lines of every row a PDF's geometry found: those read by position, and those of tables it
    # read as text (their cells inferred, but what is a row's name and what its values is known)
    row_lines: set[int] = set()

    def __init__(self, text: str, furniture=()) -> None:
        super().__init__(text, furniture)
        self.pending: dict[int, PendingRow] = {}
        self.value_line: dict[int, int] = {}    # id(indicator) -> the line number of its first values
        # is_value_line by line index: the margin below asks it of every line that starts with a figure,
        # and the rows ask it again of the same lines (a line's words and the PDF's cells never change)
        self._value_lines: dict[int, bool] = {}
        self.value_indent = self._common_value_indent()

    def _common_value_indent(self) -> int:
        """Spaces that every value line of the document starts with. Leading spaces stand for empty
        cells only beyond this margin (a text indented as a whole must not read as empty cells)."""
        indents = [self.lines[i].indent for i in lines_starting_with_digit(self.joined)
                   if i not in self.furniture and self.is_value_line(i)]
        return min(indents) if indents else 0

    def _unindented(self, line: Line) -> Line:
        if self.value_indent and line.raw.startswith(" " * self.value_indent):
            return Line(line.no, line.raw[self.value_indent:], line.text, line.blind_end)
        return line

    def is_value_line(self, i: int) -> bool:
        got = self._value_lines.get(i)
        if got is None:
            got = self._value_lines[i] = self._holds_values(i)
        return got

    def _holds_values(self, i: int) -> bool:
        if self.row_lines and self.lines[i].no in self.row_lines:
            return True     # the PDF's geometry put these words in value columns
        words = self.lines[i].text.split()
        if not words:
            return False
        if not CELL_START.match(words[0]):
            return PERIOD.match(self.lines[i].text) is not None or (
                words[0].lower() in ("vb", "tertial", "halvår") and len(words) <= 3)
        if DATE_WORD.match(words[0]):
            return False
        return all(cell_word(w) for w in words)

    def split_name_values(self, i: int) -> int | None:
        """For a line holding the indicator name and then its first values ("Sjukfrånvaro 7,8 % 4,8 % ..."),
        the character offset in ``raw`` where the values start."""
        raw = self.lines[i].raw
        words = raw.split()     # the words of ``_WORD``: both split at what str.isspace calls a space
        # the values can start only where every word after is a cell word: from ``start`` on (the words are
        # tried from the end, where a line of prose fails at once)
        start = len(words)
        while start and cell_word(words[start - 1]):
            start -= 1
        if not start:
            return None   # cells all along (or no words): a line of values, with no name in front of them
        first_cut = None
        for k in range(start, len(words)):
            if not NUMBER.match(words[k]):
                continue
            rest = words[k:]
            ends_period = PERIOD.match(" ".join(rest[-2:])) or YEAR.match(rest[-1])
            # figures besides the period's year: "… rapportering 2020" is a sentence, not a row
            nums = sum(1 for x in rest if NUMBER.match(x)) - (1 if ends_period else 0)
            if nums < 1:
                continue
            wraps = self.lines[i].ends_with_space or not ends_period
            if nums >= 2 or ends_period or (wraps and nums >= 1 and self._continues_with_cell(i, rest[0])):
                if not _unit_stands_out(rest):
                    return _word_start(raw, k)
                # "… inom 14 dagar 92 % 93 % …": a first figure in another unit than all the cells after
                # it ends the name; the cells begin at the next cut
                first_cut = _word_start(raw, k) if first_cut is None else first_cut
        return first_cut

    def _name_by_position(self, j: int) -> bool:
        """Line j begins a block of lines (a name, as a PDF read by position writes it) whose next content
        line holds the cells the geometry read."""
        if not self.row_lines:
            return False
        k = j
        while k < len(self.lines) and self.lines[k].text:
            k += 1
        nxt = self.next_content(k)
        return nxt < len(self.lines) and self.lines[nxt].no in self.row_lines

    def _values_follow(self, j: int) -> bool:
        """The next line with content after line j is a line of values."""
        nxt = self.next_content(j + 1)
        return nxt < len(self.lines) and self.is_value_line(nxt)

    def _continues_with_cell(self, i: int, number: str) -> bool:
        """The line after i (same block) continues a value cell: a unit, a wrapped text target or a period.
        A whole number followed by a plain word is more likely the name going on ("efter 12" / "månader")."""
        j = i + 1
        while j < len(self.lines) and j in self.furniture:
            j += 1
        if j >= len(self.lines) or not self.lines[j].text:
            return False
        words = self.lines[j].text.split()
        if not (len(words) <= 3 and all(cell_word(w) for w in words)):
            return False
        if _WHOLE_NUMBER.fullmatch(number):
            first = words[0].lower()
            return first in STRONG_UNITS or "/" in first or first in ("tas", "vb", "tertial", "faststäl")
        return True

    def try_row(self, i: int, strict: bool) -> tuple[Indicator, int, list[Line]] | None:
        """Read an indicator row starting at line i. Returns the indicator, the index after it, and the
        lines before its name that turned out to be the tail of the row before a page break. ``strict``
        (after an analysis) asks the name to look like a table cell, not prose."""
        got = self._read_name(i, strict)
        if got is None:
            return None
        name_parts, orphan, first_values, j = got
        groups, value_idx, j, done = self._read_values(j, first_values)
        if not groups or (strict and not done):
            return None
        tail = self._name_tail(j) if done else []
        if tail:
            name_parts = name_parts + [self.lines[k] for k in tail]
            j = tail[-1] + 1
        name = self.join(name_parts)
        if not name:
            return None
        row = pending_row(value_groups_to_cells(groups), self.columns)
        # the cells are placed once the whole document is read (placement.py, from document.py)
        ind = Indicator(name=name, line=name_parts[0].no, period=row.period)
        self.pending[id(ind)] = row
        if value_idx:
            self.value_line[id(ind)] = self.lines[value_idx[0]].no
        if not done:
            ind.columns_certain = False
            ind.notes.append("no period cell found")
            self.diag("row-incomplete", name_parts[0].no, name)
        for p in name_parts + orphan:
            self.dispo.setdefault(p.no, "indicator")
        for k in value_idx:
            self.mark(k, "indicator")
        return ind, j, orphan

    def spacing_hints(self) -> bool:
        """Does this extraction mark empty cells with extra spaces? Only then is a row's spacing evidence:
        many PDF tools print every gap as a single space. Where it does, the rows with empty cells add up:
        printed cells plus the empty cells their spaces stand for fill the table's columns."""
        short = [r for r in self.pending.values() if r.short]
        fitting = sum(1 for r in short if r.fits)
        return fitting >= 1 and fitting >= 0.5 * len(short)

    def _read_name(self, i: int, strict: bool):
        name_parts: list[Line] = []
        orphan: list[Line] = []
        j = i
        while j < len(self.lines):
            if j in self.furniture or not self.lines[j].text:
                j += 1
                continue
            if self.structural(j):
                return None
            if name_parts and self.blank_before(j) and self.lines[j].text[:1].isupper() \
                    and not orphan and name_parts[0].text[:1].islower():
                # a lower-case block and then a capitalised one: the first is the tail of the row
                # before a page break, the second starts this row
                orphan, name_parts = name_parts, []
            if self.is_value_line(j):
                # values before any name: no row starts here (its name was not read, see the diagnostics)
                return (name_parts, orphan, None, j) if name_parts else None
            text = self.lines[j].text
            if strict and self._name_by_position(j):
                strict = False    # the PDF's geometry read these lines as a row's name column
            if strict and not name_parts and (text[0].islower() or text.endswith(".")):
                return None   # a sentence going on, not the first line of a name
            cut = self.split_name_values(j)
            if cut is not None:
                line = self.lines[j]
                name_parts.append(Line(line.no, line.raw[:cut], line.raw[:cut].strip(), line.blind_end))
                return name_parts, orphan, (j, Line(line.no, line.raw[cut:], line.raw[cut:].strip(), line.blind_end)), j
            if strict and len(text) > 48:
                return None
            if len(name_parts) >= MAX_NAME_LINES:
                return None
            if len(text) > 90 and (text.endswith(".") or not self._values_follow(j)):
                return None   # prose; a long name printed on one line is followed by its values
            name_parts.append(self.lines[j])
            j += 1
        return None

    def _read_values(self, j: int, first_values):
        """Value groups from line j (or from the values sharing the name's line) up to the period cell.
        A cell cut by a page break inside a word ("nämnd/styrels" / page header / "e") goes on after the
        page furniture."""
        groups: list[list[Line]] = []
        value_idx: list[int] = []
        if first_values is not None:
            at, head = first_values
            group = [head]
            value_idx.append(at)
            k = at + 1
            while k < len(self.lines) and self.ok(k) and self.lines[k].text and not self.structural(k):
                group.append(self.lines[k])
                value_idx.append(k)
                k += 1
            groups.append(group)
            j = k
        done = bool(groups) and ends_with_period(groups)
        while not done and len(groups) < 10:
            k = self.next_content(j)
            if k >= len(self.lines) or self.structural(k):
                break
            if groups and completes_cut_word(join_wrapped(groups[-1]), self.lines[k].text):
                groups[-1].append(self.lines[k])
                value_idx.append(k)
                j = k + 1
                done = ends_with_period(groups)
                continue
            if not self.is_value_line(k):
                break
            group = [self._unindented(self.lines[k])]
            value_idx.append(k)
            m = k + 1
            while m < len(self.lines) and (m in self.furniture or self.lines[m].text):
                if m in self.furniture:
                    m += 1
                    continue
                if self.structural(m):
                    break
                if ends_with_period(groups + [group]) and self._name_goes_on(m) \
                        and not text_goes_on_after_period(group + [self.lines[m]]):
                    break   # the row's name wraps around its values: the rest is read as the name
                group.append(self.lines[m])
                value_idx.append(m)
                m += 1
            groups.append(group)
            j = m
            done = ends_with_period(groups)
        return groups, value_idx, j, done

    def _name_goes_on(self, m: int) -> bool:
        """After a complete row, a line of the same block that starts in lower case and is no cell is
        the rest of the row's name (the extraction printed the values beside the middle of a tall name)."""
        text = self.lines[m].text
        return bool(text) and text[0].islower() and not all(cell_word(w) for w in text.split())

    def _name_tail(self, j: int) -> list[int]:
        """The lines from j that finish the name of the row just read (see ``_name_goes_on``)."""
        out = []
        while j < len(self.lines) and (j in self.furniture or self.lines[j].text):
            if j not in self.furniture:
                if self.structural(j) or not (out or self._name_goes_on(j)):
                    break
                out.append(j)
            j += 1
        return out
