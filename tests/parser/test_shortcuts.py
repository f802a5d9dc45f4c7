"""The parser's shortcuts for speed (issue 20) take the same decisions as the plain tests they stand in for:
a search of the whole text for the lines worth a closer look, a first-letter test before a pattern, the
words a pattern needs before the pattern, a line's answer kept, a row's scores reused."""
from __future__ import annotations

import random
import re
from dataclasses import replace
from pathlib import Path

import pytest

from auditor.input import labels as L
from auditor.input.lines import (_CONTROL, Line, joined_texts, lines_and_texts, lines_starting_with_digit,
                                 shows_trailing_spaces, split_lines)
from auditor.model import Indicator
from auditor.parser import furniture as F
from auditor.parser import meta
from auditor.parser.document import DocumentParser
from auditor.parser.placement import Context, decide, pending_row, score, shapes
from auditor.input.values import value_groups_to_cells

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"

# lines of the kinds the shortcuts must tell apart, and some that look like them
PIECES = ["Sid 3 (9)", "sid 4 (10)", "SID 2 av 7", "Sida 3 av 10", "ſid 3 (4)", "Tjänsteutlåtande",
          "TJÄNSTEUTLÅTANDE", "tjÄnsteutlÅtande", "Kulturnämnden Tjänsteutlåtande", "x (", "12 (79)", "80 (79)",
          "Exempelnämnden, Tertialrapport 1 12 (80)", "Stockholm.se", "Box 123", "2024-01-01", "Tfn 08-508 00 000",
          "12", "- 3 -", "", "  ", "Vanlig text om mål.", "İ(", "\u212bx", "KF:s mål för", "\u212aF:s mål för",
          "Nämndens", "Enhetens", "verksamhetsområdet:", "Uppföljning av ekonomi", "ekonomiskt utfall",
          "Exempel stadsdelsnämnd, Tertialrapport 3 (9)", "Idrottsnämnden", "Styrelsen", "Miljönämnden ",
          "\tTabb\x01och\x0bkontroll\r", "a\r\nb", "\u00a0 rad\u202f", "  Andel nöjda brukare  "]


def _texts() -> list[str]:
    files = sorted((ROOT / "fixtures").glob("*.txt")) + sorted(CORPUS.glob("*.txt"))
    rng = random.Random(5)
    made = ["\n".join(rng.choice(PIECES) for _ in range(rng.randint(0, 14))) + rng.choice(["", "\n", "\n\n", "\x01"])
            for _ in range(3000)]
    return [f.read_bytes().decode("utf-8", errors="replace") for f in files] + made


def _split_lines_plainly(text: str) -> list[Line]:
    """The splitting as first written: the control characters out of the whole text, then one line at a time."""
    from auditor.input.lines import normalise
    text = normalise(text).replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text.replace("\t", " ").replace("\u00a0", " ").replace("\u202f", " "))
    raws = text.split("\n")
    blind = not shows_trailing_spaces(raws)
    out = [Line(i, raw, raw.strip(), blind) for i, raw in enumerate(raws, start=1)]
    if out and out[-1].raw == "" and text.endswith("\n"):
        out.pop()
    return out


def test_lines_are_split_as_plainly():
    for text in _texts():
        lines, joined = lines_and_texts(text)
        assert lines == _split_lines_plainly(text), repr(text[:80])
        assert joined == "\n" + "\n".join(line.text for line in lines)


def test_the_furniture_search_finds_every_line_that_may_anchor():
    for text in _texts():
        lines = split_lines(text)
        assert F._anchor_candidates(lines) == [i for i, line in enumerate(lines)
                                               if line.text and F._may_anchor(line.text)], repr(text[:80])


def _opens_a_block(text: str) -> bool:
    """Any of the patterns that ``LineCursor.openers`` spares the other lines."""
    return bool(L.goal_label(text) or L.LABEL_PREFIX.match(text) or L.marker(text) or L.SECTION.match(text)
                or L.INDICATOR_HEADER_START.match(text) or L.ACTIVITY_HEADER.match(text)
                or L.END_OF_GOALS.match(text))


def test_every_line_that_opens_a_block_is_among_the_block_starts():
    # the patterns ignore case, some of them: the Kelvin sign is a "k" to them, "İ" an "i"
    odd = ["\u212aF:s mål för verksamhetsområdet: x", "İndikator Periodens utfall Årsmål Period", "ıngen",
           "UPPFYLLS HELT", "analys", "Analys", "Förväntat resultat:", "ekonomisk uppföljning", "Nämndmål: x",
           "Aktivitet Startdatum Slutdatum", "Enhetens mål: y"]
    for text in _texts() + ["\n".join(odd)]:
        lines = split_lines(text)
        texts = [line.text for line in lines]
        starts = set(L.block_starts(joined_texts(lines)))
        assert starts == {i for i in starts if texts[i]}, repr(text[:80])
        for i, t in enumerate(texts):
            assert not _opens_a_block(t) or i in starts, t
    assert set(L.block_starts("\n" + "\n".join(odd + ["Vanlig text."]))) >= {i for i, t in enumerate(odd)
                                                                          if _opens_a_block(t)}
    assert L.block_starts("\n" + "\n".join(["Vanlig text.", "", "Analys", "En indikator"])) == [2]


def test_the_lines_that_start_with_a_digit_are_found_in_the_whole_text():
    odd = ["²x", "a", "1 200", "", "Åtta", "٣", "x1", "  7", "①", "-1", "•"]
    for text in _texts() + ["\n".join(odd)]:
        lines = split_lines(text)
        assert lines_starting_with_digit(joined_texts(lines)) == [i for i, line in enumerate(lines)
                                                                  if line.text[:1].isdigit()], repr(text[:80])


def test_the_trailing_spaces_are_counted_as_one_line_at_a_time():
    def plainly(raws):
        texts = [raw.strip() for raw in raws]
        ends = sum(1 for raw, text in zip(raws, texts) if text and raw[-1] == " ")
        return ends * 200 >= len(texts) - texts.count("") and ends > 0
    rng = random.Random(7)
    for text in _texts():
        raws = text.split("\n")
        assert shows_trailing_spaces(raws) == plainly(raws)
        spaced = [raw + rng.choice(["", " ", "  ", "\u2003"]) for raw in raws]
        assert shows_trailing_spaces(spaced) == plainly(spaced)


def test_each_committee_pattern_holds_one_of_its_words():
    for text in _texts():
        for line in split_lines(text):
            for pattern, words in zip(meta.COMMITTEE_PATTERNS, meta._COMMITTEE_WORDS):
                if pattern.search(line.text):
                    assert any(w in line.text for w in words), line.text


def test_a_lines_answers_are_kept_as_first_given():
    text = "\n".join(["Indikator Periodens utfall Årsmål Period", "", "Andel nöjda 80 % 75 % 2025", "",
                      "80 % 75 % 2025", "Vanlig text."])
    parser = DocumentParser(text, "<t>")
    plain = [parser._holds_values(i) for i in range(len(parser.lines))]
    assert [parser.is_value_line(i) for i in range(len(parser.lines))] == plain
    assert plain[4] and not plain[5]


COLUMNS = ("outcome", "outcome_men", "outcome_women", "previous", "forecast", "target", "kf_target")


@pytest.mark.parametrize("line", ["80 % 81 % 79 % 78 % 80 % 82 % 85 % 2025", "1 200 1 300 Öka 2025",
                                  "12 14 10 11 Tas fram av nämnd/styrelse 2025", "40,34 % 45 % 45 % T1 2025"])
def test_a_rows_scores_are_the_same_each_time_it_is_weighed(line):
    readings = value_groups_to_cells([[Line(0, line, line.strip())]])
    contexts = [Context(report_kind="T1", people=True), Context(report_kind="VB", people=False, kf_goal=True),
                Context(report_kind="T1", people=True, pattern={"target": (0.7, -0.2)},
                        neighbours={frozenset({"outcome", "target"}): 0.8})]
    row = pending_row(readings, COLUMNS)          # weighed in every context in turn, as the parser does
    for ctx in contexts:
        fresh = pending_row(readings, COLUMNS)    # weighed once
        ind, again = Indicator(name="Andel x", line=1), Indicator(name="Andel x", line=1)
        scored = decide(ind, row, ctx)
        assert scored == score(again, fresh, replace(ctx, placements={}))    # a document's shapes shared
        decide(again, fresh, ctx)
        assert ind == again
        assert shapes(ind, row, ctx, scored) == shapes(again, pending_row(readings, COLUMNS), ctx)


def test_a_subject_word_is_found_without_the_word_start_the_pattern_allows():
    from auditor.knowledge import about_people, builtin_knowledge
    k = builtin_knowledge()
    rng = random.Random(9)
    words = list(k.subject_words) + ["andel", "antal", "som", "per", "i", "och", "nöjda", "Brukarnas", "x"]
    for _ in range(3000):
        text = " ".join(rng.choice(words) + rng.choice(["", "na", "s", "arna"]) for _ in range(rng.randint(0, 6)))
        assert bool(k.subject_word_in.search(text)) == bool(k.subject_word_re.search(text)), text
    assert about_people("Antal hemtjänsttagare som är nöjda", k)[0]


def test_a_young_word_is_found_without_the_word_start_the_pattern_once_allowed():
    """The search for words about children and young people asks only whether one ends a word: the same
    answer as the pattern with a leading \\w* it had, which the engine tried again at every letter."""
    import re

    from auditor.knowledge import builtin_knowledge
    k = builtin_knowledge()
    young = sorted(set(k.young_words), key=len, reverse=True)
    assert young
    with_start = re.compile(r"\w*(?:" + "|".join(map(re.escape, young)) + r")\b", re.I)
    rng = random.Random(11)
    words = young + ["andel", "elever", "som", "i", "åk", "9", "Skolbarnens", "x", "ungdomarnas"]
    for _ in range(3000):
        text = " ".join(rng.choice(words) + rng.choice(["", "na", "s", "arna"]) for _ in range(rng.randint(0, 6)))
        assert bool(k.young_word_re.search(text)) == bool(with_start.search(text)), text


CELLS = ["80 %", "80%", "1 200", "12,5 %", "+/-5 %", "−3", "Öka", "Tas fram av nämnd/styrelse", "Max 10 personer",
         "4 500 kr", "", "  ", "2025", "3,2 dagar", "-", "100", "Minst 80 %", "9 000 000", "1,5%", "x 5"]


def test_a_figure_is_told_as_the_parse_of_the_cell_tells_it():
    from auditor.input.values import is_figure, parse_value
    rng = random.Random(3)
    for text in CELLS + [" ".join(rng.choice(CELLS) for _ in range(rng.randint(1, 3))) for _ in range(500)]:
        assert is_figure(text) == (parse_value(text).value is not None), text


def test_the_units_weighed_once_per_reading_weigh_as_each_candidate_alone():
    from auditor.input.values import parse_value
    from auditor.parser import placement as P
    rng = random.Random(4)
    for _ in range(500):
        values = [parse_value(rng.choice(CELLS[:10] + ["80", "12", "3,5"])) for _ in range(rng.randint(0, 5))]
        cols = rng.sample(COLUMNS + ("?x",), len(values))
        a = dict.fromkeys(COLUMNS) | dict(zip(cols, values))
        mixed = P._mixed_units([v for v in values if v.value is not None])
        assert P._units(a, mixed) == P._units(a) and P._meaning(a, False, None, mixed) == P._meaning(a), a


def test_the_lines_naming_a_committee_are_found_in_the_whole_text():
    from auditor.input.lines import lines_holding
    words = ("nämnd", "styrelsen")
    for text in _texts() + ["nämnd\nx nämnd nämnd\n\nstyrelsen och nämnd\nNämnd"]:
        lines = split_lines(text)
        assert lines_holding(joined_texts(lines), words) == [i for i, line in enumerate(lines)
                                                             if any(w in line.text for w in words)]


def test_an_activitys_dates_are_read_as_the_pattern_reads_them():
    rng = random.Random(8)
    pieces = ["Aktivitet", "2024-01-01", "2024-12-31", "Avvikelse", "-", "x-y", "2024-1-1", " ", "12"]
    for text in [" ".join(rng.choice(pieces) for _ in range(rng.randint(0, 6))) for _ in range(3000)]:
        got, plain = L.dates(text), L.DATES.match(text)
        assert (got and got.groupdict()) == (plain and plain.groupdict()), text


def test_prose_keeps_its_line_breaks_as_plainly_joined():
    from auditor.parser.cursor import join_text
    rng = random.Random(6)
    for _ in range(300):
        nos = sorted(rng.sample(range(1, 40), rng.randint(1, 8)))
        lines = [Line(no, f"rad {no}", f"rad {no}") for no in nos]
        plain = lines[0].text + "".join("\n" * max(1, cur.no - prev.no) + cur.text
                                        for prev, cur in zip(lines, lines[1:]))
        assert join_text(lines) == plain


def test_an_analysis_is_searched_for_not_measured_only_where_it_may_say_so():
    from auditor.parser import placement as P
    rng = random.Random(12)
    words = ["Enkäten", "ENKÄT", "undersökningen", "UNDERſÖKNINGEN", "mätningen", "MÄTNıNG", "Mİtning", "\u212aommer",
             "kommer", "inte", "att", "genomföras", "i", "år", "ingen", "brukarundersökning", "har", "genomförts",
             "ställdes", "in", "är", "inställd", "Öka", "nöjda", "."]
    texts = [" ".join(rng.choice(words) for _ in range(rng.randint(0, 12))) for _ in range(4000)]
    texts += ["Enkäten kommer inte att genomföras i år.", "Ingen brukarundersökning har därför genomförts.",
              "ENKÄT \u212aOMMER INTE GENOMFÖRAS", "underſökningen genomfördes inte"]
    for text in texts:
        if P.NOT_MEASURED_SAYS.search(text):
            assert P._may_say_not_measured(text), text
    assert P.NOT_MEASURED_SAYS.search(texts[-1]) and P.NOT_MEASURED_SAYS.search(texts[-2])
