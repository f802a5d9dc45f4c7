"""Read the flattened value cells of one indicator row and assign them to the table's columns.

The PDF extraction prints a row's cells on one line separated by single spaces; every *empty* cell adds
one more space, and a value line that starts with spaces starts with that many empty cells. A cell that
did not fit its column wraps onto the next line(s) ("3,23" / "%", "Tas" / "fram av" / "nämnd/" /
"styrelse"), and the next cells follow after a blank line. The last cell is the period ("VB 2020",
"Tertial 1 2025", "2020").

This module reads the cells and their spacing; which column each cell goes to is decided in
placement.py, also for the many extractions that print single spaces only.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from ..model import Value
from .lines import Line, join_wrapped

NUMBER = re.compile(r"^[-+−–]?\d+(?:[.,]\d+)?%?$")
THOUSANDS_GROUP = re.compile(r"^\d{3}(?:[.,]\d+)?%?$")
SMALL_INT = re.compile(r"^[-+−–]?\d{1,3}$")
YEAR = re.compile(r"^(?:19|20)\d{2}$")
PERIOD = re.compile(
    r"^(?:(?:VB|Tertial\s*\d|T\s?\d|Halvår\s*\d|Helår|Kvartal\s*\d|Delår)\s*)?(?:19|20)\d{2}$", re.I)
_WORD = re.compile(r"\S+")
_DIGIT = re.compile(r"\d")     # (any decimal digit, as \d means: not only 0-9)
PERIOD_HEAD = re.compile(r"^(?:VB|Tertial|Halvår|Helår|Kvartal|Delår|T\d)$", re.I)
# Words that qualify a number inside a text cell ("Max 10 personer", "+/- 1 %", "Minst 80 %").
QUALIFIERS = {"max", "min", "minst", "högst", "lägst", "under", "över", "+/-", "±", "<", ">", "<=", ">=",
              "ca", "cirka", "mer", "mindre"}
# Text targets that make up a whole cell on their own, and words that only ever start a text cell.
WHOLE_TEXT_CELLS = {"öka", "minska", "ökning", "minskning", "lägre", "högre", "bibehålla", "behålla", "oförändrat", "oförändrad",
                    "förbättra", "förbättras", "höja", "sänka", "uppnå", "noll", "0-vision", "nollvision"}
TEXT_CELL_STARTS = {"tas", "fastställs", "faststäl", "öka", "minska", "ökning", "minskning", "lägre", "högre", "max", "min",
                    "minst", "högst", "+/-", "±"}
UNIT_WORDS = {
    "%", "st", "st.", "kr", "kr.", "tkr", "mnkr", "mdkr", "gwh", "mwh", "kwh", "dagar", "dag", "timmar", "tim",
    "h", "år", "personer", "pers", "pers.", "barn", "barn/avd.", "barn/avd", "barn/grupp", "barn/grupp.", "kg",
    "ton", "procent", "procentenheter", "p.e.", "poäng", "index", "minuter", "min", "veckor", "månader",
    "ärenden", "besök", "platser", "hushåll", "elever", "kronor", "m2", "kvm", "km", "co2", "kg/person",
}


# Words of text cells that a page break can cut anywhere ("nämnd/styrels" / page header / "e").
LONG_CELL_WORDS = ("styrelse", "nämnd/styrelse", "nämnden", "nämnden/styrelsen", "fastställs", "livsmedel", "minskning")


def cut_cell_word(low: str) -> bool:
    """The first part of a long text-cell word whose end went to the next line or page."""
    return len(low) >= 4 and any(word.startswith(low) and word != low for word in LONG_CELL_WORDS)


def completes_cut_word(before: str, line: str) -> bool:
    """Does ``line`` start with the rest of the cut word that ``before`` ends with?"""
    words = before.split()
    rest = line.split()
    if not words or not rest:
        return False
    head = words[-1].lower()
    return cut_cell_word(head) and any(word.startswith(head + rest[0].lower()) for word in LONG_CELL_WORDS)


# A text cell that cannot end where it stands: "Tas fram" (by whom?), "Tas fram av". Lines after it
# go on with it even when the period followed it on its first line ("tas fram VB 2024" / "av" / "nämnden").
UNFINISHED_TEXT = re.compile(r"(?:^|\s)tas(?:\s+fram(?:\s+av)?)?$", re.I)


def text_goes_on_after_period(group: list[Line]) -> bool:
    """The group's first line ends with an unfinished text cell and then the period; the lines after it
    (words, no figures) finish that text cell, printed below it by a tool that reads line by line."""
    if len(group) < 2 or any(_DIGIT.search(line.text) for line in group[1:]):
        return False
    words = group[0].text.split()
    for n in (3, 2, 1):
        if len(words) > n and PERIOD.match(" ".join(words[-n:])):
            return bool(UNFINISHED_TEXT.search(" ".join(words[:-n])))
    return False


def ends_with_period(groups: list[list[Line]]) -> bool:
    if text_goes_on_after_period(groups[-1]):
        return True
    words = join_wrapped(groups[-1], cut=completes_cut_word).split()
    for n in (3, 2, 1):
        if len(words) >= n and PERIOD.match(" ".join(words[-n:])):
            # a lone year right after a text target ("Fastställs 2020") is part of that text
            if n == 1 and len(words) >= 2 and words[-2].lower().startswith("fastst"):
                continue
            return True
    return False


@dataclass
class Cell:
    text: str
    gap_before: int = 1  # spaces before the cell on its line; 0 for a cell that opens a line group
    lead: int = 0        # leading spaces of the line this cell opens (empty cells before it)


def value_groups_to_cells(groups: list[list[Line]]) -> list[list[Cell]]:
    """Each blank-separated group: its first line holds one or more cells, the lines after it continue
    that line's last cell. Returns the alternative cell readings (thousands separators are ambiguous)."""
    per_group: list[list[list[Cell]]] = []
    for group in groups:
        first, rest = group[0], group[1:]
        lead = len(first.raw) - len(first.raw.lstrip(" "))
        readings = split_cells(first.raw.strip(), lead)
        after_period = text_goes_on_after_period(group)
        for cells in readings:
            prev = first
            period = cells.pop() if after_period and len(cells) >= 2 else None
            for line in rest:
                if cells and completes_cut_word(cells[-1].text, line.text):
                    cells[-1].text = cells[-1].text.rstrip() + line.text.strip()
                elif cells and starts_new_cell(cells[-1].text, line.text):
                    cells.append(Cell(" ".join(line.text.split()), 1, 0))
                elif cells:
                    cells[-1].text = join_wrapped([Line(0, cells[-1].text + (" " if prev.ends_with_space else ""),
                                                        "", prev.blind_end), line])
                prev = line
            if period is not None:
                cells.append(period)
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
    words = line.split()
    first = words[0] if words else ""
    if INCOMPLETE_CELL.search(cell_so_far.strip()):
        return False
    if PERIOD.match(" ".join(words)) or YEAR.fullmatch(line.strip()):
        return True     # the period after a complete cell (tools that print each cell on a line of its own)
    if len(words) > 1 and YEAR.match(first) and words[1].lower() in UNIT_WORDS:
        return True     # "1945 GWh": a figure that looks like a year, but has a unit
    return bool(NUMBER.match(first) and not YEAR.match(first) or first.lower() in TEXT_CELL_STARTS)


def split_cells(text: str, lead: int) -> list[list[Cell]]:
    """Split one line of cells. Returns one reading per way of reading ambiguous thousands groups."""
    words = [(m.group(), m.start()) for m in _WORD.finditer(text)]
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


def is_unit(tok: str) -> bool:
    low = tok.lower()
    return low in UNIT_WORDS or low.startswith("barn/") or low.startswith("kr/") or low.startswith("st/")


def _per_word(tok: str) -> bool:
    """A word that can follow "per" inside a unit: lower-case, no figure, no word that opens a cell."""
    return tok[:1].islower() and not _DIGIT.search(tok) and tok.lower() not in TEXT_CELL_STARTS


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
            while j < n and is_unit(tokens[j]) and not _is_number(tokens[j]) and gaps[j] <= 2:
                parts.append(tokens[j])
                j += 1
            # a unit that is a ratio, "kg CO2 per kg livsmedel", "kr per invånare": "per" and what it is per
            if len(parts) > 1 and j + 1 < n and tokens[j].lower() == "per" and gaps[j] == 1 \
                    and _per_word(tokens[j + 1]):
                parts += tokens[j:j + 2]
                j += 2
                if j < n and gaps[j] == 1 and _per_word(tokens[j]) and is_unit(parts[-1]):
                    parts.append(tokens[j])
                    j += 1
            cells.append(Cell(" ".join(parts), start_gap, lead if not cells else 0))
            i = j
            continue
        # A text cell: words separated by single spaces; a qualifier may carry its number and unit.
        parts = [tok]
        j = i + 1
        has_number = bool(_DIGIT.search(tok)) and not YEAR.match(tok)
        while j < n and gaps[j] == 1:
            nxt = tokens[j]
            if has_number and not is_unit(nxt):
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


_NUMBER_CELL = re.compile(r"^([-+−–]?\d{1,3}(?: \d{3})+|[-+−–]?\d+)(?:[.,](\d+))?\s*(%|\S.*)?$")
_PERCENT_CELL = re.compile(r"^([-+−–]?\d+(?:[.,]\d+)?)%$")
_GROUPED = re.compile(r"(?<![\d,.])(\d{1,3})((?: \d{3})+)(?![\d])")
_SHORT_FIGURE = re.compile(r"-?\d{1,3}")
_GROUP_START = re.compile(r"\d{3}(?![\d])")


def parse_value(text: str) -> Value:
    """A cell's text as a Value: the number (comma decimals, space thousands) and its unit, or text."""
    raw = " ".join(text.split())
    m = _NUMBER_CELL.match(raw)
    if m and not _is_qualified_text(raw):
        whole = m.group(1).replace(" ", "").replace("−", "-").replace("–", "-")
        num = float(whole + ("." + m.group(2) if m.group(2) else ""))
        unit = m.group(3)
        if unit is not None:
            unit = unit.strip()
            if unit.startswith("%"):
                unit = "%"
        return Value(value=num, unit=unit or None, text=raw)
    m = _PERCENT_CELL.match(raw)
    if m:
        return Value(value=float(m.group(1).replace(",", ".").replace("−", "-").replace("–", "-")),
                     unit="%", text=raw)
    return Value(value=None, unit=None, text=raw)


def is_figure(text: str) -> bool:
    """``parse_value(text).value is not None``, without making the Value."""
    raw = " ".join(text.split())
    return bool(_NUMBER_CELL.match(raw) and not _is_qualified_text(raw) or _PERCENT_CELL.match(raw))


def _is_qualified_text(raw: str) -> bool:
    return raw.startswith("+/-")


def join_cost(cells: list[Cell]) -> float:
    """How unlikely a reading of the thousands separators is. A group that starts with a zero must belong
    to the figure before it ("9 000": no figure is printed with a leading zero); a group after a one- or
    two-digit figure most likely does ("4 500", "13 175"); after three digits it more often starts a
    figure of its own ("750 737"), but the spacing may still say otherwise."""
    cost = 0.0
    for cell in cells:   # groups joined into a figure
        for m in _GROUPED.finditer(cell.text):
            cost += 0.5 * len(m.group(2).split()) if len(m.group(1)) == 3 else 0
            if "%" in cell.text:
                cost += FORBIDDEN   # "100 100 %" is two shares, never one of 100 100 per cent
    for a, b in zip(cells, cells[1:]):   # groups left as figures of their own
        if b.gap_before == 1 and _SHORT_FIGURE.fullmatch(a.text) and _GROUP_START.match(b.text):
            cost += FORBIDDEN if b.text.startswith("0") else (1 if len(a.text.lstrip("-")) <= 2 else 0)
    return cost


FORBIDDEN = 100.0
