"""Bad input (issue 5): each case gets one clear line naming the file, in Swedish by default and English with
--lang en, and exit code 2 from ``auditor parse`` -- never a traceback. A report that is merely cut short is
partial input, not bad input: it is parsed (exit 0) with diagnostics.
"""
from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from auditor.commands.cli import main
from auditor.words.errors import InputError
from auditor.input.reader import decode_text, looks_like_report, read_text
from fixture_compare import FIXTURES, decode_fixture, fixture_names
from pdf_util import pdf_safe, text_to_pdf, unicode_font

PROSE = ("Protokoll från styrelsemötet\n\nNärvarande: sju ledamöter.\n\n1. Mötet öppnades.\n"
         "2. Föregående protokoll lades till handlingarna.\n3. Ekonomin är god och budgeten hålls.\n")


def run_parse(capsys, *args, lang=None):
    argv = (["--lang", lang] if lang else []) + ["parse", *map(str, args), "--format", "json"]
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def assert_refused(capsys, path, sv, en):
    code, out, err = run_parse(capsys, path)
    assert code == 2
    assert err.count("\n") == 1 and "Traceback" not in err, err
    assert err.startswith(f"auditor: {path}: ") and sv in err, err
    code, out, err = run_parse(capsys, path, lang="en")
    assert code == 2 and err.startswith(f"auditor: {path}: ") and en in err, err


# ------------------------------------------------------------------------------------------------ the cases

def test_missing_file(capsys, tmp_path):
    assert_refused(capsys, tmp_path / "saknas.txt", "filen finns inte", "file not found")
    assert_refused(capsys, tmp_path / "saknad-mapp", "filen eller mappen finns inte", "no such file or folder")


def test_a_name_too_long_for_any_file_system_is_missing(capsys, tmp_path):
    """Python 3.11's Path.is_dir raises on it; the input is refused in one line like any missing path, by
    parse, audit (which first looks for a review file beside it) and review serve."""
    name = tmp_path / ("r" * 300)
    assert_refused(capsys, name, "filen eller mappen finns inte", "no such file or folder")
    for argv in (["audit", str(name)], ["review", "serve", "--read-only", str(name)]):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "filen eller mappen finns inte" in err and "internt fel" not in err, err


def test_folder_without_reports(capsys, tmp_path):
    folder = tmp_path / "inkorg"
    folder.mkdir()
    (folder / "budget.xlsx").write_bytes(b"PK\x03\x04 not really")
    (folder / "anteckningar.docx").write_bytes(b"PK\x03\x04")
    assert_refused(capsys, folder, "mappen innehåller inga rapporter", "contains no reports")


def test_folder_with_reports_is_expanded(capsys, tmp_path):
    for name in ("quirk_label_inline", "quirk_sections"):
        (tmp_path / f"{name}.txt").write_bytes((FIXTURES / f"{name}.txt").read_bytes())
    (tmp_path / "bilaga.xlsx").write_bytes(b"PK\x03\x04")
    code, out, err = run_parse(capsys, tmp_path)
    assert code == 0, err
    assert [Path(d["source"]).name for d in json.loads(out)] == ["quirk_label_inline.txt", "quirk_sections.txt"]


@pytest.mark.parametrize("content", [b"", b"   \n\n \r\n"])
def test_empty_file(capsys, tmp_path, content):
    path = tmp_path / "tom.txt"
    path.write_bytes(content)
    assert_refused(capsys, path, "filen är tom", "the file is empty")


def test_binary_file_with_nul_bytes(capsys, tmp_path):
    path = tmp_path / "data.txt"
    path.write_bytes(bytes(range(256)) * 8)
    assert_refused(capsys, path, "binärfil", "binary file")


def test_word_file_saved_with_txt_suffix(capsys, tmp_path):
    path = tmp_path / "rapport.txt"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
    assert_refused(capsys, path, "Word-, Excel- eller zip-fil", "a Word, Excel or zip file")


def test_pdf_without_text_layer(capsys, tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 60, style="F")  # a "scan": graphics, no text
    path = tmp_path / "inskannad.pdf"
    pdf.output(str(path))
    assert_refused(capsys, path, "saknar textlager", "no text layer")


def test_encrypted_pdf(capsys, tmp_path):
    path = text_to_pdf(pdf_safe(decode_fixture("example_vb"), unicode_font()), tmp_path / "hemlig.pdf",
                       encrypt_password="hemligt")
    assert_refused(capsys, path, "krypterad", "encrypted")


@pytest.mark.parametrize("method", ["RC4", "AES_256"])
def test_pdf_protected_only_against_editing_is_read(capsys, tmp_path, method):
    from fpdf import FPDF
    from fpdf.enums import EncryptionMethod

    pdf = FPDF()
    pdf.set_encryption(owner_password="ägare", user_password="", encryption_method=EncryptionMethod[method])
    pdf.add_page()
    pdf.set_font("Courier", size=8)
    for y, line in enumerate(decode_fixture("quirk_sections").split("\n")[:40]):
        pdf.set_xy(10, 10 + 4 * y)
        pdf.cell(0, 4, pdf_safe(line, None) or " ")
    path = tmp_path / "skrivskyddad.pdf"
    pdf.output(str(path))
    assert "KF:s inriktningsmål: 1. Ett Lövsjö med god omsorg" in read_text(path)


@pytest.mark.parametrize("damage", ["truncated", "garbage"])
def test_damaged_pdf(capsys, tmp_path, damage):
    good = text_to_pdf(pdf_safe(decode_fixture("example_vb"), unicode_font()), tmp_path / "hel.pdf").read_bytes()
    data = good[:400] if damage == "truncated" else b"%PDF-1.7\n" + bytes(range(256)) * 20
    path = tmp_path / "trasig.pdf"
    path.write_bytes(data)
    assert_refused(capsys, path, "PDF-filen", "PDF")
    code, out, err = run_parse(capsys, path)
    assert "skadad" in err or "saknar textlager" in err, err


def test_utf8_read_as_latin1_is_wrong_encoding(capsys, tmp_path):
    path = tmp_path / "mojibake.txt"
    path.write_text(decode_fixture("quirk_label_inline").encode("utf-8").decode("latin-1"), encoding="utf-8")
    assert_refused(capsys, path, "fel teckenkodning", "wrong text encoding")


def test_dos_encoded_text_is_wrong_encoding(capsys, tmp_path):
    path = tmp_path / "dos.txt"
    path.write_bytes(decode_fixture("quirk_label_own_line").replace("–", "-").encode("cp437"))
    assert_refused(capsys, path, "fel teckenkodning", "wrong text encoding")


def test_bytes_that_are_neither_utf8_nor_cp1252(capsys, tmp_path):
    path = tmp_path / "okand.txt"
    path.write_bytes(decode_fixture("quirk_sections").encode("cp1252") + b"\x81\x8d\x8f\x90\x9d")
    assert_refused(capsys, path, "okänd teckenkodning", "unknown text encoding")


def test_text_that_is_not_a_report(capsys, tmp_path):
    path = tmp_path / "protokoll.txt"
    path.write_text(PROSE, encoding="utf-8")
    assert_refused(capsys, path, "ser inte ut som en uppföljningsrapport", "does not look like")


def test_report_cut_off_mid_table_is_partial_not_refused(capsys):
    code, out, err = run_parse(capsys, FIXTURES / "quirk_truncated.txt")
    assert code == 0, err
    doc = json.loads(out)
    assert [g["title"] for g in doc["goals"]][:1] == ["Ett Lövsjö där alla kan arbeta"]
    assert doc["complete"] is False, "a report cut off mid-table must say it is incomplete"
    assert doc["diagnostics"], "the cut must be listed as a diagnostic"


def test_one_bad_file_does_not_stop_the_batch(capsys, tmp_path):
    empty = tmp_path / "tom.txt"
    empty.write_bytes(b"")
    code, out, err = run_parse(capsys, FIXTURES / "quirk_sections.txt", empty, tmp_path / "saknas.pdf")
    assert code == 2
    assert Path(json.loads(out)["source"]).name == "quirk_sections.txt"
    assert err.splitlines() == [f"auditor: {empty}: filen är tom", f"auditor: {tmp_path / 'saknas.pdf'}: "
                                "filen finns inte"]


def test_message_stays_on_one_line_whatever_the_file_name(capsys, tmp_path):
    path = tmp_path / "rad\nbrytning\x1b[31m.txt"
    path.write_bytes(b"")
    code, out, err = run_parse(capsys, path)
    assert code == 2 and err.count("\n") == 1 and "\x1b" not in err


# ----------------------------------------------------------------------------------- reader building blocks

@pytest.mark.parametrize("name", fixture_names())
def test_every_fixture_looks_like_a_report(name):
    assert looks_like_report(decode_fixture(name))


def test_report_signal():
    assert looks_like_report("KF:s mål för\nverksamhetsområdet: 1.1 Titel")
    assert looks_like_report(" Nämndmål:\nTitel")
    assert looks_like_report("   Aktivitet Startdatum Slutdatum Avvikelse")
    assert not looks_like_report(PROSE)
    assert not looks_like_report("Nämndmålen diskuterades: inget beslut.")


def test_supported_encodings_decode_alike():
    text = decode_fixture("quirk_cp1252")
    assert decode_text(text.encode("cp1252"), "x") == text
    assert decode_text(b"\xef\xbb\xbf" + text.encode("utf-8"), "x") == text
    assert decode_text(text.encode("utf-16"), "x") == text  # Notepad's "Unicode" has a BOM
    with pytest.raises(InputError):
        decode_text("Å".encode("utf-16-le") * 10, "x")  # UTF-16 without BOM: NUL bytes, refused as binary


def test_encoded_fixtures_read_through_the_reader():
    assert read_text(FIXTURES / "quirk_cp1252.txt") == decode_fixture("quirk_cp1252")
    assert read_text(FIXTURES / "quirk_utf8_bom.txt") == decode_fixture("quirk_utf8_bom")
