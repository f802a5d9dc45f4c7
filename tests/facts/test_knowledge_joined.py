"""Each knowledge list is also joined into one pattern (``any_of``) that tells in one search whether any
pattern of the list hits, so the list is walked only when one does. The answers must be the very ones the
patterns give one by one: checked on our own indicator names and target texts, against a Knowledge whose
joined patterns and the name answers it kept are taken away (so every function walks its lists as before)."""
from __future__ import annotations

import copy
import re

import pytest

from auditor import knowledge
from auditor.knowledge import about_people, any_of, builtin_knowledge, direction_of

from .test_knowledge_by_form import ABOUT_PEOPLE, NOT_ABOUT_PEOPLE

K = builtin_knowledge()
JOINED = ("people_exclude_any", "people_patterns_any", "subject_forms_any", "subject_form_exclude_any",
          "target_words_any", "names_any")
NAMES = ABOUT_PEOPLE + NOT_ABOUT_PEOPLE + [
    "Sjukfrånvaro bland medarbetare", "Antal avhysningar av barnfamiljer", "Väntetid till försörjningsstöd",
    "Energianvändning i stadens lokaler", "Antal barn per förskollärare", "Personalomsättning", "",
]
TEXTS = ["", "Öka", "Minska", "Ska minska jämfört med 2023", "Max 5 %", "Lägst 80 %", "Mellan 10 och 20",
         "Bibehålla nivån", "Högst 3 dagar", "≥ 90 %", "Minst 75"]


def _one_by_one() -> object:
    alone = copy.copy(K)
    for name in JOINED:
        setattr(alone, name, None)
    alone.name_directions = {}      # nor the answers already found by name
    return alone


def test_every_list_is_joined():
    assert all(getattr(K, name) is not None for name in JOINED)


@pytest.mark.parametrize("name", NAMES)
def test_about_people_as_one_by_one(name):
    assert about_people(name, K) == about_people(name, _one_by_one())


@pytest.mark.parametrize("text", TEXTS)
def test_direction_as_one_by_one(text):
    alone = _one_by_one()
    for name in NAMES:
        texts = (("Årsmål", text), ("KF:s årsmål", ""))
        assert direction_of(name, texts, K) == direction_of(name, texts, alone)


def test_joined_search_hits_where_one_pattern_does():
    patterns = [re.compile(p, re.I) for p in (r"\bper (anställd|grupp)", r"kö(tid)?", r"^andel")]
    joined = any_of(patterns)
    for text in ("Antal barn per grupp", "Kötid i dagar", "andel nöjda", "Antal", "perkolation", ""):
        assert (joined.search(text) is not None) == any(p.search(text) for p in patterns)


@pytest.mark.parametrize("patterns", [
    [r"(a)\1", r"b"],                 # a group referred to by number would be renumbered
    [r"(?P<x>a)", r"(?P<x>b)"],       # the same group name twice
    [r"a", r"(?x) b"],                # a flag for the whole pattern, not at its start
])
def test_patterns_that_cannot_be_joined_are_tried_alone(patterns):
    assert any_of([re.compile(p, re.I) for p in patterns]) is None


def test_mixed_flags_are_tried_alone():
    assert any_of([re.compile("a", re.I), re.compile("b")]) is None


def test_name_answers_kept_are_bounded(monkeypatch):
    """The answers kept by name are emptied rather than grown without end over a long batch."""
    alone = _one_by_one()
    monkeypatch.setattr(knowledge, "_NAMES_KEPT", 5)
    for i in range(12):
        assert direction_of(f"Sjukfrånvaro {i}", (), alone) == direction_of(f"Sjukfrånvaro {i}", (), alone)
        assert len(alone.name_directions) <= 5
