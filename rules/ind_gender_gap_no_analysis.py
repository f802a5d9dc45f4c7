"""Women's and men's outcomes differ notably and the analysis does not discuss the difference.

**What it checks.** An indicator with both *Utfall män/pojkar* and *Utfall kvinnor/flickor* filled in,
where the two differ by at least `min_gap_points` percentage points (default 2) for percentages, or by
at least `min_gap_relative` of the larger value (default 0.10, i.e. 10 %) for other units, and whose
*Analys* does not discuss the difference between women and men or girls and boys. An analysis that only
restates the two figures ("97 av 105 män och 136 av 140 kvinnor ...") does not discuss the difference;
one that compares or explains ("flickor skattar sin hälsa lägre än pojkar eftersom ...") does.
Goal-level *Jämställdhetsanalys* sections are not counted as the row's analysis. A row whose columns
the parser could not place with certainty is only read this way when the indicator is about people
(otherwise the two "gender" values are more likely other columns).

**Why it matters.** The point of gender-split statistics is to notice and explain differences
(*jämställdhetsanalys*). A visible gap that nobody comments on is a missed analysis.

**Example.** "Andel trygga omsorgstagare: män 82 %, kvinnor 74 %" with no word on why women feel less safe.
"""

DOC_SV = """Utfallen för kvinnor och män skiljer sig tydligt åt och analysen tar inte upp skillnaden.

**Vad regeln kontrollerar.** En indikator där både *Utfall män/pojkar* och *Utfall kvinnor/flickor* är
ifyllda, där de två skiljer sig med minst `min_gap_points` procentenheter (standard 2) för värden i procent,
eller med minst `min_gap_relative` av det större värdet (standard 0.10, alltså 10 %) för andra enheter, och
där indikatorns *Analys* inte diskuterar skillnaden mellan kvinnor och män eller flickor och pojkar. En
analys som bara återger de två siffrorna ("97 av 105 män och 136 av 140 kvinnor ...") diskuterar inte
skillnaden; en analys som jämför eller förklarar ("flickor skattar sin hälsa lägre än pojkar eftersom ...")
gör det. Avsnitt med *Jämställdhetsanalys* på målnivå räknas inte som radens analys. En rad vars kolumner
inte kunde placeras säkert läses bara på det här sättet när indikatorn handlar om personer (annars är de två
"könsvärdena" troligare andra kolumner).

**Varför det spelar roll.** Poängen med könsuppdelad statistik är att upptäcka och förklara skillnader
(*jämställdhetsanalys*). En synlig skillnad som ingen kommenterar är en analys som inte har gjorts.

**Exempel.** "Andel trygga omsorgstagare: män 82 %, kvinnor 74 %" utan ett ord om varför kvinnorna känner
sig mindre trygga.
"""

from auditor.engine.dsl import AS, MATCH, TEST, Indicator, Params, Rule

ID = "IND-GENDER-GAP-NO-ANALYSIS"
SEVERITY = "warning"
# The finding is as sure as the placement of these cells ("figure": the one compared with the target, and
# in a tertial report the forecast column too, present or empty: auditor/policy/target.figure_cells).
DECISIVE_CELLS = ("outcome_men", "outcome_women")
TITLE = {
    "sv": "Skillnad mellan kvinnor och män analyseras inte",
    "en": "Gap between women and men is not analysed",
}
MESSAGE = {
    "sv": "Indikatorn '{name}' visar män/pojkar {men} och kvinnor/flickor {women} (skillnad {gender_gap}{gap_unit}), men analysen diskuterar inte skillnaden.",
    "en": "The indicator '{name}' shows men/boys {men} and women/girls {women} (gap {gender_gap}{gap_unit}), but the analysis does not discuss the difference.",
}
PARAMETERS = {"min_gap_points": 2.0, "min_gap_relative": 0.10}

EXAMPLES = [
    {"expect": "fail", "title": "8 points apart, no analysis",
     "title_sv": "8 procentenheters skillnad utan analys",
     "report": {"goals": [{"title": "Äldre känner sig trygga", "assessment": "delvis",
                           "indicators": [{"name": "Andel trygga omsorgstagare i hemtjänsten", "outcome": "78 %",
                                           "men": "82 %", "women": "74 %", "target": "85 %",
                                           "analysis": "Resultatet är i nivå med förra året."}]}]}},
    {"expect": "fail", "title": "Counts that differ by more than 10 %",
     "title_sv": "Antal som skiljer sig med mer än 10 %",
     "report": {"goals": [{"title": "Fler unga arbetar", "assessment": "helt",
                           "indicators": [{"name": "Antal ungdomar som fått feriejobb", "outcome": "700 st",
                                           "men": "400 st", "women": "300 st", "target": "650 st"}]}]}},
    {"expect": "pass", "title": "The analysis discusses the gap",
     "title_sv": "Analysen tar upp skillnaden",
     "report": {"goals": [{"title": "Äldre känner sig trygga", "assessment": "delvis",
                           "indicators": [{"name": "Andel trygga omsorgstagare i hemtjänsten", "outcome": "78 %",
                                           "men": "82 %", "women": "74 %", "target": "85 %",
                                           "analysis": "Kvinnor upplever lägre trygghet än män, främst kvällstid."}]}]}},
    {"expect": "pass", "title": "A gap below the threshold",
     "title_sv": "En skillnad under gränsvärdet",
     "report": {"goals": [{"title": "Äldre känner sig trygga", "assessment": "helt",
                           "indicators": [{"name": "Andel nöjda omsorgstagare", "outcome": "80 %",
                                           "men": "81 %", "women": "79,5 %", "target": "80 %"}]}]}},
    {"expect": "fail", "title": "The message gives the gap in percentage points",
     "title_sv": "Meddelandet anger skillnaden i procentenheter",
     "message": {"sv": "(skillnad 8 procentenheter)", "en": "(gap 8 percentage points)"},
     "report": {"goals": [{"title": "Äldre känner sig trygga", "assessment": "delvis",
                           "indicators": [{"name": "Andel trygga omsorgstagare i hemtjänsten", "outcome": "78 %",
                                           "men": "82 %", "women": "74 %", "target": "85 %"}]}]}},
    {"expect": "pass", "title": "8 points apart, with min_gap_points raised to 10",
     "title_sv": "8 procentenheters skillnad, med min_gap_points höjt till 10",
     "parameters": {"min_gap_points": 10},
     "report": {"goals": [{"title": "Äldre känner sig trygga", "assessment": "delvis",
                           "indicators": [{"name": "Andel trygga omsorgstagare i hemtjänsten", "outcome": "78 %",
                                           "men": "82 %", "women": "74 %", "target": "85 %"}]}]}},
]


# A row whose columns are not certain is read this way only when it is about people: otherwise its two
# "gender" values are more likely other columns.
@Rule(AS.indicator << Indicator(unit_kind=MATCH.kind, gender_gap=MATCH.gap, gender_gap_relative=MATCH.relative,
                                has_gender_analysis=False, certain=MATCH.certain, about_people=MATCH.people),
      TEST(lambda certain, people: certain or people),
      Params(rule=ID, min_gap_points=MATCH.min_points, min_gap_relative=MATCH.min_relative),
      TEST(lambda gap, relative, kind, min_points, min_relative: gap is not None and (
          gap >= min_points if kind == "percent" else relative >= min_relative)))
def notable_gap_without_gender_analysis(engine, indicator, kind, gap, relative):
    if kind == "percent":   # the gap is in percentage points, the message gives it; a relative gap would mislead
        engine.flag(ID, indicator, gap_unit={"sv": " procentenheter", "en": " percentage points"})
    else:
        engine.flag(ID, indicator, gap_unit="", gap_relative=round(relative, 3))
