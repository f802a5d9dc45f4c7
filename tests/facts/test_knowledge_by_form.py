"""Knowledge by form, not by list: an indicator is about people when its subject's head names people by
its form (agent nouns in -are, a plural adjective or participle standing alone, -ande/-ende nouns,
inhabitants in -bor, an owner in the genitive), not only when its word is in people.yaml; a gender analysis
is recognised by change verbs and comparisons too. Tested on typical indicator names of our own and on
every indicator name of the gold annotations (skipped without ../shared)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from auditor.facts.derive import discusses_gender
from auditor.knowledge import about_people, builtin_knowledge

K = builtin_knowledge()

ABOUT_PEOPLE = [
    # agent nouns in -are
    "Antal lärare med lärarlegitimation", "Andel nöjda företagare", "Antal företagare som fått rådgivning",
    "Andel förskollärare av totalt antal anställda", "Andel stockholmare som känner sig trygga",
    "Antal hyresgäster och besökare i träffpunkten", "Andel arbetssökare som fått jobb inom sex månader",
    "Antal deltagare i språkcafé", "Andel pensionärer som deltar i seniorträffar", "Antal fritidsledare i tjänst",
    "Andel brukare som är nöjda med bemötandet", "Antal hemtjänsttagare med genomförandeplan",
    "Andel medarbetare som genomgått introduktion", "Antal fältassistenter och socialsekreterare",
    "Andel handläggare med socionomexamen", "Antal volontärer och fadderlärare",
    "Andel idrottsutövare med funktionsnedsättning", "Antal mottagare av stöd",
    "Andel skolledare som deltagit i utbildning", "Antal läsare av nyhetsbrevet",
    # plural adjectives and participles standing alone
    "Andel arbetslösa som fått arbete", "Antal sjukskrivna i mer än 90 dagar", "Andel funktionsnedsatta i daglig verksamhet",
    "Antal nyanlända i samhällsorientering", "Andel långtidsarbetslösa i insats", "Andel nöjda med hemtjänsten",
    "Antal hemlösa med boendelösning", "Andel ensamstående med försörjningsstöd", "Antal inskrivna i förskolan",
    "Andel anställda med heltid", "Andel tillsvidareanställda", "Antal timavlönade i verksamheten",
    "Andel behöriga i grundskolan", "Antal placerade i familjehem", "Antal våldsutsatta som fått skyddat boende",
    "Andel äldre som känner sig ensamma", "Antal unga vuxna med stöd", "Andel utrikesfödda i arbete",
    "Andel deltidsarbetande som önskar heltid", "Antal biståndsbedömda med insats",
    # -ande and -ende nouns
    "Antal studerande på SFI", "Andel sökande som fått plats", "Andel boende som är nöjda med maten",
    "Antal besökande på biblioteket", "Andel studerande som fullföljt kursen", "Antal föredragande i nämnden",
    "Antal arbetssökande i kommunal arbetsmarknadsinsats", "Andel närstående som fått avlösning",
    "Antal övningskörande ungdomar", "Andel resande med kollektivtrafik",
    # inhabitants of a place
    "Andel rinkebybor i arbete", "Antal skärholmsbor som besökt kulturhuset", "Andel söderbor som känner sig trygga",
    "Antal lövsjöbor i föreningslivet", "Andel förortsbor med bredband",
    # words in people.yaml, in compounds
    "Andel barn i förskola", "Antal elever med godkända betyg", "Andel förskolebarn med plats inom fyra månader",
    "Antal ungdomar med feriejobb", "Andel unga som besöker fritidsgården", "Antal personer med ekonomiskt bistånd",
    "Andel invånare som är nöjda med parkerna", "Antal klienter med genomförandeplan", "Antal patienter i hemsjukvården",
    "Antal vårdnadshavare som deltagit i föräldrautbildning", "Andel föräldrar som är nöjda med förskolan",
    "Antal kunder i matdistributionen", "Andel aspiranter som fått Stockholmsjobb",
    # an owner in the genitive
    "Brukarens upplevelse av trygghet i boendet", "Elevernas upplevelse av studiero", "Lärarnas behörighet i matematik",
    "Kundernas nöjdhet med bygglovshanteringen", "Barnens språkutveckling i förskolan", "Ungdomarnas fritidsvanor",
    "Företagarnas syn på servicen", "Medarbetarnas hälsa och arbetsmiljö", "Föräldrarnas nöjdhet med skolan",
    "Omsorgstagarens möjlighet att påverka",
]

NOT_ABOUT_PEOPLE = [
    "Andel ekologiska livsmedel", "Antal ärenden som handlagts inom tre månader", "Andel kortare väntetider",
    "Antal laddare för elbilar", "Antal mätare för fjärrvärme", "Antal platser på vård- och omsorgsboende",
    "Andel beslut som fattats inom lagstadgad tid", "Antal yttranden till länsstyrelsen", "Budgetföljsamhet",
    "Nämndens prognossäkerhet", "Förvaltningens energianvändning per kvadratmeter", "Andel inköp via e-handel",
    "Antal parker med upprustade lekplatser", "Andel avslutade insatser enligt plan", "Matsvinn i gram per portion",
    "Antal tillstånd för serveringar", "Andel tjänsteutlåtanden med jämställdhetsanalys", "Klimatpåverkan från resor",
    "Stadens kostnader för lokaler", "Verksamhetens nettokostnad", "Antal barn per grupp i förskolan",
    "Antal personal per hemtjänsttagare", "Andel flickor som besöker fritidsgården", "Andel kvinnor i chefsposition",
    "Näringslivets nöjdhet vid kontakter med staden", "Antal hushåll som vräkts", "Andel fordon med förnybart bränsle",
    "Antal tillsynsbesök på restauranger", "Andel upphandlingar med miljökrav", "Parkernas skötsel",
]


def test_enough_names_of_our_own():
    assert len(ABOUT_PEOPLE) + len(NOT_ABOUT_PEOPLE) >= 100


@pytest.mark.parametrize("name", ABOUT_PEOPLE)
def test_about_people(name):
    assert about_people(name, K)[0], name


@pytest.mark.parametrize("name", NOT_ABOUT_PEOPLE)
def test_not_about_people(name):
    assert not about_people(name, K)[0], name


@pytest.mark.parametrize("text,expected", [
    ("Det är främst resultatet för kvinnorna som har stigit.", True),
    ("Andelen har sjunkit mest bland pojkarna.", True),
    ("Resultatet för männen har förbättrats sedan förra året.", True),
    ("Flickornas resultat har försämrats något.", True),
    ("Lika många kvinnor som män har deltagit.", True),
    ("Det är framför allt flickor som söker sig till verksamheten.", True),
    ("97 av 105 män och 136 av 140 kvinnor anser att bemötandet var bra.", False),
    ("Kvinnor: 80 %, män: 78 %.", False),
])
def test_gender_analysis_cues(text, expected):
    assert discusses_gender(text, K) is expected


CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "gold"


def _gold_rows():
    if not CORPUS.is_dir():
        return []
    rows = []
    for path in sorted(CORPUS.glob("*.json")):
        if path.name.endswith(".findings.json"):
            continue
        gold = json.loads(path.read_text(encoding="utf-8"))
        findings = path.with_name(path.stem + ".findings.json")
        flagged = {f["line"] for f in json.loads(findings.read_text(encoding="utf-8"))
                   if f["rule"] == "IND-NO-GENDER-SPLIT"} if findings.exists() else set()
        rows += [(path.stem, row, row["line"] in flagged) for goal in gold["goals"] for row in goal["indicators"]]
    return rows


@pytest.mark.skipif(not CORPUS.is_dir(), reason="needs ../shared")
def test_every_gold_indicator_name():
    """Every row the gold flags for a missing split is about people; every row the gold leaves unflagged
    although it has an outcome, no split and no analysis is not. Rows printed with a split are about
    people unless their name is a measure of one sex or a share of cases (listed, so a change shows)."""
    rows = _gold_rows()
    assert rows
    wrong = []
    split_not_people = []
    for stem, row, flagged in rows:
        people = about_people(row["name"], K)[0]
        split = row["outcome_men"] is not None or row["outcome_women"] is not None
        if flagged and not people:
            wrong.append((stem, row["line"], row["name"], "flagged, not people"))
        if not flagged and not split and row["outcome"] is not None and not row["has_analysis"] and people \
                and not row.get("uncertain_columns"):
            wrong.append((stem, row["line"], row["name"], "people, not flagged"))
        if split and not people:
            split_not_people.append(row["name"])
    assert wrong == []
    # split though not about people by the rules: cases, investigations, one-sex measures
    assert len(split_not_people) <= 3, split_not_people
