"""IND-TEXT-FIGURE, IND-TEXT-MET and IND-TEXT-TREND on a real-shaped report (fixtures/prose_figures.txt):
the report as written is consistent and gives none; a copy with one stated figure changed, one met claim
flipped or one direction word turned gives exactly that finding, at the sentence's line. Then the claims
reader's phrase families, one by one, with sentences that must not give a claim."""
from __future__ import annotations

from pathlib import Path

import pytest

from auditor.engine.config import Config
from auditor.engine.audit import audit_report
from auditor.parser import parse_text
from auditor.prose.claims import _part_measure, read_report

from ..factories import report_text

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "prose_figures.txt"
RULES = ["IND-TEXT-FIGURE", "IND-TEXT-MET", "IND-TEXT-TREND"]


def findings(text: str):
    return audit_report(parse_text(text, source="prose_figures.txt"), Config(select=RULES))


def line_of(text: str, fragment: str) -> int:
    hits = [no for no, line in enumerate(text.split("\n"), 1) if fragment in line]
    assert len(hits) == 1, fragment
    return hits[0]


def test_the_consistent_report_gives_no_finding():
    assert findings(FIXTURE.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("old,new,rule", [
    ("Utfallet blev 86 %", "Utfallet blev 68 %", "IND-TEXT-FIGURE"),
    ("jämfört med förra året då", "jämfört med förra året då", None),     # control: unchanged
    ("6,4 % och når inte årsmålet", "6,4 % och når årsmålet", "IND-TEXT-MET"),
    ("Sjukfrånvaron har minskat jämfört", "Sjukfrånvaron har ökat jämfört", "IND-TEXT-TREND"),
    ("biblioteken har ökat jämfört", "biblioteken har minskat jämfört", "IND-TEXT-TREND"),
])
def test_one_change_gives_exactly_that_finding(old, new, rule):
    text = FIXTURE.read_text(encoding="utf-8")
    assert text.count(old) == 1
    changed = text.replace(old, new)
    got = findings(changed)
    if rule is None:
        assert got == []
        return
    assert [(f.rule, f.line) for f in got] == [(rule, line_of(changed, new))]
    evidence = got[0].evidence
    assert evidence["sentence"] and evidence["indicator_line"] and "stated" in evidence and "table" in evidence


def test_an_unsure_cell_gives_no_finding():
    report = parse_text(FIXTURE.read_text(encoding="utf-8").replace("Utfallet blev 86 %", "Utfallet blev 68 %"))
    row = report.goals[1].indicators[0]
    row.cell_confidence = {**row.cell_confidence, "outcome": 0.6}
    assert audit_report(report, Config(select=RULES)) == []


# ------------------------------------------------------------------------------------ the claims reader

ROW = """Lövsjö stadsdelsnämnd
Verksamhetsberättelse 2020

KF:s mål för verksamhetsområdet:
1.1 Fler unga i Lövsjö har ett fritidsjobb

 Uppfylls delvis

 Indikator Periodens utfall Perio
dens utfall VB 2019 Årsmål KF:s årsmål Period

{name}

70 % 65 % 75 %  VB 2020

Analys
{analysis}
"""


def said(analysis: str, name: str = "Andel unga med fritidsjobb", kind: str = "VB") -> set:
    text = ROW.format(name=name, analysis=analysis)
    if kind != "VB":
        text = text.replace("Verksamhetsberättelse 2020", "Tertialrapport 2 2020").replace("  VB 2020", "  2020")
    report = parse_text(text)
    return {(s.kind, s.value) for _, s in read_report(report)}


@pytest.mark.parametrize("sentence,expected", [
    ("Utfallet blev 70 % för året.", {("outcome", 70.0)}),
    ("Resultatet landade på 70,5 procent.", {("outcome", 70.5)}),
    ("Andelen uppgår till 69,8 %.", {("outcome", 69.8)}),
    ("Andelen unga med fritidsjobb ligger nu på 71 procent.", {("outcome", 71.0)}),
    ("Förvaltningen har nått årsmålet på 75 %.", {("target", 75.0), ("met", True)}),
    ("Vi överträffar målet i år.", {("met", True)}),
    ("Årsmålet om 75 % uppnås delvis.", {("target", 75.0), ("met", False)}),
    ("Förvaltningen når inte årsmålet.", {("met", False)}),
    # below the target: a verdict only with the row's direction (settle_trends), see below
    ("Utfallet ligger under målet.", {("met", "below")}),
    ("Målet uppnås inte och utfallet ligger under målet.", {("met", False)}),
    ("Det är fler än jämfört med förra året då 65 procent hade jobb.", {("previous", 65.0)}),
    ("Föregående års resultat på 65 % har alltså förbättrats.", {("previous", 65.0)}),
    ("Resultatet är en förbättring jämfört med föregående år.", {("trend", "better")}),
    ("Andelen har ökat från 65 % (2019) till 70 %.", {("previous", 65.0), ("outcome", 70.0), ("trend", "up")}),
    ("Andelen har minskat jämfört med föregående år.", {("trend", "down")}),
    ("Resultatet ligger på samma nivå som föregående år.", {("trend", "same")}),
    # "i snitt" says what kind of figure it is, not whose (the city's "genomsnitt" is another's)
    ("Utfallet blev 70,2 % i snitt under året.", {("outcome", 70.2)}),
    ("Utfallet för samtliga enheter på 70 % är högre än förra året.", {("outcome", 70.0), ("trend", "up")}),
    ("Förvaltningen har uppfyllt målet för indikatorn.", {("met", True)}),
    # a target that is itself a share of people is no share of the units
    ("Teamet når inte målet att 75 procent av de unga har ett fritidsjobb.", {("target", 75.0), ("met", False)}),
    ("Förvaltningens värde gällande andelen för 2020 är 70 %.", {("outcome", 70.0)}),
    ("Andelen har fortsatt att öka under året.", {("trend", "up")}),
    ("Årets resultat är något lägre än föregående år.", {("trend", "down")}),
    ("Periodens totala utfall ligger på samma nivå som förra året.", {("trend", "same")}),
    # the filters read the change's own clause: a twelve-month average in the next one is another figure
    ("Andelen har ökat under året och räknat i snitt över de senaste tolv månaderna är läget stabilt.",
     {("trend", "up")}),
    # a share of units in another clause does not hide what the sentence says of the indicator
    ("Förvaltningen kunde inte nå årsmålet då två av förvaltningens enheter stängde under våren.",
     {("met", False)}),
    ("Trots fler platser bedöms målet för indikatorn inte kunna uppnås under året.", {("met", False)}),
])
def test_phrase_families(sentence, expected):
    assert said(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "Bland flickorna uppgår andelen till 75 procent.",                 # one sex
    "Utfallet för pojkar blev 65 %.",                                    # one sex
    "Utfallet för staden som helhet blev 62 %.",                         # the city
    "Andelen var 58 procent år 2017.",                                   # another year
    "Utfallet för mars blev 73 %.",                                      # one month
    "Andelen har ökat med 5 procentenheter.",                            # a change, not a level (trend only)
    "Det är osäkert om årsmålet nås.",                                   # hedged
    "Förvaltningen bedömer att nämndmålet uppfylls delvis.",            # the goal, not the indicator
    "Tre av fem indikatorer når inte årsmålet.",                         # several indicators
    "Två av förvaltningens sju enheter når årsmålet.",                   # a share of units
    "Utfallet ligger över stadens genomsnitt på 66 %.",                   # the city's average
    "Årsmålet nås av två av sju enheter.",                                # a share of units, after the verb
    "Förvaltningens värde gällande andelen för 2018 är 60 %.",           # another year
    "Även beställarenheten har haft fler unga med fritidsjobb och ökade personalkostnader.",   # a unit, costs
    "Nyckeltal 2019 2020 Andel 61 % 70 % Antal 12 14 Snitt 3,1 3,3 minskat 2 1",             # a table as text
])
def test_what_is_not_the_indicators_own(sentence):
    assert {k for k, _ in said(sentence)} <= {"trend"}
    assert not any(k == "trend" for k, _ in said(sentence)) or "ökat med" in sentence


def test_a_bullet_is_a_statement_of_its_own():
    """A heading that ends no sentence, then a bullet: the statement is the bullet's, on the bullet's line."""
    text = ROW.format(name="Andel unga med fritidsjobb",
                      analysis="Utmaningar\n\n• Utfallet blev 70 % för året.\n• Fler unga sökte i år.")
    report = parse_text(text)
    analysis_line = report.goals[0].indicators[0].analysis_line
    [(_, s)] = read_report(report)
    assert (s.kind, s.value, s.text, s.line) == ("outcome", 70.0, "Utfallet blev 70 % för året.", analysis_line + 2)


def test_another_period_in_a_tertial_report():
    assert parse_text(ROW.format(name="x", analysis="x").replace("Verksamhetsberättelse", "Tertialrapport 2")
                      .replace("  VB 2020", "  2020")).report_kind == "T2"
    assert said("Andelen har ökat jämfört med samma period föregående år.", kind="T2") == set()


def test_goal_analysis_heading_names_the_indicator():
    text = """Lövsjö stadsdelsnämnd
Verksamhetsberättelse 2020

KF:s mål för verksamhetsområdet:
1.1 Fler unga i Lövsjö har ett fritidsjobb

 Uppfylls delvis

Analys

Förvaltningen bedömer att målet uppfylls delvis.
Delvis uppnådda resultat
Andel unga med fritidsjobb
Utfallet uppgår till 70 % vilket innebär att årsmålet om 75 % uppnås delvis.
Andel unga med praktikplats
Utfallet uppgår till 40 % och årsmålet om 35 % nås därmed.

 Indikator Periodens utfall Perio
dens utfall VB 2019 Årsmål KF:s årsmål Period

Andel unga med fritidsjobb

70 % 65 % 75 %  VB 2020

Andel unga med praktikplats

40 % 38 % 35 %  VB 2020
"""
    got = {(ind.name, s.kind, s.value) for ind, s in read_report(parse_text(text))}
    assert got == {("Andel unga med fritidsjobb", "outcome", 70.0), ("Andel unga med fritidsjobb", "target", 75.0),
                   ("Andel unga med fritidsjobb", "met", False),
                   ("Andel unga med praktikplats", "outcome", 40.0), ("Andel unga med praktikplats", "target", 35.0),
                   ("Andel unga med praktikplats", "met", True)}


def test_a_heading_whose_name_ends_on_a_line_of_its_own():
    """A long indicator name used as a heading wraps, and its last word or two stand alone on the next
    line: that line finishes the heading, it does not close the indicator's part."""
    text = report_text("Förvaltningen bedömer att målet uppfylls helt.\n"
                       "Uppnådda resultat\n"
                       "Antal planerade bostadsprojekt med särskilda platser för personer inom socialpsykiatrin och\n"
                       "LSS\n"
                       "Utfallet uppgår till 5 planerade bostadsprojekt och årsmålet om 4 bostadsprojekt uppnås därmed.",
                       "Antal planerade \nbostadsprojekt med \nsärskilda platser för \npersoner inom \n"
                       "socialpsykiatrin och LSS\n\n5 st 3 st 4 st  VB 2020\n")
    got = {(s.kind, s.value) for _, s in read_report(parse_text(text))}
    assert got == {("outcome", 5.0), ("target", 4.0), ("met", True)}


GOAL_WITH_SECTIONS = """Lövsjö stadsdelsnämnd
Verksamhetsberättelse 2020

KF:s mål för verksamhetsområdet:
1.1 Fler unga i Lövsjö har ett fritidsjobb

 Uppfylls helt

Förväntat resultat
Andelen unga med fritidsjobb ökar till 80 %.

Analys
Förvaltningen bedömer att målet uppfylls helt. Bedömningen grundar sig på att nämndindikatorn uppnås
och att tre av fyra aktiviteter är genomförda.

Jämställdhetsanalys
Se analys ovan.
Särskilda redovisningar
Andelen unga med fritidsjobb uppgick till 70 % under året.

 Indikator Periodens utfall Perio
dens utfall VB 2019 Årsmål KF:s årsmål Period

Andel unga med fritidsjobb

70 % 65 % 75 %  VB 2020
"""


def test_sections_that_report_are_read_and_those_that_intend_are_not():
    """A goal's sole "nämndindikatorn" is its indicator; a sentence naming the indicator in the report's
    sections (after "Jämställdhetsanalys") is read at its own line; "Förväntat resultat" states a wish."""
    report = parse_text(GOAL_WITH_SECTIONS)
    got = {(s.line, s.kind, s.value) for _, s in read_report(report)}
    lines = GOAL_WITH_SECTIONS.split("\n")
    at = next(i for i, t in enumerate(lines, 1) if t.startswith("Andelen unga med fritidsjobb uppgick"))
    met = next(i for i, t in enumerate(lines, 1) if t.startswith("Förvaltningen bedömer"))
    assert got == {(at, "outcome", 70.0), (met, "met", True)}


def test_a_group_in_the_indicators_own_name_is_its_subject():
    """For "Andel flickor som …" the girls are the indicator itself, not a sub-group of it; for an
    indicator about everyone the same sentence speaks of a sub-group."""
    sentence = "Andelen flickor som har ett fritidsjobb har minskat jämfört med föregående år."
    assert said(sentence, name="Andel flickor som har ett fritidsjobb") == {("trend", "down")}
    assert said(sentence) == set()


def contract_claims(analysis: str, name: str = "Andel unga med fritidsjobb", target: str = "75 %") -> set:
    text = ROW.format(name=name, analysis=analysis).replace("65 % 75 %", f"65 % {target}")
    doc = parse_text(text).to_contract()
    return {(c["kind"], c["value"]) for g in doc["goals"] for ind in g["indicators"] for c in ind["claims"]}


@pytest.mark.parametrize("sentence,expected", [
    ("Andelen har ökat jämfört med föregående år.", {("trend", "up")}),
    ("Resultatet ligger på samma nivå som föregående år.", {("trend", "same")}),
    # a better/worse is up or down by the row's direction: here its target's word says higher is better
    ("Resultatet är en förbättring jämfört med föregående år.", {("trend", "up")}),
    ("Resultatet har försämrats jämfört med föregående år.", {("trend", "down")}),
])
def test_the_contract_carries_trends(sentence, expected):
    assert contract_claims(sentence, target="Öka") == expected


def test_a_better_or_worse_follows_the_direction():
    """"Minska" in the target says lower is better: an improvement is a fall. With no word and a name that
    says nothing of its direction, the default (higher is better) decides; the rule keeps what was read."""
    better = "Resultatet är en förbättring jämfört med föregående år."
    assert contract_claims(better, target="Minska") == {("trend", "down")}
    report = parse_text(ROW.format(name="Index för unga med fritidsjobb", analysis=better))
    row = report.goals[0].indicators[0]
    assert [(c.kind, c.value) for c in row.claims] == [("trend", "up")] and [s.value for s in row._trends] == ["better"]


def test_a_part_of_the_measure_named_beside_it_is_not_the_indicator():
    """Under a goal, "sjukfrånvaron … den långa sjukfrånvaron har ökat" speaks of a part of the measure."""
    assert _part_measure("trots arbetet med sjukfrånvaron har den långa sjukfrånvaron ökat", "Sjukfrånvaro")
    assert not _part_measure("den långa sjukfrånvaron har ökat", "Lång sjukfrånvaro (dag 60 och mer)")
    assert _part_measure("den korta och mellanlånga sjukfrånvaron har ökat", "Sjukfrånvaro (dag 1-14) kort")
    assert not _part_measure("den totala sjukfrånvaron har ökat", "Sjukfrånvaro")


# --------------------------------------------------------------- plain statements in the row's own analysis

@pytest.mark.parametrize("sentence,name,expected", [
    # one figure in the row's unit, said of nothing else, is the row's outcome
    ("72 procent av brukarna har svarat att de är nöjda med maten.", "Andel brukare som är nöjda med maten",
     {("outcome", 72.0)}),
    ("Nöjdheten med maten uppgick till 81 %.", "Andel brukare som är nöjda med maten", {("outcome", 81.0)}),
    ("Andel unga som fått feriejobb i stadens parker är 0% vilket har två förklaringar.",
     "Andel unga som fått feriejobb i stadens parker", {("outcome", 0.0)}),
    ("Intervjuerna började i vecka 12 och i dagsläget har 420 unga ett feriejobb, varav 200 flickor och 220 pojkar.",
     "Antal unga som fått feriejobb", {("outcome", 420.0)}),
    # the reports' own slips and the forms of a missed target
    ("Målet för året har tyvärr inte uppfyllt.", "Andel unga med fritidsjobb", {("met", False)}),
    ("Förvaltningen har inte uppfyllt målet för indikatorn.", "Andel unga med fritidsjobb", {("met", False)}),
    ("Resultatet ligger under både nämndens och kommunfullmäktiges årsmål.", "Andel unga med fritidsjobb",
     {("met", "below")}),
    ("Förvaltningen har ökad andelen unga med fritidsjobb jämfört med föregående år.", "Andel unga med fritidsjobb",
     {("trend", "up")}),
    # an annual report's change with no period stated is against the year before
    ("Andelen har ökat något från 61% till 64%.", "Andel unga med fritidsjobb",
     {("previous", 61.0), ("outcome", 64.0), ("trend", "up")}),
    # a change explained is still stated; one given as the cause of something else is not the row's
    ("Att resultatet har försämrats från föregående år beror på en ny mätmetod.", "Andel unga med fritidsjobb",
     {("trend", "worse")}),
    ("Att andelen har sjunkit jämfört med föregående år tros hänga ihop med pandemin.", "Andel unga med fritidsjobb",
     {("trend", "down")}),
    ("Det beror på att antalet sökande har ökat.", "Andel unga med fritidsjobb", set()),
    # the measure under another compound of the same head
    ("Korttidsfrånvaron har ökat under året.", "Sjukfrånvaro dag 1-14", {("trend", "up")}),
    ("Personalomsättningen har ökat under året.", "Sjukfrånvaro dag 1-14", set()),
])
def test_plain_statements_in_the_rows_own_analysis(sentence, name, expected):
    assert said(sentence, name=name) == expected


@pytest.mark.parametrize("sentence,name", [
    ("I år uppgick svarsfrekvensen till 70 %.", "Andel brukare som är nöjda med maten"),      # another measure
    ("Cirka 70 % av brukarna är nöjda med maten.", "Andel brukare som är nöjda med maten"),     # roughly
    ("Över 70 % av brukarna är nöjda med maten.", "Andel brukare som är nöjda med maten"),      # a bound
    ("Totalt har förvaltningen 82 avdelningar och i år saknar tre av dem en förskollärare.",
     "Antal avdelningar som saknar förskollärare"),                                               # two counts
    ("Under året har 12 medarbetare gått utbildningen.", "Antal unga som fått feriejobb"),        # other things
    ("Inför hösten har 14 unga anmält intresse.", "Antal unga som fått feriejobb"),               # ahead
    ("Andelen nöjda är 70 % i år och 65 % i fjol.", "Andel brukare som är nöjda med maten"),      # two shares
    ("I staden som helhet är 70 % av brukarna nöjda.", "Andel brukare som är nöjda med maten"),   # elsewhere
])
def test_a_lone_figure_that_is_not_the_rows_level(sentence, name):
    assert not {k for k, _ in said(sentence, name=name)} & {"outcome", "previous", "target", "forecast"}


def test_a_change_without_period_in_a_tertial_report_is_a_trend_only():
    assert said("Andelen har ökat något från 61% till 64%.", kind="T2") == {("trend", "up")}


def test_a_decimal_comma_ends_no_clause():
    """"ökade med 1,8 procent jämfört med april förra året" compares with another month: no trend."""
    assert said("Andelen ökade med 1,8 procent jämfört med april förra året.", kind="T2") == set()


GOAL_TWO_ROWS = """Lövsjö stadsdelsnämnd
Verksamhetsberättelse 2020

KF:s mål för verksamhetsområdet:
1.1 Maten i Lövsjö är ekologisk och lagad på plats

 Uppfylls delvis

Analys
Även om andelen ekologiska livsmedel har ökat under året är det osäkert om målet nås helt.
Andelen lagad mat har minskat något jämfört med föregående år.

 Indikator Periodens utfall Perio
dens utfall VB 2019 Årsmål KF:s årsmål Period

Andel inköpta ekologiska måltider och livsmedel i kronor

50 % 48 % 55 %  VB 2020

Andel måltider som lagas i egna kök

70 % 72 % 75 %  VB 2020
"""


def test_a_goal_analysis_names_an_indicator_in_words_of_its_own():
    """"andelen ekologiska livsmedel" is the one row whose name holds both words; the main clause after
    a fronted "även om" clause holds the doubt, not the change. "andelen lagad mat" fits no name whole."""
    report = parse_text(GOAL_TWO_ROWS)
    got = {(ind.name.split()[2], s.kind, s.value) for ind, s in read_report(report)}
    assert got == {("ekologiska", "trend", "up")}


@pytest.mark.parametrize("name,target,met", [
    ("Andel unga med fritidsjobb", "75 %", False),          # higher is better (the default): a miss
    ("Andel unga med fritidsjobb", "Öka", False),           # the target's word says so
    ("Sjukfrånvaro bland unga medarbetare", "75 %", True),  # the name says lower is better: below is met
    ("Andel unga med fritidsjobb", "Minska", True),         # the target's word says lower is better
])
def test_below_the_target_is_a_verdict_only_by_the_rows_direction(name, target, met):
    """"Resultatet ligger under årsmålet" misses the target where higher is better and meets it where
    lower is; the contract carries it as met or not met once the row's direction is known."""
    said_below = "Resultatet ligger under årsmålet."
    assert ("met", met) in contract_claims(said_below, name=name, target=target)
    assert ("met", not met) not in contract_claims(said_below, name=name, target=target)
