"""An indicator about people has an outcome but no split by sex, and no analysis saying why.

**What it checks.** An indicator whose subject is people -- persons, children, pupils, young people,
clients, residents, staff, managers ... (the words and patterns are in `rules/people.yaml`) -- that has
a *Periodens utfall* while both *Utfall män/pojkar* and *Utfall kvinnor/flickor* are empty, and whose
*Analys* neither discusses women and men nor explains why there is no split. Ratios ("barn per
grupp") and measures that are already about one sex ("Andel flickor som ...") are not about people in
this sense. An outcome of zero has nothing to split (`skip_zero_outcome`), and a row whose analysis
says it was not measured this period (see `not_measured` in `rules/directions.yaml`) is left alone.

**Why it matters.** Stockholm's budget requires statistics about individuals to be reported by sex
(*könsuppdelad statistik*) so that differences between women and men can be seen and analysed. A row
about people without the split hides those differences unless the analysis says why it is missing.

**Example.** "Andel barn som lever i familjer med ekonomiskt bistånd: utfall 4,1 %", gender cells empty,
no analysis. Write instead the figures for girls and boys, or a sentence such as "Statistiken kan inte
delas upp på kön eftersom ...".
"""

DOC_SV = """En indikator om personer har ett utfall men ingen uppdelning på kön, och ingen analys som förklarar varför.

**Vad regeln kontrollerar.** En indikator som handlar om personer – invånare, barn, elever, unga, brukare,
boende, medarbetare, chefer ... (orden och mönstren finns i `rules/people.yaml`) – som har
*Periodens utfall* medan både *Utfall män/pojkar* och *Utfall kvinnor/flickor* är tomma, och vars *Analys*
varken tar upp kvinnor och män eller förklarar varför uppdelningen saknas. Kvoter ("barn per grupp") och
mått som redan gäller ett kön ("Andel flickor som ...") räknas inte som indikatorer om personer i den här
meningen. Ett utfall på noll har inget att dela upp (`skip_zero_outcome`), och en rad vars analys säger att
den inte har mätts under perioden (se `not_measured` i `rules/directions.yaml`) lämnas utan fynd.

**Varför det spelar roll.** Stockholms stads budget kräver att statistik om individer redovisas uppdelad på
kön (*könsuppdelad statistik*), så att skillnader mellan kvinnor och män syns och kan analyseras. En rad om
personer utan uppdelning döljer de skillnaderna, om inte analysen förklarar varför uppdelningen saknas.

**Exempel.** "Andel barn som lever i familjer med ekonomiskt bistånd: utfall 4,1 %", tomma kolumner för kön
och ingen analys. Redovisa i stället utfallen för flickor och pojkar, eller skriv en mening som "Statistiken
kan inte delas upp på kön eftersom ...".
"""

from auditor.engine.dsl import AS, MATCH, TEST, Indicator, Params, Rule

ID = "IND-NO-GENDER-SPLIT"
SEVERITY = "warning"
# The finding is as sure as the placement of these cells ("figure": the one compared with the target, and
# in a tertial report the forecast column too, present or empty: auditor/policy/target.figure_cells).
DECISIVE_CELLS = ("outcome", "outcome_men", "outcome_women")
TITLE = {
    "sv": "Indikator om personer saknar könsuppdelat utfall",
    "en": "Indicator about people has no outcome by sex",
}
MESSAGE = {
    "sv": "Indikatorn '{name}' handlar om personer och har utfall {outcome}, men utfall för kvinnor och män saknas och analysen förklarar inte varför.",
    "en": "The indicator '{name}' is about people and has an outcome of {outcome}, but there are no figures for women and men and no analysis explaining why.",
    # children and young people (`young_words` in rules/people.yaml) are girls and boys
    "young": {
        "sv": "Indikatorn '{name}' handlar om barn eller unga och har utfall {outcome}, men utfall för flickor och pojkar saknas och analysen förklarar inte varför.",
        "en": "The indicator '{name}' is about children or young people and has an outcome of {outcome}, but there are no figures for girls and boys and no analysis explaining why.",
    },
}
PARAMETERS = {"skip_zero_outcome": True}

EXAMPLES = [
    {"expect": "fail", "title": "Children, no split, no analysis",
     "title_sv": "Barn, utan könsuppdelning och utan analys",
     "report": {"goals": [{"title": "Barn växer upp i trygga förhållanden", "assessment": "helt",
                           "indicators": [{"name": "Andel barn som lever i familjer med ekonomiskt bistånd",
                                           "outcome": "4,1 %", "target": "4,9 %"}]}]}},
    {"expect": "fail", "title": "Staff, no split, an analysis silent on sex",
     "title_sv": "Personal, utan könsuppdelning och med en analys som inte nämner kön",
     "report": {"goals": [{"title": "God arbetsmiljö", "assessment": "helt",
                           "indicators": [{"name": "Sjukfrånvaro", "outcome": "6 %", "target": "7 %",
                                           "analysis": "Avser rullande tolv månader."}]}]}},
    {"expect": "pass", "title": "The analysis explains the missing split",
     "title_sv": "Analysen förklarar varför könsuppdelning saknas",
     "report": {"goals": [{"title": "God arbetsmiljö", "assessment": "helt",
                           "indicators": [{"name": "Sjukfrånvaro", "outcome": "6 %", "target": "7 %",
                                           "analysis": "Könsuppdelad statistik redovisas inte då enheten är liten."}]}]}},
    {"expect": "pass", "title": "Places, not people",
     "title_sv": "Platser, inte personer",
     "report": {"goals": [{"title": "Fler unga arbetar", "assessment": "helt",
                           "indicators": [{"name": "Antal tillhandahållna platser för feriejobb",
                                           "outcome": "700 st", "target": "650 st"}]}]}},
    {"expect": "pass", "title": "Not measured this year",
     "title_sv": "Inte mätt i år",
     "report": {"goals": [{"title": "Äldre är nöjda", "assessment": "helt",
                           "indicators": [{"name": "Andel besökare som är nöjda med aktiviteterna",
                                           "outcome": "95 %", "target": "90 %", "certain": False,
                                           "analysis": "Ingen besökarundersökning har gjorts i år."}]}]}},
    {"expect": "pass", "title": "A ratio",
     "title_sv": "Ett kvotmått",
     "report": {"goals": [{"title": "Förskolan håller hög kvalitet", "assessment": "helt",
                           "indicators": [{"name": "Antal barn per grupp", "outcome": "15", "target": "16"}]}]}},
    {"expect": "pass", "title": "Split given",
     "title_sv": "Könsuppdelning finns",
     "report": {"goals": [{"title": "Fler unga arbetar", "assessment": "helt",
                           "indicators": [{"name": "Antal ungdomar som fått feriejobb", "outcome": "700 st",
                                           "men": "350 st", "women": "350 st", "target": "650 st"}]}]}},
    {"expect": "pass", "title": "An outcome of zero has nothing to split",
     "title_sv": "Ett utfall på noll har inget att dela upp",
     "report": {"goals": [{"title": "Ingen vräks", "assessment": "helt",
                           "indicators": [{"name": "Antal barn som berörts av vräkning", "outcome": "0",
                                           "target": "0"}]}]}},
    {"expect": "fail", "title": "An outcome of zero, with skip_zero_outcome turned off",
     "title_sv": "Ett utfall på noll, med skip_zero_outcome avstängd",
     "parameters": {"skip_zero_outcome": False},
     "message": {"sv": "utfall för flickor och pojkar saknas", "en": "no figures for girls and boys"},
     "report": {"goals": [{"title": "Ingen vräks", "assessment": "helt",
                           "indicators": [{"name": "Antal barn som berörts av vräkning", "outcome": "0",
                                           "target": "0"}]}]}},
]


@Rule(AS.indicator << Indicator(about_people=True, has_outcome=True, men=None, women=None,
                                has_gender_analysis=False, measured=True, outcome=MATCH.outcome),
      Params(rule=ID, skip_zero_outcome=MATCH.skip_zero),
      TEST(lambda outcome, skip_zero: not (skip_zero and outcome == 0)))
def people_indicator_without_split(engine, indicator):
    engine.flag(ID, indicator, message="young" if indicator["people_young"] else None,
                about_people={"basis": indicator["people_basis"], "detail": indicator["people_detail"]})
