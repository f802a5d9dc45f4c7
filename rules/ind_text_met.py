"""A sentence says the indicator reached its annual target while the table shows it missed, or the reverse.

**What it checks.** A sentence about exactly this indicator (its own analysis, or a goal's analysis under a
heading or with words that name it) says that it reaches its annual target ("årsmålet nås", "har uppnått
årsmålet", "överträffar målet") or that it does not ("når inte årsmålet", "uppnås delvis", "ligger under
målet"), and the table says the opposite. The table's side is decided as in GOAL-FULL-UNMET-IND: the outcome
in an annual report, the full-year forecast in a tertial report (the outcome when there is none), against
the Årsmål, with the direction (higher or lower is better) from the target text or the indicator's name
(`rules/directions.yaml`), all decided once in `auditor/policy/target.py`; the finding says which. When the
direction is only assumed, when a tertial report's outcome and forecast disagree about the target, or when a
compared cell's column is uncertain, there is no finding. Hedged sentences ("det är osäkert om årsmålet
nås") and statements about several indicators are not read.

**Why it matters.** Whether a target is met is what the committee is held to. A text that says met while
the figures say missed (or the reverse) gives the reader the wrong conclusion.

**Example.** "Utfallet uppgår till 45 % och årsmålet nås" with *Periodens utfall* 45 % and *Årsmål* 60 %.
"""

DOC_SV = """En mening säger att indikatorn nådde sitt årsmål medan tabellen visar att den inte gjorde det, eller tvärtom.

**Vad regeln kontrollerar.** En mening om just den här indikatorn (dess egen analys, eller ett måls analys
under en rubrik eller med ord som namnger den) säger att den når sitt årsmål ("årsmålet nås", "har uppnått
årsmålet", "överträffar målet") eller att den inte gör det ("når inte årsmålet", "uppnås delvis", "ligger
under målet"), och tabellen säger motsatsen. Tabellens svar avgörs som i GOAL-FULL-UNMET-IND: utfallet i en
verksamhetsberättelse, prognosen för helåret i en tertialrapport (utfallet när prognos saknas), mot
årsmålet, med riktningen (om högre eller lägre är bättre) från årsmålets text eller indikatorns namn
(`rules/directions.yaml`), allt avgjort på ett ställe, `auditor/policy/target.py`. Fyndet anger vilket. När
riktningen bara är antagen, när en tertialrapports utfall och prognos ger olika svar, eller när en jämförd
cells kolumn är osäker blir det inget fynd. Reservationer ("det är osäkert om årsmålet nås") och påståenden
om flera indikatorer läses inte.

**Varför det spelar roll.** Om målet nås är det nämnden ställs till svars för. En text som säger uppnått
när siffrorna säger inte uppnått (eller tvärtom) ger läsaren fel slutsats.

**Exempel.** "Utfallet uppgår till 45 % och årsmålet nås" med *Periodens utfall* 45 % och *Årsmål* 60 %.
"""

from auditor.engine.dsl import AS, TEST, FigureClaim, Rule
from auditor.policy.target import TERTIALS, is_met
from auditor.words.catalogue import FIGURE_COLUMNS

ID = "IND-TEXT-MET"
SEVERITY = "error"
TITLE = {
    "sv": "Texten säger att årsmålet nås (eller inte) tvärtemot tabellen",
    "en": "The text says the target is met (or not) against the table",
}
MESSAGE = {
    "sv": "Texten säger att '{indicator}' {says}, men tabellen visar att den {shows} ({column} {figure} mot årsmål {target}, {direction}, rad {indicator_line}): \"{text}\"",
    "en": "The text says that '{indicator}' {says}, but the table shows that it {shows} ({column} {figure} vs target {target}, {direction}, line {indicator_line}): \"{text}\"",
}
PARAMETERS: dict = {}
# Whether the target is reached, and the direction, in each language; the columns' names are the catalogue's.
_MET = {True: {"sv": "når årsmålet", "en": "reaches its annual target"},
        False: {"sv": "inte når årsmålet", "en": "misses its annual target"}}
_DIR = {"higher": {"sv": "högre är bättre", "en": "higher is better"},
        "lower": {"sv": "lägre är bättre", "en": "lower is better"},
        "band": {"sv": "inom intervall", "en": "within a band"}}

EXAMPLES = [
    {"expect": "fail", "title": "Said to be met, the outcome is below the target",
     "title_sv": "Sägs vara uppnått, utfallet ligger under årsmålet",
     "report": {"kind": "VB", "goals": [{"title": "Fler försörjer sig själva", "assessment": "delvis",
                                         "indicators": [{"name": "Andel vuxna med ekonomiskt bistånd",
                                                         "outcome": "3,4 %", "target": "3 %",
                                                         "analysis": "Utfallet blev 3,4 % och årsmålet nås därmed."}]}]}},
    {"expect": "fail", "title": "Target text decides the direction: said to be met, the outcome is short",
     "title_sv": "Årsmålets text avgör riktningen: sägs vara uppnått, utfallet räcker inte",
     "report": {"kind": "VB", "goals": [{"title": "Brukarna är nöjda", "assessment": "delvis",
                                         "indicators": [{"name": "Andel nöjda brukare", "outcome": "72 %",
                                                         "target": "Minst 80 %",
                                                         "analysis": "Förvaltningen har uppnått årsmålet."}]}]}},
    {"expect": "fail", "title": "Lower is better: said to be missed, but the figure is under its ceiling",
     "title_sv": "Lägre är bättre: sägs inte nås, men siffran ligger under taket",
     "message": {"sv": "utfall 5,1 % mot årsmål 6 %, lägre är bättre", "en": "outcome 5.1 % vs target 6 %, lower is better"},
     "report": {"kind": "VB", "goals": [{"title": "Medarbetarna mår bra", "assessment": "delvis",
                                         "indicators": [{"name": "Sjukfrånvaro", "outcome": "5,1 %", "target": "6 %",
                                                         "analysis": "Årsmålet uppnås delvis."}]}]}},
    {"expect": "pass", "title": "Said to be missed, and it is",
     "title_sv": "Sägs inte nås, och gör det inte",
     "report": {"kind": "VB", "goals": [{"title": "Brukarna är nöjda", "assessment": "delvis",
                                         "indicators": [{"name": "Andel nöjda brukare", "outcome": "72 %",
                                                         "target": "Minst 80 %",
                                                         "analysis": "Förvaltningen når inte årsmålet i år."}]}]}},
    {"expect": "pass", "title": "A hedged sentence is not read",
     "title_sv": "En mening med reservation läses inte",
     "report": {"kind": "VB", "goals": [{"title": "Brukarna är nöjda", "assessment": "delvis",
                                         "indicators": [{"name": "Andel nöjda brukare", "outcome": "72 %",
                                                         "target": "Minst 80 %",
                                                         "analysis": "Det är osäkert om årsmålet nås."}]}]}},
    {"expect": "pass", "title": "The goal's own assessment is not the indicator's",
     "title_sv": "Målets egen bedömning är inte indikatorns",
     "report": {"kind": "VB", "goals": [{"title": "Brukarna är nöjda", "assessment": "helt",
                                         "analysis": "Förvaltningen bedömer att nämndmålet uppfylls helt.",
                                         "indicators": [{"name": "Andel nöjda brukare", "outcome": "72 %",
                                                         "target": "80 %"}]}]}},
]


def WORDING(claim) -> dict:
    """The message's words for the claim: what it says, what the table shows, the column and the direction."""
    sv, en = FIGURE_COLUMNS.get(claim["column"], FIGURE_COLUMNS["outcome"])
    return {"says": _MET[claim["stated"]], "shows": _MET[claim["table"]], "column": {"sv": sv, "en": en},
            "direction": _DIR.get(claim["direction"], "")}


def contradicts(claim) -> bool:
    """The sentence says met where the table says missed, or the reverse, and the table can say so for
    certain: the compared figure and the target are placed for certain, the direction is not only assumed,
    and in a tertial report the outcome so far and the forecast give the same answer (its "årsmålet nås"
    may speak of either)."""
    if claim["table"] is None or not claim["sure"] or claim["direction_basis"] == "fallback":
        return False
    if claim["report_kind"] in TERTIALS and claim["outcome"] is not None and claim["forecast"] is not None \
            and is_met(claim["outcome"], claim["target"], claim["direction"]) != claim["table"]:
        return False
    return claim["stated"] != claim["table"]


@Rule(AS.claim << FigureClaim(kind="met"), TEST(lambda claim: contradicts(claim)))
def text_says_met_against_the_table(engine, claim):
    engine.flag(ID, claim)
