"""The line pass's shortcuts for speed (issue 20) take the same decisions as the plain code they stand in for:
each plain version is kept here as first written, and run beside the parser's on the fixtures, the corpus
(when ../shared is there), synthetic reports and texts shuffled from their lines."""
from __future__ import annotations

import random

import pytest

from auditor.input.lines import Line, _join_lines, join_wrapped, lines_and_texts
from auditor.input.values import NUMBER, PERIOD, UNIT_WORDS, YEAR, cut_cell_word
from auditor.parser.document import DocumentParser
from auditor.parser.rows import CELL_WORDS, _unit_stands_out, cell_word

from conftest import ROOT, shared_dir
from synthetic import synthetic_report


def _texts() -> list[str]:
    files = sorted((ROOT / "fixtures").glob("*.txt"))
    shared = shared_dir()
    if shared is not None:
        files += sorted((shared / "corpus").glob("*.txt"))
    texts = [f.read_bytes().decode("utf-8", errors="replace") for f in files]
    texts += [synthetic_report(seed) for seed in range(6)]
    rng = random.Random(13)
    pool = [line for text in texts[:12] for line in text.split("\n")]
    for _ in range(40):     # blocks of real lines in an odd order: tables cut off, labels out of place
        at = [rng.randrange(len(pool)) for _ in range(rng.randint(1, 12))]
        texts.append("\n".join(line for k in at for line in pool[k:k + rng.randint(1, 40)]))
    return texts


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return _texts()


def test_the_lines_are_numbered_one_after_another(texts):
    for text in texts:     # _plain_text counts on it
        assert [line.no for line in lines_and_texts(text)[0]] == list(range(1, len(lines_and_texts(text)[0]) + 1))


def test_one_line_is_joined_as_the_loop_joins_it(texts):
    odd = [Line(1, raw, raw.strip()) for raw in ["", "   ", " a  b ", "x\u2003y", "\u3000", "a\x1cb", "Tas fram "]]
    for text in texts[:20]:
        lines = lines_and_texts(text)[0] + odd
        for line in lines:
            assert join_wrapped([line]) == _join_lines([line], None), line
        for k in range(0, len(lines) - 3, 3):
            assert join_wrapped(lines[k:k + 3]) == _join_lines(lines[k:k + 3], None)


def _cell_word_plainly(w: str) -> bool:
    """``rows.cell_word`` as first written: each pattern and set in turn."""
    import re
    low = w.lower()
    return bool(NUMBER.match(w) or low in CELL_WORDS or low in UNIT_WORDS or re.fullmatch(r"[-+]?\d+(?:[.,]\d+)?%", w)
                or re.fullmatch(r"\+/-\d+(?:[.,]\d+)?%?", w) or low.startswith("barn/") or cut_cell_word(low))


def test_a_cell_word_is_told_as_each_pattern_in_turn_tells_it(texts):
    words = {w for text in texts for w in text.split()}
    rng = random.Random(14)
    odd = ["+/-5%", "+/-5,5", "+/-", "±", "−3", "–3,5%", "3.5%", "-", "%", "12%%", "nämnd/styr", "NÄMND/STYRELS", "Faststäl",
           "fast", "fastställs", "styrelse", "styr", "Barn/avd.", "BARN/", "kg/person", "co2", "٣", "²", "12,", ",5", "1.2.3"]
    words |= {w + rng.choice(["", ".", "%", "/"]) for w in odd for _ in range(3)} | set(odd)
    for w in words:
        assert cell_word(w) == _cell_word_plainly(w), w


def _split_name_values_plainly(parser: DocumentParser, i: int) -> int | None:
    """``IndicatorRows.split_name_values`` as first written: every cut at a figure tried from the start."""
    import re
    raw = parser.lines[i].raw
    matches = list(re.finditer(r"\S+", raw))
    first_cut = None
    for k in range(1, len(matches)):
        if not NUMBER.match(matches[k].group()):
            continue
        rest = [m.group() for m in matches[k:]]
        if not all(_cell_word_plainly(x) for x in rest):
            continue
        if all(_cell_word_plainly(m.group()) for m in matches[:k]):
            return None
        ends_period = PERIOD.match(" ".join(rest[-2:])) or YEAR.match(rest[-1])
        nums = sum(1 for x in rest if NUMBER.match(x)) - (1 if ends_period else 0)
        if nums < 1:
            continue
        wraps = parser.lines[i].ends_with_space or not ends_period
        if nums >= 2 or ends_period or (wraps and nums >= 1 and parser._continues_with_cell(i, rest[0])):
            if not _unit_stands_out(rest):
                return matches[k].start()
            first_cut = matches[k].start() if first_cut is None else first_cut
    return first_cut


def test_a_name_and_its_values_are_cut_where_the_plain_scan_cuts_them(texts):
    made = ["Sjukfrånvaro 7,8 % 4,8 % 5 % VB 2024", "Antal besök 212 st 198 st 200 st Tas fram", "80 % 81 % 2025",
            "Andel inom 14 dagar 92 % 93 % 90 % 2025", "Vi rapporterar 2020", "Ett  mål\u2003 12 14 Öka T1 2025 ",
            "x 1", "1 x", "Antal 12", "Antal 12 "]
    for text in texts + ["\n".join(made), "\n\n".join(made)]:
        parser = DocumentParser(text, "<t>")
        for i in range(len(parser.lines)):
            assert parser.split_name_values(i) == _split_name_values_plainly(parser, i), parser.lines[i].raw


class _PlainWalk(DocumentParser):
    def _plain_text(self, i: int) -> int:
        """``DocumentParser._plain_text`` as first written: one line at a time."""
        kind, buffer = ("goal-text", self.section_buf) if self.mode == "goal" else ("narrative", self.para)
        while i < len(self.lines) and i not in self.furniture and i not in self.openers and i != self.end_of_goals:
            line = self.lines[i]
            if not line.text:
                break
            self.dispo.setdefault(line.no, kind)
            buffer.append(line)
            i += 1
        return i


def test_a_run_of_plain_text_goes_where_one_line_at_a_time_goes(texts):
    for text in texts:
        fast, plain = DocumentParser(text, "<t>"), _PlainWalk(text, "<t>")
        assert fast.parse().model_dump() == plain.parse().model_dump()
        assert list(fast.dispo.items()) == list(plain.dispo.items())
