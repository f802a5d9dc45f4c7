"""The Swedish count-claim reader and the derived facts (direction, people, gender analysis)."""
from __future__ import annotations

import pytest

from auditor.prose.counts import find_claims, stated_degree
from auditor.knowledge.location import rule_dirs
from auditor.facts.derive import discusses_gender
from auditor.policy.target import decide_direction
from auditor.knowledge import about_people
from auditor.knowledge import load_knowledge
from auditor.model import Indicator, Value

K = load_knowledge(rule_dirs())


@pytest.mark.parametrize("text,about,stated,total,all_", [
    ("Bedömningen är att två av fem nämndmål uppfylls helt, två uppfylls delvis och ett uppfylls inte.",
     "namndmal", {"helt": 2, "delvis": 2, "inte": 1}, 5, None),
    ("Av målen för verksamhetsområdena bedöms 9 uppnås helt och 3 delvis.",
     "verksamhetsomradesmal", {"helt": 9, "delvis": 3}, None, None),
    ("Samtliga nämndmål bedöms uppnås helt.", "namndmal", {}, None, "helt"),
    ("Även de sju nämndmålen bedöms uppfyllas helt.", "namndmal", {"helt": 7}, 7, None),
    ("Det grundar sig på att tolv av fjorton indikatorer uppnås.", "indikator", {"helt": 12}, 14, None),
    ("Fyra av de sex indikatorerna bedöms uppfyllas helt och två delvis.", "indikator",
     {"helt": 4, "delvis": 2}, 6, None),
    ("En av två indikatorer uppnås och den andra uppnås delvis.", "indikator", {"helt": 1, "delvis": 1}, 2, None),
    ("Båda underliggande nämndmål bedöms uppfyllas helt.", "namndmal", {"helt": 2}, 2, None),
    ("Resultatet visar att tjugotre av tjugofem indikatorer uppnås.", "indikator", {"helt": 23}, 25, None),
])
def test_claims(text, about, stated, total, all_):
    (claim,) = find_claims(text, 10)
    assert (claim.about, claim.stated(), claim.total, claim.all, claim.line) == (about, stated, total, all_, 10)


def test_claim_continues_in_next_sentence_and_keeps_its_line():
    (claim,) = find_claims("Inledning.\nBedömningen är att två av sju indikatorer uppnås.\nFem av indikatorerna "
                           "uppnås delvis.", 100)
    assert claim.stated() == {"helt": 2, "delvis": 5} and claim.total == 7 and claim.line == 101


@pytest.mark.parametrize("text", [
    "Ett arbetssätt ska utvecklas för att målet ska nås.",
    "Anledningen till att årsmålet för dessa två indikatorer inte nåddes är pandemin.",
    "Nämnden bedömer att de tre inriktningsmålen i huvudsak kommer att nås.",
    "Tabell 2020 2021 indikator 12 13 14 15 16 17 18 19 20 uppnås",
    "Förvaltningen redovisar ett överskott och en uppfylld prognossäkerhet för indikatorerna.",
])
def test_not_claims(text):
    assert [c for c in find_claims(text, 1) if c.stated() or c.all] == []


@pytest.mark.parametrize("text,degree", [
    ("Förvaltningen bedömer att målet uppfylls delvis.", "delvis"),
    ("Sammantaget bedöms målet inte uppfyllas.", "inte"),
    ("Nämnden bedömer att målet kommer att uppnås helt.", "helt"),
    ("Förvaltningen bedömer att målet inte helt uppfylls.", "delvis"),
    ("Bedömningen är att målet i huvudsak uppnås.", None),
    ("Förvaltningen bedömer att två av tre mål uppfylls delvis.", None),
    ("Målet uppfylls genom att fler får stöd.", None),
])
def test_stated_degree(text, degree):
    got = stated_degree(text, 1)
    assert (got[0] if got else None) == degree


def _ind(name, target=None, kf=None):
    return Indicator(name=name, line=1, target=Value(value=None, text=target) if target else None,
                     kf_target=Value(value=None, text=kf) if kf else None)


@pytest.mark.parametrize("name,target,direction,basis", [
    ("Andel vuxna med ekonomiskt bistånd", None, "lower", "name pattern"),
    ("Sjukfrånvaro dag 1-14", None, "lower", "name pattern"),
    ("Andel avhysningar som kunnat avvärjas", None, "higher", "name pattern"),
    ("Antal platser", "Max 10 platser", "lower", "target text"),
    ("Antal platser", "Öka", "higher", "target text"),
    ("Nämndens prognossäkerhet", "+/- 1 %", "band", "target text"),
    ("Andel nöjda brukare", None, "higher", "fallback"),
])
def test_direction(name, target, direction, basis):
    got = decide_direction(_ind(name, target), K)
    assert got[:2] == (direction, basis)


@pytest.mark.parametrize("name,expected", [
    ("Andel barn som lever i familjer med ekonomiskt bistånd", True),
    ("Antal ungdomar som fått feriejobb i stadens regi", True),
    ("Antal ofrivilligt deltidsanställda", True),
    ("Sjukfrånvaro", True),
    ("Antal tillhandahållna platser för feriejobb", False),
    ("Antal barn per grupp", False),
    ("Andel flickor som besöker fritidsgårdarna", False),
    ("Antal genomförda aktiviteter för barn och unga", False),
    ("Antal barnfamiljer i tillfälligt boende", False),
    ("Andel av personalkostnader för konsulter", False),
])
def test_about_people(name, expected):
    assert about_people(name, K)[0] is expected


@pytest.mark.parametrize("text,expected", [
    ("Pojkarna är mer nöjda än flickorna, vilket förklaras av utbudet.", True),
    ("Könsuppdelad statistik redovisas inte eftersom gruppen är liten.", True),
    ("Av 50 män svarade 40 ja och av 60 kvinnor svarade 55 ja.", False),
    ("Indexet består av delindex för jämställdhet och ledarskap.", False),
    ("Resultatet är i nivå med förra året.", False),
])
def test_gender_analysis(text, expected):
    assert discusses_gender(text, K) is expected
