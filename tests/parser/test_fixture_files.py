"""The fixtures themselves are consistent: line numbers in the expected JSON point at the text they name, the
encodings are what the README says, and no fixture borrows sentences from the real corpus.

These run without the parser, so a mistake in an expected file is caught before it blames the parser.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from fixture_compare import FIXTURES, VALUE_COLUMNS, decode_fixture, fixture_names, load_expected

NAMES = fixture_names()
CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"
LEVELS = {"inriktningsmal", "verksamhetsomradesmal", "namndmal", "enhetsmal"}


def _first_word(text: str) -> str:
    return re.sub(r"^\d+(\.\d+)*\.?\s*", "", text).split()[0]


@pytest.mark.parametrize("name", NAMES)
def test_expected_lines_point_at_their_text(name):
    lines = decode_fixture(name).split("\n")
    exp = load_expected(name)
    assert exp["source"] == f"{name}.txt"
    assert 40 <= len(lines) <= 201, f"{name}: {len(lines)} lines"
    for gi, g in enumerate(exp["goals"]):
        assert g["level"] in LEVELS
        assert g["parent"] is None or 0 <= g["parent"] < gi
        line = lines[g["line"] - 1]
        assert _first_word(g["title"]) in line, f"goal[{gi}] line {g['line']}: {line!r}"
        if g.get("number"):
            assert not g["number"].endswith("."), g["number"]
            assert g["number"] in " ".join(lines[g["line"] - 2: g["line"]]), f"goal[{gi}] number {g['number']}"
        for row in g["indicators"]:
            assert _first_word(row["name"]) in lines[row["line"] - 1], (gi, row["name"], row["line"])
            for col in VALUE_COLUMNS:
                cell = row.get(col)
                assert cell is None or set(cell) == {"value", "unit", "text"}, (row["name"], col, cell)
        for row in g["activities"]:
            assert _first_word(row["text"]) in lines[row["line"] - 1], (gi, row["text"], row["line"])
            assert re.fullmatch(r"\d{4}-\d\d-\d\d", row["start"]) and re.fullmatch(r"\d{4}-\d\d-\d\d", row["end"])
    for no in exp.get("line_dispositions", {}):
        assert lines[int(no) - 1].strip(), f"{name}: pinned line {no} is blank"


def test_encodings_are_as_documented():
    cp = (FIXTURES / "quirk_cp1252.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        cp.decode("utf-8")
    assert "Lövsjö" in cp.decode("cp1252") and "–" in cp.decode("cp1252")
    bom = (FIXTURES / "quirk_utf8_bom.txt").read_bytes()
    assert bom.startswith(b"\xef\xbb\xbf") and not bom[3:].startswith(b"\xef\xbb\xbf")
    for name in NAMES:
        if name not in ("quirk_cp1252", "quirk_utf8_bom"):
            data = (FIXTURES / f"{name}.txt").read_bytes()
            assert not data.startswith(b"\xef\xbb\xbf")
            data.decode("utf-8")


@pytest.mark.corpus
@pytest.mark.skipif(not CORPUS.is_dir(), reason="needs ../shared/corpus")
def test_fixtures_do_not_copy_corpus_sentences():
    corpus_lines = set()
    for path in CORPUS.glob("*.txt"):
        corpus_lines.update(l.strip() for l in path.read_text(encoding="utf-8").split("\n") if len(l.strip()) > 45)
    copied = [(name, l.strip()) for name in NAMES for l in decode_fixture(name).split("\n")
              if l.strip() in corpus_lines]
    # the only long lines shared with real reports are the fixed form texts of the ILS layout
    allowed = ("Indikator Periodens", "Aktivitet Startdatum", "Uppföljning av Kommunfullmäktiges",
               "Analys av resultaträkning")
    copied = [c for c in copied if not c[1].lstrip().startswith(allowed)]
    assert not copied, copied[:10]
