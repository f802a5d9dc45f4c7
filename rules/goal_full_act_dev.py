"""A goal is assessed "Uppfylls helt" although one of its own activities is marked *Avvikelse*.

**What it checks.** For every goal marked *Uppfylls helt*, the activity table directly under the goal:
an activity whose row carries *Avvikelse* (it will not be carried out as planned) is a finding.

**Why it matters.** The activities are how the committee said it would reach the goal. A goal reported
as fully met while part of the plan deviates deserves a second look: either the assessment is too
generous or the analysis should say why the deviation does not matter for the goal.

**Example.** *Uppfylls helt* over the activity "Införa digitala besök i hemtjänsten | Avvikelse".
Assess *Uppfylls delvis*, or explain in the goal's analysis why the goal is met regardless.
"""

DOC_SV = """Ett mål bedöms "Uppfylls helt" fast en av målets egna aktiviteter är markerad med *Avvikelse*.

**Vad regeln kontrollerar.** För varje mål som bedöms *Uppfylls helt* granskas aktivitetstabellen direkt
under målet. En aktivitet vars rad är markerad med *Avvikelse* (den genomförs inte som planerat) ger ett
fynd.

**Varför det spelar roll.** Aktiviteterna är nämndens plan för att nå målet. Om målet redovisas som helt
uppfyllt medan en del av planen avviker finns det skäl att titta närmare: antingen är bedömningen för
generös, eller så bör analysen förklara varför avvikelsen inte påverkar måluppfyllelsen.

**Exempel.** *Uppfylls helt* över aktiviteten "Införa digitala besök i hemtjänsten | Avvikelse". Bedöm målet
som *Uppfylls delvis*, eller förklara i målets analys varför målet ändå är uppfyllt.
"""

from auditor.engine.dsl import AS, MATCH, Activity, Goal, Rule

ID = "GOAL-FULL-ACT-DEV"
SEVERITY = "warning"
TITLE = {
    "sv": "Målet bedöms uppfyllt helt trots att en egen aktivitet har avvikelse",
    "en": "Goal assessed as fully met although one of its activities deviates",
}
MESSAGE = {
    "sv": "Målet bedöms uppfyllas helt, men {count} av dess egna aktiviteter har avvikelse: {items}.",
    "en": "The goal is assessed as fully met, but {count} of its own activities are marked as deviating: {items}.",
}
PARAMETERS: dict = {}

EXAMPLES = [
    {"expect": "fail", "title": "Helt, with a deviating activity",
     "title_sv": "Helt uppfyllt trots en avvikande aktivitet",
     "report": {"goals": [
         {"title": "Äldre får stöd i hemmet", "assessment": "helt",
          "activities": [{"text": "Införa digitala besök i hemtjänsten.", "deviation": True,
                          "analysis": "Upphandlingen blev försenad."}]}]}},
    {"expect": "pass", "title": "Helt, and every activity runs as planned",
     "title_sv": "Helt uppfyllt och alla aktiviteter går enligt plan",
     "report": {"goals": [
         {"title": "Äldre får stöd i hemmet", "assessment": "helt",
          "activities": [{"text": "Införa digitala besök i hemtjänsten."}]}]}},
    {"expect": "pass", "title": "A deviation under a goal assessed delvis",
     "title_sv": "En avvikelse under ett mål som bedöms delvis uppfyllt",
     "report": {"goals": [
         {"title": "Äldre får stöd i hemmet", "assessment": "delvis",
          "activities": [{"text": "Införa digitala besök i hemtjänsten.", "deviation": True}]}]}},
]


@Rule(AS.goal << Goal(id=MATCH.goal_id, assessment="helt"),
      AS.activity << Activity(goal=MATCH.goal_id, deviation=True))
def fully_met_goal_with_a_deviating_activity(engine, goal, activity):
    engine.flag(ID, goal, activity)
