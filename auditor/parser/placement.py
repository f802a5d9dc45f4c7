"""Place a row's cells in its table's columns: an explicit choice among the readings the layout allows.

A row prints k cells for a header of n value columns (the period comes last); the empty cells are not
printed. Every order-preserving placement of the k cells into the n columns is a candidate (at most 35),
and each candidate is scored on independent evidence, in log-odds:

- **spacing**, where the extraction kept it: each empty cell adds one space, leading spaces stand for
  empty leading cells. Strong when the document shows such spacing at all; ignored when it does not
  (many PDF tools print single spaces only);
- **cell types**: text targets ("Öka", "Max 10", "Tas fram av nämnd/styrelse") only fit the target
  columns, a text that says KF's target is set later fits KF's column; figures fit any column;
- **the split by sex**: men and women bracket the outcome (shares, averages, indexes) or add up to it
  (counts); a placement whose "gender" cells do neither, or that has a split without a total, is
  implausible;
- **the report's kind and the row's period**: a tertial report gives an outcome for rows measured per
  tertial; a row whose period is the whole year is usually measured once a year, so it has last year's
  outcome but no outcome yet; rows measured in the period usually carry a forecast for the year;
- **a share's forecast**: a share does not add up over the year, so its forecast for the year lies near
  the period's outcome; a "forecast" many times above or below it is more likely a target;
- **KF's target**: when printed it is usually the committee's own target as well; a known KF target for
  the indicator and year (knowledge file or the batch's vote) places that figure in KF's column;
- **the prose**: what the row's analysis or the goal's analysis says about the row's own figures
  (``Indicator.claims``), and a survey that was not carried out this period (no outcome).

The scores become probabilities over the candidates (a softmax); the row's ``confidence`` is the chosen
reading's probability, a column's confidence the probability of all readings that agree on that column,
and the runner-up reading is kept as ``alternative`` so that findings can say what else the figures
could be.
"""
from __future__ import annotations

import functools
import itertools
import math
import re
from dataclasses import dataclass, field, replace

from types import SimpleNamespace

from ..model import CERTAIN, VALUE_COLUMNS, Indicator, Value, same_print
from ..policy.target import compared_figure, is_met, target_number
from ..input.values import FORBIDDEN, PERIOD, Cell, join_cost, parse_value
from .confidence import readings

# Weights, in log-odds (natural log). Each is a statement about the format, not a fit to any report.
SPACING_PER_CELL = 15.0       # one empty cell more or less than the spacing says: near decisive
JOIN_COST = 2.0               # per unit of implausible thousands reading (values.join_cost)
TEXT_IN_FIGURE_COLUMN = -9.0  # "Öka" as an outcome
KF_TEXT_IN_TARGET = -3.0      # "Tas fram av nämnd/styrelse" is about KF's target
SPLIT_FITS = 1.5              # men and women strictly bracket or add up to the outcome
SPLIT_PRINTED = math.log(0.3 / 0.7)  # most rows have no split by sex ...
SPLIT_ABOUT_PEOPLE = math.log(0.5 / 0.5)   # ... but rows about people often have one
SPLIT_NOT_PEOPLE = math.log(0.08 / 0.92)   # and rows about things (or nobody the knowledge names) seldom
SPLIT_BREAKS = -7.0           # they do neither
SPLIT_NEARLY = -1.5           # the total lies just outside the two (up to NEAR_SPLIT of it)
NEAR_SPLIT = 0.015
SPLIT_WITHOUT_TOTAL = -6.0
ONE_SEX_ONLY = -4.0
# How often two filled columns print the same figure: the committee usually adopts KF's target, and
# often forecasts that it reaches its target; after the year, an annual report's forecast is mostly
# the outcome itself. Any other two columns agree now and then (EQUAL_BY_CHANCE).
EQUAL_PAIRS = {("target", "kf_target"): 0.65, ("forecast", "target"): 0.55}
EQUAL_PAIRS_ANNUAL = {("outcome", "forecast"): 0.6}
EQUAL_BY_CHANCE = 0.1
# ... except at a share's bounds: a measured 100 % (or 0) meets a target of 100 % (or 0) because it
# cannot go beyond it, so there two equal figures say nothing about which columns they stand in. Two
# that differ there do: a forecast of 94,2 % is not the target of 100 % it would usually repeat.
MEASURED_IN_TARGET = -1.5     # "40,34 %": a figure with two decimals is measured, not set as a target
# A share does not add up over the year as a count does: its forecast for the year lies near the
# period's outcome, seldom more than a few times above or below it ("0,06 %" now, "1,5 %" forecast).
FORECAST_FAR_FROM_SHARE = -2.5
FAR_FACTOR = 3.0
KNOWN_KF_TARGET = 4.0
# A figure printed without the unit its row's other figures carry ("80 80 %"): the forecast is typed in
# by hand and often lacks it, the targets nearly never do; the outcomes and last year's lack it now and
# then, as often as any figure (BARE_ANY), and the split by sex is weighed by its own arithmetic. The
# shares of bare figures among the rows that print a unit, as counted in the annotated reports
# (benchmarks/held_out.py counts them leaving out each report in turn and scores that report with what
# the others say).
BARE_ANY = 0.1
BARE_FIGURE = {"forecast": 0.3, "target": 0.04, "kf_target": 0.04}
# Measured figures keep the measure's precision: where the outcome prints decimals ("95,1 %"), last year's
# outcome mostly does too, while a forecast of ten or more is mostly a round figure ("100 %", "80"; below
# ten a share needs its decimals whatever the column). The shares of such figures with decimals among the
# rows whose outcome has them, as counted in the annotated reports (benchmarks/held_out.py counts them
# leaving out each report in turn): last year's and the forecast against any figure of the four later
# columns. The targets are mostly round too, but how often varies too much from report to report to
# count on (a target with two decimals is weighed as measured, MEASURED_IN_TARGET).
DECIMALS_ANY = 0.31
DECIMALS = {"previous": 0.74, "forecast": 0.22}
ROUND_FROM = 10
# Rows of one table that print as many cells usually fill the same columns (a table of survey results:
# last year, target, KF's target): a reading its neighbours share is that much likelier.
SAME_SHAPE = 1.0
PROSE_AGREES = 4.0
PROSE_DISAGREES = -4.0
# The prose says the target was (not) reached ("indikatorn bedöms uppnås"): a reading under which the
# table says otherwise is less likely. Agreeing earns nothing: a reading that leaves nothing to compare
# (a yearly row without its outcome yet) is as open to the verdict as one that agrees, since the prose
# may judge from what the table does not show. Less than a stated figure: the verdict also rests on the
# direction, and a text may say so of a row the table shows otherwise.
PROSE_MET_DISAGREES = -3.0
NOT_MEASURED = 3.0

# How often a column is filled, by the kind of report and the row's period, as the form is used: the
# annual target nearly always (233 of the 236 annotated rows print it, in every kind of report and period,
# so a reading that leaves it empty needs evidence of its own); KF's target for KF's own indicators only; in a tertial report a row
# measured once a year has last year's outcome but none yet for the period (and seldom a forecast),
# while a row measured per tertial has its outcome and usually a forecast for the year.
FILLED: dict[str, dict[str, float]] = {
    "tertial-yearly": {"outcome": 0.15, "previous": 0.8, "forecast": 0.1, "target": 0.98, "kf_target": 0.6},
    "tertial-period": {"outcome": 0.97, "previous": 0.75, "forecast": 0.8, "target": 0.98, "kf_target": 0.6},
    "annual": {"outcome": 0.93, "previous": 0.8, "forecast": 0.1, "target": 0.98, "kf_target": 0.55},
}
FORECAST_WITHOUT_OUTCOME = 0.1   # tertial report: a forecast for a row not measured in the period
# KF's target belongs to KF's indicators, and those stand under KF's goals: a row under a goal of KF's
# (a goal for the area, an inriktningsmål) prints KF:s årsmål (a figure, or a text saying the committee
# sets it), a row under the committee's or a unit's own goal has none. In the annotated reports all 165
# rows under KF's goals have it and none of the 68 under the committee's; the form allows a KF goal a row
# of the committee's own, so less than certainty there (and never alone enough to make a flat row sure).
KF_TARGET_FILLED = {True: 0.8, False: 0.05}
# ... and the rows of one goal agree on it: every annotated goal's rows all have KF's target or none do, so
# the goal's rows read with certainty tell a doubtful row of the same goal whether its table uses KF's
# column. A goal's table uses it with the level's share above; a row follows its table's use with
# SAME_TABLE_KF (less than the annotations' all, as the form allows a table to mix).
SAME_TABLE_KF = 0.95
KF_GOAL_LEVELS = {"inriktningsmal": True, "verksamhetsomradesmal": True, "namndmal": False, "enhetsmal": False}

# The most a placement can be trusted when no reading of the row fits the form.
IMPLAUSIBLE = 0.5

# Texts that say KF's target is decided elsewhere or later: they belong in KF's column.
KF_TEXT = re.compile(r"^(tas\s+fram|fastst|beslutas|saknas)", re.I)
FIGURE_COLUMNS = ("outcome", "outcome_men", "outcome_women", "previous", "forecast")
PART_OF_YEAR = re.compile(r"^(?:Tertial|Halvår|Kvartal|Delår|T)\s*\d\s*(?:19|20)\d{2}$", re.I)
YEARLY_PERIOD = re.compile(r"^(?:VB\s*|Helår\s*)?(?:19|20)\d{2}$", re.I)
# "Enkäten kommer inte att genomföras i år", "Ingen brukarundersökning har därför genomförts": the row can
# have no outcome this period.
NOT_MEASURED_SAYS = re.compile(
    r"(undersökning\w*|enkät\w*|mätning\w*)\s+(?:\S+\s+){0,3}?(?:kommer\s+(?:att\s+)?inte\s+(?:att\s+)?genomför\w*"
    r"|genomfördes\s+inte|har\s+inte\s+genomförts|ställ(?:de|t|ts)s?\s+in|ställdes\s+in|är\s+inställd)"
    r"|\bingen\s+\w*(?:undersökning|enkät|mätning)\w*\s+(?:har|kunde)\s+(?:\S+\s+){0,2}?(?:genomförts|göras)", re.I)


@dataclass(slots=True)
class Candidate:
    """One reading of a row: a value (or None) per column, and the row-local evidence for it. Never changed
    once made (not frozen only because a row makes up to 35 of them, and a frozen one is slower to make)."""

    cells: dict[str, Value | None]
    local: float
    plausible: bool = True
    filled: frozenset = frozenset()   # ``shape(cells)``, the same for every row of the placement's shape
    key: tuple = ()                   # ``confidence.reading_key(cells)``: the reading it stands for


@dataclass
class PendingRow:
    """A row's printed cells, kept until the document is read so that the prose and the report's kind
    can take part in the choice."""

    readings: list[list[Cell]]
    columns: tuple[str, ...]
    period: str | None
    spaced: bool                     # the row's own text shows spacing hints
    fits: bool                       # ... and they add up: printed plus empty cells fill the columns
    short: bool                      # the row prints fewer cells than its table has columns
    # the row's candidates by (spacing, count): a row is weighed up to three times (its first decision,
    # its neighbours' shapes, the second decision), always over the same candidates
    _candidates: dict = field(default_factory=dict, compare=False, repr=False)
    _form: dict = field(default_factory=dict, compare=False, repr=False)    # _form_scores, by context
    # (analysis, whether it says the row was not measured): the same text in each of the row's decisions
    _not_measured: tuple = field(default=(None, False), compare=False, repr=False)


@dataclass
class Context:
    """What the document says beyond the row itself."""

    report_kind: str | None = None
    spacing: bool = False            # the document's value lines show spacing hints
    known_kf: Value | None = None    # KF's target for this indicator and year, when known
    people: bool | None = None       # the indicator is about people (None: not known)
    count: bool = False              # the indicator counts things ("Antal ..."), so its split by sex adds up
    positioned: dict[str, str] | None = None   # the row's cells by column, read from a PDF's geometry
    # what the report's sure rows say about its target columns: per column, the evidence for a text
    # and for a figure there (row_patterns.text_pattern)
    pattern: dict[str, tuple[float, float]] | None = None
    # how the row's neighbours (same goal, same number of printed cells, same kind of period) were read:
    # the probability of each set of filled columns among them (row_patterns.shapes_of_neighbours)
    neighbours: dict[frozenset, float] | None = None
    kf_goal: bool | None = None      # the row's goal is one of KF's (None: not known)
    direction: str = "higher"        # which way is better for the row (knowledge.direction_of)
    # the other rows of the row's goal read with certainty: how many have KF's target, how many have none
    kf_siblings: tuple[int, int] = (0, 0)
    # the document's placements by the shape of a row (``_placements``), what a reading's filled columns
    # give in each situation (``_form_scores``) and its cells' values by their text, shared by its rows'
    # contexts
    placements: dict | None = field(default=None, compare=False, repr=False)



# ---------------------------------------------------------------------- the printed cells
def split_period(cells: list[Cell]) -> tuple[list[Cell], Cell | None]:
    if cells and PERIOD.match(cells[-1].text.strip()):
        return cells[:-1], cells[-1]
    return cells, None


def pending_row(readings: list[list[Cell]], columns) -> PendingRow:
    readings = [r for r in readings if r]
    period = None
    spaced = fits = short = False
    for cells in readings:
        body, period_cell = split_period(cells)
        if period_cell is not None:
            period = " ".join(period_cell.text.split())
        spaced = spaced or any(c.gap_before >= 2 or c.lead > 0 for c in cells)
        printed = sum(1 for c in body if c.text)
        short = short or printed < len(columns)
        empties = sum(_empties(c) for c in body) + (_empties(period_cell) if period_cell is not None else 0)
        fits = fits or (printed < len(columns) and printed + empties == len(columns))
    return PendingRow(readings, tuple(columns), period, spaced, fits, short)


def _empties(cell: Cell) -> int:
    return cell.lead if cell.gap_before == 0 else max(0, cell.gap_before - 1)


# ---------------------------------------------------------------------- the candidates
def candidates(row: PendingRow, ctx: Context) -> list[Candidate]:
    """The order-preserving placements of every reading of the row's cells, with their row-local score.

    Only the plausible ones are scored: where the extraction keeps the spacing, those that move at most
    one cell from where the spaces put it (any more is worth nothing next to them); without spacing,
    those whose text cells stand in target columns and whose split by sex is whole (both sexes and the
    total) and fits its total. When no placement is plausible, all are scored. Computed once per row and
    spacing (callers only read the list)."""
    key = (ctx.spacing, ctx.count)
    got = row._candidates.get(key)
    if got is None:
        got = row._candidates[key] = _candidates(row, ctx)
    return got


def _candidates(row: PendingRow, ctx: Context) -> list[Candidate]:
    # the plausible candidates first: the others count only where no reading has a plausible one (and many
    # rows have some of each, so making the others first was mostly in vain)
    readings = list(_readings_to_place(row, ctx))
    return _weighed(readings, ctx, True) or _weighed(readings, ctx, False)


def _readings_to_place(row: PendingRow, ctx: Context):
    """Each reading of the row's cells that its columns can hold: its values, whether they mix figures with
    and without a unit, the placements of its shape and its thousands separators' evidence."""
    columns = row.columns
    n = len(columns)
    # a row's readings share most of their cells, and a document's rows many ("Öka", "100 %"); a Value is
    # never changed once made, so one made for a text serves each cell printing it
    parsed: dict[str, Value] = {} if ctx.placements is None else ctx.placements.setdefault(("values",), {})
    for cells in row.readings:
        cost = join_cost(cells)
        if cost >= FORBIDDEN:
            continue
        body, period_cell = split_period(cells)
        filled = [c for c in body if c.text]
        values = [parsed.get(c.text) or parsed.setdefault(c.text, parse_value(c.text)) for c in filled]
        k = len(values)
        if k > n:
            continue
        texts = [i for i, v in enumerate(values) if v.value is None]
        # every candidate of the reading places all its figures, so whether they mix figures with and
        # without a unit is the reading's matter (``_units``)
        mixed = _mixed_units([v for v in values if v.value is not None])
        if ctx.spacing:
            # the spacing each cell states: empty cells before it, and before the period
            said = tuple(_empties(c) for c in filled)
            shape = (columns, k, True, said, _empties(period_cell) if period_cell is not None else None)
        else:
            shape = (columns, k, False, tuple(texts))
        yield values, mixed, columns, _placements(shape, ctx.placements), -JOIN_COST * cost


def _weighed(readings: list, ctx: Context, plausible_only: bool) -> list[Candidate]:
    """The candidates of the readings with their row-local score: the plausible ones only, or (where there
    are none) all of them."""
    out: list[Candidate] = []
    for values, mixed, columns, placements, base in readings:
        # by a cell's index, and None at index -1 (a column the placement leaves empty)
        cell_at, text_at = [*values, None].__getitem__, [*(v.text for v in values), None].__getitem__
        facts = [_cell_facts(v) for v in values]
        splits: dict[tuple, float] = {}    # split_misfit by the cells in the outcome and its split by sex
        for placement in placements:
            slots, misfit, plausible, shared = placement
            if plausible_only and not plausible:
                continue
            if shared is None:     # worked out for the placements that are weighed, once per document
                shared = placement[3] = _placed(columns, slots)
            columns_filled, at, others, placed, trio = shared
            misfit_of_split = None
            if trio is not None:     # the outcome and both sexes placed (a plausible split places all three)
                misfit_of_split = splits.get(trio)
                if misfit_of_split is None:
                    misfit_of_split = splits[trio] = split_misfit(values[trio[0]], values[trio[1]], values[trio[2]],
                                                                  ctx.count)
                if plausible and not ctx.spacing:
                    plausible = misfit_of_split <= NEAR_SPLIT
                    if plausible_only and not plausible:
                        continue
            score = base - SPACING_PER_CELL * misfit
            assign = dict(zip(VALUE_COLUMNS, map(cell_at, at)))
            for col, i in others:
                assign[col] = values[i]
            score += _meaning(assign, ctx.count, misfit_of_split, mixed, placed, facts)
            out.append(Candidate(assign, score, plausible, columns_filled, tuple(map(text_at, at))))
    return out


def _placements(shape: tuple, memo: dict | None) -> list[list]:
    """Every order-preserving placement of a row's k cells into its columns, with the empty cells it puts
    where the spacing says otherwise and whether it is plausible as far as the layout goes (before the
    split by sex is weighed), and a place for what its candidates share whatever the cells (``_placed``,
    filled in when a candidate of it is first weighed: None until then). ``shape``:
    (columns, k, True, the spacing before each cell and the period) where the document keeps its spacing,
    else (columns, k, False, the indexes of the text cells): what the answer depends on, the same for many
    rows of a document, which share ``memo`` (a dict, or None)."""
    got = memo.get(shape) if memo is not None else None
    if got is None:
        got = [[slots, misfit, plausible, None] for slots, misfit, plausible in _place_shape(shape)]
        if memo is not None:
            memo[shape] = got
    return got


def _placed(columns: tuple[str, ...], slots: tuple[int, ...]) -> tuple:
    """What a placement's candidates share whatever the cells: the columns it fills; the index of the cell
    it puts in each of VALUE_COLUMNS (-1: none) and the (column, cell) it puts in other columns; all its
    (column, cell) in the order of the candidate's ``cells`` (a later cell in a column a header prints
    twice takes it); and the cells of the outcome and of its split by sex where it places all three (else
    None)."""
    order = dict.fromkeys(VALUE_COLUMNS)
    for i, slot in enumerate(slots):
        order[columns[slot]] = i
    placed = tuple((col, i) for col, i in order.items() if i is not None)
    trio = (order["outcome"], order["outcome_men"], order["outcome_women"])
    return (frozenset(columns[s] for s in slots),
            tuple(-1 if order[col] is None else order[col] for col in VALUE_COLUMNS),
            tuple((col, i) for col, i in placed if col not in _VALUE_INDEX), placed, None if None in trio else trio)


_VALUE_INDEX = {col: i for i, col in enumerate(VALUE_COLUMNS)}


def _place_shape(shape: tuple) -> list[tuple[tuple[int, ...], int, bool]]:
    columns, k, spacing, *rest = shape
    n = len(columns)
    out = []
    if spacing:
        said, said_tail = rest
        for slots in itertools.combinations(range(n), k):
            misfit = _spacing_misfit(slots, said, said_tail, n)
            out.append((slots, misfit, misfit <= 2))
        return out
    texts = rest[0]
    figure_slots = {i for i, col in enumerate(columns) if col in FIGURE_COLUMNS}
    sex_slots = tuple(columns.index(c) if c in columns else -1 for c in ("outcome", "outcome_men", "outcome_women"))
    for slots in itertools.combinations(range(n), k):
        total, men, women = sex_slots[0] in slots, sex_slots[1] in slots, sex_slots[2] in slots
        plausible = not (texts and any(slots[i] in figure_slots for i in texts)) and men == women \
            and (total or not men)
        out.append((slots, 0, plausible))
    return out


def _spacing_misfit(slots, said, said_tail, n) -> int:
    """Empty cells the candidate puts where the spacing says otherwise (0: the spacing fits)."""
    misfit = 0
    prev = -1
    for slot, empties in zip(slots, said):
        misfit += abs((slot - prev - 1) - empties)
        prev = slot
    if said_tail is not None:
        misfit += abs((n - 1 - prev) - said_tail)
    # empty cells printed as such (a lone run of spaces) were already counted by the cells around them
    return misfit


def _num(v: Value | None) -> float | None:
    return v.value if v is not None else None


_COUNT_NAME = re.compile(r"^\s*antal\b", re.I)
# "Antal dagar i genomsnitt", "Antal ... per 1 000 invånare": averages and rates, not counts
# "Antal personal som en hemtjänsttagare möter", "Antal dagar från ansökan till beslut": per person or a
# duration, figures that are averaged, not added, over the people they concern
_NOT_COUNT = re.compile(r"genomsnitt|snitt|medel|median|\bper\b|\bsom en\b|\bvarje\b|andel|procent|index|kvot|"
                        r"\b(?:dagar|dygn|veckor|månader|timmar|minuter|år)\b", re.I)


def counts_things(name: str) -> bool:
    """The indicator counts things (its women and men add up to its outcome), by its name."""
    return bool(_COUNT_NAME.match(name)) and not _NOT_COUNT.search(name)


def split_misfit(total: Value, men: Value, women: Value, count: bool = False) -> float:
    """How far men and women are from splitting the total, as a share of the total (0: they do). Counts
    add up to it; shares, averages and indexes lie between the two, allowing for rounding. A total a
    little outside the two is still possible where some respondents state no sex. ``count``: the row
    counts things, so only adding up fits (a count's total is never between its two parts), though a
    total somewhat above the sum is possible where some are registered without a sex."""
    t, m, w = total.value, men.value, women.value
    if t is None or m is None or w is None:
        return 1.0
    # rounding slack: half a unit of the last printed decimal
    tol = 0.5 * 10 ** -max(_decimals(x.text) for x in (total, men, women)) + 1e-9
    if abs((m + w) - t) <= max(2 * tol, abs(t) * 0.01):
        return 0.0
    if count and "%" not in (total.unit, men.unit, women.unit) \
            and not any(_decimals(x.text) for x in (total, men, women)):   # counts are whole
        gap = (t - (m + w)) / max(abs(t), 1e-9)
        return min(gap, NEAR_SPLIT) if 0 < gap <= 0.1 else abs(gap)
    lo, hi = sorted((m, w))
    outside = max(0.0, lo - tol - t, t - hi - tol)
    return outside / max(abs(t), 1e-9) if outside else 0.0


def _cell_facts(v: Value) -> tuple[bool, bool, bool, int, bool]:
    """What the weighing asks of a cell, whichever column it stands in: is it a text, a text about KF's
    target, does it print a unit, its decimals, is it ROUND_FROM or more."""
    if v.value is None:
        return True, bool(KF_TEXT.match(v.text)), bool(v.unit), 0, False
    return False, False, bool(v.unit), _decimals(v.text), abs(v.value) >= ROUND_FROM


def _meaning(a: dict[str, Value | None], count: bool = False, misfit_of_split: float | None = None,
             mixed: bool | None = None, placed: tuple | None = None, facts: list | None = None) -> float:
    """Row-local evidence from what the cells are (``misfit_of_split``: the reading's ``split_misfit``, and
    ``mixed``: its ``_mixed_units``, when they are known already; ``placed``: the (column, cell) pairs of
    ``a`` in its order, with ``facts``: each cell's ``_cell_facts``, when the caller has them)."""
    if placed is None:
        placed, facts = _facts_of(a)
    score = 0.0
    for col, i in placed:
        text, kf_text = facts[i][0], facts[i][1]
        if not text:
            continue
        if col in FIGURE_COLUMNS:
            score += TEXT_IN_FIGURE_COLUMN
        elif col == "target" and kf_text:
            score += KF_TEXT_IN_TARGET
    men, women, total = a["outcome_men"], a["outcome_women"], a["outcome"]
    if men is not None and women is not None:
        if total is None:
            score += SPLIT_WITHOUT_TOTAL
        elif (misfit := split_misfit(total, men, women, count) if misfit_of_split is None
              else misfit_of_split) > NEAR_SPLIT:
            score += SPLIT_BREAKS
        elif misfit > 0:
            score += SPLIT_NEARLY
        elif _same(men.value, women.value):
            pass                  # the same figure three times fits any reading
        elif _same(total.value, men.value) or _same(total.value, women.value):
            # a total equal to one sex while the other differs: the other group would weigh nothing,
            # which finer printed figures make the less likely
            score -= min(4.5, 1.5 * _decimals(total.text))
        else:
            score += SPLIT_FITS
    elif men is not None or women is not None:
        score += ONE_SEX_ONLY
    score += _units(a, mixed, placed, facts)
    score += _precision(a, placed, facts)
    forecast = a["forecast"]
    if forecast is not None and total is not None and _far_apart_shares(total, forecast):
        score += FORECAST_FAR_FROM_SHARE
    for col in ("forecast", "target", "kf_target"):
        v = a[col]
        if v is not None and v.value is not None and _decimals(v.text) >= 2:
            # a forecast may repeat the measured outcome (an annual report's forecast is the outcome)
            if not (col == "forecast" and total is not None and same_print(v, total)):
                score += MEASURED_IN_TARGET
    return score


def _facts_of(a: dict[str, Value | None]) -> tuple[tuple, list]:
    """``a``'s (column, cell) pairs in its order, and each cell's ``_cell_facts``."""
    present = [(col, v) for col, v in a.items() if v is not None]
    return tuple((col, i) for i, (col, _) in enumerate(present)), [_cell_facts(v) for _, v in present]


def _units(a: dict[str, Value | None], mixed: bool | None = None, placed: tuple | None = None,
           facts: list | None = None) -> float:
    """How well the columns fit which of the row's figures lack the unit the others print (0 where all
    print it or none does: then the units say little about the columns). ``mixed``: ``_mixed_units`` of
    the figures, when it is known; ``placed``, ``facts``: as ``_meaning`` has them."""
    if mixed is False:
        return 0.0
    if placed is None:
        placed, facts = _facts_of(a)
    if mixed is None and not _mixed_units([a[col] for col, i in placed if not facts[i][0]]):
        return 0.0
    return sum(_LOG_BARE[col][facts[i][2]] for col, i in placed if col in _LOG_BARE and not facts[i][0])


def _mixed_units(figures: list[Value]) -> bool:
    """Some of the figures print a unit and some do not."""
    return not all(v.unit for v in figures) and any(v.unit for v in figures)


def _precision(a: dict[str, Value | None], placed: tuple | None = None, facts: list | None = None) -> float:
    """How well the columns fit which figures print decimals, where the outcome does (0 where it does not:
    a round outcome says nothing of the others). ``placed``, ``facts``: as ``_meaning`` has them."""
    outcome = a["outcome"]
    if outcome is None or outcome.value is None or not _decimals(outcome.text):
        return 0.0
    if placed is None:
        placed, facts = _facts_of(a)
    return sum(_LOG_DECIMALS[col][facts[i][3] > 0] for col, i in placed
               if col in _LOG_DECIMALS and not facts[i][0] and facts[i][4])


def _at_bound(v: Value) -> bool:
    """0, or 100 as a share: the figures any two columns hold alike by the nature of the measure."""
    return v.value == 0 or (v.value == 100 and v.unit in ("%", None))


def _far_apart_shares(a: Value, b: Value) -> bool:
    """Two shares (per cent, both above zero) more than FAR_FACTOR times apart."""
    if a.unit != "%" or b.unit != "%" or not a.value or not b.value or a.value < 0 or b.value < 0:
        return False
    return max(a.value / b.value, b.value / a.value) > FAR_FACTOR


@functools.lru_cache(maxsize=4096)
def _decimals(text: str) -> int:
    # asked of the same few cells by every candidate reading of a row
    m = _DECIMALS.match(text)
    return len(m.group(1)) if m else 0


_DECIMALS = re.compile(r"^[-+−–]?[\d ]+[.,](\d+)")


def _situation(period: str | None, report_kind: str | None) -> str:
    if report_kind in ("T1", "T2"):
        return "tertial-yearly" if period is None or YEARLY_PERIOD.match(period) else "tertial-period"
    if period is not None and PART_OF_YEAR.match(period):
        # an annual report's row measured over a part of the year ("Halvår 1 2020") was measured before the
        # year ended, as a tertial report's rows are: it may carry a forecast for the year
        return "tertial-period"
    return "annual"


def _log_filled(situation: str, col: str, forecast_alone: bool) -> tuple[float, float]:
    """log P(filled), log P(empty) of a column in a situation. In a tertial report a forecast goes with
    an outcome: a row without one seldom has a forecast."""
    p = FORECAST_WITHOUT_OUTCOME if forecast_alone and col == "forecast" else FILLED[situation][col]
    return math.log(p), math.log(1.0 - p)


_LOG_FILLED = {(situation, col, alone): _log_filled(situation, col, alone)
               for situation in FILLED for col in FILLED[situation] for alone in (False, True)}
# per column: log-ratio against any figure of printing it bare, and with its unit
_LOG_BARE = {col: (math.log(p / BARE_ANY), math.log((1 - p) / (1 - BARE_ANY))) for col, p in BARE_FIGURE.items()}
# per column: log-ratio against any figure of printing it round, and with decimals
_LOG_DECIMALS = {col: (math.log((1 - p) / (1 - DECIMALS_ANY)), math.log(p / DECIMALS_ANY)) for col, p in DECIMALS.items()}
_LOG_KF_FILLED = {kf: (math.log(p), math.log(1.0 - p)) for kf, p in KF_TARGET_FILLED.items()}
_LOG_EQUAL = {pair: (math.log(p / EQUAL_BY_CHANCE), math.log((1 - p) / (1 - EQUAL_BY_CHANCE)))
              for pair, p in {**EQUAL_PAIRS, **EQUAL_PAIRS_ANNUAL}.items()}


def _log_kf_filled(kf_goal: bool, siblings: tuple[int, int]) -> tuple[float, float]:
    """log P(filled), log P(empty) of KF's column for a row under a goal of this level, knowing how many of
    the goal's sure rows have KF's target and how many have none: the goal's table uses the column or not
    (prior: the level's share), and each row follows its table's use with SAME_TABLE_KF."""
    with_kf, without = siblings
    if not with_kf and not without:
        return _LOG_KF_FILLED[kf_goal]
    p = KF_TARGET_FILLED[kf_goal]
    log_odds = math.log(p / (1 - p)) + (with_kf - without) * math.log(SAME_TABLE_KF / (1 - SAME_TABLE_KF))
    uses = 1 / (1 + math.exp(-max(-50.0, min(50.0, log_odds))))
    filled = uses * SAME_TABLE_KF + (1 - uses) * (1 - SAME_TABLE_KF)
    return math.log(filled), math.log(1 - filled)


def _context_evidence(a: dict[str, Value | None], period: str | None, ctx: Context) -> float:
    return _more_evidence(_form_evidence(a, period, ctx), a, ctx)


def _form_evidence(a: dict[str, Value | None], period: str | None, ctx: Context, filled=None,
                   priors: dict | None = None, columns: frozenset | None = None) -> float:
    """The part of ``_context_evidence`` that the form gives (the report's kind, the row's period, who the
    row is about, its goal's level): the same in a row's every decision, so worked out once per candidate
    (``_form_scores``). ``_more_evidence`` adds the rest to it, in the same order as one sum. ``filled``:
    ``_filled_odds(period, ctx)``, when the caller has it; ``priors``: what the columns a reading fills
    (``columns``, ``shape(a)``) give in this situation, by those columns, shared by the rows in it."""
    score = priors.get(columns) if priors is not None else None
    if score is None:
        by_outcome = _filled_odds(period, ctx) if filled is None else filled
        score = 0.0
        if a["outcome_men"] is not None or a["outcome_women"] is not None:
            score += _SPLIT_PRIOR.get(ctx.people, SPLIT_PRINTED)
        for col, log_filled, log_empty in by_outcome[a["outcome"] is None]:
            score += log_filled if a[col] is not None else log_empty
        if priors is not None:
            priors[columns] = score
    for pair in (_PAIRS_ANNUAL if ctx.report_kind == "VB" else _PAIRS):
        first, second = a[pair[0]], a[pair[1]]
        if first is None or second is None or first.value is None or second.value is None:
            continue
        same, differ = _LOG_EQUAL[pair]
        if not _same(first.value, second.value):
            score += differ
        elif not _at_bound(first):
            score += same
    return score


_SPLIT_PRIOR = {True: SPLIT_ABOUT_PEOPLE, False: SPLIT_NOT_PEOPLE}
_PAIRS = tuple(EQUAL_PAIRS)
_PAIRS_ANNUAL = (*EQUAL_PAIRS, *EQUAL_PAIRS_ANNUAL)


def _filled_odds(period: str | None, ctx: Context) -> dict[bool, tuple[tuple[str, float, float], ...]]:
    """(column, log P(filled), log P(empty)) for each column the form expects filled or not, in the
    situation of the row's period and the report's kind, by whether the reading has no outcome (a forecast
    alone is rare in a tertial report)."""
    situation = _situation(period, ctx.report_kind)
    out = {}
    for no_outcome in (False, True):
        alone = ctx.report_kind in ("T1", "T2") and no_outcome
        odds = []
        for col in FILLED[situation]:
            if col == "kf_target" and ctx.kf_goal is not None:
                odds.append((col, *_LOG_KF_FILLED[ctx.kf_goal]))
            else:
                odds.append((col, *_LOG_FILLED[(situation, col, alone)]))
        out[no_outcome] = tuple(odds)
    return out


def _more_evidence(score: float, a: dict[str, Value | None], ctx: Context, filled: frozenset | None = None) -> float:
    """What the report's other rows and the known KF target add to ``_form_evidence`` (``filled``:
    ``shape(a)``, when the caller has it)."""
    if ctx.kf_goal is not None and ctx.kf_siblings != (0, 0):
        # the goal's sure rows in place of the level's share alone (``_form_evidence`` counted that)
        level, seen = _LOG_KF_FILLED[ctx.kf_goal], _log_kf_filled(ctx.kf_goal, ctx.kf_siblings)
        k = 0 if a["kf_target"] is not None else 1
        score += seen[k] - level[k]
    if ctx.pattern:
        for col, (text, figure) in ctx.pattern.items():
            v = a.get(col)
            if v is not None:
                score += text if v.value is None else figure
    if ctx.neighbours:
        score += SAME_SHAPE * ctx.neighbours.get(shape(a) if filled is None else filled, 0.0)
    if ctx.known_kf is not None:
        score += KNOWN_KF_TARGET if _same_figure(a["kf_target"], ctx.known_kf) else -KNOWN_KF_TARGET
    return score


def _form_scores(row: PendingRow, cands: list[Candidate], ctx: Context) -> list[float]:
    """``_form_evidence`` of each of the row's candidates, computed once per row and context of the form (a
    row is weighed up to three times)."""
    key = (ctx.spacing, ctx.count, ctx.report_kind, ctx.people, ctx.kf_goal)
    got = row._form.get(key)
    if got is None:
        filled = _filled_odds(row.period, ctx)
        # what the filled columns give depends on the row only through its situation (``_filled_odds``)
        situation = ("form", _situation(row.period, ctx.report_kind), ctx.report_kind in ("T1", "T2"), ctx.people,
                     ctx.kf_goal)
        priors = {} if ctx.placements is None else ctx.placements.setdefault(situation, {})
        got = row._form[key] = [_form_evidence(c.cells, row.period, ctx, filled, priors, c.filled) for c in cands]
    return got


def shape(a: dict[str, Value | None]) -> frozenset:
    """The set of columns a reading fills."""
    return frozenset(col for col, v in a.items() if v is not None)


def shapes(ind: Indicator, row: PendingRow, ctx: Context, scored=None) -> dict[frozenset, float]:
    """The probability of each set of filled columns over the row's readings (``scored``: the row's
    ``score`` in this context, when it is known already)."""
    scored = score(ind, row, ctx) if scored is None else scored
    out: dict[frozenset, float] = {}
    if scored:
        for w, (_, _, c) in zip(_weights(scored), scored):
            out[c.filled] = out.get(c.filled, 0.0) + w
    return out


def _same_figure(a: Value | None, b: Value | None) -> bool:
    """The same figure (or the same text, spacing aside)."""
    if a is None or b is None:
        return False
    if a.value is not None and b.value is not None:
        return _same(a.value, b.value)
    return a.value is None and b.value is None and "".join(a.text.split()).lower() == "".join(b.text.split()).lower()


def _stated_figures(ind: Indicator, row_values: set[float]) -> list[tuple[str, float]]:
    """The prose's claims about the row's own figures that the row prints (a figure it does not print
    says nothing about where its cells go)."""
    return [(c.kind, float(c.value)) for c in ind.claims
            if c.kind not in ("met", "trend") and any(_same(c.value, x) for x in row_values)]


def _met_under(a: dict[str, Value | None], report_kind: str | None, direction: str) -> bool | None:
    """Whether the row meets its target under a reading (``policy.target``'s judgement)."""
    figure, _ = compared_figure(report_kind, SimpleNamespace(outcome=a["outcome"], forecast=a["forecast"]))
    return is_met(figure, target_number(a["target"]), direction)


def _prose_evidence(a: dict[str, Value | None], stated: list[tuple[str, float]], not_measured: bool,
                    said_met: tuple[bool, ...] = (), report_kind: str | None = None,
                    direction: str = "higher", met=None) -> float:
    """What the prose says for or against a reading (``met``: ``_met_under`` of it as ``(met,)``, when the
    caller has it: candidates that print the same outcome, forecast and target are judged alike)."""
    score = 0.0
    if said_met:
        met = _met_under(a, report_kind, direction) if met is None else met[0]
        if met is not None:
            score += sum(PROSE_MET_DISAGREES for said in said_met if said is not met)
    for kind, value in stated:
        placed = _num(a[kind])
        score += PROSE_AGREES if placed is not None and _same(value, placed) else PROSE_DISAGREES
    if not_measured:
        score += NOT_MEASURED if a["outcome"] is None else -NOT_MEASURED
    return score


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 + 1e-6 * max(abs(a), abs(b))


# ---------------------------------------------------------------------- the decision
def score(ind: Indicator, row: PendingRow, ctx: Context) -> list[tuple[float, float, Candidate]]:
    """The row's candidates with their evidence (all of it, and all but the prose), best first."""
    not_measured = _says_not_measured(ind, row)
    cands = candidates(row, ctx)
    if ctx.known_kf is not None and not any(_same_figure(v, ctx.known_kf) for c in cands[:1] for v in c.cells.values()):
        ctx = replace(ctx, known_kf=None)   # KF's target is not among the row's cells: it says nothing here
    printed = {v.value for c in cands[:1] for v in c.cells.values() if v is not None and v.value is not None}
    stated = _stated_figures(ind, printed) if ind.claims else []
    said_met = tuple(c.value for c in ind.claims if c.kind == "met" and isinstance(c.value, bool))
    prose = bool(stated) or not_measured or bool(said_met)
    # what the rest of the report says adds nothing to a row it says nothing about (``_more_evidence``)
    more = (ctx.kf_goal is not None and ctx.kf_siblings != (0, 0)) or bool(ctx.pattern) or bool(ctx.neighbours) \
        or ctx.known_kf is not None
    mets: dict[tuple, tuple] = {}     # (_met_under,) by the outcome, forecast and target the candidate prints
    out = []
    for c, form in zip(cands, _form_scores(row, cands, ctx)):
        layout = c.local + (_more_evidence(form, c.cells, ctx, c.filled) if more else form)
        if prose:
            met = None
            if said_met:
                judged = (c.key[_OUTCOME], c.key[_FORECAST], c.key[_TARGET])
                met = mets.get(judged)
                if met is None:
                    met = mets[judged] = (_met_under(c.cells, ctx.report_kind, ctx.direction),)
            out.append((layout + _prose_evidence(c.cells, stated, not_measured, said_met, ctx.report_kind,
                                                 ctx.direction, met), layout, c))
        else:
            out.append((layout + 0.0, layout, c))
    out.sort(key=lambda t: -t[0])   # stable: equal scores keep the order of the candidates
    return out


_OUTCOME, _FORECAST, _TARGET = (VALUE_COLUMNS.index(col) for col in ("outcome", "forecast", "target"))


def _says_not_measured(ind: Indicator, row: PendingRow) -> bool:
    """The row's analysis says it was not measured this period (``NOT_MEASURED_SAYS``), searched once per
    analysis: a row is weighed up to three times."""
    seen, said = row._not_measured
    if seen != ind.analysis:
        said = bool(ind.analysis and _may_say_not_measured(ind.analysis) and NOT_MEASURED_SAYS.search(ind.analysis))
        row._not_measured = (ind.analysis, said)
    return said


# The characters that the patterns' ignoring of case takes for "s" and "i" ("ſ", "ı", "İ") where str.lower()
# does not: a text holding one is left to the pattern itself
_IGNORED_CASE_APART = frozenset("\u017f\u0131\u0130")


def _may_say_not_measured(text: str) -> bool:
    """A test that every text NOT_MEASURED_SAYS finds passes: one of the words each of its readings needs,
    in the text lowered once. The pattern tries its words, ignoring case, at every character of a long
    analysis."""
    if not _IGNORED_CASE_APART.isdisjoint(text):
        return True
    low = text.lower()
    return "undersökning" in low or "enkät" in low or "mätning" in low


def _weights(scored) -> list[float]:
    top = scored[0][0]
    weights = [math.exp(s - top) for s, _, _ in scored]
    total = sum(weights)
    return [w / total for w in weights]


def decide(ind: Indicator, row: PendingRow, ctx: Context, scored=None):
    """Choose the reading of ``row`` for ``ind`` and record how sure the choice is. Returns the row's
    ``score`` it chose by (None for a row placed by position), so that a caller weighing the row again in
    the same context need not score it again."""
    if ctx.positioned is not None:
        place_by_position(ind, row, ctx.positioned)
        return None
    ind.period = row.period
    scored = score(ind, row, ctx) if scored is None else scored
    if not scored:
        _fallback(ind, row)
        return scored
    weights = _weights(scored)
    best = scored[0][2]
    if not best.plausible:
        # no reading fits the form: the least bad one is shown, but nothing about it is sure
        weights = [min(w, IMPLAUSIBLE) for w in weights]
        ind.notes.append("no reading of the cells fits the table's columns")
    for col in VALUE_COLUMNS:
        setattr(ind, col, best.cells[col])
    ind.confidence = round(weights[0], 4)
    ind._readings = readings(weights, [c for _, _, c in scored])
    ind.cell_confidence = _cell_confidence(row.columns, best, weights, scored)
    for col in row.columns:
        if col not in VALUE_COLUMNS and best.cells.get(col) is not None:
            ind.notes.append(f"cell in a column the parser does not know ({col.lstrip('?')}): {best.cells[col].text}")
    runner_up = next((c for _, _, c in scored[1:] if c.cells != best.cells), None)
    ind.alternative = ({col: runner_up.cells[col] for col in VALUE_COLUMNS
                        if not same_print(runner_up.cells[col], best.cells[col])}
                       if runner_up is not None and ind.confidence < CERTAIN else None)
    ind.columns_certain = ind.confidence >= CERTAIN and row.period is not None
    without_prose = max(scored, key=lambda t: t[1])[2]
    if without_prose.cells != best.cells:
        ind.notes.append("columns settled by the prose")
    return scored


def _cell_confidence(columns, best: Candidate, weights: list[float], scored) -> dict[str, float]:
    """Per column, the probability of the readings that agree with the best one there: the weights summed
    in the candidates' order (so the sums are the same to the last bit), by the cell's printed text (for
    VALUE_COLUMNS, as each candidate's ``key`` holds it)."""
    sums = dict.fromkeys(columns, 0)
    keys = None
    for col in columns:
        total = 0
        at = _VALUE_INDEX.get(col)
        if at is not None:
            keys = keys or [c.key for _, _, c in scored]
            text = best.key[at]
            for w, key in zip(weights, keys):
                if key[at] == text:
                    total += w
        else:
            chosen = best.cells.get(col)
            text = None if chosen is None else chosen.text
            for w, (_, _, c) in zip(weights, scored):
                v = c.cells.get(col)
                if (None if v is None else v.text) == text:
                    total += w
        sums[col] = total
    return {col: round(total, 4) for col, total in sums.items()}


def place_by_position(ind: Indicator, row: PendingRow, cells: dict[str, str]) -> None:
    """The cells as the PDF's geometry placed them: each under the header column it is printed in, so
    nothing is left to weigh."""
    ind.period = cells.get("period") or row.period
    for col in VALUE_COLUMNS:
        setattr(ind, col, parse_value(cells[col]) if cells.get(col) else None)
    columns = list(row.columns) + [c for c in cells if c not in row.columns and c not in ("period", "name")]
    ind.confidence = 1.0
    ind.cell_confidence = {col: 1.0 for col in columns}
    ind._readings = [(1.0, ind.cells())]
    ind.alternative = None
    ind.columns_certain = ind.period is not None
    for col in columns:
        if col not in VALUE_COLUMNS and cells.get(col):
            ind.notes.append(f"cell in a column the parser does not know ({col.lstrip('?')}): {cells[col]}")


def _fallback(ind: Indicator, row: PendingRow) -> None:
    """No reading fits the columns (more cells than columns, or none at all): the cells in printed order,
    the surplus noted, and no confidence in it."""
    readings = [r for r in row.readings if r]
    ind.confidence = 0.0
    ind.columns_certain = False
    ind.cell_confidence = {col: 0.0 for col in row.columns}
    if not readings:
        ind.notes.append("no values")
        return
    body, _ = split_period(min(readings, key=join_cost))
    values = [parse_value(c.text) for c in body if c.text]
    for col, v in zip(row.columns, values):
        if col in VALUE_COLUMNS:
            setattr(ind, col, v)
        else:
            ind.notes.append(f"cell in a column the parser does not know ({col.lstrip('?')}): {v.text}")
    if len(values) > len(row.columns):
        ind.notes.append("extra cells: " + " | ".join(v.text for v in values[len(row.columns):]))
