"""The printed labels that give a report its structure, as patterns over one stripped line."""
from __future__ import annotations

import re

from .lines import line_indexes

GOAL_LABELS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^(?:KF:s|Kommunfullmäktiges)\s+inriktningsmål\s*:\s*(.*)$", re.I), "inriktningsmal"),
    (re.compile(r"^(?:KF:s|Kommunfullmäktiges)\s+mål\s+för\s+verksamhetsområde(?:t|na|n)?\s*:\s*(.*)$", re.I),
     "verksamhetsomradesmal"),
    (re.compile(r"^(?:Nämndmål|Nämndens\s+mål)\s*:\s*(.*)$", re.I), "namndmal"),
    (re.compile(r"^(?:Enhetsmål|Enhetens\s+mål)\s*:\s*(.*)$", re.I), "enhetsmal"),
]
# The first words of a label that the extraction split over two lines ("KF:s mål för" / "verksamhetsområdet:").
LABEL_PREFIX = re.compile(r"^(?:KF:s(?:\s+\S+){0,3}|Kommunfullmäktiges(?:\s+\S+){0,3}|Nämnd|Nämndens|Enhets|Enhetens)\s*$",
                          re.I)

MARKER = re.compile(r"^Uppfylls\s+(helt|delvis|inte|ej)\s*$|^(Ingen)\s*$", re.I)

SECTION = re.compile(r"^(Analys|Beskrivning|Förväntat resultat|Jämställdhetsanalys)\s*:?\s*$")

INDICATOR_HEADER_START = re.compile(r"^Indikator(\s+Periodens)?\b", re.I)
HEADER_WORDS = {
    "indikator", "periodens", "perio", "dens", "utfall", "män/", "män", "pojkar", "kvinn", "or/", "kvinnor/",
    "kvinnor", "flicko", "r", "flickor", "vb", "progno", "s", "prognos", "helår", "årsmål", "kf:s", "period",
    "män/pojkar", "kvinnor/flickor", "pojkar/", "flickor/", "pojkar/män", "flickor/kvinnor", "föregående", "års",
    "helårsprognos", "kommunfullmäktiges",
}
ACTIVITY_HEADER = re.compile(r"^Aktivitet\s+Startdatum\s+Slutdatum(\s+Avvikelse)?\s*$", re.I)

DATES = re.compile(
    r"^(?P<text>.*?)\s*(?P<start>\d{4}-\d{2}-\d{2})\s+(?P<end>\d{4}-\d{2}-\d{2})(?:\s+(?P<dev>Avvikelse))?\s*$")


def dates(text: str) -> re.Match[str] | None:
    """``DATES.match(text)``. The pattern tries its dates after every character of the text before them;
    its four hyphens, counted first, rule out most lines."""
    return DATES.match(text) if text.count("-") >= 4 else None

# Headings that close the goal part of a report (economy, staff, ...).
END_OF_GOALS = re.compile(
    r"^(Uppföljning av (ekonomi|ekonomin|driftbudget|budget|investeringar|verksamhetens ekonomi)"
    r"|Ekonomiskt utfall|Ekonomisk uppföljning)\s*$", re.I)

# What every line that may open a block starts with: a goal label or the first words of one split over two
# lines, an assessment marker, a section label, a table header, a heading that ends the goal part; each part
# with its own pattern's case rule, so that a line this does not match none of those patterns matches. Most
# lines of a report open nothing, and one search of the whole text finds the few that may (``block_starts``).
_BLOCK_START = re.compile(
    r"\n(?:(?i:KF:s|Kommunfullmäktiges|Nämnd|Enhet|Uppfylls|Ingen|Indikator|Aktivitet|Uppföljning|Ekonomisk)"
    r"|Analys|Beskrivning|Förväntat resultat|Jämställdhetsanalys)")


def block_starts(joined: str) -> list[int]:
    """Indexes of the lines that may open a block (see ``_BLOCK_START``), in order; ``joined``: the lines'
    stripped texts, each after a line break (``lines.joined_texts``)."""
    return line_indexes(joined, [m.start() for m in _BLOCK_START.finditer(joined)])


GOAL_NUMBER = re.compile(r"^(\d+(?:\.\d+)*)\.?(?:\s+|(?=[A-ZÅÄÖ]))")


_LABEL_INITIALS = frozenset("KkNnEe")


def goal_label(text: str) -> tuple[str, str] | None:
    if not text or text[0] not in _LABEL_INITIALS:
        return None      # called for every line: most start with another letter than any label
    for pattern, level in GOAL_LABELS:
        m = pattern.match(text)
        if m:
            return level, m.group(1).strip()
    return None


def marker(text: str) -> str | None:
    m = MARKER.match(text)
    if not m:
        return None
    word = (m.group(1) or m.group(2)).lower()
    return {"ej": "inte"}.get(word, word)


_HEADER_YEAR = re.compile(r"(19|20)\d{2}")


def _header_word(w: str) -> bool:
    return w.lower() in HEADER_WORDS or bool(_HEADER_YEAR.fullmatch(w))


def is_header_word_line(text: str, lenient: bool = False) -> bool:
    """A line of the indicator table's header. ``lenient``: most of its words are header words (a column
    the parser does not know, "Målvärde", must not hide the header it stands in)."""
    words = text.split()
    known = sum(1 for w in words if _header_word(w))
    return bool(words) and (known == len(words) or (lenient and known >= 1 and 2 * known >= len(words)))


def split_number(title: str) -> tuple[str | None, str]:
    m = GOAL_NUMBER.match(title)
    if not m:
        return None, title
    return m.group(1), title[m.end():].strip()


# Column names of the indicator table, matched in the header's text with all spaces removed (the
# extraction breaks header words anywhere: "kvinn" / "or/" / "flicko" / "r"). Most specific first.
# The names vary a little with the year and the report (a unit report's "Utfall", "Utfall pojkar/män",
# "Utfall 2019" or "Föregående års utfall" for last year, "Helårsprognos", "Kommunfullmäktiges årsmål"):
# each reading names its column, the form's own wording first.
_HEADER_COLUMNS = re.compile(
    r"(?P<outcome_men>utfall(?:män/?(?:pojkar)?|pojkar/?(?:män)?))"
    r"|(?P<outcome_women>utfall(?:kvinnor/?(?:flickor)?|flickor/?(?:kvinnor)?))"
    r"|(?P<previous>(?:periodens)?utfall(?:vb)?(?:19|20)\d\d|utfallföregåendeår|föregåendeårsutfall)"
    r"|(?P<outcome>(?:periodens)?utfall)"
    r"|(?P<forecast>(?:helårs)?prognos(?:helår)?)"
    r"|(?P<kf_target>(?:kf:s|kommunfullmäktiges)årsmål)"
    r"|(?P<target>(?:nämndens)?årsmål)"
    r"|(?P<period>period)")


UNKNOWN_COLUMN = "?"   # prefix of a column the header names in words the parser does not know


def header_columns(header_text: str) -> list[str] | None:
    """The value columns of an indicator table, in order, read from its header; None if unreadable.
    Words between the known column names become columns of their own, named ``"?<words>"``: their cells
    must not be pushed into a neighbouring column."""
    squeezed = re.sub(r"\s+", "", header_text.lower())
    squeezed = re.sub(r"^indikator", "", squeezed)
    cols: list[str] = []
    at = 0
    for m in _HEADER_COLUMNS.finditer(squeezed):
        if m.start() > at:
            cols.append(UNKNOWN_COLUMN + _unknown_words(header_text, squeezed[at:m.start()]))
        cols.append(m.lastgroup)
        at = m.end()
    if at < len(squeezed):
        cols.append(UNKNOWN_COLUMN + _unknown_words(header_text, squeezed[at:]))
    if not cols or cols[-1] != "period" or len(set(cols)) != len(cols):
        return None
    values = cols[:-1]
    return values if "target" in values and len(values) >= 2 else None


def _unknown_words(header_text: str, squeezed_part: str) -> str:
    """The printed words of a header part that matched no column (the squeezed text lost the spaces)."""
    for w in header_text.split():
        if w.lower() == squeezed_part:
            return w
    return squeezed_part


def unknown_columns(columns: list[str]) -> list[str]:
    return [c[len(UNKNOWN_COLUMN):] for c in columns if c.startswith(UNKNOWN_COLUMN)]


def column_of(cell_text: str) -> str | None:
    """The column one header cell names ("Utfall kvinnor/ flickor" -> "outcome_women"), or None."""
    m = _HEADER_COLUMNS.fullmatch(re.sub(r"\s+", "", cell_text.lower()))
    return m.lastgroup if m else None
