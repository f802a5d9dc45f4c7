"""Where a text holds more than one follow-up report: ``second_report_start(text)``.

Two reports saved into one file (``cat a.txt b.txt > two.txt``, an export of several committees) would
otherwise parse as one report: the second one's committee name in the meta data, the first one's goals, and
the second one's goals mistaken for more goals or prose. The reading layer refuses such a file with one line
(see ``auditor.input.reader.read_report``); nothing here changes the parser.

A second report starts where, after the first report's goal section has begun (a goal label has been seen),

- the heading of the goal section, "Uppföljning av Kommunfullmäktiges inriktningsmål", stands on its own line
  again (a table of contents, "Uppföljning av … ........ 6", is not a heading), or
- the numbering of KF's strategic goals starts over: "KF:s inriktningsmål: 1." after "3.", or
- the title block of a report ("Verksamhetsberättelse 2020", "Tertialrapport 1 2025", "Tertialrapport
  Tertial 2 2020 för") stands on its own line again.

Each is something one ILS-webb report prints once; a report's own page furniture ("Socialnämnden,
Tertialrapport 41(102)") carries a page number and does not count.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .lines import line_indexes, lines_and_texts

GOAL_SECTION = re.compile(r"^\s*Uppföljning av kommunfullmäktiges inriktningsmål\s*$", re.I)
GOAL_LABEL = re.compile(r"^\s*(?:KF:s\s+inriktningsmål|KF:s\s+mål\s+för\s+verksamhetsområdet|Nämndmål|Enhetsmål)\s*:",
                        re.I)
STRATEGIC = re.compile(r"^\s*KF:s\s+inriktningsmål\s*:\s*(?P<number>\d+)?\.?", re.I)
NUMBER_LINE = re.compile(r"^\s*(?P<number>\d+)\.?\s+\S")
TITLE = re.compile(r"^\s*(?:Verksamhetsberättelse\s+(?:för\s+)?(?:år\s+)?20\d\d"
                   r"|Tertialrapport\s+(?:Tertial\s+)?[12]\s+(?:år\s+)?20\d\d(?:\s+för)?)\s*$", re.I)
# The lines any of the four patterns above can match start (once stripped) with one of these words: one search
# of the whole text finds them, and only they (and the line after a "KF:s inriktningsmål:" without its number)
# are tried, where a test of every line cost most of the check (16 ms of a 400 KiB report).
_MAY_START = re.compile(r"\n(?:Uppföljning|Verksamhetsberättelse|Tertialrapport|KF:s|Nämndmål|Enhetsmål)", re.I)


@dataclass(frozen=True)
class ReportStart:
    line: int          # 1-based line where the second report shows itself
    text: str          # that line, stripped
    reason: str        # "goal-section" | "numbering" | "title"


def second_report_start(text: str) -> ReportStart | None:
    """The first sign that a second report begins in ``text`` after the first report's goals, else None."""
    lines, joined = lines_and_texts(text)        # numbered and normalised as the parser sees them
    may_start = line_indexes(joined, [m.start() for m in _MAY_START.finditer(joined)])
    scan = _Scan()
    k, i = 0, -1
    while True:
        if scan.pending_number:      # the next line that is not blank, whatever it starts with
            i += 1
            while i < len(lines) and not lines[i].text:
                i += 1
            if i == len(lines):
                return None
            if k < len(may_start) and may_start[k] == i:
                k += 1
        elif k < len(may_start):
            i = may_start[k]
            k += 1
        else:
            return None
        start = scan.step(lines[i].raw, lines[i].text, i + 1)
        if start is not None:
            return start


class _Scan:
    """What the check has seen of the report so far, and its test of one more non-blank line (``step``). It
    gives the same answer whichever lines it is shown, as long as it is shown every line that may start a
    sign and the line after a "KF:s inriktningsmål:" without its number (``pending_number``):
    ``second_report_start`` shows it those, tests/parser/test_report_starts_shortcut.py every line."""

    def __init__(self) -> None:
        self.seen_goal = False
        self.highest = 0                 # the highest strategic-goal number so far
        self.pending_number = False      # "KF:s inriktningsmål:" with its number on a following line

    def step(self, line: str, stripped: str, no: int) -> ReportStart | None:
        if self.pending_number:
            self.pending_number = False
            m = NUMBER_LINE.match(line)
            if m:
                number = int(m.group("number"))
                start = _numbering(number, self.highest, no, stripped)
                if start:
                    return start
                self.highest = max(self.highest, number)
                return None
        if self.seen_goal and GOAL_SECTION.match(line):
            return ReportStart(no, stripped, "goal-section")
        if self.seen_goal and TITLE.match(line):
            return ReportStart(no, stripped, "title")
        strategic = STRATEGIC.match(line)
        if strategic:
            if strategic.group("number"):
                number = int(strategic.group("number"))
                start = _numbering(number, self.highest, no, stripped)
                if start:
                    return start
                self.highest = max(self.highest, number)
            else:
                self.pending_number = True
        if GOAL_LABEL.match(line):
            self.seen_goal = True
        return None


def _numbering(number: int, highest: int, no: int, text: str) -> ReportStart | None:
    """Strategic goal 1 after a higher one: the numbering starts over."""
    if number == 1 and highest > 1:
        return ReportStart(no, text, "numbering")
    return None
