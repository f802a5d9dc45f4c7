"""The README true to the letter: every message its error tables and error paragraphs quote is the message
auditor prints. A placeholder in the README (``…``, ``N``, ``ID``, ``KEY``, ``RULE``, ``FINGERPRINT``,
``Typ: text``, a sample path or line) stands for what varies; everything else must match exactly."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from auditor.commands.cli import main

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures"
README = (ROOT / "README.md").read_text(encoding="utf-8")
VB = FIXTURES / "example_vb.txt"

PLACEHOLDERS = [("…", ".+?"), ("FINGERPRINT", "[0-9a-f]{16}"), ("Typ: text", r"\w+: .+?"),
                ("/no/such/dir", r"\S+"), ("afile", r"\S+"), ("'2025-13-45'", "'.+?'"), ("rad 55", r"rad \d+"),
                ("RULE", r"[A-Z-]+"), ("KEY", r"[\w-]+"), ("ID", r"[\w,-]+"), ("'x'", "'.+?'"), ("rad N", r"rad \d+"),
                ("line N", r"line \d+"), ("FUNKTION", r"\w+")]


def pattern(quoted: str) -> re.Pattern:
    text = re.escape(quoted)
    for placeholder, regex in PLACEHOLDERS:
        text = text.replace(re.escape(placeholder), regex)
    return re.compile(rf"auditor: (?:.+?: )?{text}")


def _pdf(tmp, kind: str) -> Path:
    from fpdf import FPDF
    pdf = FPDF()
    if kind == "encrypted":
        pdf.set_encryption(owner_password="ägare", user_password="hemligt")
    pdf.add_page()
    if kind == "scanned":
        pdf.rect(20, 20, 100, 60, style="F")
    else:
        pdf.set_font("Courier", size=8)
        pdf.cell(0, 4, "Nämndmål: Ett mål")
    path = tmp / f"{kind}.pdf"
    pdf.output(str(path))
    return path


def _write(tmp: Path, name: str, data: bytes) -> Path:
    (tmp / name).write_bytes(data)
    return tmp / name


def _setup(case: str, tmp: Path, monkeypatch) -> list[str]:
    """The command line that makes auditor print the message quoted for ``case``."""
    report = FIXTURES / "quirk_sections.txt"
    text = report.read_text(encoding="utf-8")
    if case == "missing":
        return ["audit", str(tmp / "saknas.txt")]
    if case == "missing-name":
        return ["audit", str(tmp / "saknas")]
    if case == "folder-empty":
        (tmp / "tom").mkdir()
        return ["audit", str(tmp / "tom")]
    if case == "empty":
        return ["audit", str(_write(tmp, "tom.txt", b"  \n"))]
    if case == "zip":
        return ["audit", str(_write(tmp, "rapport.txt", b"PK\x03\x04" + b"\x00" * 40))]
    if case in ("scanned", "encrypted"):
        return ["audit", str(_pdf(tmp, case))]
    if case == "damaged":
        return ["audit", str(_write(tmp, "trasig.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 20))]
    if case == "mojibake":
        return ["audit", str(_write(tmp, "m.txt", text.encode("utf-8").decode("latin-1").encode("utf-8")))]
    if case == "dos":
        plain = (FIXTURES / "quirk_label_own_line.txt").read_text(encoding="utf-8").replace("–", "-")
        return ["audit", str(_write(tmp, "dos.txt", plain.encode("cp437")))]
    if case == "unknown-encoding":
        return ["audit", str(_write(tmp, "o.txt", text.encode("cp1252") + b"\x81\x8d\x8f\x90\x9d"))]
    if case == "two-reports":
        return ["audit", str(_write(tmp, "two.txt", VB.read_bytes() + (FIXTURES / "example_t1.txt").read_bytes()))]
    if case == "not-report":
        return ["audit", str(_write(tmp, "p.txt", "Protokoll från sammanträdet.\nParagraf 1.\n".encode()))]
    if case == "cut-mid-character":
        data = VB.read_bytes()
        return ["audit", str(_write(tmp, "cut.txt", data[:data.rfind("ö".encode()) + 1]))]
    if case == "truncated":
        return ["audit", str(FIXTURES / "quirk_truncated.txt")]
    if case == "jobs":
        return ["audit", str(VB), "--jobs", "0"]
    if case == "html-batch":
        return ["audit", str(VB), str(report), "--format", "html"]
    if case == "unknown-rule":
        return ["audit", str(VB), "--select", "NOPE"]
    if case == "config-missing":
        return ["audit", str(VB), "--config", str(tmp / "saknas.toml")]
    if case == "config-key":
        (tmp / "auditor.toml").write_text('fail-on = "sometimes"\n', encoding="utf-8")
        return ["audit", str(VB), "--config", str(tmp / "auditor.toml")]
    if case == "config-param":
        (tmp / "auditor.toml").write_text('[rules.GOAL-NO-ANALYSIS]\nx = 1\n', encoding="utf-8")
        return ["audit", str(VB), "--config", str(tmp / "auditor.toml")]
    if case == "rules-missing":
        return ["audit", str(VB), "--rules", str(tmp / "saknas")]
    if case == "rules-broken":
        (tmp / "regler").mkdir()
        (tmp / "regler" / "trasig.py").write_text("ID = (\n", encoding="utf-8")
        return ["audit", str(VB), "--rules", str(tmp / "regler")]
    if case == "name-too-long":
        return ["compare", "n" * 300 + ".json", str(VB)]
    if case == "internal-file":
        def boom(path, **_):
            raise RuntimeError("ett fel")
        monkeypatch.setattr("auditor.workflow.audit.parse_file", boom)
        return ["audit", str(VB)]
    if case == "internal":
        def boom(*args, **kwargs):
            raise RuntimeError("ett fel")
        monkeypatch.setattr("auditor.commands.audit.build_config", boom)
        return ["audit", str(VB)]
    if case == "interrupted":
        def interrupt(*args, **kwargs):
            raise KeyboardInterrupt
        # the terminal format to a file reads the batch twice (audit_stream); to a terminal, whole (audit_paths)
        monkeypatch.setattr("auditor.commands.audit.audit_paths", interrupt)
        monkeypatch.setattr("auditor.commands.audit.audit_stream", interrupt)
        return ["audit", str(VB), "--output", str(tmp / "ut.json")]
    if case == "table-without-csv":
        return ["audit", str(VB), "--format", "json", "--table", "indicators"]
    if case == "input-is-output":
        (tmp / "rapport.txt").write_bytes(VB.read_bytes())
        return ["audit", str(tmp / "rapport.txt"), "--format", "md", "--output", str(tmp / "rapport.txt")]
    if case == "output-socket":
        import socket
        with socket.socket(socket.AF_UNIX) as s:
            s.bind(str(tmp / "uttag"))
        return ["audit", str(VB), "--format", "json", "--output", str(tmp / "uttag")]
    if case == "output-is-folder":
        return ["audit", str(VB), "--format", "json", "--output", str(tmp)]
    if case == "html-to-file":
        return ["audit", str(VB), "--format", "html", "--output", str(VB)]
    if case == "below-a-file":
        return ["audit", str(VB), "--output", str(VB / "ut.md")]
    if case == "no-permission":        # (root may write anywhere: the check is what is tested)
        monkeypatch.setattr("auditor.files.destination.os.access", lambda *args, **kwargs: False)
        return ["audit", str(VB), "--output", str(tmp / "ut.md")]
    if case == "review-missing":
        return ["audit", str(VB), "--review", str(tmp / "saknas.yaml")]
    if case == "baseline-missing":
        return ["audit", str(VB), "--baseline", str(tmp / "saknas.json")]
    if case == "review-malformed":
        (tmp / "r.yaml").write_text("decisions:\n  0123456789abcdef: {decision: avfärdad, by: A, date: '2025-01-01'}\n",
                                    encoding="utf-8")
        return ["audit", str(VB), "--review", str(tmp / "r.yaml")]
    if case == "review-date":
        return ["review", "0123456789abcdef", "--dismiss", "--reason", "r", "--by", "b", "--date", "2025-13-45",
                "--file", str(tmp / "r.yaml")]
    if case in ("baseline-malformed", "baseline-other", "baseline-json"):
        content = {"baseline-malformed": '{"schema": "auditor.baseline/1", "findings": [{"rule": "X", "source": "a.txt"}]}',
                   "baseline-other": '{"schema": "auditor.report/1"}', "baseline-json": "{bad"}[case]
        (tmp / "b.json").write_text(content, encoding="utf-8")
        return ["audit", str(VB), "--baseline", str(tmp / "b.json")]
    if case == "rule-typo":
        (tmp / "egna").mkdir()
        (tmp / "egna" / "stavfel.py").write_text(
            "from auditor.engine.dsl import AS, Indicator, Rule\n"
            "ID = 'LOCAL-TYPO'\nSEVERITY = 'warning'\nTITLE = {'sv': 'S', 'en': 'T'}\nMESSAGE = {'sv': 'S', 'en': 'T'}\n"
            "@Rule(AS.ind << Indicator(mett=False))\ndef ej_uppnadd(engine, ind):\n    engine.flag(ID, ind)\n",
            encoding="utf-8")
        return ["audit", str(VB), "--rules", str(tmp / "egna")]
    raise AssertionError(case)


# (case, the Swedish message as the README quotes it, the English one where the README quotes it)
CASES = [
    ("missing", "filen finns inte", "file not found"),
    ("missing-name", "filen eller mappen finns inte", "no such file or folder"),
    ("folder-empty", "mappen innehåller inga rapporter (.txt eller .pdf)", "the folder contains no reports (.txt or .pdf)"),
    ("empty", "filen är tom", "the file is empty"),
    ("zip", "är en Word-, Excel- eller zip-fil, inte text eller PDF; spara rapporten som PDF eller text",
     "is a Word, Excel or zip file, not text or PDF; save the report as PDF or text"),
    ("scanned", "PDF-filen saknar textlager (inskannad?); kör OCR eller exportera texten",
     "the PDF has no text layer (scanned?); run OCR or export the text"),
    ("encrypted", "PDF-filen är krypterad (lösenordsskyddad); spara en kopia utan lösenord",
     "the PDF is encrypted (password protected); save a copy without a password"),
    ("damaged", "PDF-filen är skadad och kan inte läsas (…)", "the PDF is damaged and cannot be read (…)"),
    ("mojibake", "fel teckenkodning ('Ã¤' i stället för 'ä': …); spara filen som UTF-8 från originalet",
     "wrong text encoding ('Ã¤' instead of 'ä': …); save the file as UTF-8 from the original"),
    ("dos", "fel teckenkodning (å, ä, ö blir tecken som „ † ” mitt i ord: …); spara filen som UTF-8",
     "wrong text encoding (å, ä, ö come out as „ † ” inside words: …); save the file as UTF-8"),
    ("unknown-encoding", "okänd teckenkodning (varken UTF-8 eller Windows-1252); spara filen som UTF-8",
     "unknown text encoding (neither UTF-8 nor Windows-1252); save the file as UTF-8"),
    ("two-reports", "filen innehåller mer än en rapport (en ny rapport börjar på rad N: '…'); dela upp den i en "
                    "fil per rapport",
     "the file holds more than one report (another report starts on line N: '…'); split it into one file per report"),
    ("not-report", "ser inte ut som en uppföljningsrapport från ILS-webb (inga målrubriker som 'KF:s mål för "
                   "verksamhetsområdet:' eller 'Nämndmål:')", "does not look like an ILS-webb follow-up report (…)"),
    ("cut-mid-character", "filen slutar mitt i ett tecken (de sista byten saknas): rapporten är avklippt", None),
    ("truncated", "granskningen är ofullständig (rad 55: texten slutar mitt i ett måls tabell: rapporten ser avklippt ut)", None),
    ("jobs", "--jobs måste vara minst 1", None),
    ("html-batch", "--format html för flera rapporter kräver --output MAPP", None),
    ("unknown-rule", "okänd regel i --select: ID (se `auditor rules`)", None),
    ("config-missing", "konfigurationsfilen finns inte", None),
    ("config-key", "[tool.auditor] KEY: …", None),
    ("config-param", "RULE har ingen parameter 'x' (finns: …)", None),
    ("rules-missing", "regelkatalogen finns inte", None),
    ("rules-broken", "regelmodulen kan inte läsas: …", None),
    ("name-too-long", "PATH: kan inte öppnas (namnet är för långt för filsystemet)",
     "cannot be opened (the name is too long for the file system)"),
    ("internal-file", "PATH: internt fel vid granskningen (Typ: text); rapportera gärna felet", None),
    ("internal", "internt fel (Typ: text); rapportera gärna felet (AUDITOR_DEBUG=1 visar var)", None),
    ("interrupted", "auditor: avbrutet (Ctrl-C); ingen utdata skrevs", None),
    ("input-is-output", "är också kommandots utdata; välj en annan utdatafil", None),
    ("table-without-csv", "--table väljer tabell för --format csv till en fil eller standard ut; de andra formaten "
                          "har ingen tabell att välja", None),
    ("output-socket", "är en socket; utdata skrivs bara till en fil, en teckenenhet (som /dev/null), en FIFO eller -",
     None),
    ("output-is-folder", "är en mapp; --output ska vara ett filnamn här", None),
    ("html-to-file", "är en fil; --format html skriver flera filer i en mapp (ange --output MAPP)", None),
    ("below-a-file", "afile är en fil, inte en mapp", None),
    ("no-permission", "saknar skrivbehörighet", None),
    ("review-missing", "granskningsfilen finns inte", None),
    ("baseline-missing", "baslinjen finns inte", None),
    ("review-malformed", "beslutet för FINGERPRINT: fältet reason saknas", None),
    ("review-date", "--date: '2025-13-45' är inget datum; skriv ÅÅÅÅ-MM-DD, till exempel 2025-05-12", None),
    ("baseline-malformed", "en baslinje är felaktig: findings[0].fingerprint: fältet saknas",
     "a baseline is malformed: findings[0].fingerprint: the field is missing"),
    ("baseline-other", "är inte en baslinje (auditor.baseline/1)", None),
    ("baseline-json", "är inte giltig JSON (rad 1, kolumn 2)", None),
    ("rule-typo", "regeln ID (FUNKTION) matchar Indicator(mett=…), men Indicator har inget fält 'mett'; menade du 'met'?",
     None),
]


def _readme_has(quoted: str) -> bool:
    flat = " ".join(README.split())
    return " ".join(quoted.split()) in flat


@pytest.mark.parametrize("case,sv,en", CASES, ids=[c for c, _, _ in CASES])
def test_the_readme_quotes_the_printed_message(case, sv, en, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("AUDITOR_DEBUG", raising=False)
    assert _readme_has(sv), f"the README no longer quotes {sv!r}"
    quoted = " ".join(sv.split()).replace("PATH: ", "")
    if quoted.startswith("auditor: "):
        quoted = quoted[len("auditor: "):]
    for lang, text in (("sv", quoted), ("en", en)):
        if text is None:
            continue
        if lang == "en":
            assert _readme_has(text), f"the README no longer quotes {text!r}"
        place = tmp_path / lang
        place.mkdir()
        monkeypatch.chdir(place)
        code = main(["--lang", lang] + _setup(case, place, monkeypatch))
        err = capsys.readouterr().err
        assert code in (2, 130), (case, code, err)
        lines = [line for line in err.splitlines() if line.startswith("auditor: ")]
        # a diagnostic is quoted alone and printed inside "granskningen är ofullständig (rad N: …)"
        match = pattern(text).fullmatch if case != "cut-mid-character" else re.compile(re.escape(text)).search
        assert any(match(line) for line in lines), (case, text, err)


def _table_messages(heading: str, column: int) -> list[str]:
    section = README.split(heading, 1)[1].split("\n### ", 1)[0]
    out = []
    for row in section.splitlines():
        cells = [c.strip() for c in row.strip().strip("|").split(" | ")]
        if row.startswith("| ") and len(cells) > column and not set(cells[column]) <= set("- "):
            out += [span.strip() for _, span in re.findall(r"(`+)(.+?)\1", cells[column])]
    return out


def test_every_message_in_the_error_tables_has_a_case():
    quoted = {" ".join(sv.split()).replace("PATH: ", "") for _, sv, _ in CASES}
    quoted |= {en for _, _, en in CASES if en}
    quoted |= {"PDF-filen är skadad (ingen sida gick att läsa)", "the PDF is damaged (no page could be read)",
               "auditor: error text"}                       # covered by parser/test_bad_input.py, cli/test_cli_lang.py
    listed = (_table_messages("### What is refused, and why", 1) + _table_messages("### What is refused, and why", 2)
              + _table_messages("### Other errors (exit code 2)", 1))
    listed = [m for m in listed if m not in ("cat a.txt b.txt", "--lang sv", "--lang en")]
    assert listed
    missing = [m for m in listed if m not in quoted and m.replace("PATH: ", "") not in quoted]
    assert not missing
