"""Parse diagnostics: codes with their message in Swedish (default) and English."""
from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "unplaced": ("texten kunde inte placeras i rapportens struktur",
                 "the text could not be placed in the report's structure"),
    "unplaced-indicator-table": ("text i en indikatortabell som varken är en rad eller en analys",
                                 "text in an indicator table that is neither a row nor an analysis"),
    "unplaced-activity-table": ("text i en aktivitetstabell som varken är en rad eller en analys",
                                "text in an activity table that is neither a row nor an analysis"),
    "unplaced-before-row": ("text före en tabellrad som inte hör till raden ovanför",
                            "text before a table row that does not belong to the row above"),
    "row-incomplete": ("indikatorraden saknar period (värdena kan vara ofullständiga)",
                       "the indicator row has no period cell (its values may be incomplete)"),
    "unknown-header-word": ("okänd kolumn i indikatortabellens rubrik (dess celler läses inte som någon känd kolumn)",
                            "unknown column in the indicator table's header (its cells are not read as any known column)"),
    "goal-without-title": ("mål utan titel", "goal label without a title"),
    "no-goals": ("inga mål hittades (inga rubriker som \"KF:s inriktningsmål:\" eller \"Nämndmål:\")",
                 "no goals found (no labels such as \"KF:s inriktningsmål:\" or \"Nämndmål:\")"),
    "cut-mid-character": ("filen slutar mitt i ett tecken (de sista byten saknas): rapporten är avklippt",
                          "the file ends inside a character (its last bytes are missing): the report is cut off"),
    "truncated": ("texten slutar mitt i ett måls tabell: rapporten ser avklippt ut",
                  "the text ends inside a goal's table: the report looks cut off"),
}


def message(code: str, lang: str = "sv") -> str:
    sv, en = MESSAGES.get(code, (code, code))
    return en if lang == "en" else sv
