"""Two reading cases that used to be misjudged: a file cut by bytes inside its last UTF-8 character is a
partial report, not a wrong encoding; and two reports in one file are refused, never merged."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from auditor.commands.cli import main
from auditor.words.errors import InputError
from auditor.parser import parse_file
from auditor.input.report_starts import second_report_start
from auditor.input.reader import decode_file, read_report

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures"
VB = FIXTURES / "example_vb.txt"
T1 = FIXTURES / "example_t1.txt"
CORPUS = ROOT.parent / "shared" / "corpus"


# ------------------------------------------------------------------------- cut inside a UTF-8 character

def _cut_inside_last(data: bytes, char: str) -> bytes:
    """``data`` cut one byte into the last ``char`` (a two-byte UTF-8 sequence)."""
    at = data.rfind(char.encode("utf-8"))
    assert at > 0
    return data[:at + 1]


@pytest.mark.parametrize("char", ["ö", "ä", "å", "–"])
def test_cut_mid_character_is_read_as_utf8_and_partial(tmp_path, char):
    data = VB.read_bytes()
    if char.encode("utf-8") not in data:
        data += f"\nNågot om {char} sist\n".encode("utf-8")
    path = tmp_path / "avklippt.txt"
    path.write_bytes(_cut_inside_last(data, char))
    read = read_report(path)
    assert read.cut_mid_character
    assert "Ã" not in read.text and "Lövsjö stadsdelsnämnd" in read.text
    report = parse_file(path)
    assert report.complete is False
    assert [d.code for d in report.diagnostics if d.code == "cut-mid-character"] == ["cut-mid-character"]
    assert report.committee == "Lövsjö stadsdelsnämnd"


def test_cut_mid_character_in_the_audit_outputs(tmp_path, capsys):
    path = tmp_path / "avklippt.txt"
    path.write_bytes(_cut_inside_last(VB.read_bytes(), "ö"))
    code = main(["audit", str(path), "--format", "md"])
    out, err = capsys.readouterr()
    assert code == 2
    assert "teckenkodning" not in err and "teckenkodning" not in out
    assert "Granskningen är ofullständig" in out and "filen slutar mitt i ett tecken" in out
    assert err == (f"auditor: {path}: granskningen är ofullständig (rad {_lines(path)}: "
                   "filen slutar mitt i ett tecken (de sista byten saknas): rapporten är avklippt)\n")
    assert main(["audit", str(path), "--format", "json"]) == 2
    doc = capsys.readouterr().out
    assert '"complete": false' in doc and '"code": "cut-mid-character"' in doc


def _lines(path: Path) -> int:
    return len(path.read_bytes().decode("utf-8", "ignore").splitlines())


def test_a_complete_three_byte_character_is_not_a_cut():
    assert decode_file("Mål – klart".encode("utf-8"), "x").cut_mid_character is False


def test_windows_1252_ending_in_a_letter_is_not_a_cut():
    text = "KF:s inriktningsmål: 1. Ett mål\nSlutet är här: å"
    read = decode_file(text.encode("cp1252"), "x")
    assert read.text == text and not read.cut_mid_character


def test_bytes_broken_inside_the_text_are_still_an_encoding_error():
    data = "Nämndmål: Ett mål för året\n".encode("utf-8") * 3
    broken = data[:5] + b"\xc3" + data[5:] + bytes([0x81, 0x8d, 0x8f, 0x90]) * 5
    with pytest.raises(InputError) as info:
        decode_file(broken, "x")
    assert info.value.code == "encoding"


# --------------------------------------------------------------------------------- two reports in a file

def test_two_reports_in_one_file_are_refused(tmp_path, capsys):
    two = tmp_path / "two.txt"
    two.write_bytes(VB.read_bytes() + T1.read_bytes())
    first_lines = len(VB.read_text(encoding="utf-8").splitlines())
    code = main(["audit", str(two)])
    out, err = capsys.readouterr()
    assert code == 2
    assert err == (f"auditor: {two}: filen innehåller mer än en rapport (en ny rapport börjar på rad "
                   f"{first_lines + 2}: 'Tertialrapport 1 2025'); dela upp den i en fil per rapport\n")
    assert main(["--lang", "en", "parse", str(two)]) == 2
    assert "the file holds more than one report" in capsys.readouterr().err


def test_two_reports_in_a_batch_do_not_stop_the_others(tmp_path, capsys):
    (tmp_path / "a.txt").write_bytes(VB.read_bytes())
    (tmp_path / "b.txt").write_bytes(VB.read_bytes() + VB.read_bytes())
    assert main(["audit", str(tmp_path), "--format", "json"]) == 2
    out, err = capsys.readouterr()
    assert '"error": ' in out and "b.txt: filen innehåller mer än en rapport" in err


def _without(text: str, pattern: str) -> str:
    return re.sub(pattern, "", text, flags=re.M)


@pytest.mark.parametrize("first,second,reason", [
    (VB, T1, "title"),                       # title block of the second report
    (T1, VB, "title"),
    (FIXTURES / "quirk_unit_report.txt", FIXTURES / "quirk_unit_report.txt", "goal-section"),
])
def test_each_sign_of_a_second_report(first, second, reason):
    text = first.read_text(encoding="utf-8") + second.read_text(encoding="utf-8")
    start = second_report_start(text)
    assert start is not None and start.reason == reason
    assert start.line > len(first.read_text(encoding="utf-8").splitlines())


def test_numbering_that_starts_over_is_a_second_report():
    a = _without(VB.read_text(encoding="utf-8"), r"^(Uppföljning av Kommunfullmäktiges inriktningsmål|"
                                                  r"Verksamhetsberättelse 2020)\s*$")
    b = _without(T1.read_text(encoding="utf-8"), r"^(Uppföljning av Kommunfullmäktiges inriktningsmål|"
                                                  r"Tertialrapport 1 2025)\s*$")
    start = second_report_start(a + b)
    assert start is not None and start.reason == "numbering"
    assert start.text.startswith("KF:s inriktningsmål: 1.")


def test_a_table_of_contents_and_page_furniture_are_not_a_second_report():
    text = ("Socialnämnden\nTertialrapport Tertial 2 2020 för\n"
            "Uppföljning av Kommunfullmäktiges inriktningsmål .......... 6\n"
            "Uppföljning av Kommunfullmäktiges inriktningsmål\n"
            "KF:s inriktningsmål:\n1. Ett Stockholm som håller samman\n"
            "Socialnämnden, Tertialrapport 41(102)\n"
            "KF:s mål för verksamhetsområdet: 1.1 Alla har arbete\n"
            "KF:s inriktningsmål: 2. Ett klimatsmart Stockholm\n"
            "I tertialrapport 1 2020 redovisades en prognos.\n")
    assert second_report_start(text) is None


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.txt")) + sorted(CORPUS.glob("*.txt")),
                         ids=lambda p: p.name)
def test_no_single_report_is_taken_for_two(path):
    from auditor.input.reader import read_text
    assert second_report_start(read_text(path)) is None
