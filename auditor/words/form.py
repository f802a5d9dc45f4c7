"""The report form's own words: ILS-webb prints them in Swedish whatever the reader's language, so the
parser reads them, the rule examples and test reports write them, and the outputs quote them."""

# The assessment a goal is marked with.
MARKERS = {"helt": "Uppfylls helt", "delvis": "Uppfylls delvis", "inte": "Uppfylls inte", "ingen": "Ingen"}

# The label of each goal level.
LEVEL_NAMES = {"inriktningsmal": "KF:s inriktningsmål", "verksamhetsomradesmal": "KF:s mål för verksamhetsområdet",
               "namndmal": "Nämndmål", "enhetsmal": "Enhetsmål"}
