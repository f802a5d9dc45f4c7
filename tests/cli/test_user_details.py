"""Small things a user sees: --help in one language, the parse table's wording, "no diagnostics", decimals in
English messages, our own words for a malformed review file, aligned `review --list`, the message for an
unknown rule id, and the weight of a plain install."""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from auditor.commands.cli import COMMANDS, build_parser, main
from auditor.words.help import SV

ROOT = Path(__file__).resolve().parents[2]
VB = ROOT / "fixtures" / "example_vb.txt"


# ----------------------------------------------------------------------------------------------- --help

def _parsers(parser):
    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                yield from _parsers(sub)


def _english_texts() -> list[str]:
    texts = []
    for parser in _parsers(build_parser("en")):
        if parser.description:
            texts.append(parser.description)
        for action in parser._actions:
            if action.help and action.help != argparse.SUPPRESS:
                texts.append(action.help)
            for choice in getattr(action, "_choices_actions", ()):
                texts.append(choice.help)
    return texts


def test_every_help_text_has_its_swedish():
    builtin = {"show this help message and exit", "show program's version number and exit",
               "language of messages and findings (default: sv); also accepted after the command"}
    missing = [t for t in _english_texts() if t not in SV and t not in builtin]
    assert not missing


def _help(capsys, argv) -> str:
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 0
    return capsys.readouterr().out


HELP_COMMANDS = [[]] + [[c.replace("_", "-")] for c in COMMANDS] + [["baseline", "create"], ["kf-targets", "learn"]]


@pytest.mark.parametrize("command", HELP_COMMANDS, ids=lambda c: " ".join(c) or "auditor")
def test_help_is_in_one_language(capsys, command):
    sv = _help(capsys, command + ["--help"])
    en = _help(capsys, ["--lang", "en"] + command + ["--help"])
    english = [t for t in _english_texts() if t not in SV.values()]
    flat_sv, flat_en = " ".join(sv.split()), " ".join(en.split())
    assert not [t for t in english if len(t) > 12 and " ".join(t.split()) in flat_sv]
    assert not [t for t in SV.values() if " ".join(t.split()) in flat_en]
    for out in (sv, en):
        assert "``" not in out and "Command line entry point" not in out      # no raw docstrings
    assert sv.startswith("användning: ") and en.startswith("usage: ")


# ----------------------------------------------------------------------------------------- parse table

def test_parse_table_wording(capsys):
    assert main(["parse", str(VB)]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "(2 med avvikelse)" in out and "1 aktivitet " in out and "2 indikatorer" in out
    assert "avvikelse)" not in out.replace("med avvikelse)", "")
    assert "Nämndmål Unga i Lövsjö" in out                  # no double space where a goal has no number
    assert main(["--lang", "en", "parse", str(VB)]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "(2 with deviation)" in out and "2 indicators" in out and "line 17" in out
    assert not re.search(r"\b(rad|ingen analys|indikatorer|avvikelse)\b", out)


def test_parse_table_uncertain_rows_singular_and_plural(capsys):
    assert main(["parse", str(ROOT / "fixtures" / "quirk_truncated.txt")]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "1 osäker rad" in out and "1 osäkra" not in out


def test_no_diagnostics_says_so(capsys):
    assert main(["parse", str(VB), "--diagnostics"]) == 0
    assert "Diagnostik: inga" in capsys.readouterr().out
    assert main(["--lang", "en", "parse", str(VB), "--diagnostics", "--format", "json"]) == 0
    assert capsys.readouterr().err == f"{VB}: no diagnostics (every line was placed)\n"


# ---------------------------------------------------------------------------------- English decimals

def test_english_messages_have_a_decimal_point(capsys):
    main(["--lang", "en", "audit", str(VB), "--format", "json", "--select", "IND-UNMET-NO-ANALYSIS"])
    messages = [f["message"] for f in json.loads(capsys.readouterr().out)["reports"][0]["findings"]]
    assert any("3.41 GWh vs 3.4 GWh" in m for m in messages)
    assert not any(re.search(r"\d,\d", m) for m in messages)
    main(["audit", str(VB), "--format", "json", "--select", "IND-UNMET-NO-ANALYSIS"])
    messages = [f["message"] for f in json.loads(capsys.readouterr().out)["reports"][0]["findings"]]
    assert any("3,41 GWh mot 3,4 GWh" in m for m in messages)


# ------------------------------------------------------------------------------------- review file

@pytest.mark.parametrize("entry,sv,en", [
    ("{decision: avfärdad, by: Anna, date: '2025-05-12'}", "fältet reason saknas", "the field reason is missing"),
    ("{decision: kanske, reason: r, by: Anna, date: '2025-05-12'}", "decision ska vara bekräftad eller avfärdad",
     "decision must be bekräftad or avfärdad"),
    ("{decision: avfärdad, reason: r, by: Anna, date: '2025-05-12', vem: x}", "okänt fält vem",
     "unknown field vem"),
    ("{decision: avfärdad, reason: r, by: Anna, date: '2025-05-12', line: tolv}", "line ska vara ett heltal",
     "line must be a whole number"),
    ("[1, 2]", "ska vara en mappning", "must be a mapping"),
])
def test_malformed_review_file_in_our_own_words(tmp_path, capsys, entry, sv, en):
    path = tmp_path / "auditor-review.yaml"
    path.write_text(f"schema: auditor.review/1\ndecisions:\n  0123456789abcdef: {entry}\n", encoding="utf-8")
    assert main(["audit", str(VB), "--review", str(path)]) == 2
    err = capsys.readouterr().err
    assert err == f"auditor: {path}: beslutet för 0123456789abcdef: {sv}\n" or sv in err and err.count("\n") == 1
    assert main(["--lang", "en", "review", "--list", "--file", str(path)]) == 2
    err = capsys.readouterr().err
    assert en in err and err.count("\n") == 1
    assert not re.search(r"Field required|Input should|Extra inputs|validation error", err)


def test_review_list_is_aligned(tmp_path, capsys):
    path = tmp_path / "r.yaml"
    for fp, reason, by in (("0123456789abcdef", "Kort", "Bo"), ("fedcba9876543210", "En längre motivering", "Anna Berg")):
        assert main(["review", fp, "--dismiss", "--reason", reason, "--by", by, "--date", "2025-05-12",
                     "--file", str(path)]) == 0
    assert main(["review", fp, "--confirm", "--reason", "r", "--by", "Eva", "--date", "2025-06-01",
                 "--file", str(path)]) == 0
    capsys.readouterr()
    assert main(["review", "--list", "--file", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:3] == ["fingeravtryck", "beslut", "datum"]
    for word in ("beslut", "datum", "av", "motivering"):
        column = lines[0].index(f"  {word} ") + 2 if word != "motivering" else lines[0].index("motivering")
        assert all(len(line) > column and line[column - 1] == " " and line[column] != " " for line in lines), word


# ------------------------------------------------------------------------------------ unknown rule id

@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_unknown_rule_message_names_the_option(capsys, option):
    assert main(["audit", str(VB), option, "GOAL,NOPE"]) == 2
    assert capsys.readouterr().err == f"auditor: okänd regel i {option}: NOPE (se `auditor rules`)\n"
    assert main(["--lang", "en", "audit", str(VB), option, "NOPE"]) == 2
    assert capsys.readouterr().err == f"auditor: unknown rule in {option}: NOPE (see `auditor rules`)\n"


# -------------------------------------------------------------------------------------- install weight

TEST_ONLY = {"pytest", "pytest-xdist", "hypothesis", "fpdf2", "jsonschema", "playwright", "openpyxl"}


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[; ]", requirement, maxsplit=1)[0].lower()


def test_a_plain_install_pulls_no_test_package():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    core = {_name(r) for r in project["dependencies"]}
    assert not core & TEST_ONLY
    assert TEST_ONLY <= {_name(r) for r in project["optional-dependencies"]["test"]}
    assert "pandas" in core                # part of the stack, used by the spreadsheet writer


def test_pandas_is_imported_only_for_spreadsheets(tmp_path):
    # the audits of one call run in one process: none imports the heavy modules if all of them together
    # import none, and one process costs a fraction of four
    probe = ("import json, sys\nfrom auditor.commands.cli import main\n"
             "codes = [main(argv) for argv in json.loads(sys.argv[1])]\n"
             "heavy = sorted(m for m in ('pandas', 'numpy', 'openpyxl', 'playwright', 'jinja2') if m in sys.modules)\n"
             "print('IMPORTED', ','.join(heavy), file=sys.stderr)\n")
    def imported(*runs) -> str:
        proc = subprocess.run([sys.executable, "-c", probe, json.dumps(runs)], capture_output=True, text=True,
                              cwd=tmp_path, timeout=120)
        return proc.stderr.strip().splitlines()[-1]
    assert imported(*(["audit", str(VB), "--format", fmt] for fmt in ("json", "terminal", "md", "sarif"))) == "IMPORTED"
    assert "pandas" in imported(["audit", str(VB), "--format", "csv"])
