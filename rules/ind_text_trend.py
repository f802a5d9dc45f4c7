"""A sentence says the indicator's figure went up, down or stayed the same, and the table says otherwise.

**What it checks.** A sentence about exactly this indicator (its own analysis, a goal's analysis under a
heading or with words that name it, or the summary naming it) says that its figure rose ("har ökat", "en
ökning med 5 procentenheter"), fell ("har minskat", "sjönk", "lägre än föregående år") or stayed level
("på samma nivå som föregående år", "oförändrat") against the previous year, and the outcome set against
the previous year's column (*Periodens utfall VB*, *Utfall VB*) goes the other way. "En förbättring" or
"en försämring" is turned into up or down by the indicator's direction, when that is known. Only a clear
contradiction counts: "har ökat" against an unchanged rounded figure does not (figures are read as in
`auditor/policy/figures.py`, shared with IND-TEXT-FIGURE). Statements about a
sub-group, another period ("jämfört med samma period förra året" in a tertial report), the city, or
several indicators are not the indicator's; a tertial report's count so far is not compared with a whole
year; a cell whose column placement is uncertain gives no finding.

**Why it matters.** The direction of change is often the one thing a reader takes away. Saying that sick
leave fell when the table shows it rose misleads the reader, even when each figure on its own is right.

**Example.** "Sjukfrånvaron har minskat under året" with 6,9 % the previous year and 7,4 % now.
"""

DOC_SV = """En mening säger att indikatorns siffra har ökat, minskat eller legat still, och tabellen säger något annat.

**Vad regeln kontrollerar.** En mening om just den här indikatorn (dess egen analys, ett måls analys under
en rubrik eller med ord som namnger den, eller sammanfattningen när den namnger den) säger att siffran har
stigit ("har ökat", "en ökning med 5 procentenheter"), sjunkit ("har minskat", "sjönk", "lägre än föregående
år") eller legat kvar ("på samma nivå som föregående år", "oförändrat") jämfört med föregående år, och
utfallet jämfört med föregående års kolumn (*Periodens utfall VB*, *Utfall VB*) går åt andra hållet. "En
förbättring" eller "en försämring" görs om till upp eller ned efter indikatorns riktning, när den är känd.
Bara en tydlig motsägelse räknas: "har ökat" mot en oförändrad avrundad siffra räknas inte (siffrorna läses
som i `auditor/policy/figures.py`, samma som för IND-TEXT-FIGURE). Påståenden om en delgrupp, en annan
period ("jämfört med samma period förra året" i en tertialrapport), staden eller flera indikatorer är inte
indikatorns. En tertialrapports antal hittills jämförs inte med ett helt år, och en cell vars
kolumnplacering är osäker ger inget fynd.

**Varför det spelar roll.** Förändringens riktning är ofta det enda läsaren tar med sig. Att skriva att
sjukfrånvaron minskade när tabellen visar att den ökade vilseleder läsaren, även om varje siffra för sig är
rätt.

**Exempel.** "Sjukfrånvaron har minskat under året" med 6,9 % föregående år och 7,4 % nu.
"""

from auditor.engine.dsl import AS, TEST, FigureClaim, Rule
from auditor.policy.figures import step
from auditor.policy.target import TERTIALS

ID = "IND-TEXT-TREND"
SEVERITY = "warning"
TITLE = {
    "sv": "Texten anger en annan utveckling än tabellen",
    "en": "The text states another trend than the table",
}
MESSAGE = {
    "sv": "Texten säger att '{indicator}' har {says} jämfört med föregående år, men tabellen visar {previous} → {outcome} (rad {indicator_line}): \"{text}\"",
    "en": "The text says that '{indicator}' {says} against the previous year, but the table shows {previous} → {outcome} (line {indicator_line}): \"{text}\"",
}
PARAMETERS: dict = {}
# What the sentence says happened, in each language.
_SAYS = {"up": {"sv": "ökat", "en": "went up"}, "down": {"sv": "minskat", "en": "went down"},
         "same": {"sv": "legat kvar på samma nivå", "en": "stayed the same"},
         "better": {"sv": "förbättrats", "en": "improved"}, "worse": {"sv": "försämrats", "en": "got worse"}}

EXAMPLES = [
    {"expect": "fail", "title": "Said to fall, the table shows a rise",
     "title_sv": "Sägs ha minskat, tabellen visar en ökning",
     "report": {"kind": "VB", "goals": [{"title": "Fler har en trygg anställning", "assessment": "helt",
                                         "indicators": [{"name": "Antal medarbetare med visstidsanställning", "outcome": "31",
                                                         "previous": "27", "target": "40",
                                                         "analysis": "Antalet har minskat under året."}]}]}},
    {"expect": "fail", "title": "Lower is better: an improvement while the figure rose",
     "title_sv": "Lägre är bättre: en förbättring fast siffran steg",
     "report": {"kind": "VB", "goals": [{"title": "Medarbetarna mår bra", "assessment": "delvis",
                                         "indicators": [{"name": "Sjukfrånvaro", "outcome": "7,8 %",
                                                         "previous": "7,1 %", "target": "6 %",
                                                         "analysis": "Resultatet är en förbättring jämfört med föregående år."}]}]}},
    {"expect": "pass", "title": "Said to rise, and it did",
     "title_sv": "Sägs ha ökat, och har gjort det",
     "report": {"kind": "VB", "goals": [{"title": "Brukarna är nöjda", "assessment": "delvis",
                                         "indicators": [{"name": "Andel nöjda brukare", "outcome": "78 %",
                                                         "previous": "74 %", "target": "80 %",
                                                         "analysis": "Andelen har ökat jämfört med föregående år."}]}]}},
    {"expect": "pass", "title": "A trend for one sex is not the indicator's",
     "title_sv": "En utveckling för ett kön är inte indikatorns",
     "report": {"kind": "VB", "goals": [{"title": "Brukarna är nöjda", "assessment": "delvis",
                                         "indicators": [{"name": "Andel nöjda brukare", "outcome": "78 %",
                                                         "previous": "74 %", "target": "80 %",
                                                         "analysis": "Andelen nöjda bland männen har minskat."}]}]}},
    {"expect": "pass", "title": "Another period: the same months last year",
     "title_sv": "En annan period: samma månader förra året",
     "report": {"kind": "T1", "goals": [{"title": "Brukarna är nöjda", "assessment": "delvis",
                                         "indicators": [{"name": "Andel nöjda brukare", "outcome": "78 %",
                                                         "previous": "74 %", "target": "80 %",
                                                         "analysis": "Andelen har minskat jämfört med samma period förra året."}]}]}},
]


def WORDING(claim) -> dict:
    """The message's words for what the claim says happened."""
    return {"says": _SAYS[claim["stated"]]}


def stated_trend(claim) -> str | None:
    """"up", "down" or "same" as the sentence says it; a better/worse is turned into up/down by the
    indicator's direction, when the direction is known and not only assumed."""
    stated = str(claim["stated"])
    if stated in ("up", "down", "same"):
        return stated
    if claim["direction_basis"] == "fallback" or claim["direction"] not in ("higher", "lower"):
        return None
    return "up" if (stated == "better") == (claim["direction"] == "higher") else "down"


def contradicts(claim) -> bool:
    """The sentence's trend is not the table's, for certain: both cells are placed for certain, a tertial
    report's count so far is not set against a whole year, and "the same" against a change (or a change
    against "the same") counts only when the change is more than one step of the coarser precision."""
    stated, table = stated_trend(claim), claim["table"]
    if stated is None or table is None or not claim["sure"]:
        return False
    if claim["report_kind"] in TERTIALS and claim["unit_kind"] != "percent" \
            and claim["indicator"].lower().startswith("antal"):
        return False
    if "same" in (stated, table):
        before, after = claim["previous"], claim["outcome"]
        return stated != table and abs(after - before) > step(before, after)
    return stated != table


@Rule(AS.claim << FigureClaim(kind="trend"), TEST(lambda claim: contradicts(claim)))
def text_states_another_trend(engine, claim):
    engine.flag(ID, claim)
