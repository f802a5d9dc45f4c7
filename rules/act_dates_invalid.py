"""An activity ends before it starts.

**What it checks.** An activity row whose *Slutdatum* is earlier than its *Startdatum*.

**Why it matters.** The dates are how the city follows up whether an activity was carried out in time.
An end before the start is a typing error in ILS-webb that makes the follow-up of the activity
meaningless until it is corrected.

**Example.** "Införa digital tillsyn | 2020-09-01 | 2020-03-31".
"""
from auditor.engine.dsl import AS, MATCH, TEST, Activity, Rule

ID = "ACT-DATES-INVALID"
SEVERITY = "error"
TITLE = {
    "sv": "Aktivitetens slutdatum ligger före startdatum",
    "en": "Activity ends before it starts",
}
MESSAGE = {
    "sv": "Aktiviteten '{text}' slutar {end}, före sitt startdatum {start}.",
    "en": "The activity '{text}' ends on {end}, before its start date {start}.",
}
PARAMETERS: dict = {}

EXAMPLES = [
    {"expect": "fail", "title": "End before start",
     "report": {"goals": [{"title": "Tillsynen är effektiv", "assessment": "helt",
                           "activities": [{"text": "Införa digital tillsyn.", "start": "2020-09-01",
                                           "end": "2020-03-31"}]}]}},
    {"expect": "pass", "title": "Ordinary dates",
     "report": {"goals": [{"title": "Tillsynen är effektiv", "assessment": "helt",
                           "activities": [{"text": "Införa digital tillsyn.", "start": "2020-01-01",
                                           "end": "2020-12-31"}]}]}},
]


@Rule(AS.activity << Activity(start=MATCH.start, end=MATCH.end),
      TEST(lambda start, end: bool(start) and bool(end) and end < start))
def activity_ends_before_it_starts(engine, activity, start, end):
    engine.flag(ID, activity, start=start, end=end)
