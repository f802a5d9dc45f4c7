"""The one sentence splitter (auditor.prose.sentences): where sentences end, which line each starts on,
and that a bullet starts a statement of its own."""
from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from auditor.prose.sentences import _END, _FULL_STOP_END, each_sentence, sentences

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"

# The rule written the slow way, as a reference: a mark, then whitespace and a capital, a digit or a quote.
_REFERENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9\"”])|(?<=[.!?])\s*$")


def _reference(text: str, line: int) -> list[tuple[int, str]]:
    out, start, counted = [], 0, 0
    for m in [*_REFERENCE_END.finditer(text), None]:
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


@pytest.mark.parametrize("text, expected", [
    ("Utfallet blev 70 %. Målet nås.", [(1, "Utfallet blev 70 %."), (1, "Målet nås.")]),
    ("Det gäller t.ex. fler platser. Nästa mening.", [(1, "Det gäller t.ex. fler platser."), (1, "Nästa mening.")]),
    ("Etappmål 1.2 och 2.3 löper\nenligt plan.\nMålet nås.",
     [(1, "Etappmål 1.2 och 2.3 löper enligt plan."), (3, "Målet nås.")]),
    ("Utmaningar\n\n• Andelen har ökat.\n• Målet nås inte", [(1, "Utmaningar"), (3, "Andelen har ökat."),
                                                        (4, "Målet nås inte")]),
    ("Tre saker: • en • två", [(1, "Tre saker:"), (1, "en"), (1, "två")]),
    ("", []),
    ("   \n  ", []),
])
def test_where_sentences_end(text, expected):
    assert sentences(text, 1) == expected


def test_without_bullets_the_splits_are_the_reference_rules():
    for text in _texts():
        text = text.replace("•", "-")
        assert sentences(text, 3) == _reference(text, 3)
    rng = random.Random(7)
    alphabet = ".!? \n\tAaÅö1\"”x"
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        assert sentences(text, 1) == _reference(text, 1), repr(text)


def test_a_skipped_sentence_keeps_its_place_and_the_lines_after_it():
    text = "Första meningen.\nAndra meningen om mål.\nTredje."
    got = list(each_sentence(text, 10, lambda chunk: "mål" not in chunk))
    assert got == [(10, "Första meningen."), None, (12, "Tredje.")]


def test_the_one_loop_splits_as_the_sentence_by_sentence_walk():
    """``sentences`` is ``each_sentence`` without a test, written as one loop for speed: the two agree,
    bullets, blank chunks and lines included."""
    rng = random.Random(11)
    alphabet = ".!?• \n\tAaÅö1\"”x"
    texts = [*_texts(), *("".join(rng.choice(alphabet) for _ in range(rng.randint(0, 16))) for _ in range(5000))]
    for text in texts:
        assert sentences(text, 4) == [s for s in each_sentence(text, 4) if s is not None], repr(text[:80])


def test_a_wanted_test_keeps_the_sentences_and_lines_of_the_sentence_by_sentence_walk():
    """With a test, ``sentences`` leaves out what fails it as ``each_sentence`` marks it, each kept
    sentence on its own line (the claims reader skips sentences with no figure and no word it reads)."""
    rng = random.Random(13)
    alphabet = ".!?• \n\tAaÅö1\"”xm"
    texts = [*_texts(), *("".join(rng.choice(alphabet) for _ in range(rng.randint(0, 16))) for _ in range(5000))]
    for wanted in (lambda chunk: "a" in chunk or "1" in chunk, lambda chunk: "\n" not in chunk):
        for text in texts:
            assert sentences(text, 2, wanted) == [s for s in each_sentence(text, 2, wanted) if s is not None], \
                repr(text[:80])


def test_a_text_without_other_marks_ends_where_the_full_stop_pattern_ends_it():
    """A text with no "!", "?" or "•" is split by a pattern of the full stop alone (``_FULL_STOP_END``): it
    finds the very ends that the pattern of all four marks finds there."""
    rng = random.Random(19)
    alphabet = ". \n\tAaÅö1\"”x"
    texts = [t.replace("!", "").replace("?", "").replace("•", "") for t in _texts()]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 16))) for _ in range(5000)]
    ends = 0
    for text in texts:
        got = [m.span() for m in _FULL_STOP_END.finditer(text)]
        assert got == [m.span() for m in _END.finditer(text)], repr(text[:80])
        ends += len(got)
    assert ends
