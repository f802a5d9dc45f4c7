"""User-facing words that more than one layer needs, in Swedish and English."""
from __future__ import annotations

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
