"""Read the flattened value cells of one indicator row and assign them to the table's columns.

The PDF extraction prints a row's cells on one line separated by single spaces; every *empty* cell adds
one more space, and a value line that starts with spaces starts with that many empty cells. A cell that
did not fit its column wraps onto the next line(s) ("3,23" / "%", "Tas" / "fram av" / "nämnd/" /
"styrelse"), and the next cells follow after a blank line. The last cell is the period ("VB 2020",
"Tertial 1 2025", "2020").

Some reports were extracted without the extra spaces. When the spaces do not add up to the eight columns,
the cells are assigned by what they are (gender cells bracket or sum to the outcome, a text such as
"Tas fram av nämnd" is KF's target, the year at the end is the period) and the row is marked
``columns_certain = False``.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from ..model import VALUE_COLUMNS, Value
from .lines import Line, join_wrapped

NUMBER = re.compile(r"^[-+−–]?\d+(?:[.,]\d+)?%?$")
THOUSANDS_GROUP = re.compile(r"^\d{3}(?:[.,]\d+)?%?$")
SMALL_INT = re.compile(r"^[-+−–]?\d{1,3}$")
YEAR = re.compile(r"^(?:19|20)\d{2}$")
PERIOD = re.compile(
    r"^(?:(?:VB|Tertial\s*\d|T\s?\d|Halvår\s*\d|Helår|Kvartal\s*\d|Delår)\s*)?(?:19|20)\d{2}$", re.I)
PERIOD_HEAD = re.compile(r"^(?:VB|Tertial|Halvår|Helår|Kvartal|Delår|T\d)$", re.I)
# Words that qualify a number inside a text cell ("Max 10 personer", "+/- 1 %", "Minst 80 %").
QUALIFIERS = {"max", "min", "minst", "högst", "lägst", "under", "över", "+/-", "±", "<", ">", "<=", ">=",
              "ca", "cirka", "mer", "mindre"}
# Text targets that make up a whole cell on their own, and words that only ever start a text cell.
WHOLE_TEXT_CELLS = {"öka", "minska", "ökning", "minskning", "bibehålla", "behålla", "oförändrat", "oförändrad",
                    "förbättra", "förbättras", "höja", "sänka", "uppnå", "noll", "0-vision", "nollvision"}
TEXT_CELL_STARTS = {"tas", "fastställs", "faststäl", "öka", "minska", "ökning", "minskning", "max", "min",
                    "minst", "högst", "+/-", "±"}
UNIT_WORDS = {
    "%", "st", "st.", "kr", "kr.", "tkr", "mnkr", "mdkr", "gwh", "mwh", "kwh", "dagar", "dag", "timmar", "tim",
    "h", "år", "personer", "pers", "pers.", "barn", "barn/avd.", "barn/avd", "barn/grupp", "barn/grupp.", "kg",
    "ton", "procent", "procentenheter", "p.e.", "poäng", "index", "minuter", "min", "veckor", "månader",
    "ärenden", "besök", "platser", "hushåll", "elever", "kronor", "m2", "kvm", "km", "co2", "kg/person",
}


@dataclass
class Cell:
    text: str
    gap_before: int = 1  # spaces before the cell on its line; 0 for a cell that opens a line group
    lead: int = 0        # leading spaces of the line this cell opens (empty cells before it)


@dataclass
class RowValues:
    cells: dict[str, Value | None] = field(default_factory=dict)
    period: str | None = None
    certain: bool = True
    note: str | None = None
    # the value cells in printed order, kept when they were assigned by meaning so that the
    # narrative can still settle the columns (see hints.py)
    by_meaning: list[Value] | None = None


def value_groups_to_cells(groups: list[list[Line]]) -> list[list[Cell]]:
    """Each blank-separated group: its first line holds one or more cells, the lines after it continue
    that line's last cell. Returns the alternative cell readings (thousands separators are ambiguous)."""
    per_group: list[list[list[Cell]]] = []
    for group in groups:
        first, rest = group[0], group[1:]
        lead = len(first.raw) - len(first.raw.lstrip(" "))
        readings = split_cells(first.raw.strip(), lead)
        for cells in readings:
            prev = first
            for line in rest:
                if cells and starts_new_cell(cells[-1].text, line.text):
                    cells.append(Cell(" ".join(line.text.split()), 1, 0))
                elif cells:
                    cells[-1].text = join_wrapped([Line(0, cells[-1].text + (" " if prev.ends_with_space else ""),
                                                        ""), line])
                prev = line
        per_group.append(readings)
    out = []
    for combo in itertools.product(*per_group):
        merged: list[Cell] = []
        for cells in combo:
            merged.extend(Cell(c.text, c.gap_before, c.lead) for c in cells)
        out.append(merged)
        if len(out) >= 256:
            break
    return out


INCOMPLETE_CELL = re.compile(r"^(?:VB|Tertial(?:\s*\d)?|Halvår(?:\s*\d)?|T\d|Helår|Fastst\w*|Max|Min|Minst|Högst|\+/-)$|/$",
                             re.I)


def starts_new_cell(cell_so_far: str, line: str) -> bool:
    """Inside one block, a wrapped cell goes on on the next line, unless that line starts a cell of its
    own ("Max 10" / "personer" / "Max 10" / "personer") while the cell so far is complete."""
    first = line.split()[0] if line.split() else ""
    if INCOMPLETE_CELL.search(cell_so_far.strip()):
        return False
    return bool(NUMBER.match(first) and not YEAR.match(first) or first.lower() in TEXT_CELL_STARTS)


def split_cells(text: str, lead: int) -> list[list[Cell]]:
    """Split one line of cells. Returns one reading per way of reading ambiguous thousands groups."""
    words = [(m.group(), m.start()) for m in re.finditer(r"\S+", text)]
    if not words:
        return [[Cell("", 0, lead)]] if lead else [[]]
    gaps = [0] + [words[i][1] - (words[i - 1][1] + len(words[i - 1][0])) for i in range(1, len(words))]
    tokens = [w for w, _ in words]
    # Candidate thousands joins: "9 000", "1 330" (a 1-3 digit number, one space, a 3-digit group).
    joinable = [i for i in range(1, len(tokens))
                if gaps[i] == 1 and THOUSANDS_GROUP.match(tokens[i]) and SMALL_INT.match(tokens[i - 1])
                and not (YEAR.match(tokens[i]) and i == len(tokens) - 1)]
    readings = []
    if len(joinable) <= 6:
        for choice in itertools.product((True, False), repeat=len(joinable)):
            joins = {j for j, c in zip(joinable, choice) if c}
            readings.append(_group_words(tokens, gaps, joins, lead))
    else:  # too many to try them all: join where a thousands separator is the likely reading
        joins = {j for j in joinable if len(tokens[j - 1].lstrip("-+−–")) <= 2 or tokens[j].startswith("0")}
        readings.append(_group_words(tokens, gaps, joins, lead))
    return readings


def _is_number(tok: str) -> bool:
    return bool(NUMBER.match(tok))


def _is_unit(tok: str) -> bool:
    low = tok.lower()
    return low in UNIT_WORDS or low.startswith("barn/") or low.startswith("kr/") or low.startswith("st/")


def _group_words(tokens: list[str], gaps: list[int], joins: set[int], lead: int) -> list[Cell]:
    cells: list[Cell] = []
    i = 0
    n = len(tokens)
    while i < n:
        tok = tokens[i]
        start_gap = gaps[i] if cells else 0
        if PERIOD_HEAD.match(tok) and i + 1 < n and (YEAR.match(tokens[i + 1]) or tokens[i + 1].isdigit()):
            # "VB 2020", "Tertial 2 2020", or a period whose year wrapped onto the next line
            j = i + 1
            parts = [tok]
            while j < n and gaps[j] == 1 and (tokens[j].isdigit()) and len(parts) < 3:
                parts.append(tokens[j])
                j += 1
            cells.append(Cell(" ".join(parts), start_gap, lead if not cells else 0))
            i = j
            continue
        if _is_number(tok):
            parts = [tok]
            j = i + 1
            while j < n and j in joins:
                parts.append(tokens[j])
                j += 1
            # units follow their number, also after the double space some reports print before "%"
            while j < n and _is_unit(tokens[j]) and not _is_number(tokens[j]) and gaps[j] <= 2:
                parts.append(tokens[j])
                j += 1
            cells.append(Cell(" ".join(parts), start_gap, lead if not cells else 0))
            i = j
            continue
        # A text cell: words separated by single spaces; a qualifier may carry its number and unit.
        parts = [tok]
        j = i + 1
        has_number = bool(re.search(r"\d", tok)) and not YEAR.match(tok)
        while j < n and gaps[j] == 1:
            nxt = tokens[j]
            if has_number and not _is_unit(nxt):
                break
            if _is_number(nxt):
                if has_number:
                    break
                has_number = True
                if parts[-1].lower() in QUALIFIERS or (tokens[j - 1].lower() in QUALIFIERS):
                    parts.append(nxt)
                    j += 1
                    continue
                if YEAR.match(nxt) and parts[-1].lower().startswith("fastst"):
                    parts.append(nxt)
                    j += 1
                    continue
                break
            if PERIOD_HEAD.match(nxt):
                break
            if " ".join(parts).lower() in WHOLE_TEXT_CELLS or (nxt.lower() in TEXT_CELL_STARTS and parts):
                break  # "öka öka": two cells, each a whole target in itself
            parts.append(nxt)
            j += 1
        cells.append(Cell(" ".join(parts), start_gap, lead if not cells else 0))
        i = j
    if not cells and lead:
        cells.append(Cell("", 0, lead))
    return cells


def parse_value(text: str) -> Value:
    """A cell's text as a Value: the number (comma decimals, space thousands) and its unit, or text."""
    raw = " ".join(text.split())
    m = re.match(r"^([-+−–]?\d{1,3}(?: \d{3})+|[-+−–]?\d+)(?:[.,](\d+))?\s*(%|\S.*)?$", raw)
    if m and not _is_qualified_text(raw):
        whole = m.group(1).replace(" ", "").replace("−", "-").replace("–", "-")
        num = float(whole + ("." + m.group(2) if m.group(2) else ""))
        unit = m.group(3)
        if unit is not None:
            unit = unit.strip()
            if unit.startswith("%"):
                unit = "%"
        return Value(value=num, unit=unit or None, text=raw)
    m = re.match(r"^([-+−–]?\d+(?:[.,]\d+)?)%$", raw)
    if m:
        return Value(value=float(m.group(1).replace(",", ".").replace("−", "-").replace("–", "-")),
                     unit="%", text=raw)
    return Value(value=None, unit=None, text=raw)


def _is_qualified_text(raw: str) -> bool:
    return raw.startswith("+/-")


def assign_columns(readings: list[list[Cell]], columns: list[str] | tuple[str, ...] = VALUE_COLUMNS) -> RowValues:
    """Pick the reading whose cells and empty cells fill the table's columns (``columns``: the value
    columns in the order the header gives them; the period follows); else assign by meaning."""
    best_fallback = None
    readings = sorted(readings, key=_join_cost)
    for cells in readings:
        if not cells:
            continue
        if _join_cost(cells) >= FORBIDDEN:
            break  # e.g. "9 000" read as two cells just because that happens to fill the columns
        period = None
        body = list(cells)
        if body and PERIOD.match(body[-1].text.strip()):
            period = " ".join(body[-1].text.split())
            body = body[:-1]
        slots = _slots(body, cells[-1] if period else None)
        if period is not None and len(slots) == len(columns):
            values = {col: None for col in VALUE_COLUMNS}
            values.update({col: (parse_value(c.text) if c is not None and c.text else None)
                           for col, c in zip(columns, slots)})
            return RowValues(values, period, True)
        if best_fallback is None:
            best_fallback = (body, period)
    if best_fallback is None:
        return RowValues({c: None for c in VALUE_COLUMNS}, None, False, "no values")
    body, period = best_fallback
    values = [c for c in body if c.text]
    return assign_by_meaning([parse_value(c.text) for c in values], period, columns)


def _join_cost(cells: list[Cell]) -> float:
    """How unlikely a reading of the thousands separators is. A group that starts with a zero must belong
    to the figure before it ("9 000": no figure is printed with a leading zero); a group after a one- or
    two-digit figure most likely does ("4 500", "13 175"); after three digits it more often starts a
    figure of its own ("750 737"), but the spacing may still say otherwise."""
    cost = 0.0
    for cell in cells:   # groups joined into a figure
        for m in re.finditer(r"(?<![\d,.])(\d{1,3})((?: \d{3})+)(?![\d])", cell.text):
            cost += 0.5 * len(m.group(2).split()) if len(m.group(1)) == 3 else 0
    for a, b in zip(cells, cells[1:]):   # groups left as figures of their own
        if b.gap_before == 1 and re.fullmatch(r"-?\d{1,3}", a.text) and re.match(r"\d{3}(?![\d])", b.text):
            cost += FORBIDDEN if b.text.startswith("0") else (1 if len(a.text.lstrip("-")) <= 2 else 0)
    return cost


FORBIDDEN = 100.0


def _slots(body: list[Cell], period_cell: Cell | None) -> list[Cell | None]:
    slots: list[Cell | None] = []
    for cell in body:
        empties = cell.lead if cell.gap_before == 0 else max(0, cell.gap_before - 1)
        slots.extend([None] * empties)
        if cell.text:
            slots.append(cell)
    if period_cell is not None:
        empties = period_cell.lead if period_cell.gap_before == 0 else max(0, period_cell.gap_before - 1)
        slots.extend([None] * empties)
    return slots


def _close(a: float, b: float, rel: float = 0.02) -> bool:
    return abs(a - b) <= max(abs(a), abs(b), 1.0) * rel


def _is_gender_split(total: Value, men: Value, women: Value) -> bool:
    """Do the 2nd and 3rd cells split the 1st by sex? Counts add up to the total; shares, averages and
    indexes lie between the two."""
    if total.value is None or men.value is None or women.value is None:
        return False
    sums = _close(men.value + women.value, total.value)
    counts = all(v.unit != "%" and float(v.value).is_integer() for v in (total, men, women))
    if counts:
        return sums
    lo, hi = sorted((men.value, women.value))
    return lo - 1e-9 <= total.value <= hi + 1e-9 or sums


def assign_by_meaning(vals: list[Value], period: str | None,
                      columns: list[str] | tuple[str, ...] = VALUE_COLUMNS) -> RowValues:
    """Assign value cells to columns when the spacing does not tell: the usual shapes of a row."""
    if tuple(columns) != VALUE_COLUMNS:
        return _in_header_order(vals, period, columns)
    cells = {c: None for c in VALUE_COLUMNS}
    k = len(vals)
    kf_text = k > 0 and vals[-1].value is None
    order: list[str]
    certain = False
    if k >= 7:
        order = list(VALUE_COLUMNS)
        certain = k == 7
    elif k == 0:
        order = []
    elif k >= 5 and _is_gender_split(vals[0], vals[1], vals[2]):
        rest = k - 3
        tail = {1: ["target"], 2: ["previous", "target"], 3: ["previous", "target", "kf_target"],
                4: ["previous", "forecast", "target", "kf_target"]}[rest]
        order = ["outcome", "outcome_men", "outcome_women"] + tail
        certain = rest == 3
    elif k == 1:
        order = ["target"]
    elif k == 2:
        order = ["outcome", "target"] if not kf_text else ["outcome", "kf_target"]
    elif k == 3:
        order = ["outcome", "target", "kf_target"] if kf_text else ["outcome", "previous", "target"]
        if not kf_text and vals[1].value is not None and vals[2].value is not None \
                and vals[1].value == vals[2].value and vals[0].value != vals[1].value:
            order = ["outcome", "target", "kf_target"]
    elif k == 4:
        order = ["outcome", "previous", "target", "kf_target"]
    elif k == 5:
        order = ["outcome", "previous", "forecast", "target", "kf_target"]
    else:  # 6 without a gender split
        order = ["outcome", "outcome_men", "outcome_women", "previous", "target", "kf_target"]
    for col, val in zip(order, vals):
        cells[col] = val
    extra = vals[len(order):]
    note = None
    if extra:
        note = "extra cells: " + " | ".join(v.text for v in extra)
    return RowValues(cells, period, certain, note, by_meaning=list(vals) if 0 < k < 7 else None)


def _in_header_order(vals: list[Value], period: str | None, columns: list[str] | tuple[str, ...]) -> RowValues:
    """A table with other columns than the usual eight: the cells fill its columns from the left, a text
    target goes to the last target column; certain only when every column is filled."""
    cells = {c: None for c in VALUE_COLUMNS}
    order = list(columns)
    if vals and vals[-1].value is None and "kf_target" in order and len(vals) < len(order):
        head = [c for c in order if c != "kf_target"][:len(vals) - 1]
        order = head + ["kf_target"]
    for col, val in zip(order, vals):
        cells[col] = val
    note = None if len(vals) <= len(order) else "extra cells: " + " | ".join(v.text for v in vals[len(order):])
    return RowValues(cells, period, len(vals) == len(columns), note,
                     by_meaning=list(vals) if len(vals) < len(columns) else None)
