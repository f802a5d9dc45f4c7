"""A summary sentence counts goal assessments that the goals below do not add up to.

**What it checks.** Sentences outside the goals (the summary, *Sammanfattande analys*, the introduction
to each inriktningsmål) that count goals by level: "Av målen för verksamhetsområdena bedöms 14 uppnås
helt och 2 delvis", "samtliga nämndmål bedöms uppnås helt", "tre av kommunfullmäktiges fyra
verksamhetsområdesmål förväntas uppnås helt och ett delvis". Numbers may be digits or words. The
counts are compared with the markers of the goals of that level in the whole report, in the part of
the goal tree the sentence's section names, or -- when the sentence gives a total -- in any one part of
the tree. A finding is made only when no such reading fits (the verdict shared with GOAL-CLAIM-COUNT,
`auditor/policy/counts.py`). Goals without a marker (or *Ingen*) may
count either way; a set none of whose goals carries a marker checks nothing (KF's goals in a committee's
report often carry none). The finding carries doubt when some goals of the set are unmarked, or when a
count is one off and a table line under the goal could not be placed.

**Why it matters.** The summary is what the city council reads. If it reports more goals as met than
the report's own assessments show, the committee's result is overstated.

**Example.** "Samtliga nämndmål bedöms uppnås helt" when one nämndmål is *Uppfylls delvis*.
"""

DOC_SV = """En sammanfattande mening räknar målbedömningar som målen i rapporten inte summerar till.

**Vad regeln kontrollerar.** Meningar utanför målen (sammanfattningen, *Sammanfattande analys*, inledningen
till varje inriktningsmål) som räknar mål per nivå: "Av målen för verksamhetsområdena bedöms 14 uppnås helt
och 2 delvis", "samtliga nämndmål bedöms uppnås helt", "tre av kommunfullmäktiges fyra verksamhetsområdesmål
förväntas uppnås helt och ett delvis". Antalen kan vara skrivna med siffror eller med ord. De jämförs med
markeringarna för målen på den nivån i hela rapporten, i den del av målträdet som meningens avsnitt gäller,
eller – när meningen anger ett totalt antal – i någon enskild del av trädet. Ett fynd görs bara när ingen av
dessa läsningar stämmer (samma bedömning som i GOAL-CLAIM-COUNT, `auditor/policy/counts.py`). Mål utan
markering (eller med *Ingen*) får räknas åt båda hållen; en mängd mål där inget har en markering kan inte
pröva något (kommunfullmäktiges mål saknar ofta markering i en nämnds rapport). Fyndet är osäkert när några
av målen saknar markering, eller när ett antal skiljer sig med ett och en tabellrad under målet inte kunde
placeras.

**Varför det spelar roll.** Det är sammanfattningen som kommunfullmäktige läser. Om den redovisar fler mål
som uppfyllda än rapportens egna bedömningar visar, framstår nämndens resultat som bättre än det är.

**Exempel.** "Samtliga nämndmål bedöms uppnås helt" när ett nämndmål är *Uppfylls delvis*.
"""

from auditor.engine.dsl import AS, TEST, Claim, Rule
from auditor.policy.counts import judged, verdict

ID = "SUM-CLAIM-COUNT"
SEVERITY = "error"
TITLE = {
    "sv": "Sammanfattningens antal mål stämmer inte med målens bedömningar",
    "en": "Counts of goals in the summary do not match the goal assessments",
}
MESSAGE = {
    "sv": "Sammanfattningen anger {stated_counts}, men {scope} visar {actual}: \"{text}\"",
    "en": "The summary states {stated_counts}, but the count for {scope} is {actual}: \"{text}\"",
}
PARAMETERS: dict = {}

EXAMPLES = [
    {"expect": "fail", "title": "All said to be met, one is delvis",
     "title_sv": "Alla sägs vara helt uppfyllda, men ett är delvis",
     "report": {"summary": ["Samtliga nämndmål bedöms uppnås helt."],
                "goals": [{"level": "namndmal", "title": "Parkerna är trygga", "assessment": "helt"},
                          {"level": "namndmal", "title": "Gatorna är trygga", "assessment": "delvis"}]}},
    {"expect": "fail", "title": "Wrong numbers",
     "title_sv": "Fel antal",
     "report": {"summary": ["Av nämndmålen bedöms tre uppnås helt och ett delvis."],
                "goals": [{"level": "namndmal", "title": "Parkerna är trygga", "assessment": "helt"},
                          {"level": "namndmal", "title": "Gatorna är trygga", "assessment": "delvis"}]}},
    {"expect": "pass", "title": "Goals that carry no assessment check nothing",
     "title_sv": "Mål utan bedömning prövar inget",
     "report": {"summary": ["Nämnden bedömer att fyra av sju inriktningsmål har uppfyllts och tre uppfylls delvis."],
                "goals": [{"level": "inriktningsmal", "title": "Staden är trygg"},
                          {"level": "inriktningsmal", "title": "Staden är hållbar"}]}},
    {"expect": "pass", "title": "Numbers that add up",
     "title_sv": "Antalen stämmer",
     "report": {"summary": ["Av nämndmålen bedöms ett uppnås helt och ett delvis."],
                "goals": [{"level": "namndmal", "title": "Parkerna är trygga", "assessment": "helt"},
                          {"level": "namndmal", "title": "Gatorna är trygga", "assessment": "delvis"}]}},
]


# no reading of the claim fits the report (the verdict shared with GOAL-CLAIM-COUNT: auditor/policy/counts.py)
@Rule(AS.claim << Claim(where="narrative"), TEST(lambda claim: verdict(claim).consistent is False))
def summary_miscounts_goals(engine, claim):
    engine.flag(ID, Claim.from_record(judged(claim), ()))   # with the reading it was compared with
