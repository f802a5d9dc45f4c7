"""Fuzzing with hypothesis: the parser, the whole audit and every text renderer never raise.

Four kinds of input, 10 400 cases in all (see ``EXAMPLES``):

- arbitrary text, and text assembled from the report's own vocabulary (labels, markers, table headers,
  value lines, dates, page furniture) so that the state machine is driven into unusual states;
- mutated real reports (where every line must also still be accounted for): a window of a corpus report (``../shared/corpus``, when present), of a fixture
  (``fixtures/*.txt``) or of a synthetic report, with lines deleted, duplicated, shuffled inside a small
  window, labels misspelled, cells blanked, numbers garbled, stray text inserted and the end cut off;
- arbitrary bytes written to a file and audited through ``audit_file`` (a clean ``error`` or an audit,
  never an exception) and through the command line (exit code 0, 1 or 2 and no traceback).

The run is reproducible: ``derandomize=True`` and no example database, so CI sees the same cases every
time. Windows keep each case small (tens to a few hundred lines) so that the whole marked run takes
about two minutes on two cores. Run only this with ``python -m pytest -m fuzz``.
"""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditor.workflow.audit import audit_file, audit_report_model
from auditor.findings import AuditResult
from auditor.parser import parse_text
from auditor.render import get_renderer

from conftest import CORPUS, ROOT
from synthetic import synthetic_report
from ..parser.test_line_accounting import check_accounting

pytestmark = pytest.mark.fuzz

EXAMPLES = {"parse_text": 3000, "audit_text": 1200, "mutated": 4000, "bytes_file": 2000, "bytes_cli": 200}

SETTINGS = dict(deadline=None, derandomize=True, database=None, print_blob=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.large_base_example, HealthCheck.filter_too_much])

FORMATS = ("json", "md", "terminal", "html", "sarif", "junit")


def _sources() -> list[tuple[str, list[str]]]:
    """Texts to mutate: the corpus when present, the fixtures when present, and always two synthetic reports."""
    out = []
    if (CORPUS / "gold").is_dir():
        out += [(p.name, p.read_text(encoding="utf-8").splitlines()) for p in sorted(CORPUS.glob("*.txt"))]
    for p in sorted((ROOT / "fixtures").glob("*.txt")):
        from auditor.input.reader import read_text
        out.append((p.name, read_text(p).splitlines()))
    out += [(f"synthetic-{seed}", synthetic_report(seed).splitlines()) for seed in (1, 2)]
    return out


SOURCES = _sources()

# The report's vocabulary: what the parser looks for, in the shapes the extraction leaves.
VOCABULARY = [
    "KF:s inriktningsmål:", "KF:s inriktningsmål: 1. En stad för alla", "KF:s mål för verksamhetsområdet:",
    "KF:s mål för", "verksamhetsområdet:", "KF:s mål för verksamhetsområdet: 1.2 Barn växer upp tryggt",
    "Nämndmål:", "Nämndmål: 1.1.1 Alla har en meningsfull fritid", "Enhetsmål:", "Nämnd", "mål:",
    " Uppfylls helt", " Uppfylls delvis", " Uppfylls inte", " Ingen", "Uppfylls ej",
    "Analys", "Beskrivning", "Förväntat resultat", "Jämställdhetsanalys",
    " Indikator Periodens ", "utfall", "Utfall ", "män/ ", "pojkar", "kvinn", "or/ ", "flicko", "r",
    "Utfall VB ", "2024", "Prognos ", "helår Årsmål KF:s ", "årsmål Period", "Perio", "dens ",
    " Aktivitet Startdatum Slutdatum Avvikelse", "Aktivitet Startdatum Slutdatum",
    "2025-01-01 2025-12-31", "2025-01-01 2025-12-31 Avvikelse", "Text 2024-02-30 2024-13-01",
    "37,43 %   40,34 %  42 %  Tertial ", "1 2025", "VB 2020", "Tas ", "fram av ", "nämnd", "Tas fram av nämnd/styrelse",
    "1 053 995 956", "3,23", "%", "- 12 %", "−4,5 kr", "+/- 0", "Öka", "Minska", "Max 3 dagar",
    "Sid 3 (12)", "Sid", "Tertialrapport 1 2025", "Verksamhetsberättelse 2020", "Tel. 08-508 00 000",
    "Uppföljning av ekonomi", "Ekonomisk uppföljning", "Sammanfattande analys",
    "Av målen för verksamhetsområdena bedöms 14 uppnås helt och 2 delvis.",
    "Förvaltningen bedömer att målet uppfylls delvis.", "fyra av fem indikatorer uppnås",
    "Andel elever som känner sig trygga", "Antal personer i arbete", "1.", "1.2.3.4.5.6", "", " ", "\t",
]

numbers = st.builds(lambda a, b, u: f"{a},{b} {u}".strip(), st.integers(-10**7, 10**7), st.integers(0, 99),
                    st.sampled_from(["", "%", "st", "kr", "dagar", "procent"]))
vocab_lines = st.lists(st.one_of(st.sampled_from(VOCABULARY), numbers, st.text(max_size=30)), max_size=80)
any_text = st.one_of(st.text(max_size=400), vocab_lines.map("\n".join), vocab_lines.map("\r\n".join))


def _render_all(audit) -> None:
    """Every text renderer on the audit; machine formats must also parse back."""
    result = AuditResult(reports=[audit])
    for fmt in FORMATS:
        out = get_renderer(fmt)(result, {"lang": "sv", "fail_on": "error"})
        assert isinstance(out, str)
        if fmt in ("json", "sarif"):
            json.loads(out)
        elif fmt == "junit":
            ET.fromstring(out.encode("utf-8"))


def _audit_all(text: str) -> None:
    report = parse_text(text, "fuzz.txt")
    assert report.line_count >= 0
    _render_all(audit_report_model(report))


@settings(max_examples=EXAMPLES["parse_text"], **SETTINGS)
@given(any_text)
def test_parser_never_raises_on_arbitrary_text(text):
    report = parse_text(text, "fuzz.txt")
    for goal in report.goals:        # the model stays consistent: parents exist and come first
        assert goal.parent is None or goal.parent in {g.id for g in report.goals}


@settings(max_examples=EXAMPLES["audit_text"], **SETTINGS)
@given(any_text)
def test_audit_and_renderers_never_raise_on_arbitrary_text(text):
    _audit_all(text)


# ----------------------------------------------------------------------------------------- mutations
LABEL_WORDS = re.compile(r"(inriktningsmål|verksamhetsområdet|Nämndmål|Enhetsmål|Uppfylls|Analys|Indikator|"
                         r"Aktivitet|Startdatum|Slutdatum|Avvikelse|Periodens|Prognos|Årsmål|helt|delvis|inte)")
NUMBER = re.compile(r"\d[\d ,]*")


def _misspell(line: str, k: int) -> str:
    m = LABEL_WORDS.search(line)
    if not m:
        return line
    word = m.group(0)
    pos = k % len(word)
    typo = word[:pos] + word[pos + 1:] if k % 3 == 0 else word[:pos] + "x" + word[pos:] if k % 3 == 1 else word.upper()
    return line[:m.start()] + typo + line[m.end():]


def _blank_cell(line: str, k: int) -> str:
    cells = line.split(" ")
    if len(cells) < 2:
        return ""
    del cells[k % len(cells)]
    return " ".join(cells)


def _garble(line: str, k: int, junk: str) -> str:
    m = NUMBER.search(line)
    if not m:
        return line + junk
    return line[:m.start()] + (junk or str(k)) + line[m.end():]


OPS = ("delete", "duplicate", "shuffle", "misspell", "blank", "garble", "insert", "cut")
mutation = st.tuples(st.sampled_from(OPS), st.integers(0, 10**6), st.integers(0, 10**6),
                     st.text(alphabet=st.characters(codec="utf-8"), max_size=12))


def mutate(lines: list[str], ops) -> list[str]:
    lines = list(lines)
    for op, a, b, junk in ops:
        if not lines:
            break
        i = a % len(lines)
        if op == "delete":
            del lines[i:i + 1 + b % 3]
        elif op == "duplicate":
            lines[i:i] = lines[i:i + 1 + b % 4]
        elif op == "shuffle":
            window = lines[i:i + 2 + b % 7]
            lines[i:i + len(window)] = window[b % len(window):] + window[:b % len(window)][::-1]
        elif op == "misspell":
            hits = [j for j in range(len(lines)) if LABEL_WORDS.search(lines[j])]
            if hits:
                j = hits[a % len(hits)]
                lines[j] = _misspell(lines[j], b)
        elif op == "blank":
            lines[i] = _blank_cell(lines[i], b)
        elif op == "garble":
            hits = [j for j in range(len(lines)) if NUMBER.search(lines[j])]
            j = hits[a % len(hits)] if hits else i
            lines[j] = _garble(lines[j], b, junk)
        elif op == "insert":
            lines.insert(i, junk)
        elif op == "cut":
            del lines[max(1, i):]
    return lines


@st.composite
def mutated_report(draw):
    name, lines = draw(st.sampled_from(SOURCES))
    size = draw(st.integers(20, 250))
    start = draw(st.integers(0, max(0, len(lines) - size)))
    window = lines[start:start + size]
    ops = draw(st.lists(mutation, min_size=1, max_size=8))
    return name, "\n".join(mutate(window, ops)) + draw(st.sampled_from(["\n", "", "\r\n"]))


@settings(max_examples=EXAMPLES["mutated"], **SETTINGS)
@given(mutated_report())
def test_audit_never_raises_on_mutated_reports(case):
    _name, text = case
    _audit_all(text)
    check_accounting(text)       # and nothing is lost, however the report was mangled


def test_mutations_are_built_from_real_text():
    """The mutated cases start from report text: the corpus when present, else fixtures and synthetic reports."""
    names = [name for name, _ in SOURCES]
    assert any(n.startswith("synthetic") for n in names)
    if (CORPUS / "gold").is_dir():
        assert sum(1 for n in names if n[:3].isdigit()) >= 4
    report = parse_text("\n".join(SOURCES[0][1]))
    assert report.goals, "the first mutation source must parse into goals"


# ----------------------------------------------------------------------------------------- bytes as files
def _bytes_like_files():
    pdfish = st.binary(max_size=300).map(lambda b: b"%PDF-1.4\n" + b)
    bommed = st.binary(max_size=300).map(lambda b: b"\xef\xbb\xbf" + b)
    texty = vocab_lines.map(lambda ls: "\n".join(ls).encode(
        "cp1252", errors="replace"))
    return st.one_of(st.binary(max_size=2000), pdfish, bommed, texty)


@pytest.fixture(scope="module")
def fuzz_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("fuzz")


@settings(max_examples=EXAMPLES["bytes_file"], **SETTINGS)
@given(data=_bytes_like_files(), suffix=st.sampled_from([".txt", ".pdf", ".docx", ""]))
def test_audit_file_gives_an_audit_or_a_clean_error_on_arbitrary_bytes(fuzz_dir, data, suffix):
    path = fuzz_dir / f"input{suffix}"
    path.write_bytes(data)
    audit = audit_file(path, strict=True)     # strict: an unexpected exception fails the test
    if audit.error is not None:
        assert audit.error.startswith(str(path)) and "\n" not in audit.error
        assert not audit.findings
    _render_all(audit)


@settings(max_examples=EXAMPLES["bytes_cli"], **SETTINGS)
@given(data=_bytes_like_files(), fmt=st.sampled_from(["json", "md", "terminal", "sarif"]))
def test_cli_never_shows_a_traceback_on_arbitrary_bytes(fuzz_dir, data, fmt):
    import contextlib
    import io

    from auditor.commands.cli import main
    path = fuzz_dir / "cli-input.txt"
    path.write_bytes(data)
    out, errbuf = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(errbuf):
        code = main(["audit", str(path), "--format", fmt, "--no-config"])
    err = errbuf.getvalue()
    assert code in (0, 1, 2)
    assert "Traceback" not in err and "internt fel" not in err
    if code == 2:    # our own lines (libraries' warnings aside) name the file, one line each
        lines = [line for line in err.splitlines() if line.startswith("auditor:")]
        assert lines and all(str(path) in line for line in lines), err
