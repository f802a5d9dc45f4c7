"""An activity is marked *Avvikelse* and has no analysis.

**What it checks.** An activity row that carries *Avvikelse* (it deviates from the plan) with no
*Analys* block of its own.

**Why it matters.** A deviation is a change of plan. The reader needs to know what happened and what
the committee will do instead; the form has an *Analys* for exactly that.

**Example.** "Öppna en ny träffpunkt för äldre | Avvikelse" with nothing below the row.
"""

DOC_SV = """En aktivitet är markerad med *Avvikelse* men saknar analys.

**Vad regeln kontrollerar.** En aktivitetsrad som är markerad med *Avvikelse* (aktiviteten genomförs inte
enligt plan) men som saknar en egen *Analys*.

**Varför det spelar roll.** En avvikelse betyder att planen har ändrats. Läsaren behöver få veta vad som har
hänt och vad nämnden gör i stället, och det är precis det som analysfältet i rapportmallen är till för.

**Exempel.** "Öppna en ny träffpunkt för äldre | Avvikelse" utan någon text under raden.
"""

from auditor.engine.dsl import AS, Activity, Rule

ID = "ACT-DEV-NO-ANALYSIS"
SEVERITY = "warning"
TITLE = {
    "sv": "Aktivitet med avvikelse saknar analys",
    "en": "Deviating activity has no analysis",
}
MESSAGE = {
    "sv": "Aktiviteten '{text}' har avvikelse men saknar analys.",
    "en": "The activity '{text}' is marked as deviating but has no analysis.",
}
PARAMETERS: dict = {}

EXAMPLES = [
    {"expect": "fail", "title": "Deviation, nothing said",
     "title_sv": "Avvikelse utan förklaring",
     "report": {"goals": [{"title": "Äldre har en meningsfull vardag", "assessment": "delvis",
                           "activities": [{"text": "Öppna en ny träffpunkt för äldre.", "deviation": True}]}]}},
    {"expect": "pass", "title": "Deviation explained",
     "title_sv": "Avvikelsen förklaras",
     "report": {"goals": [{"title": "Äldre har en meningsfull vardag", "assessment": "delvis",
                           "activities": [{"text": "Öppna en ny träffpunkt för äldre.", "deviation": True,
                                           "analysis": "Lokalen blir klar först nästa år."}]}]}},
    {"expect": "pass", "title": "No deviation",
     "title_sv": "Ingen avvikelse",
     "report": {"goals": [{"title": "Äldre har en meningsfull vardag", "assessment": "helt",
                           "activities": [{"text": "Öppna en ny träffpunkt för äldre."}]}]}},
]


@Rule(AS.activity << Activity(deviation=True, has_analysis=False))
def deviating_activity_without_analysis(engine, activity):
    engine.flag(ID, activity)
