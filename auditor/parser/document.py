"""The document walk: a small state machine over the lines, after page furniture is taken out.

Blocks are recognised by their labels (goal labels, assessment markers, "Analys", table headers, the
dates of an activity row) rather than by position. Every line ends up somewhere: in a field of the
model, as recognised furniture or table header, or in a diagnostic.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ..diagnostics import message
from ..model import VALUE_COLUMNS, Activity, Diagnostic, Goal, Indicator, Paragraph, Report, TextSection
from . import labels as L
from .furniture import find_furniture
from .hints import refine
from .lines import Line, join_wrapped, split_lines
from .meta import read_meta
from .values import NUMBER, PERIOD, UNIT_WORDS, YEAR, assign_columns, value_groups_to_cells

LEVEL_RANK = {"inriktningsmal": 0, "verksamhetsomradesmal": 1, "namndmal": 2, "enhetsmal": 3}

# Words that can stand in a value cell besides numbers and units (text targets, periods).
CELL_WORDS = {
    "tas", "fram", "av", "nämnd", "nämnd/", "nämnd/styrelse", "styrelse", "nämnd(/styrelse)", "faststäl",
    "fastställs", "ls", "öka", "ökning", "minska", "minskning", "minskni", "ng", "max", "min", "minst", "högst",
    "vb", "tertial", "halvår", "helår", "person", "personer", "er", "+/-", "±", "saknas", "ej", "aktuellt",
    "mätning", "kg", "co2", "per", "livsmed", "el", "livsmedel", "barn/a", "vd.", "barn/avd.", "gwh", "st",
    "kr", "%", "dagar", "ingen", "öka.", "nollvision", "noll", "behålla", "bibehålla", "förbättra",
}
# Units that only ever follow a figure in a cell (a name may say "efter 12 månader" or "dag 1-14").
STRONG_UNITS = {"%", "st", "st.", "kr", "tkr", "mnkr", "gwh", "mwh", "kwh"}
CELL_START = re.compile(r"^(?:[-+−–]?\d|\+/-|±|Tas$|Faststäl|Öka|Ökning|Minsk|Max|Min\b|Minst|Högst|Behåll|Bibehåll)",
                        re.I)


@dataclass
class _Row:
    indicator: Indicator
    name_lines: list[Line] = field(default_factory=list)


class DocumentParser:
    def __init__(self, text: str, source: str) -> None:
        self.source = source
        self.lines = split_lines(text)
        self.furniture = find_furniture(self.lines)
        self.dispo: dict[int, str] = {}
        self.diagnostics: list[Diagnostic] = []
        self.goals: list[Goal] = []
        self.narrative: list[Paragraph] = []
        self.stack: list[Goal] = []
        self.by_meaning: dict[int, list] = {}
        self.columns: list[str] = list(VALUE_COLUMNS)   # of the indicator table being read
        for i in self.furniture:
            self.dispo[self.lines[i].no] = "furniture"

    # ------------------------------------------------------------------ line helpers
    def ok(self, i: int) -> bool:
        return 0 <= i < len(self.lines) and i not in self.furniture

    def next_content(self, i: int) -> int:
        """Index of the first non-blank, non-furniture line at or after i (len(lines) if none)."""
        while i < len(self.lines) and (i in self.furniture or self.lines[i].blank):
            i += 1
        return i

    def blank_before(self, i: int) -> bool:
        j = i - 1
        while j >= 0 and j in self.furniture:
            j -= 1
        return j < 0 or self.lines[j].blank

    def mark(self, i: int, kind: str) -> None:
        if 0 <= i < len(self.lines) and not self.lines[i].blank:
            self.dispo.setdefault(self.lines[i].no, kind)

    def unplaced(self, i: int, code: str) -> None:
        """Line i could not be placed: it is accounted for as a diagnostic (whatever it was taken for)."""
        line = self.lines[i]
        self.dispo[line.no] = "diagnostic"
        self.diag(code, line.no, line.text)

    def diag(self, code: str, line: int | None, text: str | None = None) -> None:
        self.diagnostics.append(Diagnostic(line=line, code=code, message=message(code),
                                           text=text[:200] if text else None))

    # ------------------------------------------------------------------ classification
    def label_at(self, i: int) -> tuple[str, str, int] | None:
        """(level, rest of line, index of the last line of the label) for a goal label at i."""
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
        text = self.lines[i].text
        if not L.INDICATOR_HEADER_START.match(text):
            return False
        return L.is_header_word_line(text)

    def is_activity_header(self, i: int) -> bool:
        return bool(L.ACTIVITY_HEADER.match(self.lines[i].text))

    def structural(self, i: int) -> bool:
        text = self.lines[i].text
        return bool(self.label_at(i) or L.marker(text) or L.SECTION.match(text) or self.is_indicator_header(i)
                    or self.is_activity_header(i) or i == self.end_of_goals)

    def skip_indicator_header(self, i: int) -> int:
        """Mark the (possibly 20-line) indicator table header from i, read its columns; return the index
        after it."""
        j = i
        last = i
        words: list[str] = []
        while j < len(self.lines):
            if j in self.furniture or self.lines[j].blank:
                j += 1
                continue
            text = self.lines[j].text
            if j != i and not L.is_header_word_line(text):
                break
            self.mark(j, "table-header")
            words.append(text)
            last = j
            j += 1
            if text.split()[-1].lower() == "period":
                break
        self.columns = L.header_columns(" ".join(words)) or list(VALUE_COLUMNS)
        return last + 1

    # ------------------------------------------------------------------ values
    def is_value_line(self, i: int) -> bool:
        line = self.lines[i]
        words = line.text.split()
        if not words:
            return False
        if not CELL_START.match(words[0]):
            return PERIOD.match(line.text) is not None or (
                words[0].lower() in ("vb", "tertial", "halvår") and len(words) <= 3)
        if DATE_RE.match(words[0]):
            return False
        return all(self._cell_word(w) for w in words)

    @staticmethod
    def _cell_word(w: str) -> bool:
        low = w.lower()
        return bool(NUMBER.match(w) or low in CELL_WORDS or low in UNIT_WORDS or re.fullmatch(r"[-+]?\d+(?:[.,]\d+)?%", w)
                    or re.fullmatch(r"\+/-\d+(?:[.,]\d+)?%?", w) or low.startswith("barn/") or low == "%")

    def split_name_values(self, i: int) -> int | None:
        """For a line holding the indicator name and then its first values ("Sjukfrånvaro 7,8 % 4,8 % ..."),
        the character offset in ``raw`` where the values start."""
        raw = self.lines[i].raw
        matches = list(re.finditer(r"\S+", raw))
        for k in range(1, len(matches)):
            w = matches[k].group()
            if not NUMBER.match(w):
                continue
            rest = [m.group() for m in matches[k:]]
            if not all(self._cell_word(x) for x in rest):
                continue
            nums = sum(1 for x in rest if NUMBER.match(x))
            ends_period = PERIOD.match(" ".join(rest[-2:])) or YEAR.match(rest[-1])
            wraps = self.lines[i].ends_with_space or not ends_period
            if nums >= 2 or ends_period or (wraps and nums >= 1 and self._continues_with_cell(i, rest[0])):
                # the name must not end in a number-like word itself ("dag 1-14" is fine)
                return matches[k].start()
        return None

    def _continues_with_cell(self, i: int, number: str) -> bool:
        """The line after i (same block) continues a value cell: a unit, a wrapped text target or a period.
        A whole number followed by a plain word is more likely the name going on ("efter 12" / "månader")."""
        j = i + 1
        while j < len(self.lines) and j in self.furniture:
            j += 1
        if j >= len(self.lines) or self.lines[j].blank:
            return False
        words = self.lines[j].text.split()
        if not (len(words) <= 3 and all(self._cell_word(w) or w.lower() in UNIT_WORDS for w in words)):
            return False
        if re.fullmatch(r"[-+]?\d+", number):
            first = words[0].lower()
            return first in STRONG_UNITS or "/" in first or first in ("tas", "vb", "tertial", "faststäl")
        return True

    # ------------------------------------------------------------------ indicator rows
    def try_row(self, i: int, strict: bool) -> tuple[Indicator, int, list[Line]] | None:
        """Read an indicator row starting at line i: name lines, then value groups up to the period.
        ``strict`` (after an analysis) asks the name to look like a table cell, not prose."""
        name_parts: list[Line] = []
        orphan: list[Line] = []
        j = i
        first_values: Line | None = None
        while j < len(self.lines):
            if j in self.furniture or self.lines[j].blank:
                j += 1
                continue
            if self.structural(j):
                return None
            if name_parts and self.blank_before(j) and self.lines[j].text[:1].isupper() \
                    and not orphan and name_parts[0].text[:1].islower():
                # a lower-case block and then a capitalised one: the first is the tail of the row
                # before a page break, the second starts this row
                orphan, name_parts = name_parts, []
            if self.is_value_line(j) and name_parts:
                break
            cut = self.split_name_values(j)
            if cut is not None:
                line = self.lines[j]
                name_parts.append(Line(line.no, line.raw[:cut], line.raw[:cut].strip()))
                first_values = Line(line.no, line.raw[cut:], line.raw[cut:].strip())
                break
            text = self.lines[j].text
            if strict and (len(text) > 48 or (not name_parts and (text[0].islower() or text.endswith(".")))):
                return None
            if len(text) > 90 or len(name_parts) >= 14:
                return None
            name_parts.append(self.lines[j])
            j += 1
        else:
            return None
        if not name_parts:
            return None
        groups: list[list[Line]] = []
        value_idx: list[int] = []
        if first_values is not None:
            k = j + 1
            group = [first_values]
            while k < len(self.lines) and self.ok(k) and not self.lines[k].blank and not self.structural(k):
                group.append(self.lines[k])
                value_idx.append(k)
                k += 1
            groups.append(group)
            value_idx.append(j)
            j = k
        done = bool(groups) and self._ends_with_period(groups)
        while not done and len(groups) < 10:
            k = self.next_content(j)
            if k >= len(self.lines) or self.structural(k) or not self.is_value_line(k):
                break
            group = [self.lines[k]]
            value_idx.append(k)
            m = k + 1
            while m < len(self.lines) and (m in self.furniture or not self.lines[m].blank):
                if m in self.furniture:
                    m += 1
                    continue
                if self.structural(m):
                    break
                group.append(self.lines[m])
                value_idx.append(m)
                m += 1
            groups.append(group)
            j = m
            done = self._ends_with_period(groups)
        if not groups:
            return None
        if strict and not done:
            return None
        readings = value_groups_to_cells(groups)
        row = assign_columns(readings, self.columns)
        name_line_objs = [p for p in name_parts]
        name = _join_name(name_line_objs)
        if not name:
            return None
        ind = Indicator(name=name, line=name_parts[0].no, period=row.period, columns_certain=row.certain,
                        **row.cells)
        if row.note:
            ind.notes.append(row.note)
        if row.by_meaning:
            self.by_meaning[id(ind)] = (row.by_meaning, tuple(self.columns))
        if not done:
            ind.columns_certain = False
            ind.notes.append("no period cell found")
            self.diag("row-incomplete", name_parts[0].no, name)
        for p in name_parts + orphan:
            self.dispo.setdefault(p.no, "indicator")
        for k in value_idx:
            self.mark(k, "indicator")
        return ind, j, orphan

    @staticmethod
    def _ends_with_period(groups: list[list[Line]]) -> bool:
        last = groups[-1]
        text = join_wrapped(last)
        words = text.split()
        if not words:
            return False
        for n in (3, 2, 1):
            if len(words) >= n and PERIOD.match(" ".join(words[-n:])):
                # a lone year right after a text target ("Fastställs 2020") is part of that text
                if n == 1 and len(words) >= 2 and words[-2].lower().startswith("fastst"):
                    continue
                return True
        return False

    # ------------------------------------------------------------------ activity rows
    def try_activity(self, i: int) -> tuple[Activity, int, list[Line]] | None:
        """An activity: one block of text lines that ends in (or is followed by) its dates line."""
        parts: list[Line] = []
        j = i
        while j < len(self.lines):
            if j in self.furniture:
                j += 1
                continue
            line = self.lines[j]
            if line.blank:
                break
            if self.structural(j):
                return None
            m = L.DATES.match(line.text)
            if m:
                prefix, parts = _split_indented_start(parts, line)
                return self._activity(parts, j, m), j + 1, prefix
            parts.append(line)
            if len(parts) > 16:
                return None
            j += 1
        k = self.next_content(j)
        if parts and k < len(self.lines):
            m = L.DATES.match(self.lines[k].text)
            if m and not m.group("text"):
                prefix, parts = _split_indented_start(parts, None)
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
        return Activity(text=join_wrapped(text_lines), line=first, start=_date(m.group("start")),
                        end=_date(m.group("end")), deviation=bool(m.group("dev")))

    # ------------------------------------------------------------------ goals
    def read_goal(self, i: int, level: str, rest: str, label_end: int) -> int:
        """Read a goal label, its title and its marker; return the index after them."""
        self.mark(i, "goal")
        self.mark(label_end, "goal")
        title_parts: list[Line] = []
        if rest:
            raw = self.lines[label_end].raw
            title_parts.append(Line(self.lines[label_end].no, raw[len(raw) - len(raw.lstrip()):], rest))
            # keep the trailing space information of the label line
            title_parts[-1] = Line(self.lines[label_end].no, rest + (" " if raw.endswith(" ") else ""), rest)
        j = label_end + 1
        candidates: list[int] = []
        assessment = None
        marker_idx = None
        while j < len(self.lines) and len(candidates) <= 4:
            if j in self.furniture or self.lines[j].blank:
                j += 1
                continue
            text = self.lines[j].text
            mk = L.marker(text)
            if mk:
                assessment, marker_idx = mk, j
                break
            if self.structural(j):
                break
            candidates.append(j)
            j += 1
        if marker_idx is not None and len(candidates) <= 3:
            title_parts += [self.lines[c] for c in candidates]
            after = marker_idx + 1
            self.mark(marker_idx, "goal")
        else:
            assessment = None
            used = []
            if not title_parts and candidates:
                used.append(candidates[0])
            for c in candidates[len(used):]:
                if self.lines[c].text[:1].islower() and (used or title_parts):
                    used.append(c)
                else:
                    break
            title_parts += [self.lines[c] for c in used]
            after = (used[-1] + 1) if used else label_end + 1
        for p in title_parts:
            self.dispo.setdefault(p.no, "goal")
        title = join_wrapped(title_parts)
        number, title = L.split_number(title)
        line_no = title_parts[0].no if title_parts else self.lines[i].no
        while self.stack and LEVEL_RANK[self.stack[-1].level] >= LEVEL_RANK[level]:
            self.stack.pop()
        parent = self.stack[-1].id if self.stack else None
        goal = Goal(id=f"g{len(self.goals) + 1}", parent=parent, level=level, number=number, title=title,
                    line=line_no, assessment=assessment)
        if not title:
            self.diag("goal-without-title", self.lines[i].no)
        self.goals.append(goal)
        self.stack.append(goal)
        return after

    # ------------------------------------------------------------------ the walk
    def find_end_of_goals(self) -> int:
        """The economy heading that closes the goal part: the first one after the first goal label."""
        first_label = next((i for i, line in enumerate(self.lines)
                            if i not in self.furniture and line.text and L.goal_label(line.text)), -1)
        if first_label < 0:
            return -1
        for i in range(first_label + 1, len(self.lines)):
            if i not in self.furniture and L.END_OF_GOALS.match(self.lines[i].text):
                return i
        return -1

    def parse(self) -> Report:
        self.end_of_goals = -2
        self.end_of_goals = self.find_end_of_goals()
        n = len(self.lines)
        i = 0
        mode = "pre"           # pre | goal | ind | ind-analysis | act | act-analysis | post
        section: TextSection | None = None
        text_target: list | None = None   # where plain text lines go in the current mode
        row_obj = None                      # the indicator/activity whose analysis is being read
        after_header = False                # a table header was just passed (page break or table start)
        para: list[Line] = []

        def flush_para():
            nonlocal para
            if para:
                self._paragraph(para, "post" if mode == "post" else "pre")
                para = []

        analysis_buf: list[Line] = []

        def flush_analysis():
            nonlocal analysis_buf, row_obj
            if analysis_buf and row_obj is not None:
                text = _join_text(analysis_buf)
                row_obj.analysis = (row_obj.analysis + "\n" + text) if row_obj.analysis else text
            analysis_buf = []

        section_buf: list[Line] = []

        def flush_section():
            nonlocal section_buf, section
            goal = self.goals[-1] if self.goals else None
            if goal is not None and section_buf:
                text = _join_text(section_buf)
                if section is None or section.label.lower() == "analys":
                    goal.analysis = (goal.analysis + "\n" + text) if goal.analysis else text
                    if goal.analysis_line is None:
                        goal.analysis_line = section.line if section else section_buf[0].no
                else:
                    section.text = (section.text + "\n" + text) if section.text else text
            section_buf = []

        while i < n:
            if i in self.furniture:
                i += 1
                continue
            line = self.lines[i]
            if line.blank:
                if mode in ("pre", "post"):
                    # a paragraph goes on over one blank line when its sentence is not finished
                    if para and re.search(r"[.!?:]\s*$", para[-1].text):
                        flush_para()
                i += 1
                continue
            text = line.text

            if i == self.end_of_goals:
                flush_analysis()
                flush_section()
                flush_para()
                mode = "post"
                self.mark(i, "narrative")
                para = [line]
                i += 1
                continue

            if mode != "post":
                lab = self.label_at(i)
                if lab:
                    flush_analysis()
                    flush_section()
                    flush_para()
                    level, rest, end = lab
                    i = self.read_goal(i, level, rest, end)
                    mode, section, row_obj, after_header = "goal", None, None, False
                    continue

            if mode == "pre" or mode == "post":
                self.mark(i, "narrative")
                para.append(line)
                i += 1
                continue

            goal = self.goals[-1]

            if self.is_indicator_header(i):
                flush_section()
                i = self.skip_indicator_header(i)
                if mode not in ("ind", "ind-analysis"):
                    flush_analysis()
                    mode, row_obj = "ind", None
                after_header = True
                continue
            if self.is_activity_header(i):
                flush_section()
                self.mark(i, "table-header")
                i += 1
                k = self.next_content(i)
                if k < n and self.lines[k].text == "Avvikelse" and not L.ACTIVITY_HEADER.match(line.text).group(1):
                    self.mark(k, "table-header")  # the last header word wrapped onto a line of its own
                    i = k + 1
                if mode not in ("act", "act-analysis"):
                    flush_analysis()
                    mode, row_obj = "act", None
                after_header = True
                continue

            mk = L.marker(text)
            if mk and mode == "goal" and goal.assessment is None:
                goal.assessment = mk
                self.mark(i, "goal")
                i += 1
                continue

            sec = L.SECTION.match(text)
            if sec:
                label = sec.group(1)
                self.mark(i, "section-label")
                if label.lower() == "analys" and mode in ("ind", "ind-analysis", "act", "act-analysis") \
                        and row_obj is not None:
                    if mode in ("ind", "act"):
                        mode = mode + "-analysis"
                    if row_obj.analysis_line is None:
                        row_obj.analysis_line = line.no
                    i += 1
                    continue
                flush_analysis()
                flush_section()
                mode, row_obj = "goal", None
                section = TextSection(label=label[0].upper() + label[1:].lower(), line=line.no, text="")
                if section.label.lower() != "analys":
                    goal.sections.append(section)
                i += 1
                continue

            if mode == "goal":
                self.mark(i, "goal-text")
                section_buf.append(line)
                i += 1
                continue

            if mode in ("ind", "ind-analysis"):
                strict = mode == "ind-analysis"
                can_start = mode == "ind" or after_header or self.blank_before(i) or line.raw.startswith("  ")
                got = self.try_row(i, strict=strict) if can_start else None
                if got:
                    flush_analysis()
                    ind, i, orphan = got
                    if orphan and row_obj is not None and goal.indicators and row_obj is goal.indicators[-1]:
                        row_obj.name = join_wrapped([Line(0, row_obj.name + " ", row_obj.name)] + orphan)
                    else:
                        for o in orphan:
                            self.unplaced(o.no - 1, "unplaced-before-row")
                    goal.indicators.append(ind)
                    row_obj, mode, after_header = ind, "ind", False
                    continue
                if mode == "ind-analysis":
                    self.mark(i, "indicator-analysis")
                    analysis_buf.append(line)
                    after_header = False
                elif row_obj is not None and after_header and not row_obj.analysis:
                    # the rest of a name that a page break cut off after the values
                    row_obj.name = row_obj.name + " " + text
                    self.mark(i, "indicator")
                else:
                    self.unplaced(i, "unplaced-indicator-table")
                i += 1
                continue

            if mode == "act" and text == "Avvikelse" and row_obj is not None and not row_obj.deviation:
                # the deviation flag wrapped onto a line of its own below the dates
                row_obj.deviation = True
                self.mark(i, "activity")
                i += 1
                continue
            if mode in ("act", "act-analysis"):
                got = self.try_activity(i) if (mode == "act" or self.blank_before(i) or after_header) else None
                if got:
                    act, i, prefix = got
                    if prefix and mode == "act-analysis":
                        analysis_buf.extend(prefix)
                        for p in prefix:
                            self.dispo[p.no] = "activity-analysis"
                    else:
                        for p in prefix:
                            self.unplaced(p.no - 1, "unplaced-before-row")
                    flush_analysis()
                    goal.activities.append(act)
                    row_obj, mode, after_header = act, "act", False
                    continue
                if mode == "act-analysis":
                    self.mark(i, "activity-analysis")
                    analysis_buf.append(line)
                    after_header = False
                elif row_obj is not None and not row_obj.analysis:
                    # text after the dates: the rest of an activity that a page break split
                    row_obj.text = join_wrapped([Line(0, row_obj.text + " ", row_obj.text), line])
                    self.mark(i, "activity")
                else:
                    self.unplaced(i, "unplaced-activity-table")
                i += 1
                continue
            i += 1

        flush_analysis()
        flush_section()
        flush_para()
        for goal in self.goals:
            for ind in goal.indicators:
                if id(ind) in self.by_meaning:
                    refine(ind, goal, *self.by_meaning[id(ind)])
        meta = read_meta(self.lines, self.furniture, self.goals)
        report = Report(source=self.source, goals=self.goals, narrative=self.narrative,
                        diagnostics=self.diagnostics, line_count=len(self.lines), **meta)
        if not self.goals:
            report.complete = False
            report.diagnostics.append(Diagnostic(code="no-goals", message=message("no-goals")))
        elif self.end_of_goals < 0 and self._ends_cut_off():
            report.complete = False
            report.diagnostics.append(Diagnostic(line=self.lines[-1].no if self.lines else None,
                                                 code="truncated", message=message("truncated")))
        return report

    def _ends_cut_off(self) -> bool:
        """Does the text stop in the middle of a goal's tables? Signs: the last words could not be placed
        and do not end a sentence (a row that never got its values), the text ends on a table header, or
        the last indicator row has no period cell."""
        tail = [line for line in self.lines if line.text]
        if not tail:
            return False
        last_line = tail[-1]
        kind = self.dispo.get(last_line.no)
        if kind == "diagnostic" and not re.search(r"[.!?:)]$", last_line.text):
            return True
        if kind == "table-header":
            return True
        last = self.goals[-1]
        rows = [(r.line, r) for r in last.indicators] + [(a.line, a) for a in last.activities]
        if not rows:
            return False
        _, row = max(rows, key=lambda t: t[0])
        if isinstance(row, Indicator):
            return row.period is None
        return False

    def _paragraph(self, lines: list[Line], section: str) -> None:
        self.narrative.append(Paragraph(line=lines[0].no, text="\n".join(l.text for l in lines),
                                        section="summary" if section == "pre" else "after-goals"))


def _split_indented_start(parts: list[Line], dates_line: Line | None) -> tuple[list[Line], list[Line]]:
    """Rows of a table cell start indented; prose does not. When an unindented block runs straight into an
    indented line, the activity starts at that line and the block before it belongs to what came before."""
    for k in range(len(parts) - 1, 0, -1):
        if parts[k].indent >= 2 and parts[k - 1].indent < 2 and parts[0].indent < 2:
            return parts[:k], parts[k:]
    return [], parts


DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _date(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _join_name(parts: list[Line]) -> str:
    return join_wrapped(parts)


def _join_text(lines: list[Line]) -> str:
    """Prose lines as one text, line breaks kept (claims and quotes need them)."""
    return "\n".join(l.text for l in lines)


def parse_document(text: str, source: str) -> Report:
    return DocumentParser(text, source).parse()
