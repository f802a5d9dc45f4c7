"""A sentence states another figure for the indicator than its table does.

**What it checks.** A sentence in the indicator's own analysis, or in a goal's analysis under a heading or
with words that name exactly this indicator, states the indicator's outcome, full-year forecast, annual
target or previous year's outcome for the report's period ("Utfallet uppgår till 81,25 %", "årsmålet om 75
%", "jämfört med föregående år då utfallet var 52 %", "prognosen är 1 272"), and the table's cell in that
column holds another figure. The finer of the two figures is rounded to the coarser one's precision first,
so "37 procent" agrees with 37,43 % (`auditor/policy/figures.py`, shared with IND-TEXT-TREND). Figures about
a sub-group (one sex, one unit), another period, the city or the country, changes ("ökat med 3
procentenheter") and sentences about several indicators are not read as the indicator's own. A cell whose
column placement is uncertain gives no finding.

**Why it matters.** The reader trusts the words; the city's summaries take the table. When they differ,
one of them is wrong, usually a typo or a figure left from an earlier draft.

**Example.** The analysis says "Utfallet uppgår till 81,25 %" while *Periodens utfall* is 81,52 %.
Correct the figure that is wrong.
"""

DOC_SV = """En mening anger en annan siffra för indikatorn än dess tabell.

**Vad regeln kontrollerar.** En mening i indikatorns egen analys, eller i ett måls analys under en rubrik
eller med ord som namnger just den här indikatorn, anger indikatorns utfall, prognos för helåret, årsmål
eller föregående års utfall för rapportens period ("Utfallet uppgår till 81,25 %", "årsmålet om 75 %",
"jämfört med föregående år då utfallet var 52 %", "prognosen är 1 272"), och tabellens cell i den kolumnen
har en annan siffra. Den noggrannare siffran avrundas först till den grövre siffrans precision, så "37
procent" stämmer med 37,43 % (`auditor/policy/figures.py`, samma som för IND-TEXT-TREND). Siffror om en
delgrupp (ett kön, en enhet), en annan period, staden eller riket, förändringar ("ökat med 3
procentenheter") och meningar om flera indikatorer läses inte som indikatorns egna. En cell vars
kolumnplacering är osäker ger inget fynd.

**Varför det spelar roll.** Läsaren litar på texten, medan stadens sammanställningar använder tabellen.
När de skiljer sig är en av dem fel, oftast ett skrivfel eller en siffra kvar från ett tidigare utkast.

**Exempel.** Analysen säger "Utfallet uppgår till 81,25 %" medan *Periodens utfall* är 81,52 %. Rätta den
siffra som är fel.
"""

from auditor.engine.dsl import AS, MATCH, TEST, FigureClaim, L, Rule
from auditor.policy.figures import same_figure

ID = "IND-TEXT-FIGURE"
SEVERITY = "error"
TITLE = {
    "sv": "Texten anger en annan siffra än tabellen",
    "en": "The text states another figure than the table",
}
MESSAGE = {
    "sv": "Texten anger {what} {stated} för '{indicator}', men tabellen har {table} (rad {indicator_line}): \"{text}\"",
    "en": "The text states {what} {stated} for '{indicator}', but the table has {table} (line {indicator_line}): \"{text}\"",
}
PARAMETERS: dict = {}
# What the sentence states, in each language.
WHAT = {"outcome": {"sv": "utfallet", "en": "the outcome"}, "forecast": {"sv": "prognosen", "en": "the forecast"},
        "target": {"sv": "årsmålet", "en": "the annual target"},
        "previous": {"sv": "föregående års utfall", "en": "last year's outcome"}}

EXAMPLES = [
    {"expect": "fail", "title": "The analysis repeats the outcome with a slip",
     "title_sv": "Analysen återger utfallet med ett skrivfel",
     "report": {"goals": [{"title": "Fler har en egen bostad", "assessment": "helt",
                           "indicators": [{"name": "Andel hyresgäster som har kvar sitt kontrakt", "outcome": "71,43 %",
                                           "target": "60 %",
                                           "analysis": "Utfallet uppgår till 74,13 % och årsmålet om 60 % nås."}]}]}},
    {"expect": "fail", "title": "The stated target is not the table's",
     "title_sv": "Årsmålet i texten är inte tabellens",
     "report": {"goals": [{"title": "Fler unga har sommarjobb", "assessment": "delvis",
                           "indicators": [{"name": "Antal ungdomar med sommarjobb", "outcome": "410 st",
                                           "target": "450 st",
                                           "analysis": "Årsmålet om 500 ungdomar nås inte i år."}]}]}},
    {"expect": "pass", "title": "A rounded figure agrees",
     "title_sv": "En avrundad siffra stämmer",
     "report": {"goals": [{"title": "Fler har en egen bostad", "assessment": "helt",
                           "indicators": [{"name": "Andel hyresgäster som har kvar sitt kontrakt", "outcome": "71,43 %",
                                           "target": "60 %",
                                           "analysis": "Andelen uppgår till 71 procent."}]}]}},
    {"expect": "pass", "title": "A figure for one sex is not the outcome",
     "title_sv": "En siffra för ett kön är inte utfallet",
     "report": {"goals": [{"title": "Fler har en egen bostad", "assessment": "helt",
                           "indicators": [{"name": "Andel hyresgäster som har kvar sitt kontrakt", "outcome": "71 %",
                                           "target": "60 %",
                                           "analysis": "Bland kvinnorna ligger resultatet på 80 procent."}]}]}},
    {"expect": "pass", "title": "Uncertain columns: no finding",
     "title_sv": "Osäkra kolumner: inget fynd",
     "report": {"goals": [{"title": "Fler har en egen bostad", "assessment": "helt",
                           "indicators": [{"name": "Andel hyresgäster som har kvar sitt kontrakt", "outcome": "71,43 %",
                                           "target": "60 %", "certain": False,
                                           "analysis": "Utfallet uppgår till 74,13 %."}]}]}},
]


def WORDING(claim) -> dict:
    """The message's words for what the claim is about (its figures are written with their unit at output)."""
    return {"what": WHAT[claim["kind"]]}


def contradicts(stated: float, table: float | None) -> bool:
    """The sentence's figure is not the cell's: a cell with a number, the two unequal at the coarser
    precision."""
    return table is not None and not same_figure(float(stated), table)


# only cells placed for certain: a figure in an unsure column may be another column's
@Rule(AS.claim << FigureClaim(kind=L("outcome") | L("forecast") | L("target") | L("previous"), sure=True,
                              stated=MATCH.stated, table=MATCH.table),
      TEST(contradicts))
def text_states_another_figure(engine, claim):
    engine.flag(ID, claim)
