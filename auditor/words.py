"""User-facing words that more than one layer needs, in Swedish and English."""
from __future__ import annotations


def fmt_number(x: float | None) -> str | None:
    """Swedish number format: decimal comma, no trailing zeros."""
    if x is None:
        return None
    text = f"{x:.2f}".rstrip("0").rstrip(".") if x != int(x) else str(int(x))
    return text.replace(".", ",")


# The indicator table's value columns as a reader names them.
COLUMN_NAMES: dict[str, dict[str, str]] = {
    "outcome": {"sv": "periodens utfall", "en": "the period's outcome"},
    "outcome_men": {"sv": "utfall män/pojkar", "en": "outcome men/boys"},
    "outcome_women": {"sv": "utfall kvinnor/flickor", "en": "outcome women/girls"},
    "previous": {"sv": "föregående års utfall", "en": "last year's outcome"},
    "forecast": {"sv": "prognos helår", "en": "the forecast for the year"},
    "target": {"sv": "årsmål", "en": "the annual target"},
    "kf_target": {"sv": "KF:s årsmål", "en": "KF's annual target"},
}


def column_name(column: str, lang: str = "sv") -> str:
    names = COLUMN_NAMES.get(column)
    if names is None:
        return column
    return names["en" if lang == "en" else "sv"]


# What decided which way is better for an indicator (``IndicatorStatus.direction_basis``), as a reader says it.
DIRECTION_BASIS: dict[str, dict[str, str]] = {
    "target text": {"sv": "årsmålets text", "en": "target text"},
    "name pattern": {"sv": "namnmönster", "en": "name pattern"},
    "fallback": {"sv": "standardantagande", "en": "default assumption"},
}


def direction_reason(status, lang: str = "sv") -> str:
    """How an indicator's direction was decided, in words: "namnmönster: sjukfrånvaro"."""
    names = DIRECTION_BASIS.get(status.direction_basis)
    how = names["en" if lang == "en" else "sv"] if names else status.direction_basis
    return f"{how}: {status.direction_detail}" if status.direction_detail else how
