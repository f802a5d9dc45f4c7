"""The claims reader tells most sentences that they name no indicator by looking for the index's keys as text
in the lower-cased sentence, before splitting it into words (auditor.prose.claims: ``_Names._may_name``), and
most that they name no indicator "in other words" by looking for "andel"/"antal" the same way. Neither may
change what is found: every sentence (and heading line) of the fixtures, and of the corpus where it is
present, is named with the shortcuts and without them, against the indicators of its own report, and so are
sentences written for names of our own (a one-word key, a two-word key, a definite form, a long name cut
short)."""
from __future__ import annotations

import functools
from pathlib import Path

import pytest

from auditor.model import Indicator
from auditor.parser import parse_text
from auditor.input.reader import read_text
from auditor.prose import claims
from auditor.prose.sentences import sentences

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"

NAMES = ["Andel elever som är nöjda med skolmaten", "Sjukfrånvaro", "Index för upplevd kvalitet i hemtjänsten",
         "I vilken utsträckning brukarna känner sig trygga", "Antal ungdomar som fått feriejobb genom stadens försorg"]
WRITTEN = ["Andelen elever som är nöjda med skolmaten ökade till 80 %.", "Sjukfrånvaron minskade till 6,1 %.",
           "Sjukfrånvaro.", "Indexet för upplevd kvalitet ligger på 82.", "Index för upplevd kvalitet i hemtjänsten",
           "I vilken utsträckning brukarna känner sig trygga har ökat.", "I hemtjänsten ökade kvaliteten.",
           "Antalet ungdomar som fått feriejobb ökade.", "ANTAL UNGDOMAR SOM FÅTT FERIEJOBB", "Inget namn här.",
           "Andelen med långvarigt bistånd har minskat.", "Antalet ungdomar har ökat till 500."]


class _Plain(claims._Names):
    """The index without the shortcuts: every sentence is split into words and compared."""

    def _may_name(self, low: str) -> bool:
        return True


@functools.lru_cache(maxsize=1)
def _reports() -> tuple[tuple[list[Indicator], tuple[str, ...]], ...]:
    files = sorted((ROOT / "fixtures").glob("*.txt")) + sorted(CORPUS.glob("*.txt"))
    out = []
    for f in files:
        try:
            text = read_text(f)
        except (UnicodeDecodeError, ValueError):
            continue
        report = parse_text(text, str(f))
        indicators = [ind for g in report.goals for ind in g.indicators]
        texts = [p.text for p in report.narrative]
        for g in report.goals:
            texts += [g.analysis or ""] + [s.text for s in g.sections] + [i.analysis or "" for i in g.indicators]
        said = [s for t in texts for _, s in sentences(t, 1)] + [line for t in texts for line in t.split("\n")]
        if indicators:
            out.append((indicators, tuple(said)))
    return tuple(out)


def _cases():
    own = [Indicator(name=n, line=i + 1) for i, n in enumerate(NAMES)]
    yield own, tuple(WRITTEN)
    for indicators, said in _reports():
        yield indicators, said


def test_the_shortcuts_name_what_the_words_name():
    found = tested = 0
    for indicators, said in _cases():
        quick, plain = claims._Names(indicators), _Plain(indicators)
        for sentence in said:
            expected = plain._find_named(sentence)
            assert quick._find_named(sentence) == expected, sentence[:120]
            # named_in_other_words looks no further where neither word is text: never where one is a word
            words = claims._words(sentence)
            if "andel" in words or "antal" in words:
                assert "andel" in sentence.lower() or "antal" in sentence.lower(), sentence[:120]
            found += bool(expected)
            tested += 1
    assert found and tested > found     # some sentences name an indicator, and some do not


@pytest.mark.parametrize("sentence, names", [
    ("Andelen elever som är nöjda med skolmaten ökade till 80 %.", {"andel elever som är nöjda med skolmaten"}),
    ("I vilken utsträckning brukarna känner sig trygga har ökat.",
     {"i vilken utsträckning brukarna känner sig trygga"}),
    ("I hemtjänsten ökade kvaliteten.", set()),
    ("Sjukfrånvaron minskade till 6,1 %.", {"sjukfrånvaro"}),
])
def test_a_written_sentence_is_named_as_before(sentence, names):
    index = claims._Names([Indicator(name=n, line=i + 1) for i, n in enumerate(NAMES)])
    assert index._find_named(sentence) == names
    assert not index._may_name("inget namn här.")
