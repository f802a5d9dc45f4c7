"""Activity rows: a block of text that ends in, or is followed by, its dates line
("2020-01-01 2020-12-31", optionally "Avvikelse")."""
from __future__ import annotations

import re
from datetime import date

from ..model import Activity
from ..input import labels as L
from .cursor import LineCursor
from ..input.lines import Line

MAX_TEXT_LINES = 16


class ActivityRows(LineCursor):
    def try_activity(self, i: int) -> tuple[Activity, int, list[Line]] | None:
        """Read an activity starting at line i. Returns the activity, the index after it, and the lines
        before it that belong to what came before (see ``split_indented_start``)."""
        parts: list[Line] = []
        j = i
        while j < len(self.lines):
            if j in self.furniture:
                j += 1
                continue
            line = self.lines[j]
            if not line.text:
                break
            if self.structural(j):
                return None
            m = L.dates(line.text)
            if m:
                prefix, parts = split_indented_start(parts)
                return self._activity(parts, j, m), j + 1, prefix
            parts.append(line)
            if len(parts) > MAX_TEXT_LINES:
                return None
            j += 1
        k = self.next_content(j)
        if parts and k < len(self.lines):
            m = L.dates(self.lines[k].text)
            if m and not m.group("text"):
                prefix, parts = split_indented_start(parts)
                return self._activity(parts, k, m), k + 1, prefix
        return None

    def _activity(self, parts: list[Line], dates_idx: int, m: re.Match) -> Activity:
        dates_line = self.lines[dates_idx]
        text_lines = list(parts)
        if m.group("text"):
            text_lines.append(Line(dates_line.no, m.group("text") + " ", m.group("text")))
        for p in parts:
            self.dispo.setdefault(p.no, "activity")
        self.mark(dates_idx, "activity")
        first = text_lines[0].no if text_lines else dates_line.no
        return Activity(text=self.join(text_lines), line=first, start=_date(m.group("start")),
                        end=_date(m.group("end")), deviation=bool(m.group("dev")))


def split_indented_start(parts: list[Line]) -> tuple[list[Line], list[Line]]:
    """Rows of a table cell start indented; prose does not. When an unindented block runs straight into an
    indented line, the activity starts at that line and the block before it belongs to what came before."""
    for k in range(len(parts) - 1, 0, -1):
        margin = parts[k - 1].indent   # the prose's own margin, which may not be zero
        if parts[k].indent >= margin + 2 and parts[0].indent <= margin:
            return parts[:k], parts[k:]
    return split_at_narrower_start(parts)


# the activity column is narrower than the page's prose: its lines are this much shorter at the least
NARROWER_BY = 20


def split_at_narrower_start(parts: list[Line]) -> tuple[list[Line], list[Line]]:
    """Without indentation (tools that drop leading spaces), an activity that runs straight on from the
    analysis above it starts after a sentence's end, at a capital letter, where the lines become those of
    the narrower activity column."""
    for k in range(len(parts) - 1, 0, -1):
        before, after = parts[:k], parts[k:]
        if not (before[-1].text.endswith((".", "!", "?")) and after[0].text[:1].isupper()):
            continue
        if max(len(p.text) for p in before) >= max(len(p.text) for p in after) + NARROWER_BY:
            return before, after
    return [], parts


def _date(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None
