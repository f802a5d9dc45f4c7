"""The goal's own analysis states another degree of fulfilment than the goal's marker.

**What it checks.** A goal marked *Uppfylls helt*, *delvis* or *inte* whose analysis makes an explicit
assessment of the goal itself ("Förvaltningen bedömer att målet uppfylls delvis") with a different
degree. The analysis may name the goal "målet", by its level ("nämndmålet", "enhetsmålet",
"verksamhetsområdesmålet") or in full ("kommunfullmäktiges mål för verksamhetsområdet", "målet för
verksamhetsområdet"). Only sentences that assess (with "bedömer", "bedömning", "sammantaget") and count
nothing are read, so "tre av fem mål uppfylls delvis" is not taken for the goal's own degree; vague wording
such as "i huvudsak" is not read as a degree.

**Why it matters.** The marker is what gets counted in the city's summaries; the analysis is what the
committee actually concluded. When they disagree, one of them is wrong.

**Example.** Marker *Uppfylls helt*, analysis "Förvaltningen bedömer att målet uppfylls delvis."
"""

DOC_SV = """Målets egen analys anger en annan grad av måluppfyllelse än målets markering.

**Vad regeln kontrollerar.** Ett mål markerat *Uppfylls helt*, *delvis* eller *inte* vars analys
uttryckligen bedömer själva målet ("Förvaltningen bedömer att målet uppfylls delvis") med en annan grad.
Analysen kan kalla målet "målet", efter dess nivå ("nämndmålet", "enhetsmålet", "verksamhetsområdesmålet")
eller med hela namnet ("kommunfullmäktiges mål för verksamhetsområdet", "målet för verksamhetsområdet").
Bara meningar som gör en bedömning (med "bedömer", "bedömning" eller "sammantaget") och inte räknar något
läses, så "tre av fem mål uppfylls delvis" tas inte för målets egen grad. Vaga formuleringar som "i
huvudsak" läses inte som en grad.

**Varför det spelar roll.** Det är markeringen som räknas i stadens sammanställningar, medan analysen visar
vad nämnden faktiskt kom fram till. När de säger olika saker är en av dem fel.

**Exempel.** Markeringen *Uppfylls helt* och analysen "Förvaltningen bedömer att målet uppfylls delvis."
"""

from auditor.engine.dsl import AS, MATCH, TEST, Goal, L, Rule

ID = "GOAL-TEXT-CONTRADICTS"
SEVERITY = "error"
TITLE = {
    "sv": "Målets analys anger en annan måluppfyllelse än bedömningen",
    "en": "The goal's analysis states another degree of fulfilment than its assessment",
}
MESSAGE = {
    "sv": "Målet är markerat \"Uppfylls {assessment}\", men analysen anger att det uppfylls {states}: \"{states_sentence}\"",
    "en": "The goal is marked \"{assessment}\" (fully/partly/not met), but its analysis says \"{states}\": \"{states_sentence}\"",
}
PARAMETERS: dict = {}

EXAMPLES = [
    {"expect": "fail", "title": "Marker helt, analysis delvis",
     "title_sv": "Markeringen säger helt, analysen delvis",
     "report": {"goals": [
         {"title": "Alla barn går i förskola", "assessment": "helt",
          "analysis": "Förvaltningen bedömer att målet uppfylls delvis. Inskrivningen har ökat."}]}},
    {"expect": "fail", "title": "Marker delvis, analysis says not met",
     "title_sv": "Markeringen säger delvis, analysen att målet inte uppfylls",
     "report": {"goals": [
         {"title": "Alla barn går i förskola", "assessment": "delvis",
          "analysis": "Sammantaget bedöms målet inte uppfyllas under året."}]}},
    {"expect": "fail", "title": "The goal named in full",
     "title_sv": "Målet nämnt med hela namnet",
     "report": {"goals": [
         {"title": "Fler hittar till biblioteken", "level": "verksamhetsomradesmal", "assessment": "delvis",
          "analysis": "Förvaltningen gör bedömningen att kommunfullmäktiges mål för verksamhetsområdet "
                      "uppfylls helt."}]}},
    {"expect": "pass", "title": "Same degree in both",
     "title_sv": "Markering och analys anger samma grad",
     "report": {"goals": [
         {"title": "Alla barn går i förskola", "assessment": "delvis",
          "analysis": "Förvaltningen bedömer att målet uppfylls delvis."}]}},
    {"expect": "pass", "title": "Counts of other goals are not the goal's own degree",
     "title_sv": "Antal uppfyllda andra mål är inte målets egen grad",
     "report": {"goals": [
         {"title": "Alla barn går i förskola", "assessment": "helt",
          "analysis": "Förvaltningen bedömer att två av tre nämndmål uppfylls delvis."}]}},
]


@Rule(AS.goal << Goal(assessment=MATCH.assessment & (L("helt") | L("delvis") | L("inte")), states=MATCH.states),
      TEST(lambda assessment, states: states is not None and states != assessment))
def analysis_states_another_degree(engine, goal):
    engine.flag(ID, goal)
