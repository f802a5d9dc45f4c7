"""Every word a reader sees, in one place: ``catalogue`` holds what the tool says, by message group, each
entry (Swedish, English); ``form`` the report form's own words. This module looks them up and formats
numbers the way each language writes them (``number``: the one number formatter of every output).

Renderers take a whole group in one language (``texts(catalogue.HTML, lang)``) or one word
(``word(catalogue.YES_NO, "yes", lang)``); the language is Swedish unless it is "en".
"""
from __future__ import annotations

from .catalogue import BASIS, COLUMNS, LABELS, LOCATION


def index(lang: str | None) -> int:
    """Where a catalogue entry keeps ``lang``'s word: English second, Swedish (the default) first."""
    return 1 if lang == "en" else 0


_TEXTS: dict[tuple[int, int], dict] = {}    # (the group's id, index) -> words; groups are module constants


def texts(group: dict, lang: str | None) -> dict:
    """A catalogue group in one language: key -> word (made once per group and language; do not change it)."""
    key = (id(group), index(lang))
    found = _TEXTS.get(key)
    if found is None:
        found = _TEXTS[key] = {k: pair[key[1]] for k, pair in group.items()}
    return found


def counted(text, n: int, **values) -> str:
    """A count's words for ``n``: an entry given as (singular, plural) takes the singular for exactly 1
    ("1 rapport", "2 rapporter"); a plain text (a word the same in both, like "fynd") is used as it is.
    ``{n}`` and ``values`` are filled in."""
    if isinstance(text, tuple):
        text = text[0] if n == 1 else text[1]
    return text.format(n=n, **values)


def word(group: dict, key, lang: str | None, default=None):
    """One word of a group in ``lang``; ``default`` (else the key) when the group lacks it."""
    pair = group.get(key)
    if pair is None:
        return key if default is None else default
    return pair[index(lang)]


def by_lang(group: dict) -> dict[str, dict]:
    """A group as {"sv": {...}, "en": {...}}, for templates that take one language's words."""
    return {"sv": texts(group, "sv"), "en": texts(group, "en")}


def number(x: float | int | None, lang: str | None, unit: str | None = None, places: int | None = None) -> str:
    """A figure as a reader of ``lang`` writes it: a decimal comma in Swedish, a point in English, as many
    decimals as the figure has (``places``: exactly that many, as for a certainty "0,55"), then its unit.
    Every output prints its figures through this one function, so that a figure reads the same in a
    finding, its evidence, the indicator table and a comparison. A missing figure is "–"."""
    if x is None:
        return "–"
    if places is not None:
        text = f"{x:.{places}f}"
    else:
        # six decimals hide the noise of arithmetic on figures ("2.1999999999999997") and keep every
        # decimal a report prints
        text = f"{round(float(x), 6):.6f}".rstrip("0").rstrip(".")
        if text == "-0":
            text = "0"
    if lang != "en":
        text = text.replace(".", ",")
    return f"{text} {unit}" if unit else text


def place(line: int | None, lang: str | None, where: tuple[int, int] | None = None) -> str:
    """Where a line is, in the reader's words: "sida 12, rad 30" in a PDF report (``where``: the page and
    the line on it, ``model.page_of``), "rad 30" in a text report."""
    if where is not None:
        return word(LOCATION, "page", lang).format(page=where[0], line=where[1])
    return word(LOCATION, "line", lang).format(line=line)


def place_on(line: int | None, page: int | None, page_line: int | None, lang: str | None) -> str:
    """``place`` for what keeps its page and the line on it as two fields (None: a text report)."""
    return place(line, lang, (page, page_line) if page is not None else None)


def column_name(column: str, lang: str = "sv") -> str:
    """An indicator column as a reader names it in a sentence ("föregående års utfall")."""
    return word(COLUMNS, column, lang)


def direction_reason(status, lang: str = "sv") -> str:
    """How an indicator's direction was decided, in words: "namnmönster: sjukfrånvaro"."""
    how = word(BASIS, status.direction_basis, lang)
    return f"{how}: {status.direction_detail}" if status.direction_detail else how


def severity_label(severity: str, lang: str | None) -> str:
    """Severity as a reader sees it (the words every renderer, ``auditor rules`` and ``explain`` share); the
    machine formats keep error/warning/info."""
    return word(LABELS, severity, lang)
