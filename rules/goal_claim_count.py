"""A goal's analysis states counts that its own indicator rows (or child goals) contradict.

**What it checks.** Sentences in a goal's *Analys* that count: "fyra av fem indikatorer uppnås och en
uppnås delvis", "11 av 21 indikatorer uppnås", "båda underliggande nämndmål bedöms uppfyllas helt",
"samtliga tre indikatorer uppnås delvis". Numbers may be digits or words; a count may continue in the
next sentence ("Sex av indikatorerna uppnås delvis."). The claim is compared with the goal's own rows
(an indicator counts as *uppnådd* when its relevant figure reaches the Årsmål, see GOAL-FULL-UNMET-IND)
and, because analyses often speak for the goals below too, with its own rows plus those of its
sub-goals; claims about goals are compared with the sub-goals' markers. A finding is made only when no
such reading fits (the verdict shared with SUM-CLAIM-COUNT, `auditor/policy/counts.py`); rows whose fulfilment
cannot be decided may count either way.
"delvis" and "inte" together stand for the rows that miss their target. Sub-goals none of which carries
a marker check nothing; a count one off, where a row of the set is placed with doubt or a table line under
the goal could not be placed (a row may be lost), is reported with doubt.

**Why it matters.** Counts in the analysis are what readers quote. When the table under the same goal
says otherwise, the analysis or the table is wrong.

**Example.** "Tre av nio indikatorer uppnås" where the rows show four of nine met. The finding's line
is the line of the claim; the goal is given with it.
"""

DOC_SV = """Målets analys anger antal som målets egna indikatorrader (eller undermål) motsäger.

**Vad regeln kontrollerar.** Meningar i ett måls *Analys* som räknar, till exempel "fyra av fem indikatorer
uppnås och en uppnås delvis", "11 av 21 indikatorer uppnås", "båda underliggande nämndmål bedöms uppfyllas
helt" eller "samtliga tre indikatorer uppnås delvis". Antalen kan vara skrivna med siffror eller med ord,
och en uppräkning kan fortsätta i nästa mening ("Sex av indikatorerna uppnås delvis."). Påståendet jämförs
med målets egna indikatorrader (en indikator räknas som *uppnådd* när dess relevanta värde når årsmålet, se
GOAL-FULL-UNMET-IND) och, eftersom analysen ofta också gäller målen under, med de egna raderna tillsammans
med undermålens. Påståenden om mål jämförs med undermålens bedömningar. Ett fynd görs bara när ingen av
dessa läsningar stämmer (samma bedömning som i SUM-CLAIM-COUNT, `auditor/policy/counts.py`); rader där det
inte går att avgöra om årsmålet nås får räknas åt båda hållen. Orden "delvis" och "inte" räknas tillsammans
som de rader som inte når sitt mål. Undermål där inget har en markering kan inte pröva något; ett antal som
skiljer sig med ett, när en rad i mängden är osäkert placerad eller en tabellrad under målet inte kunde
placeras (en rad kan ha gått förlorad), redovisas som osäkert.

**Varför det spelar roll.** Det är antalen i analysen som läsarna citerar. När tabellen under samma mål
visar något annat är antingen analysen eller tabellen fel.

**Exempel.** "Tre av nio indikatorer uppnås" när raderna visar att fyra av nio når årsmålet. Fyndet anges på
raden där påståendet står, tillsammans med det mål det gäller.
"""

from auditor.engine.dsl import AS, TEST, Claim, Rule
from auditor.policy.counts import judged, verdict

ID = "GOAL-CLAIM-COUNT"
SEVERITY = "error"
TITLE = {
    "sv": "Antal i målets analys stämmer inte med målets indikatorer eller undermål",
    "en": "Counts stated in a goal's analysis do not match its indicators or child goals",
}
MESSAGE = {
    "sv": "Analysen anger {stated_counts}, men {scope} visar {actual}: \"{text}\"",
    "en": "The analysis states {stated_counts}, but the count for {scope} is {actual}: \"{text}\"",
}
PARAMETERS: dict = {}

EXAMPLES = [
    {"expect": "fail", "title": "Three of four said, two of four met",
     "title_sv": "Texten säger tre av fyra, men två av fyra är uppfyllda",
     "report": {"goals": [
         {"title": "Barnen når sin fulla potential", "assessment": "delvis",
          "analysis": "Bedömningen grundar sig på att tre av fyra indikatorer uppnås.",
          "indicators": [{"name": "Andel A", "outcome": "90 %", "target": "80 %"},
                         {"name": "Andel B", "outcome": "90 %", "target": "80 %"},
                         {"name": "Andel C", "outcome": "70 %", "target": "80 %"},
                         {"name": "Andel D", "outcome": "60 %", "target": "80 %"}]}]}},
    {"expect": "pass", "title": "The count matches the rows",
     "title_sv": "Antalet stämmer med indikatorraderna",
     "report": {"goals": [
         {"title": "Barnen når sin fulla potential", "assessment": "delvis",
          "analysis": "Bedömningen grundar sig på att en av två indikatorer uppnås och den andra uppnås delvis.",
          "indicators": [{"name": "Andel A", "outcome": "90 %", "target": "80 %"},
                         {"name": "Andel B", "outcome": "70 %", "target": "80 %"}]}]}},
    {"expect": "fail", "title": "Both child goals said to be met, one is delvis",
     "title_sv": "Båda undermålen sägs uppfyllas helt, men det ena uppfylls delvis",
     "report": {"goals": [
         {"level": "verksamhetsomradesmal", "title": "Staden är trygg", "assessment": "delvis",
          "analysis": "Båda underliggande nämndmål bedöms uppfyllas helt.",
          "children": [{"level": "namndmal", "title": "Parkerna är trygga", "assessment": "helt"},
                       {"level": "namndmal", "title": "Gatorna är trygga", "assessment": "delvis"}]}]}},
]


# no reading of the claim fits the report (the verdict shared with SUM-CLAIM-COUNT: auditor/policy/counts.py)
@Rule(AS.claim << Claim(where="goal"), TEST(lambda claim: verdict(claim).consistent is False))
def goal_analysis_miscounts(engine, claim):
    engine.flag(ID, Claim.from_record(judged(claim), ()))   # with the reading it was compared with
