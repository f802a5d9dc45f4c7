"""A goal is assessed but has no analysis, where the report form expects one.

**What it checks.** A goal marked *Uppfylls helt*, *delvis* or *inte* with no *Analys* of its own.
Report forms differ between committees and levels (many print no analysis for the inriktningsmål at
all), so the rule only applies to a level where the form evidently asks for one: where at least
`min_level_share` (default one half) of the assessed goals on the same level in the same report have
an analysis.

**Why it matters.** The assessment is a conclusion; the analysis is the reasoning a reader needs to
trust it. An assessment without the analysis the form asks for cannot be reviewed.

**Example.** Five nämndmål, four with an *Analys*, the fifth marked *Uppfylls delvis* with none.
"""

DOC_SV = """Ett mål är bedömt men saknar analys, där rapportmallen förväntar sig en.

**Vad regeln kontrollerar.** Ett mål som bedöms *Uppfylls helt*, *delvis* eller *inte* utan en egen
*Analys*. Rapportmallarna skiljer sig mellan nämnder och nivåer (många har ingen analys alls för
inriktningsmålen), så regeln gäller bara på en nivå där mallen uppenbarligen begär en analys: där minst
`min_level_share` (standard hälften, 0.5) av de bedömda målen på samma nivå i samma rapport har en analys.

**Varför det spelar roll.** Bedömningen är en slutsats; analysen är det resonemang läsaren behöver för att
kunna lita på den. En bedömning utan den analys som mallen begär går inte att granska.

**Exempel.** Fem nämndmål där fyra har en *Analys* och det femte bedöms *Uppfylls delvis* utan någon.
"""

from auditor.engine.dsl import AS, MATCH, TEST, Goal, L, Params, Rule

ID = "GOAL-NO-ANALYSIS"
SEVERITY = "warning"
TITLE = {
    "sv": "Bedömt mål saknar analys",
    "en": "Assessed goal without an analysis",
}
MESSAGE = {
    "sv": "Målet bedöms (\"{assessment}\") men saknar analys, fast {share} av de bedömda målen på samma nivå har en.",
    "en": "The goal is assessed (\"{assessment}\") but has no analysis, although {share} of the assessed goals on its level have one.",
}
PARAMETERS = {"min_level_share": 0.5}

EXAMPLES = [
    {"expect": "fail", "title": "One of three nämndmål lacks the analysis the others have",
     "title_sv": "Ett av tre nämndmål saknar den analys som de andra har",
     "report": {"goals": [{"level": "verksamhetsomradesmal", "title": "Staden är trygg", "children": [
         {"level": "namndmal", "title": "Parkerna är trygga", "assessment": "helt", "analysis": "Tryggheten ökar."},
         {"level": "namndmal", "title": "Gatorna är trygga", "assessment": "helt", "analysis": "Fler lampor."},
         {"level": "namndmal", "title": "Skolvägarna är trygga", "assessment": "delvis"}]}]}},
    {"expect": "pass", "title": "A level the form gives no analysis at all",
     "title_sv": "En målnivå där mallen inte har någon analys alls",
     "report": {"goals": [
         {"level": "inriktningsmal", "title": "En stad för alla", "assessment": "helt"},
         {"level": "inriktningsmal", "title": "En hållbar stad", "assessment": "delvis"}]}},
    {"expect": "pass", "title": "Every assessed goal has its analysis",
     "title_sv": "Alla bedömda mål har sin analys",
     "report": {"goals": [
         {"level": "namndmal", "title": "Parkerna är trygga", "assessment": "helt", "analysis": "Tryggheten ökar."}]}},
    {"expect": "pass", "title": "Two of three with an analysis, where the configuration asks for all",
     "title_sv": "Två av tre med analys, där konfigurationen kräver alla",
     "parameters": {"min_level_share": 1.0},
     "report": {"goals": [{"level": "verksamhetsomradesmal", "title": "Staden är trygg", "children": [
         {"level": "namndmal", "title": "Parkerna är trygga", "assessment": "helt", "analysis": "Tryggheten ökar."},
         {"level": "namndmal", "title": "Gatorna är trygga", "assessment": "helt", "analysis": "Fler lampor."},
         {"level": "namndmal", "title": "Skolvägarna är trygga", "assessment": "delvis"}]}]}},
]


@Rule(AS.goal << Goal(assessment=L("helt") | L("delvis") | L("inte"), has_analysis=False,
                      level_analysis_share=MATCH.share),
      Params(rule=ID, min_level_share=MATCH.min_share),
      TEST(lambda share, min_share: share >= min_share))
def assessed_goal_without_analysis(engine, goal, share):
    engine.flag(ID, goal, share=f"{round(share * 100)} %")
