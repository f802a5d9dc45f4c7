"""A goal carries no assessment marker while the other goals on its level do.

**What it checks.** A KF:s mål för verksamhetsområdet, Nämndmål or Enhetsmål with no marker at all
(neither *Uppfylls helt / delvis / inte* nor *Ingen*), in a report where other goals on the same level
carry one. The KF:s inriktningsmål are left out: many report forms print no marker for them.

**Why it matters.** The marker is the committee's formal conclusion about the goal. A goal that lost
its marker is left out of every count of goal fulfilment, in the report's own summary and in the
city's follow-up.

**Example.** Four nämndmål marked *Uppfylls helt* and a fifth whose title is followed directly by its
*Beskrivning*.
"""
from auditor.engine.dsl import AS, EXISTS, MATCH, TEST, Goal, L, P, Rule

ID = "GOAL-NO-ASSESSMENT"
SEVERITY = "warning"
TITLE = {
    "sv": "Mål saknar bedömning",
    "en": "Goal without an assessment",
}
MESSAGE = {
    "sv": "Målet saknar bedömning (Uppfylls helt/delvis/inte eller Ingen), fast andra mål på samma nivå har en.",
    "en": "The goal has no assessment (Uppfylls helt/delvis/inte or Ingen), although other goals on its level have one.",
}
PARAMETERS: dict = {}

EXAMPLES = [
    {"expect": "fail", "title": "One nämndmål without a marker",
     "report": {"goals": [{"level": "verksamhetsomradesmal", "title": "Staden är trygg", "assessment": "helt",
                           "children": [
                               {"level": "namndmal", "title": "Parkerna är trygga", "assessment": "helt"},
                               {"level": "namndmal", "title": "Gatorna är trygga"}]}]}},
    {"expect": "pass", "title": "Inriktningsmål without markers",
     "report": {"goals": [{"level": "inriktningsmal", "title": "En stad för alla"},
                          {"level": "inriktningsmal", "title": "En hållbar stad", "assessment": "helt"}]}},
    {"expect": "pass", "title": "Every goal marked, one with Ingen",
     "report": {"goals": [{"level": "namndmal", "title": "Parkerna är trygga", "assessment": "helt"},
                          {"level": "namndmal", "title": "Gatorna är trygga", "assessment": "ingen"}]}},
]


@Rule(AS.goal << Goal(assessment=L(None), level=MATCH.level),
      TEST(lambda level: level != "inriktningsmal"),
      EXISTS(Goal(level=MATCH.level, assessment=P(lambda a: a is not None))))
def goal_without_marker_among_marked(engine, goal):
    engine.flag(ID, goal)
