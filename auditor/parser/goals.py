"""Goal headings: the label, the title (over one or more lines), the number and the assessment marker;
and where the goal sits in the tree."""
from __future__ import annotations

from ..model import Goal
from ..input import labels as L
from .cursor import LineCursor
from ..input.lines import Line

LEVEL_RANK = {"inriktningsmal": 0, "verksamhetsomradesmal": 1, "namndmal": 2, "enhetsmal": 3}
# A marker further down than this many lines after the label belongs to something else.
MAX_TITLE_LINES = 4


class GoalHeadings(LineCursor):
    def __init__(self, text: str, furniture=()) -> None:
        super().__init__(text, furniture)
        self.goals: list[Goal] = []
        self.stack: list[Goal] = []     # the open goals, from the top level down

    def read_goal(self, i: int, level: str, rest: str, label_end: int) -> int:
        """Read the goal whose label starts at line i; return the index after its title and marker.

        When a marker follows within a few lines, everything between label and marker is the title. Without
        a marker (many forms print none for the inriktningsmål) the title is the rest of the label line, or
        the next line, continued by lines that start in lower case; what follows is the goal's text."""
        self.mark(i, "goal")
        self.mark(label_end, "goal")
        title_parts: list[Line] = []
        if rest:
            raw = self.lines[label_end].raw
            # keep whether the label line ended in a space: it tells how the title's next line joins on
            title_parts.append(Line(self.lines[label_end].no, rest + (" " if raw.endswith(" ") else ""), rest,
                                    self.lines[label_end].blind_end))
        candidates, assessment, marker_idx = self._title_candidates(label_end + 1)
        if marker_idx is not None and len(candidates) < MAX_TITLE_LINES:
            title_parts += [self.lines[c] for c in candidates]
            after = marker_idx + 1
            self.mark(marker_idx, "goal")
        else:
            assessment = None
            used = [] if title_parts or not candidates else [candidates[0]]
            for c in candidates[len(used):]:
                if not (self.lines[c].text[:1].islower() and (used or title_parts)):
                    break
                used.append(c)
            title_parts += [self.lines[c] for c in used]
            after = (used[-1] + 1) if used else label_end + 1
        for p in title_parts:
            self.dispo.setdefault(p.no, "goal")
        number, title = L.split_number(self.join(title_parts))
        goal = Goal(id=f"g{len(self.goals) + 1}", parent=self._parent_for(level), level=level, number=number,
                    title=title, line=title_parts[0].no if title_parts else self.lines[i].no,
                    assessment=assessment)
        if not title:
            self.diag("goal-without-title", self.lines[i].no)
        self.goals.append(goal)
        self.stack.append(goal)
        return after

    def _title_candidates(self, j: int) -> tuple[list[int], str | None, int | None]:
        """The lines after the label up to a marker or a block of their own (at most a few)."""
        candidates: list[int] = []
        while j < len(self.lines) and len(candidates) <= MAX_TITLE_LINES:
            if j in self.furniture or not self.lines[j].text:
                j += 1
                continue
            mk = L.marker(self.lines[j].text)
            if mk:
                return candidates, mk, j
            if self.structural(j):
                break
            candidates.append(j)
            j += 1
        return candidates, None, None

    def _parent_for(self, level: str) -> str | None:
        while self.stack and LEVEL_RANK[self.stack[-1].level] >= LEVEL_RANK[level]:
            self.stack.pop()
        return self.stack[-1].id if self.stack else None
