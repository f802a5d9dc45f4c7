"""A goal is assessed "Uppfylls helt" although one of its own indicators misses its annual target.

**What it checks.** For every goal marked *Uppfylls helt*, each indicator in the goal's own indicator
table is compared with its Årsmål: in a verksamhetsberättelse (VB) the outcome (*Periodens utfall*), in a
tertial report (T1/T2) the full-year forecast (*Prognos helår*), or the outcome when no forecast is given.
Whether higher or lower is better is decided from the target text ("Max", "Minska", ...), the indicator's
name (`rules/directions.yaml`) or, failing both, "higher is better"; the finding says which. This
judgement (an indicator's `met`) is shared with IND-UNMET-NO-ANALYSIS, IND-TEXT-MET and the indicator
counts of GOAL-CLAIM-COUNT, and made in one place, `auditor/policy/target.py`.

**Why it matters.** An indicator is the committee's own measure of its goal. A goal that is reported as
fully met while one of its measures shows otherwise is either wrongly assessed or needs an explanation
that the reader can find; either way the assessment cannot be taken at face value.

**Example.** *Uppfylls helt* over "Andel nöjda brukare: utfall 70 %, årsmål 80 %". Assess the goal
*Uppfylls delvis*, or explain in the goal's analysis why the goal is met nevertheless.
Indicators under the goal's *child* goals are not counted here; see GOAL-PARENT-CHILD.
"""

DOC_SV = """Ett mål bedöms "Uppfylls helt" fast en av målets egna indikatorer inte når årsmålet.

**Vad regeln kontrollerar.** För varje mål som bedöms *Uppfylls helt* jämförs varje indikator i målets egen
indikatortabell med sitt årsmål: i en verksamhetsberättelse (VB) utfallet (*Periodens utfall*), i en
tertialrapport (T1/T2) prognosen för helåret (*Prognos helår*), eller utfallet när prognos saknas. Om högre
eller lägre värden är bättre avgörs av årsmålets text ("Max", "Minska" ...), av indikatorns namn
(`rules/directions.yaml`) eller, när inget av dem ger besked, av antagandet att högre är bättre. Fyndet
anger vilket som avgjorde. Samma bedömning (indikatorns `met`) används av IND-UNMET-NO-ANALYSIS, IND-TEXT-MET
och indikatorräkningen i GOAL-CLAIM-COUNT, och görs på ett ställe, `auditor/policy/target.py`.

**Varför det spelar roll.** Indikatorerna är nämndens egna mått på målet. Om målet redovisas som helt
uppfyllt medan ett av måtten visar något annat är målet antingen felbedömt, eller så behövs en förklaring
som läsaren kan hitta. I båda fallen kan bedömningen inte tas för given.

**Exempel.** *Uppfylls helt* över "Andel nöjda brukare: utfall 70 %, årsmål 80 %". Bedöm målet som
*Uppfylls delvis*, eller förklara i målets analys varför målet ändå är uppfyllt. Indikatorer under målets
*undermål* räknas inte här; se GOAL-PARENT-CHILD.
"""

from auditor.engine.dsl import AS, MATCH, Goal, Indicator, Rule

ID = "GOAL-FULL-UNMET-IND"
SEVERITY = "error"
# The finding is as sure as the placement of these cells ("figure": the one compared with the target, and
# in a tertial report the forecast column too, present or empty: auditor/policy/target.figure_cells).
DECISIVE_CELLS = ("figure", "target")
TITLE = {
    "sv": "Målet bedöms uppfyllt helt trots att en egen indikator inte når årsmålet",
    "en": "Goal assessed as fully met although one of its indicators misses the annual target",
}
MESSAGE = {
    "sv": "Målet bedöms uppfyllas helt, men {count} av dess egna indikatorer når inte årsmålet: {items}.",
    "en": "The goal is assessed as fully met, but {count} of its own indicators miss the annual target: {items}.",
}
PARAMETERS: dict = {}

EXAMPLES = [
    {"expect": "fail", "title": "Helt, but the outcome is below the target",
     "title_sv": "Helt uppfyllt, men utfallet ligger under årsmålet",
     "report": {"kind": "VB", "goals": [
         {"title": "Brukarna är nöjda med stödet", "assessment": "helt", "analysis": "Målet är uppfyllt.",
          "indicators": [{"name": "Andel nöjda brukare", "outcome": "70 %", "target": "80 %"}]}]}},
    {"expect": "fail", "title": "Lower is better: sick leave above its ceiling",
     "title_sv": "Lägre värde är bättre: sjukfrånvaron ligger över målnivån",
     "report": {"kind": "VB", "goals": [
         {"title": "Medarbetarna har en god arbetsmiljö", "assessment": "helt",
          "indicators": [{"name": "Sjukfrånvaro", "outcome": "8,1 %", "target": "7 %"}]}]}},
    {"expect": "fail", "title": "Tertial report: the forecast counts, not the outcome so far",
     "title_sv": "Tertialrapport: det är prognosen som räknas, inte utfallet hittills",
     "report": {"kind": "T2", "goals": [
         {"title": "Fler unga har sommarjobb", "assessment": "helt",
          "indicators": [{"name": "Antal ungdomar med feriejobb", "outcome": "400 st", "forecast": "600 st",
                          "target": "700 st"}]}]}},
    {"expect": "pass", "title": "Delvis is the honest assessment",
     "title_sv": "Delvis är den rimliga bedömningen",
     "report": {"kind": "VB", "goals": [
         {"title": "Brukarna är nöjda med stödet", "assessment": "delvis",
          "indicators": [{"name": "Andel nöjda brukare", "outcome": "70 %", "target": "80 %"}]}]}},
    {"expect": "pass", "title": "Tertial report whose forecast reaches the target",
     "title_sv": "Tertialrapport där prognosen når årsmålet",
     "report": {"kind": "T1", "goals": [
         {"title": "Fler unga har sommarjobb", "assessment": "helt",
          "indicators": [{"name": "Antal ungdomar med feriejobb", "outcome": "100 st", "forecast": "720 st",
                          "target": "700 st"}]}]}},
    {"expect": "pass", "title": "Target given as text only: nothing to compare",
     "title_sv": "Årsmålet anges bara i text: inget att jämföra med",
     "report": {"kind": "VB", "goals": [
         {"title": "Fler unga har sommarjobb", "assessment": "helt",
          "indicators": [{"name": "Antal ungdomar med feriejobb", "outcome": "400 st",
                          "target": "Tas fram av nämnd"}]}]}},
]


@Rule(AS.goal << Goal(id=MATCH.goal_id, assessment="helt"),
      AS.indicator << Indicator(goal=MATCH.goal_id, met=False))
def fully_met_goal_with_an_unmet_indicator(engine, goal, indicator):
    engine.flag(ID, goal, indicator)
