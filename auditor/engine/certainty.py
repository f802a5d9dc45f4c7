"""How sure a finding is: the probability that it holds, over the readings of the table rows it rests on.

The parser weighs every placement of a row's cells and keeps the plausible readings with their
probabilities (``Indicator._readings``, ``auditor.parser.confidence``). A finding holds under some of them:
IND-NO-FORECAST under every reading that leaves the forecast empty, GOAL-FULL-UNMET-IND under every reading
in which some row of the goal misses its target. Its certainty is the probability of the readings under
which the rule still finds it: the rule is run again over the goal's facts with the row read each other
way. A finding that several rows support (a goal with two unmet rows) holds while any of them does; the rows
of one table are read alike more often than not, so they are not taken as independent: the finding is as
sure as its surest support alone (the bound that holds however the rows' readings go together). So a finding that follows from every plausible reading is certain however doubtful the
row's reading is, and one that needs a doubtful reading carries that doubt; ``min-confidence`` withholds a
finding by this probability.

A finding about something else (a count claim, a sentence against the table: those judge their own
doubt), or about a row whose readings are not known (read back from JSON, built by hand), is not weighed
here: ``None``, and the runner's measure by the decisive cells stands.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from ..facts import FactSet
from ..facts.derive import fact_under
from ..model import VALUE_COLUMNS, same_print

# What runs rules: (the facts to declare, the rule ids) -> the (rule, subject key) pairs they flag.
Fire = Callable[[list, tuple[str, ...]], set[tuple[str, str]]]


@dataclass(frozen=True)
class Weighed:
    certainty: float
    # the row the doubt is about and the most probable of its readings under which the finding does not
    # hold (None: it holds under every reading weighed)
    row: Any = None
    against: dict | None = None


class Weigher:
    """Weighs the findings of one audit over the readings of their rows. A row's readings count as one where
    the rule reads the same from them (``reads``: the fields of an indicator's fact the rule's patterns
    read), so only readings that could change the rule's verdict are run, each combination once. A rule
    whose every activation holds at most one row (``one_row``: one indicator pattern per rule function) is
    run with the weighed row alone of the goal's rows: no other row can take part in its flagging this
    subject (a goal's other rows, as chosen, did not flag it, or they are its supports left out), and
    declaring a goal's forty rows for each reading was most of the weighing's time."""

    def __init__(self, facts: FactSet, fire: Fire, reads: Callable[[str], frozenset],
                 one_row: Callable[[str], bool] = lambda rule: False):
        self.facts = facts
        self.fire = fire
        self.reads = reads
        self.one_row = one_row
        self.members: dict[str, list] = {}
        self.by_key = {}
        for fact in facts.indicators:
            self.members.setdefault(fact.goal, []).append(fact)
            self.by_key[fact.key] = fact
        self.goal_facts = {g.id: g for g in facts.goals}
        self._facts: dict[str, list | None] = {}
        self._options: dict[tuple, list | None] = {}
        self._fired: dict[tuple, set] = {}

    def _readings(self, key: str) -> list | None:
        """The row's readings as facts: [probability, fact, cells, chosen?], the chosen reading first; None
        when the row's readings are not known."""
        if key not in self._facts:
            row = self.facts.rows.get(key)
            readings = getattr(row, "_readings", None) if row is not None else None
            if not readings:
                self._facts[key] = None
            else:
                fact = self.by_key[key]
                chosen = {col: getattr(row, col) for col in VALUE_COLUMNS}
                out = []
                for p, cells in readings:
                    same = all(same_print(cells.get(c), chosen[c]) for c in VALUE_COLUMNS)
                    out.append([p, fact if same else fact_under(fact, row, cells, self.facts.knowledge), cells, same])
                out.sort(key=lambda t: not t[3])     # stable: the chosen reading first (the findings came from it)
                # readings that do not hold the row's cells as they stand (changed after the placement) say
                # nothing about them
                self._facts[key] = out if out[0][3] else None
        return self._facts[key]

    def options(self, key: str, rule: str) -> list | None:
        """The row's readings that differ in what ``rule`` reads, each with the probability of all readings
        that read the same: [probability, fact, cells], the chosen reading first."""
        if (key, rule) not in self._options:
            readings = self._readings(key)
            if readings is None:
                self._options[(key, rule)] = None
            else:
                fields = sorted(self.reads(rule))
                merged: dict[tuple, list] = {}
                for p, fact, cells, _ in readings:
                    seen = tuple(getattr(fact, f, None) for f in fields)
                    got = merged.get(seen)
                    if got is None:
                        merged[seen] = [p, fact, cells]
                    else:
                        got[0] += p
                self._options[(key, rule)] = list(merged.values())
        return self._options[(key, rule)]

    def __call__(self, rule: str, kind: str, subject: dict, item_rows: list[str]) -> Weighed | None:
        if kind == "Indicator":
            goal, supports = subject["goal"], [subject["key"]]
        elif kind == "Goal" and item_rows:
            goal, supports = subject["id"], item_rows
        else:
            return None
        if any(self.options(key, rule) is None for key in supports):
            return None
        # a finding that several rows support holds when any of them does; one table's rows are read alike
        # more often than not, so no independence is assumed: the surest single support is the bound
        best = None
        for key in supports:
            weighed = self._support(rule, subject["key"], goal, key, [k for k in supports if k != key])
            if best is None or weighed.certainty > best.certainty:
                best = weighed
        return best

    def _support(self, rule: str, subject: str, goal: str, key: str, others: list[str]) -> Weighed:
        """The probability that ``rule`` still flags ``subject`` over the readings of row ``key``, the rule's
        other supports left out and the goal's other rows as chosen."""
        options = self.options(key, rule)
        holds, against = options[0][0], None
        for i, (p, _, cells) in enumerate(options[1:], 1):
            if (rule, subject) in self._flagged(rule, goal, key, i, tuple(others)):
                holds += p
            elif against is None or p > against[0]:
                against = (p, cells)
        # the readings weighed leave out an improbable tail, and a row no reading fits is never sure
        holds = min(holds, 1.0)
        return Weighed(holds) if against is None else Weighed(holds, self.facts.rows[key], against[1])

    def _flagged(self, rule: str, goal: str, key: str, i: int, left_out: tuple[str, ...]) -> set:
        """What ``rule`` flags in ``goal`` with row ``key`` read as its option ``i``, the rows ``left_out``
        not declared and the goal's other rows as chosen."""
        cache = (rule, goal, key, i, left_out)
        got = self._fired.get(cache)
        if got is None:
            instead = self._options[(key, rule)][i][1]
            if self.one_row(rule):
                rows = [instead]
            else:
                rows = [instead if f.key == key else f for f in self.members.get(goal, []) if f.key not in left_out]
            goal_fact = self.goal_facts.get(goal)
            declared = [self.facts.report, *([goal_fact] if goal_fact else []), *rows,
                        *(a for a in self.facts.activities if a.goal == goal)]
            got = self._fired[cache] = self.fire(declared, (rule,))
        return got
