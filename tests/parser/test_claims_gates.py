"""The claims reader tries a pattern only on a text that holds one of the words the pattern's matches hold
(auditor.prose.claims: ``_Gated``, ``_MET_NOT``, ``_MET_TRUE_NEEDS``): every match of each pattern, in
sentences written for each of its alternatives and in every sentence of the fixtures (and of the corpus where
it is present), holds one of its words. A word left out of a list when an alternative is added fails here."""
from __future__ import annotations

import functools
from pathlib import Path

import pytest

from auditor.prose import claims
from auditor.prose.sentences import sentences

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"

# our own sentences, one or more for each alternative of each gated pattern
WRITTEN = [
    "det är osäkert om målet nås", "det är svårt att säga", "det finns en risk att", "det kan komma att ändras",
    "hade vi inte haft frånvaron hade vi nått målet", "det skulle kunna öka", "möjligen ökar den",
    "eventuellt nås målet", "siffran är preliminärt 80 %", "sannolikt nås årsmålet",
    "bland kvinnor och män", "flickorna och pojkarna", "tjejer och killar", "kvinnorna och männen",
    "120 personer, varav 40 unga", "i förskoleenheten", "i hemtjänstenheterna", "i förskolan och skolan",
    "i stadsdelsområden och distrikten",
    "staden och stadens nivå", "i riket", "nationella mätningar", "övriga enheter", "kommunfullmäktiges mål",
    "kf:s mål", "regionen", "jämförbara nämnder", "snittet ligger på 80 %", "genomsnittet", "i snitt 80 %",
    "i januari, februari, mars, april, maj och juni", "i juli, augusti, september, oktober, november, december",
    "en vecka", "två veckor", "per månad", "under sommaren", "hösten och våren", "första kvartalet",
    "i tertial 2", "till t1", "t 3", "år 2024", "år 1999",
    "spridningen ökar", "skillnaden minskar", "personalkostnaderna ökar", "behovet ökar", "efterfrågan ökar",
    "antalet ärenden ökar",
    "målet uppnås endast delvis", "målet delvis uppnås", "målet har inte kunnat uppnås",
    "årsmålet har tyvärr inte uppfyllt", "målet uppnås därmed inte", "förvaltningen når dock inte målet",
    "har ej uppnått målet",
    "utfallet ligger under nämndens och kommunfullmäktiges årsmål", "resultatet är under årsmålet",
    "årsmålet uppnås", "målet om 80 % har nåtts", "indikatorn bedöms uppfyllas", "målvärdet uppnåddes helt",
    "förvaltningen nådde årsmålet", "överträffar det uppsatta målet", "klarade målvärdet",
    "räknar med att nå målet", "har uppfyllt sitt årsmål",
]


def _gated() -> list[tuple[str, object, tuple[str, ...]]]:
    found = [(name, value.pattern, value.words) for name, value in vars(claims).items()
             if isinstance(value, claims._Gated)]
    found += [(f"_MET_NOT[{said}]", pattern, words) for pattern, said, words in claims._MET_NOT]
    found.append(("_MET_TRUE", claims._MET_TRUE, claims._MET_TRUE_NEEDS))
    return found


@functools.lru_cache(maxsize=1)
def _sentences() -> tuple[str, ...]:
    files = sorted((ROOT / "fixtures").glob("*.txt")) + sorted(CORPUS.glob("*.txt"))
    out = []
    for f in files:
        text = f.read_bytes().decode("utf-8", errors="replace")
        out += [s.lower() for _, s in sentences(text, 1, claims._maybe)]     # the ones the reader reads
    return tuple(out)


def test_the_gated_patterns_are_found():
    names = {name for name, _, _ in _gated()}
    assert {"_HEDGE", "_SUBGROUP", "_ELSEWHERE", "_MONTH", "_TERTIAL", "_YEAR", "_TREND_NOT"} <= names


@pytest.mark.parametrize("name, pattern, words", _gated(), ids=[g[0] for g in _gated()])
def test_every_match_holds_one_of_the_words(name, pattern, words):
    matched = 0
    for text in (*WRITTEN, *_sentences()):
        for m in pattern.finditer(text):
            matched += 1
            assert any(w in m.group(0) for w in words), (name, m.group(0), text[:120])
    assert matched, name      # the written sentences give each pattern something to match


def test_a_gated_search_is_the_pattern_search():
    for text in WRITTEN:
        for name, value in vars(claims).items():
            if isinstance(value, claims._Gated):
                assert bool(value.search(text)) == bool(value.pattern.search(text)), (name, text)
                assert value.findall(text) == value.pattern.findall(text), (name, text)


def test_the_sentence_test_is_a_digit_or_a_word():
    """``_maybe`` looks for the ten digits, then the words, then the digits of other scripts only where a
    letter beyond Latin-1 is: it keeps exactly the chunks that hold ``\\d`` or a word, lower-cased (a digit
    of another script, "٣", also beside such a letter, "–"; "²" is no digit)."""
    import random
    import re

    def reference(chunk: str) -> bool:
        return re.search(r"\d", chunk) is not None or any(w in chunk.lower() for w in claims._MAYBE_WORDS)

    rng = random.Random(23)
    alphabet = ["a", "Å", "ö", " ", "1", "٣", "–", "²", "İ", "MÅL", "Ök", "samma", "x", "é"]
    chunks = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 8))) for _ in range(20000)]
    files = sorted((ROOT / "fixtures").glob("*.txt")) + sorted(CORPUS.glob("*.txt"))
    chunks += [c for f in files for c in f.read_bytes().decode("utf-8", errors="replace").split(". ")]
    kept = 0
    for chunk in chunks:
        assert claims._maybe(chunk) == reference(chunk), repr(chunk[:80])
        kept += claims._maybe(chunk)
    assert 0 < kept < len(chunks)
    assert claims._maybe("värdet – ٣") and not claims._maybe("värdet – ²")


# the plain forms of the patterns written first letter first (see their comments in auditor.prose.claims)
_PLAIN = {
    "_MET_TRUE": claims._ANCHOR + claims._MET_TRUE_VERDICT + r"|\b(?:når|nådde|uppnår|uppnådde|har\s+uppnått|"
                 r"har\s+nått|överträffar|överträffade|klarar|klarade|räknar\s+med\s+att\s+nå)" + claims._MET_TRUE_REACHES
                 + r"|\b(?:har\s+)?uppfyllt" + claims._MET_TRUE_FULFILLED,
    "_CLAUSE": r"[;:]|,(?!\d)|\s" + claims._CLAUSE_JOINS + r"|\s" + claims._CLAUSE_VERB_FIRST,
}
_VOCABULARY = ["årsmålet", "målet", "målvärdet", "indikatorn", "nämndindikatorn", "når", "nådde", "uppnår", "har",
               "uppnått", "nått", "överträffar", "klarar", "räknar", "med", "att", "nå", "uppfyllt", "sitt", "års",
               "mål", "om", "på", "80", "%", "procent", "nås", "uppnås", "inte", "delvis", "helt", "för", ",", ";",
               ":", "och", "men", "är", "det", "trots", "även", "1,5", ".", "xnår", "åmål", "förvaltningens",
               "bedöms", "uppfylls", "kommer", "-", "ej", "var", "blev", "än", "\n"]


@pytest.mark.parametrize("name", sorted(_PLAIN))
def test_a_pattern_written_first_letter_first_matches_as_its_plain_form(name):
    """Same matches, spans and groups, also searched from a place and up to one (as ``_clause_edges`` does),
    over every sentence the reader reads and random runs of the patterns' own words."""
    import random
    import re

    fast, plain = getattr(claims, name), re.compile(_PLAIN[name])
    rng = random.Random(29)
    texts = list(WRITTEN) + list(_sentences())
    texts += [" ".join(rng.choice(_VOCABULARY) for _ in range(rng.randint(1, 12))) for _ in range(20000)]
    texts += ["".join(rng.choice(_VOCABULARY) + rng.choice(["", " ", "  ", ", "]) for _ in range(rng.randint(1, 8)))
              for _ in range(20000)]
    matched = 0
    for text in texts:
        got = [(m.span(), m.groups()) for m in fast.finditer(text)]
        assert got == [(m.span(), m.groups()) for m in plain.finditer(text)], text[:120]
        matched += len(got)
        for at in (len(text) // 3, len(text) // 2):
            assert [m.span() for m in fast.finditer(text, 0, at)] == [m.span() for m in plain.finditer(text, 0, at)]
            f, p = fast.search(text, at), plain.search(text, at)
            assert (f and f.span()) == (p and p.span()), text[:120]
    assert matched


def test_the_digit_and_figure_counts_are_those_of_the_patterns():
    """``_has_digit`` is ``\\d`` and ``_many_figures`` is more than ``MAX_FIGURES`` matches of
    ``_FIGURE_WORD``, though both count the ten digits with plain searches in a text of Latin-1 letters (a
    digit of another script, "٣", stands only beside a letter beyond Latin-1; "²" is no digit)."""
    import random
    import re

    rng = random.Random(31)
    alphabet = ["1", "22", "3 4", "5,6", "7.8", " ", "a", "ö", "٣", "–", "²", "procent", "9"]
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24))) for _ in range(20000)]
    texts += list(_sentences())
    many = 0
    for text in texts:
        assert claims._has_digit(text) == (re.search(r"\d", text) is not None), repr(text[:80])
        expected = len(claims._FIGURE_WORD.findall(text)) > claims.MAX_FIGURES
        assert claims._many_figures(text) == expected, repr(text[:80])
        many += expected
    assert many
    assert claims._many_figures("٣ år " * 9 + "–") and not claims._many_figures("1 år 2 år 3 år 4 år 5 år 6 år 7 år 8")
