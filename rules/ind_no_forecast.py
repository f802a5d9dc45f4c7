"""In a tertial report, an indicator with an annual target has no full-year forecast.

**What it checks.** In a T1 or T2 report, an indicator row whose *Årsmål* is filled in but whose
*Prognos helår* is empty. This includes indicators measured once a year (period "2025"): the form
still asks for the committee's forecast of them.

**Why it matters.** A tertial report is about the year ahead: the forecast is how the committee tells
whether the target will be reached, and it is what "met" is judged on before the year is over. Without
it, neither the reader nor this audit can check the goal's assessment.

**Example.** T1: "Andel nöjda brukare | årsmål 80 %" with no forecast.
"""

DOC_SV = """I en tertialrapport saknar en indikator med årsmål prognos för helåret.

**Vad regeln kontrollerar.** I en T1- eller T2-rapport: en indikatorrad där *Årsmål* är ifyllt men
*Prognos helår* är tom. Det gäller också indikatorer som mäts en gång om året (period "2025"): mallen frågar
ändå efter nämndens prognos för dem.

**Varför det spelar roll.** En tertialrapport blickar framåt mot resten av året. Prognosen är nämndens
besked om huruvida årsmålet kommer att nås, och det är mot den som måluppfyllelsen bedöms innan året är
slut. Utan prognos kan varken läsaren eller den här granskningen pröva målets bedömning.

**Exempel.** T1: "Andel nöjda brukare | årsmål 80 %" utan prognos.
"""

from auditor.engine.dsl import AS, Indicator, L, Rule

ID = "IND-NO-FORECAST"
SEVERITY = "info"
# The finding is as sure as the placement of these cells ("figure": the one compared with the target, and
# in a tertial report the forecast column too, present or empty: auditor/policy/target.figure_cells).
DECISIVE_CELLS = ("forecast", "target")
TITLE = {
    "sv": "Indikator i tertialrapport saknar helårsprognos",
    "en": "Indicator in a tertial report has no full-year forecast",
}
MESSAGE = {
    "sv": "Indikatorn '{name}' har årsmål men ingen prognos för helåret.",
    "en": "The indicator '{name}' has an annual target but no full-year forecast.",
}
PARAMETERS: dict = {}

EXAMPLES = [
    {"expect": "fail", "title": "T1 row with a target and no forecast",
     "title_sv": "Rad i T1 med årsmål men utan prognos",
     "report": {"kind": "T1", "goals": [{"title": "Brukarna är nöjda", "assessment": "helt",
                                         "indicators": [{"name": "Andel nöjda brukare", "target": "80 %",
                                                         "period": "2025"}]}]}},
    {"expect": "pass", "title": "Forecast given",
     "title_sv": "Prognos finns",
     "report": {"kind": "T2", "goals": [{"title": "Brukarna är nöjda", "assessment": "helt",
                                         "indicators": [{"name": "Andel nöjda brukare", "outcome": "79 %",
                                                         "forecast": "81 %", "target": "80 %"}]}]}},
    {"expect": "pass", "title": "An annual report has no forecast column to fill",
     "title_sv": "En verksamhetsberättelse har ingen prognoskolumn att fylla i",
     "report": {"kind": "VB", "goals": [{"title": "Brukarna är nöjda", "assessment": "helt",
                                         "indicators": [{"name": "Andel nöjda brukare", "outcome": "81 %",
                                                         "target": "80 %"}]}]}},
]


@Rule(AS.indicator << Indicator(report_kind=L("T1") | L("T2"), has_target=True, has_forecast=False))
def tertial_indicator_without_forecast(engine, indicator):
    engine.flag(ID, indicator)
