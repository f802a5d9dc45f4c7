"""The lines of one document as the readers see them: page furniture set aside, where each line went
(its disposition, for the nothing-lost checks), diagnostics, and what kind of block a line starts."""
from __future__ import annotations

from typing import Iterable

from ..words.diagnostics import message
from ..model import VALUE_COLUMNS, Diagnostic
from ..input import labels as L
from .furniture import find_furniture
from .lexicon import Lexicon
from ..input.lines import Line, join_wrapped, lines_and_texts


class LineCursor:
    def __init__(self, text: str, furniture: Iterable[int] = ()) -> None:
        """``furniture``: line numbers known to be page furniture (a PDF read by position knows them)."""
        # the whole text, its lines stripped (``lines.joined_texts``), is searched once for the lines worth
        # a closer look: page furniture and the lines that may open a block (``labels.block_starts``), the
        # only ones the label, marker, section and header patterns need to see
        self.lines, self.joined = lines_and_texts(text)
        self.furniture: set[int] = find_furniture(self.lines, self.joined) | {no - 1 for no in furniture
                                                                               if 0 < no <= len(self.lines)}
        self.dispo: dict[int, str] = {self.lines[i].no: "furniture" for i in self.furniture}
        self.openers: frozenset[int] = frozenset(L.block_starts(self.joined))
        # an indicator table's header as printed, by its text: each table repeats it (and a page break too)
        self._header_lines: dict[str, bool] = {}
        self._header_columns: dict[str, list[str] | None] = {}
        self.diagnostics: list[Diagnostic] = []
        self.columns: list[str] = list(VALUE_COLUMNS)   # of the indicator table being read
        self.end_of_goals = self._find_end_of_goals()
        self._lexicon: Lexicon | None = None

    def join(self, parts: list[Line]) -> str:
        """A wrapped name, title or activity text as one line (``lines.join_wrapped``); where the document's
        line ends say nothing, a word cut by a narrow column is told by the document's own words."""
        if not any(p.blind_end for p in parts):
            return join_wrapped(parts)
        if self._lexicon is None:
            self._lexicon = Lexicon(self.lines)
        return join_wrapped(parts, cut=self._lexicon.cut)

    # ------------------------------------------------------------------ moving about
    def ok(self, i: int) -> bool:
        return 0 <= i < len(self.lines) and i not in self.furniture

    def next_content(self, i: int) -> int:
        """Index of the first non-blank, non-furniture line at or after i (len(lines) if none)."""
        while i < len(self.lines) and (i in self.furniture or not self.lines[i].text):
            i += 1
        return i

    def blank_before(self, i: int) -> bool:
        j = i - 1
        while j >= 0 and j in self.furniture:
            j -= 1
        return j < 0 or not self.lines[j].text

    # ------------------------------------------------------------------ accounting
    def mark(self, i: int, kind: str) -> None:
        """Line i went to ``kind`` (the first reader to claim a line keeps it)."""
        if 0 <= i < len(self.lines):
            line = self.lines[i]
            if line.text:
                self.dispo.setdefault(line.no, kind)

    def unplaced(self, i: int, code: str) -> None:
        """Line i could not be placed: it is accounted for as a diagnostic (whatever it was taken for)."""
        line = self.lines[i]
        self.dispo[line.no] = "diagnostic"
        self.diag(code, line.no, line.text)

    def diag(self, code: str, line: int | None, text: str | None = None) -> None:
        self.diagnostics.append(Diagnostic(line=line, code=code, message=message(code),
                                           text=text[:200] if text else None))

    # ------------------------------------------------------------------ what a line starts
    def label_at(self, i: int) -> tuple[str, str, int] | None:
        """(level, rest of line, index of the label's last line) for a goal label at i, also when the
        extraction split the label over two lines ("KF:s mål för" / "verksamhetsområdet:")."""
        if i not in self.openers:
            return None
        text = self.lines[i].text
        hit = L.goal_label(text)
        if hit:
            return hit[0], hit[1], i
        if L.LABEL_PREFIX.match(text):
            j = self.next_content(i + 1)
            if j < len(self.lines):
                hit = L.goal_label(text + " " + self.lines[j].text)
                if hit:
                    return hit[0], hit[1], j
        return None

    def is_indicator_header(self, i: int) -> bool:
        if i not in self.openers:
            return False
        text = self.lines[i].text
        return bool(L.INDICATOR_HEADER_START.match(text)) and self._header_line(text)

    def _header_line(self, text: str) -> bool:
        """``labels.is_header_word_line(text, lenient=True)``, once per text."""
        got = self._header_lines.get(text)
        if got is None:
            got = self._header_lines[text] = L.is_header_word_line(text, lenient=True)
        return got

    def is_activity_header(self, i: int) -> bool:
        return i in self.openers and bool(L.ACTIVITY_HEADER.match(self.lines[i].text))

    def structural(self, i: int) -> bool:
        """Does line i start a block of its own (label, marker, section, table header, end of goals)?"""
        if i not in self.openers:
            return False    # the end of the goals is one of them too
        text = self.lines[i].text
        return bool(self.label_at(i) or L.marker(text) or L.SECTION.match(text) or self.is_indicator_header(i)
                    or self.is_activity_header(i) or i == self.end_of_goals)

    def skip_indicator_header(self, i: int) -> int:
        """Mark the (possibly 20-line) indicator table header from i and read its columns; return the
        index after it."""
        j = last = i
        words: list[str] = []
        while j < len(self.lines):
            if j in self.furniture or not self.lines[j].text:
                j += 1
                continue
            text = self.lines[j].text
            if j != i and not self._header_line(text):
                break
            self.mark(j, "table-header")
            words.append(text)
            last = j
            j += 1
            if text.split()[-1].lower() == "period":
                break
        header = " ".join(words)
        if header not in self._header_columns:
            self._header_columns[header] = L.header_columns(header)
        self.columns = list(self._header_columns[header] or VALUE_COLUMNS)
        for word in L.unknown_columns(self.columns):
            self.diag("unknown-header-word", self.lines[i].no, word)
        return last + 1

    def skip_activity_header(self, i: int) -> int:
        """Mark the activity table header at i (its last word may have wrapped onto a line of its own)."""
        self.mark(i, "table-header")
        if L.ACTIVITY_HEADER.match(self.lines[i].text).group(1) is None:
            k = self.next_content(i + 1)
            if k < len(self.lines) and self.lines[k].text == "Avvikelse":
                self.mark(k, "table-header")
                return k + 1
        return i + 1

    def _find_end_of_goals(self) -> int:
        """The economy heading that closes the goal part: the first one after the first goal label."""
        openers = sorted(self.openers)
        first_label = next((i for i in openers if i not in self.furniture and L.goal_label(self.lines[i].text)), -1)
        if first_label < 0:
            return -1
        for i in openers:
            if i > first_label and i not in self.furniture and L.END_OF_GOALS.match(self.lines[i].text):
                return i
        return -1


def join_text(lines: list[Line]) -> str:
    """Prose lines as one text that keeps the source's line structure: a line k lines further down in the
    source is k line breaks further on, so that the line of any sentence is the first line plus the line
    breaks before it (claims and quotes need their lines)."""
    if not lines:
        return ""
    first = lines[0].no
    if lines[-1].no - first == len(lines) - 1 and [line.no for line in lines] == list(range(first, first + len(lines))):
        return "\n".join([line.text for line in lines])    # most often: one line after another
    out = [lines[0].text]
    prev = lines[0].no
    for cur in lines[1:]:
        gap = cur.no - prev
        out.append("\n" * gap if gap > 1 else "\n")     # most lines follow the one before
        out.append(cur.text)
        prev = cur.no
    return "".join(out)
