"""An indicator misses its annual target and has no analysis.

**What it checks.** An indicator row whose relevant figure (VB: outcome; T1/T2: full-year forecast,
or the outcome when there is none) does not reach the Årsmål -- in the indicator's direction, see
GOAL-FULL-UNMET-IND and `auditor/policy/target.py` -- and that has no *Analys* block of its own.

**Why it matters.** A missed target is exactly where the reader needs the committee's explanation:
why it happened and what is being done. Without one the deviation is reported but not followed up.

**Example.** "Andel nöjda brukare: utfall 70 %, årsmål 80 %" with no *Analys* below the row.
"""

DOC_SV = """En indikator når inte årsmålet och saknar analys.

**Vad regeln kontrollerar.** En indikatorrad vars relevanta värde (VB: utfallet; T1/T2: prognosen för
helåret, eller utfallet när prognos saknas) inte når *Årsmål* – i indikatorns riktning, se
GOAL-FULL-UNMET-IND och `auditor/policy/target.py` – och som saknar en egen *Analys*.

**Varför det spelar roll.** Det är just när årsmålet inte nås som läsaren behöver nämndens förklaring:
varför det blev så och vad som görs åt det. Utan analys redovisas avvikelsen men följs inte upp.

**Exempel.** "Andel nöjda brukare: utfall 70 %, årsmål 80 %" utan någon *Analys* under raden.
"""

from auditor.engine.dsl import AS, Indicator, Rule

ID = "IND-UNMET-NO-ANALYSIS"
SEVERITY = "warning"
# The finding is as sure as the placement of these cells ("figure": the one compared with the target, and
# in a tertial report the forecast column too, present or empty: auditor/policy/target.figure_cells).
DECISIVE_CELLS = ("figure", "target")
TITLE = {
    "sv": "Indikator som inte når årsmålet saknar analys",
    "en": "Indicator that misses its target has no analysis",
}
MESSAGE = {
    "sv": "Indikatorn '{name}' når inte årsmålet ({figure} mot {target}) och saknar analys.",
    "en": "The indicator '{name}' misses its annual target ({figure} vs {target}) and has no analysis.",
}
PARAMETERS: dict = {}

EXAMPLES = [
    {"expect": "fail", "title": "Target missed, nothing said",
     "title_sv": "Årsmålet nås inte och inget förklaras",
     "report": {"goals": [{"title": "Brukarna är nöjda", "assessment": "delvis",
                           "indicators": [{"name": "Andel nöjda brukare", "outcome": "70 %", "target": "80 %"}]}]}},
    {"expect": "pass", "title": "Target missed and explained",
     "title_sv": "Årsmålet nås inte men det förklaras",
     "report": {"goals": [{"title": "Brukarna är nöjda", "assessment": "delvis",
                           "indicators": [{"name": "Andel nöjda brukare", "outcome": "70 %", "target": "80 %",
                                           "analysis": "Enkäten besvarades av få; åtgärder planeras."}]}]}},
    {"expect": "pass", "title": "Lower is better and the figure is below the ceiling",
     "title_sv": "Lägre värde är bättre och utfallet ligger under målnivån",
     "report": {"goals": [{"title": "God arbetsmiljö", "assessment": "helt",
                           "indicators": [{"name": "Sjukfrånvaro", "outcome": "5 %", "target": "7 %"}]}]}},
]


@Rule(AS.indicator << Indicator(met=False, has_analysis=False))
def unmet_indicator_without_analysis(engine, indicator):
    engine.flag(ID, indicator)
