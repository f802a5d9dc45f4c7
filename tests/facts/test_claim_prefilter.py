"""The count-claim reader's shortcuts change nothing: the sentence splitter finds the sentences the former
look-behind pattern found, and the cheap tests that skip most prose never skip a sentence the full reading
would take a claim or a goal's degree from."""
from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from auditor.facts import count_claims
from auditor.facts.count_claims import find_claims, sentences, stated_degree

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"

# the cheap test as it was first written, weaker than today's
_FORMER_SUBJECT = re.compile(r"mål|indikator|aktivitet|verksamhetsområde")
_FORMER_VERB = re.compile(r"uppfyll|uppnå|\bnå")

# the splitter as it was first written: a look-behind at every position of the text
_FORMER_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9\"”])|(?<=[.!?])$")


def _former_sentences(text: str, line: int) -> list[tuple[int, str]]:
    out, start, counted = [], 0, 0
    for m in [*_FORMER_END.finditer(text), None]:
        chunk = text[start:m.start()] if m else text[start:]
        if chunk.strip():
            pos = start + len(chunk) - len(chunk.lstrip())
            line += text.count("\n", counted, pos)
            counted = pos
            out.append((line, " ".join(chunk.split())))
        if m:
            start = m.end()
    return out


def _texts() -> list[str]:
    files = sorted((ROOT / "fixtures").glob("*.txt")) + sorted(CORPUS.glob("*.txt"))
    return [f.read_bytes().decode("utf-8", errors="replace") for f in files]


def test_sentences_split_where_they_did():
    for text in _texts():
        assert sentences(text, 3) == _former_sentences(text, 3)
    rng = random.Random(7)
    alphabet = ".!? \n\tAaÅö1\"”x"
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        assert sentences(text, 1) == _former_sentences(text, 1), repr(text)


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
