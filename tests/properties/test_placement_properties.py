"""Property tests of cell placement (auditor/parser/placement.py).

Rows are generated from known cells the way committees fill the form (an outcome split by sex only for
indicators about people, the split adding up to or bracketing the outcome, a forecast mostly in tertial
reports, KF's target often equal to the committee's or a text), for the header variants the form has
(all eight columns, no forecast column, a unit report's few columns). Each row is printed twice: with the
extraction's spacing (one extra space per empty cell) and flat (every gap one space).

- With spacing, the placement recovers every cell, confidently.
- Flat, a confident placement is right nearly always (measured over a seeded sample: the rows it is sure
  of must be right, the doubt goes to the others), and it never breaks the constraints a reader checks:
  text targets stand in target columns, a split by sex is whole and fits its total.
"""
from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.model import CERTAIN, VALUE_COLUMNS, Indicator, Value
from auditor.input.lines import Line
from auditor.parser.placement import NEAR_SPLIT, Context, decide, pending_row, split_misfit
from auditor.input.values import value_groups_to_cells
from ..writer import format_number

FULL = VALUE_COLUMNS
NO_FORECAST = tuple(c for c in VALUE_COLUMNS if c != "forecast")
UNIT_REPORT = ("outcome", "previous", "target", "kf_target")
HEADERS = (FULL, NO_FORECAST, UNIT_REPORT)
KF_TEXTS = ("Tas fram av nämnd/styrelse", "Fastställs senare")


def _cell(value: float | None, unit: str | None) -> Value | None:
    if value is None:
        return None
    text = format_number(value) + (f" {unit}" if unit else "")
    return Value(value=value, unit=unit, text=text)


def realistic_row(rnd: random.Random, columns: tuple[str, ...]) -> tuple[dict, str, str, bool]:
    """(cells by column, period, report kind, about people) for one row the way the form is filled."""
    kind = rnd.choice(("VB", "T1", "T2"))
    yearly = kind == "VB" or rnd.random() < 0.5
    period = ("VB 2024" if rnd.random() < 0.3 else "2024") if yearly else f"Tertial {kind[1]} 2024"
    share = rnd.random() < 0.7
    unit = "%" if share else rnd.choice(("st", None))
    people = rnd.random() < 0.6
    cells: dict[str, Value | None] = dict.fromkeys(VALUE_COLUMNS)
    measured = kind == "VB" or not yearly or rnd.random() < 0.15
    base = rnd.randint(20, 95) if share else rnd.randint(5, 400)
    if measured and "outcome" in columns:
        if people and "outcome_men" in columns and rnd.random() < 0.6:
            if share:
                men, women = base - rnd.randint(1, 9), base + rnd.randint(1, 9)
                total = round((men + women) / 2)
            else:
                men, women = rnd.randint(1, base), rnd.randint(1, base)
                total = men + women
            cells["outcome_men"], cells["outcome_women"] = _cell(men, unit), _cell(women, unit)
            cells["outcome"] = _cell(total, unit)
        else:
            cells["outcome"] = _cell(base, unit)
    if "previous" in columns and rnd.random() < 0.8:
        cells["previous"] = _cell(base + rnd.randint(-6, 6) + 0.5 * rnd.randint(0, 1), unit)
    target = base + rnd.randint(-10, 10)
    if "target" in columns:
        cells["target"] = _cell(target, unit)
    if "forecast" in columns and kind != "VB" and cells["outcome"] is not None and rnd.random() < 0.8:
        cells["forecast"] = _cell(target if rnd.random() < 0.6 else target + rnd.randint(-5, 5), unit)
    if "kf_target" in columns and rnd.random() < 0.6:
        if rnd.random() < 0.25:
            cells["kf_target"] = Value(value=None, unit=None, text=rnd.choice(KF_TEXTS))
        else:
            cells["kf_target"] = _cell(target if rnd.random() < 0.7 else target + rnd.randint(-5, 5), unit)
    return cells, period, kind, people


def print_row(cells: dict, columns: tuple[str, ...], period: str, spaced: bool) -> str:
    parts = [cells[c].text if cells[c] is not None else "" for c in columns]
    line = " ".join(parts) + " " + period
    return line if spaced else " ".join(line.split())


def place(line: str, columns, kind: str, people: bool | None, spacing: bool) -> Indicator:
    readings = value_groups_to_cells([[Line(1, line, line.strip())]])
    row = pending_row(readings, columns)
    ind = Indicator(name="x", line=1)
    decide(ind, row, Context(report_kind=kind, spacing=spacing, people=people))
    return ind


def texts(cells: dict) -> dict:
    return {c: (v.text if v is not None else None) for c, v in cells.items()}


def test_with_spacing_every_cell_is_recovered_with_confidence():
    rnd = random.Random(20261203)
    for _ in range(400):
        columns = rnd.choice(HEADERS)
        cells, period, kind, people = realistic_row(rnd, columns)
        if not any(cells[c] for c in columns):
            continue
        ind = place(print_row(cells, columns, period, True), columns, kind, people, spacing=True)
        assert texts(ind.cells()) == texts(cells), print_row(cells, columns, period, True)
        assert ind.confidence >= CERTAIN and ind.period == period


def test_flat_rows_are_right_when_sure_and_doubt_the_rest():
    rnd = random.Random(31)
    sure = sure_wrong = wrong = total = 0
    for _ in range(600):
        columns = rnd.choice(HEADERS)
        cells, period, kind, people = realistic_row(rnd, columns)
        if not any(cells[c] for c in columns):
            continue
        ind = place(print_row(cells, columns, period, False), columns, kind, people, spacing=False)
        right = texts(ind.cells()) == texts(cells)
        total += 1
        wrong += not right
        if ind.confidence >= CERTAIN:
            sure += 1
            sure_wrong += not right
    # the rows it is sure of are right (a small share of the form's rare patterns aside) ...
    assert sure_wrong <= 0.04 * sure, (sure_wrong, sure)
    # ... most rows are read right, and most wrong readings are flagged as unsure
    assert wrong <= 0.25 * total, (wrong, total)
    assert sure_wrong <= 0.25 * wrong, (sure_wrong, wrong)


CELL = st.one_of(
    st.integers(0, 120).map(lambda n: f"{n} %"),
    st.integers(0, 9999).map(lambda n: f"{format_number(n / 100)} %"),
    st.integers(0, 500).map(str),
    st.sampled_from(("Öka", "Minska", "Max 10", "Tas fram av nämnd/styrelse", "Fastställs senare")),
)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(CELL, min_size=1, max_size=7), st.sampled_from(HEADERS), st.sampled_from(("VB", "T1", "T2")),
       st.sampled_from((None, True, False)), st.sampled_from(("2024", "Tertial 1 2024")))
def test_a_confident_flat_placement_never_breaks_what_a_reader_checks(cells, columns, kind, people, period):
    line = " ".join(cells) + " " + period
    ind = place(line, columns, kind, people, spacing=False)
    if ind.confidence < CERTAIN:
        return
    placed = ind.cells()
    for col in ("outcome", "outcome_men", "outcome_women", "previous", "forecast"):
        assert placed[col] is None or placed[col].value is not None, (line, col)
    men, women, total = placed["outcome_men"], placed["outcome_women"], placed["outcome"]
    assert (men is None) == (women is None), line
    if men is not None:
        assert total is not None and split_misfit(total, men, women) <= NEAR_SPLIT, line


def test_every_fixture_read_flat_gives_the_same_cells_or_says_it_is_unsure():
    """The fixtures without their spacing (as many PDF tools print them): each row either reads the same
    as with the spacing, or its placement is not certain."""
    import re

    from fixture_compare import FIXTURES, decode_fixture, fixture_names

    from auditor.parser import parse_text

    for name in fixture_names():
        text = decode_fixture(name)
        flat = "\n".join(re.sub(r" +", " ", line).lstrip(" ") for line in text.split("\n"))
        spaced = {i.line: i for g in parse_text(text, name).goals for i in g.indicators}
        for goal in parse_text(flat, name).goals:
            for ind in goal.indicators:
                want = spaced.get(ind.line)
                if want is None or not want.columns_certain:
                    continue
                same = texts(ind.cells()) == texts(want.cells())
                assert same or not ind.columns_certain, (name, ind.line, texts(ind.cells()), texts(want.cells()))


def test_a_count_is_never_split_into_parts_that_bracket_it():
    """For a count ("Antal ..."), women and men add up to the outcome: a total that merely lies between
    the two figures next to it is not a split by sex (for a share it would be)."""
    line = "30 st 25 st 30 st 25 st 1 200 st Tertial 2 2024"
    readings = value_groups_to_cells([[Line(1, line, line)]])
    ind = Indicator(name="Antal deltagare i sommarskolan", line=1)
    decide(ind, pending_row(readings, FULL), Context(report_kind="T2", people=True, count=True))
    assert ind.outcome_men is None and ind.outcome_women is None
    assert (ind.outcome.text, ind.previous.text, ind.target.text) == ("30 st", "25 st", "25 st")
    assert split_misfit(Value(value=30, unit="st", text="30 st"), Value(value=25, unit="st", text="25 st"),
                        Value(value=30, unit="st", text="30 st"), count=True) > NEAR_SPLIT


def test_counts_things_reads_the_name():
    from auditor.parser.placement import counts_things

    assert counts_things("Antal ungdomar med feriejobb")
    assert not counts_things("Antal dagar i genomsnitt från ansökan till beslut")
    assert not counts_things("Antal placeringar per 1 000 invånare")
    assert not counts_things("Andel elever som är nöjda")


def test_a_figure_per_person_named_antal_is_no_count():
    from auditor.parser.placement import counts_things

    assert not counts_things("Antal personal som en hemtjänsttagare möter under två veckor")
    assert not counts_things("Antal dagar från ansökan till beslut")
    # a count printed with decimals is an average after all: the bracket pattern stays possible
    assert split_misfit(Value(value=11.5, unit="st", text="11,5 st"), Value(value=10.5, unit="st", text="10,5 st"),
                        Value(value=12.5, unit="st", text="12,5 st"), count=True) == 0
