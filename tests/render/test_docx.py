"""`--format docx`: a Word document per batch that python-docx (and LibreOffice, where installed) opens, with
the summary figures of the spreadsheet, each finding's evidence and decision, Swedish typography, and the
same bytes for the same input."""
from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from collections import Counter
from pathlib import Path

import pytest

from auditor.commands.cli import main

from conftest import ROOT

VB, T1 = ROOT / "fixtures" / "example_vb.txt", ROOT / "fixtures" / "example_t1.txt"


@pytest.fixture(scope="module")
def decided(tmp_path_factory):
    """Both example reports and a review file that dismisses one finding and confirms another."""
    import json
    folder = tmp_path_factory.mktemp("docx")
    review = folder / "review.yaml"
    out = folder / "findings.json"
    assert main(["audit", str(VB), str(T1), "--format", "json", "--output", str(out), "--no-config"]) == 1
    findings = json.loads(out.read_text(encoding="utf-8"))["reports"][0]["findings"]
    assert main(["review", findings[0]["fingerprint"], "--dismiss", "--reason", 'Nämnden "sänkte" målet',
                 "--by", "Anna Berg", "--date", "2025-05-12", "--file", str(review)]) == 0
    assert main(["review", findings[1]["fingerprint"], "--confirm", "--reason", "Stämmer", "--by", "Bo Ek",
                 "--date", "2025-05-13", "--file", str(review)]) == 0
    return folder, review, findings


def _docx(folder: Path, review: Path, name: str = "granskning.docx", *extra) -> Path:
    """The document of both reports with the decisions, written once per name."""
    path = folder / name
    if not path.exists():
        main(["audit", str(VB), str(T1), "--format", "docx", "--output", str(path), "--review", str(review),
              "--no-config", *extra])
    return path


def _xlsx(folder: Path, review: Path) -> Path:
    path = folder / "granskning.xlsx"
    main(["audit", str(VB), str(T1), "--format", "xlsx", "--output", str(path), "--review", str(review), "--no-config"])
    return path


def test_summary_tables_hold_the_figures_of_the_workbook(decided):
    import docx
    import openpyxl
    folder, review, _ = decided
    document = docx.Document(str(_docx(folder, review)))
    sheet = openpyxl.load_workbook(_xlsx(folder, review))["Fynd"]
    rows = list(sheet.iter_rows(values_only=True))
    head = rows[0]
    col = {name: head.index(name) for name in ("Källa", "Regel", "Allvarlighet", "Beslut")}
    expected: dict[str, dict[str, Counter]] = {}
    for row in rows[1:]:
        c = expected.setdefault(Path(row[col["Källa"]]).name, {}).setdefault(row[col["Regel"]], Counter())
        c["Totalt"] += 1
        if row[col["Beslut"]] == "avfärdad":
            c["Avfärdade"] += 1
        else:
            c[row[col["Allvarlighet"]]] += 1
        if row[col["Beslut"]] == "bekräftad":
            c["Bekräftade"] += 1
    assert len(document.tables) == 2
    sources = [p.text.split(": ", 1)[1] for p in document.paragraphs if p.text.startswith("Källa: ")]
    for table, source in zip(document.tables, sources):
        cells = [[c.text for c in row.cells] for row in table.rows]
        header = cells[0]
        assert header == ["Regel", "fel", "varning", "info", "Avfärdade", "Bekräftade", "Totalt"]
        got = {row[0]: Counter({h: int(v) for h, v in zip(header[1:], row[1:]) if v}) for row in cells[1:-1]}
        assert got == expected[Path(source).name]
        totals = sum(got.values(), Counter())
        assert cells[-1] == ["Totalt"] + [str(totals[h]) if totals[h] else "" for h in header[1:]]


def test_each_finding_has_evidence_and_decision(decided):
    import docx
    folder, review, findings = decided
    text = "\n".join(p.text for p in docx.Document(str(_docx(folder, review))).paragraphs)
    assert "Beslut: avfärdad av Anna Berg, 2025-05-12: Nämnden ”sänkte” målet" in text
    assert "Beslut: bekräftad av Bo Ek, 2025-05-13: Stämmer" in text
    for f in findings:
        assert f"Fingeravtryck: {f['fingerprint']}" in text
    styles = [p.style.name for p in docx.Document(str(_docx(folder, review))).paragraphs]
    assert styles.count("Heading 1") == 2 and "List Bullet" in styles and styles[0] == "Title"


def test_swedish_typography_and_language(decided):
    import docx
    folder, review, _ = decided
    path = _docx(folder, review)
    document = docx.Document(str(path))
    body = [p.text for p in document.paragraphs] + [c.text for t in document.tables for r in t.rows for c in r.cells]
    assert not [t for t in body if '"' in t]
    assert any("”" in t for t in body)
    assert not [t for t in body if re.search(r"\d (%|st\b|GWh)", t)]        # "46 %" cannot break at its space
    assert any(re.search("\\d\u00a0%", t) for t in body)
    assert document.core_properties.language == "sv-SE"
    with zipfile.ZipFile(path) as z:
        assert 'w:val="sv-SE"' in z.read("word/styles.xml").decode("utf-8")
    english = docx.Document(str(_docx(folder, review, "en.docx", "--lang", "en")))
    assert english.paragraphs[0].text == "Audit of goal follow-up reports"
    assert english.core_properties.language == "en-GB"
    assert any("“" in p.text for p in english.paragraphs)


def test_same_input_same_bytes(decided, tmp_path):
    folder, review, _ = decided
    first = _docx(folder, review, "a.docx").read_bytes()
    second = _docx(folder, review, "b.docx").read_bytes()
    assert first == second


def test_docx_to_a_terminal_is_refused(monkeypatch, capsys):
    import sys
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert main(["audit", str(VB), "--format", "docx"]) == 2
    assert "--format docx" in capsys.readouterr().err


@pytest.mark.slow
def test_libreoffice_converts_it(decided, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    folder, review, _ = decided
    path = _docx(folder, review)
    profile = tmp_path / "profile"
    proc = subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                           "--outdir", str(tmp_path), str(path)], capture_output=True, text=True, timeout=240)
    pdf = tmp_path / (path.stem + ".pdf")
    assert proc.returncode == 0 and pdf.is_file(), proc.stderr
    from auditor.input.pdf_geometry.words import read_pages
    words = {w.text for page in read_pages(pdf.read_bytes()) for w in page.words}
    assert {"Sammanställning", "GOAL-FULL-UNMET-IND", "Totalt"} <= words
