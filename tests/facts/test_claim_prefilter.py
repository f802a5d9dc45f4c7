"""The count-claim reader's shortcuts change nothing: the cheap tests that skip most prose never skip a
sentence the full reading would take a claim or a goal's degree from. (The sentence splitter's own tests
are in tests/parser/test_sentences.py.)"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from auditor.prose import counts as count_claims
from auditor.prose.counts import find_claims, stated_degree
from auditor.prose.sentences import sentences

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"

# the cheap test as it was first written, weaker than today's
_FORMER_SUBJECT = re.compile(r"mål|indikator|aktivitet|verksamhetsområde")
_FORMER_VERB = re.compile(r"uppfyll|uppnå|\bnå")

def _texts() -> list[str]:
    files = sorted((ROOT / "fixtures").glob("*.txt")) + sorted(CORPUS.glob("*.txt"))
    return [f.read_bytes().decode("utf-8", errors="replace") for f in files]


@pytest.mark.parametrize("text", [
    "Nämndens tre mål uppfylls helt.",
    "Av nämndens 25 mål bedöms 20 uppfyllas helt och fem delvis.",
    "Två av verksamhetsområdets mål nås.",
    "Samtliga aktiviteter har genomförts och uppnått sitt syfte.",
    "Inga av de fem indikatorerna nåddes, men tre av fem nämndmål uppfylls delvis.",
])
def test_the_cheap_test_passes_what_the_full_reading_reads(text):
    assert count_claims._maybe_claim(text.lower())


def test_no_sentence_the_cheap_test_skips_holds_a_claim(monkeypatch):
    """Of the sentences the former test let through to the full reading, those that today's test skips."""
    skipped = [s for text in _texts() for _, s in sentences(text, 1)
               if _FORMER_SUBJECT.search(s.lower()) and _FORMER_VERB.search(s.lower())
               and not count_claims._maybe_claim(s.lower())]
    assert skipped
    monkeypatch.setattr(count_claims, "_maybe_claim", lambda text: True)
    assert [s for s in skipped if find_claims(s, 1)] == []


def test_no_sentence_the_assessment_test_skips_states_a_degree(monkeypatch):
    skipped = [s for text in _texts() for _, s in sentences(text, 1)
               if "mål" in s.lower() and not count_claims._may_assess(s)]
    assert skipped
    monkeypatch.setattr(count_claims, "_may_assess", lambda sentence: True)
    assert [s for s in skipped if stated_degree(s)] == []
