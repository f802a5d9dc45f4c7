"""The document walk: a small state machine over the lines, after page furniture is set aside.

Blocks are recognised by their labels (goal labels, assessment markers, "Analys", table headers, the
dates of an activity row) rather than by position. The walk is in one of these modes:

- ``pre`` / ``post``: prose before the first goal (summary) and after the goal part (economy);
- ``goal``: a goal's own text (its Analys, Beskrivning, Förväntat resultat, ...);
- ``ind`` / ``ind-analysis``: an indicator table, and the Analys of its last row;
- ``act`` / ``act-analysis``: an activity table, and the Analys of its last activity.

Every line ends up somewhere: in a field of the model, as furniture or table header, or in a diagnostic.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import deque
from dataclasses import replace
from itertools import compress, repeat
from operator import attrgetter, not_

from ..words.diagnostics import message
from ..knowledge import about_people, builtin_knowledge, decide_direction, direction_of, kf_key
from ..model import CERTAIN, Activity, Diagnostic, Indicator, Paragraph, Report, TextSection
from ..input import labels as L
from .activities import ActivityRows
from .cursor import join_text
from .goals import GoalHeadings
from ..prose.claims import read_claims, settle_trends
from ..input.lines import Line
from .meta import read_meta
from .placement import KF_GOAL_LEVELS, Context, counts_things, decide
from .row_patterns import kf_siblings, neighbour_shapes, text_pattern
from ..input.values import NUMBER, YEAR, is_figure, parse_value
from .rows import IndicatorRows

SENTENCE_END = re.compile(r"[.!?:]\s*$")
_TEXT = attrgetter("text")
_PLAIN_TEXT = frozenset({"pre", "post", "goal"})   # modes whose lines are text unless they open a block


def _printed_texts(row) -> list[tuple[str, str]]:
    """A pending row's text cells ("Öka", "Max 10"), which can stand only in its target columns."""
    cells = row.readings[0] if row.readings else []
    return [("Årsmål", c.text) for c in cells if c.text and not is_figure(c.text)]


class DocumentParser(GoalHeadings, IndicatorRows, ActivityRows):
    def __init__(self, text: str, source: str, kf_targets=None, positioned=None, furniture=(),
                 text_rows=()) -> None:
        """``positioned``, ``furniture`` and ``text_rows``: what a PDF read by position knows
        (``auditor.input.pdf_geometry``): the cells of rows by column, keyed by the line number of the row's
        values, the furniture's line numbers, and the value lines of the rows of tables read as text."""
        self.positioned = positioned or {}     # before the line readers start (rows.is_value_line)
        self.row_lines = set(self.positioned) | set(text_rows)
        super().__init__(text, furniture)
        self.source = source
        self.kf_targets = kf_targets
        self.narrative: list[Paragraph] = []
        self.mode = "pre"
        self.row: Indicator | Activity | None = None   # the row whose Analys is being read
        self.after_header = False       # a table header was just passed (page break or table start)
        self.section: TextSection | None = None
        self.para: list[Line] = []      # prose outside the goals
        self.analysis_buf: list[Line] = []
        self.section_buf: list[Line] = []

    # ------------------------------------------------------------------ the walk
    def parse(self) -> Report:
        i, n = 0, len(self.lines)
        lines, furniture, openers = self.lines, self.furniture, self.openers
        # where a run of plain text stops (``_plain_text``): a blank line, page furniture, a line that may open
        # a block (the end of the goals is one), the end
        self._blank = list(compress(range(n), map(not_, map(_TEXT, lines)))) + [n]
        self._marked = sorted(furniture | openers) + [n]
        while i < n:
            line = lines[i]
            if i in furniture:
                i += 1
            elif not line.text:     # blank
                if self.mode in ("pre", "post") and self.para and SENTENCE_END.search(self.para[-1].text):
                    self._flush_para()  # a paragraph goes on over a blank line while its sentence does
                i += 1
            elif i not in openers and i != self.end_of_goals and self.mode in _PLAIN_TEXT:
                i = self._plain_text(i)
            else:
                i = self._step(i)
        self._flush_all()
        report = self._report()
        self._place_cells(report)
        return report

    def _place_cells(self, report: Report) -> None:
        """Settle every row's columns now that the prose and the report's kind are known."""
        knowledge = builtin_knowledge()
        kf_targets = knowledge.kf_targets if self.kf_targets is None else self.kf_targets
        spacing = self.spacing_hints()
        claims = read_claims(report)
        placed = []
        scored: dict[int, list] = {}     # each row's scores in its first decision, reused for its neighbours
        placements: dict = {}            # the placements of each shape of row (placement._placements)
        self.owner: dict[int, int] = {}
        for goal in self.goals:
            for ind in goal.indicators:
                ind.claims = claims.get(id(ind), [])
                row = self.pending.get(id(ind))
                if row is not None:
                    people = about_people(ind.name, knowledge)[0]
                    known = kf_targets.get((report.year, kf_key(ind.name))) if report.year else None
                    ctx = Context(report_kind=report.report_kind, spacing=spacing, people=people,
                                  known_kf=parse_value(known) if known else None, count=counts_things(ind.name),
                                  positioned=self.positioned.get(self.value_line.get(id(ind), 0)),
                                  kf_goal=KF_GOAL_LEVELS.get(goal.level),
                                  direction=direction_of(ind.name, _printed_texts(row), knowledge)[0],
                                  placements=placements)
                    placed.append((ind, row, ctx, list(ind.notes)))
                    self.owner[id(ind)] = id(goal)
                    scored[id(ind)] = decide(ind, row, ctx)
        # the doubtful rows again, knowing the pattern the report's sure rows share and how their
        # neighbours were read
        pattern = text_pattern([ind for ind, *_ in placed])
        neighbours = neighbour_shapes([(ind, row, ctx, self.owner[id(ind)]) for ind, row, ctx, _ in placed], scored)
        siblings = kf_siblings([(ind, self.owner[id(ind)]) for ind, *_ in placed])
        for ind, row, ctx, notes in placed:
            if ind.confidence < CERTAIN and ctx.positioned is None:
                ind.notes = notes
                decide(ind, row, replace(ctx, pattern=pattern, neighbours=neighbours.get(id(ind)),
                                         kf_siblings=siblings[id(ind)]))
        for goal in self.goals:
            for ind in goal.indicators:
                if ind._trends or ind._below:
                    settle_trends(ind, decide_direction(ind, knowledge)[0])

    def _plain_text(self, i: int) -> int:
        """Most lines: prose, or a goal's text, that opens nothing. Line i and the lines after it up to a
        blank line, page furniture or a line that may open a block go where ``_step`` would put them, all at
        once; returns the index of the next line to look at."""
        kind, buffer = ("goal-text", self.section_buf) if self.mode == "goal" else ("narrative", self.para)
        end = min(self._blank[bisect_left(self._blank, i)], self._marked[bisect_left(self._marked, i)])
        run = self.lines[i:end]
        buffer += run
        first = run[0].no    # the lines are numbered one after another
        deque(map(self.dispo.setdefault, range(first, first + len(run)), repeat(kind)), maxlen=0)
        return end

    def _step(self, i: int) -> int:
        """Handle the non-blank line i; return the index of the next line to look at."""
        line = self.lines[i]
        if i == self.end_of_goals:
            self._flush_all()
            self.mode = "post"
            self.mark(i, "narrative")
            self.para = [line]
            return i + 1
        if i in self.openers:
            got = self._block_start(i)
            if got is not None:
                return got
        if self.mode in ("pre", "post"):
            self.dispo.setdefault(line.no, "narrative")   # ``mark``, for a line known to be in range and not blank
            self.para.append(line)
            return i + 1
        if self.mode == "goal":
            self.dispo.setdefault(line.no, "goal-text")
            self.section_buf.append(line)
            return i + 1
        if self.mode in ("ind", "ind-analysis"):
            return self._in_indicator_table(i)
        return self._in_activity_table(i)

    def _block_start(self, i: int) -> int | None:
        """Line i, one that may open a block (``LineCursor.openers``): a goal label, a table header, the
        goal's marker or a section label, handled, and the index of the next line to look at; None when it
        opens nothing here."""
        if self.mode != "post":
            label = self.label_at(i)
            if label:
                self._flush_all()
                level, rest, end = label
                self.mode, self.section, self.row, self.after_header = "goal", None, None, False
                return self.read_goal(i, level, rest, end)
        if self.mode in ("pre", "post"):
            return None
        if self.is_indicator_header(i):
            return self._table_header(self.skip_indicator_header(i), "ind")
        if self.is_activity_header(i):
            return self._table_header(self.skip_activity_header(i), "act")
        text = self.lines[i].text
        goal = self.goals[-1]
        mk = L.marker(text)
        if mk and self.mode == "goal" and goal.assessment is None:
            goal.assessment = mk
            self.mark(i, "goal")
            return i + 1
        section = L.SECTION.match(text)
        if section:
            return self._section_label(i, section.group(1))
        return None

    def _table_header(self, after: int, kind: str) -> int:
        """A table header: a new table, or the same table going on after a page break."""
        self._flush_section()
        if self.mode not in (kind, kind + "-analysis"):
            self._flush_analysis()
            self.mode, self.row = kind, None
        self.after_header = True
        return after

    def _section_label(self, i: int, label: str) -> int:
        """"Analys" under a table row belongs to that row; any other label opens a section of the goal."""
        self.mark(i, "section-label")
        if label == "Analys" and self.mode in ("ind", "ind-analysis", "act", "act-analysis") and self.row:
            if self.mode in ("ind", "act"):
                self.mode += "-analysis"
            return i + 1
        self._flush_analysis()
        self._flush_section()
        self.mode, self.row = "goal", None
        self.section = TextSection(label=label, line=self.lines[i].no, text="")
        if label != "Analys":
            self.goals[-1].sections.append(self.section)
        return i + 1

    def _in_indicator_table(self, i: int) -> int:
        line = self.lines[i]
        goal = self.goals[-1]
        can_start = (self.mode == "ind" or self.after_header or self.blank_before(i) or line.raw.startswith("  ")
                     or self._row_after_sentence(i))
        got = self.try_row(i, strict=self.mode == "ind-analysis") if can_start else None
        if got:
            self._flush_analysis()
            ind, nxt, orphan = got
            if orphan and self.row is not None and goal.indicators and self.row is goal.indicators[-1]:
                # the tail of the previous row's name, cut off by a page break after its values
                self.row.name = self.join([Line(0, self.row.name + " ", self.row.name)] + orphan)
            else:
                for o in orphan:
                    self.unplaced(o.no - 1, "unplaced-before-row")
            goal.indicators.append(ind)
            self.row, self.mode, self.after_header = ind, "ind", False
            return nxt
        if self.mode == "ind-analysis":
            self.mark(i, "indicator-analysis")
            self.analysis_buf.append(line)
            self.after_header = False
        elif self.row is not None and self.after_header and not self.row.analysis:
            # the rest of a name that a page break cut off after the values
            self.row.name = self.row.name + " " + line.text
            self.mark(i, "indicator")
        else:
            self.unplaced(i, "unplaced-indicator-table")
        return i + 1

    def _row_after_sentence(self, i: int) -> bool:
        """After a row's analysis, the next row can follow on the very next line when its name is short
        enough to share its line with its cells ("Antal besök 212 st 198 st 200 st Tas fram"): a line that
        starts a sentence where the one before ended, and holds a name and then cells only."""
        if self.mode != "ind-analysis" or not self.lines[i].text[:1].isupper():
            return False
        j = i - 1
        while j >= 0 and j in self.furniture:
            j -= 1
        if j < 0 or self.lines[j].text.rstrip()[-1:] not in ".!?:":
            return False
        cut = self.split_name_values(i)
        if cut is None:
            return False
        # two figures at least besides the period's year: prose seldom ends in a run of bare figures
        words = self.lines[i].raw[cut:].split()
        return sum(1 for w in words if NUMBER.match(w) and not YEAR.match(w)) >= 2

    def _in_activity_table(self, i: int) -> int:
        line = self.lines[i]
        if self.mode == "act" and line.text == "Avvikelse" and self.row is not None and not self.row.deviation:
            self.row.deviation = True   # the deviation flag wrapped onto a line of its own below the dates
            self.mark(i, "activity")
            return i + 1
        can_start = self.mode == "act" or self.blank_before(i) or self.after_header
        got = self.try_activity(i) if can_start else None
        if got:
            act, nxt, prefix = got
            for p in prefix:
                if self.mode == "act-analysis":
                    self.analysis_buf.append(p)
                    self.dispo[p.no] = "activity-analysis"
                else:
                    self.unplaced(p.no - 1, "unplaced-before-row")
            self._flush_analysis()
            self.goals[-1].activities.append(act)
            self.row, self.mode, self.after_header = act, "act", False
            return nxt
        if self.mode == "act-analysis":
            self.mark(i, "activity-analysis")
            self.analysis_buf.append(line)
            self.after_header = False
        elif self.row is not None and not self.row.analysis:
            # text after the dates: the rest of an activity that a page break split
            self.row.text = self.join([Line(0, self.row.text + " ", self.row.text), line])
            self.mark(i, "activity")
        else:
            self.unplaced(i, "unplaced-activity-table")
        return i + 1

    # ------------------------------------------------------------------ collected text
    def _flush_all(self) -> None:
        self._flush_analysis()
        self._flush_section()
        self._flush_para()

    def _flush_para(self) -> None:
        if self.para:
            self.narrative.append(Paragraph(line=self.para[0].no, text=join_text(self.para),
                                            section="after-goals" if self.mode == "post" else "summary"))
            self.para = []

    def _flush_analysis(self) -> None:
        if self.analysis_buf and self.row is not None:
            _append_text(self.row, self.analysis_buf)
        self.analysis_buf = []

    def _flush_section(self) -> None:
        goal = self.goals[-1] if self.goals else None
        if goal is not None and self.section_buf:
            if self.section is None or self.section.label == "Analys":
                _append_text(goal, self.section_buf)
            else:
                text = join_text(self.section_buf)
                # a section read in more than one piece no longer keeps its lines: no line for its text
                self.section._text_line = None if self.section.text else self.section_buf[0].no
                self.section.text = (self.section.text + "\n" + text) if self.section.text else text
        self.section_buf = []

    # ------------------------------------------------------------------ the result
    def _report(self) -> Report:
        meta = read_meta(self.lines, self.furniture, self.goals, self.joined)
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

    def _shorter_than_its_pages(self) -> bool:
        """The page furniture says how many pages the report has ("Sid 11 (138)"); at the rate of lines per
        page seen so far, a text far shorter than that was cut off."""
        marks = _page_marks(self.lines, self.furniture)
        if not marks:
            return False
        line_no, page, pages = marks[-1]
        if page >= pages or page < 2:
            return False
        expected = line_no / page * pages
        return len(self.lines) < 0.6 * expected

    def _ends_cut_off(self) -> bool:
        """Does the text stop in the middle of a goal's tables? Signs: the last words could not be placed
        and do not end a sentence (a row that never got its values), the text ends on a table header, or
        the last indicator row has no period cell."""
        final = next((line for line in reversed(self.lines) if line.text), None)
        if final is None:
            return False
        kind = self.dispo.get(final.no)
        last_text = final.text
        unfinished = not re.search(r"[.!?:)\"”]$", last_text)
        # a wrapped line of prose that stops without its full stop (a short heading or bullet may end a
        # complete report without one)
        mid_sentence = unfinished and len(last_text) >= 50 and not last_text.startswith(("•", "-", "–"))
        if kind == "table-header" or (kind == "diagnostic" and unfinished) or (
                mid_sentence and kind in ("goal-text", "indicator-analysis", "activity-analysis")):
            return True  # it stops inside a row, a header or a sentence of the goal part
        if self._shorter_than_its_pages():
            return True
        last = self.goals[-1]
        rows = [(r.line, r) for r in last.indicators] + [(a.line, a) for a in last.activities]
        if not rows:
            return False
        _, row = max(rows, key=lambda t: t[0])
        return isinstance(row, Indicator) and row.period is None


PAGE_OF = re.compile(r"(?:Sid|Sida)\s*(\d+)\s*(?:\(|av)\s*(\d+)\)?|\D(\d+)\s*\(\s*(\d+)\s*\)\s*$", re.I)


def _page_marks(lines: list[Line], furniture: set[int]) -> list[tuple[int, int, int]]:
    """(line number, page, pages) of each page footer or header that states both ("Sid 11 (138)")."""
    out = []
    for i in sorted(furniture):
        m = PAGE_OF.search(lines[i].text)
        if m:
            page, pages = (int(m.group(1)), int(m.group(2))) if m.group(1) else (int(m.group(3)), int(m.group(4)))
            if 0 < page <= pages:
                out.append((lines[i].no, page, pages))
    return out


def _append_text(owner, lines: list[Line]) -> None:
    """Add analysis lines to a goal, indicator or activity; ``analysis_line`` is the first text line, so
    that the line of any sentence is ``analysis_line`` plus the line breaks before it."""
    text = join_text(lines)
    if owner.analysis:
        gap = max(1, lines[0].no - (owner.analysis_line + owner.analysis.count("\n")))
        owner.analysis = owner.analysis + "\n" * gap + text
    else:
        owner.analysis, owner.analysis_line = text, lines[0].no


def parse_document(text: str, source: str, kf_targets=None, positioned=None, furniture=(), text_rows=()) -> Report:
    return DocumentParser(text, source, kf_targets, positioned, furniture, text_rows).parse()
