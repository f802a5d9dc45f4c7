"""Fuzz of output destinations and option values (hypothesis): whatever the command line, auditor answers
with exit 0/1 and its output, or exit 2 and one line on standard error -- never a traceback (the commands run
in-process with AUDITOR_DEBUG=1, so any exception fails the test), and never exit 1 for a usage error.

A short run is part of the default suite; the long one is marked ``fuzz`` (run in CI)."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditor.commands.cli import main

ROOT = Path(__file__).resolve().parents[2]
VB = ROOT / "fixtures" / "example_vb.txt"
FORMATS = ["terminal", "md", "json", "html", "sarif", "junit", "github", "xlsx", "csv"]

# Destinations relative to the working folder prepared by ``place``.
PLACES = ["out.json", "ut/", "adir", "adir/", "afile", "afile/x.json", "afile/sub/", "saknas/ut.json",
          "saknas/djup/x", "-", "", ".", "adir/ny/djup/", "ä ö/fil.md", "readonly/x.json", "\x00bad", "a" * 300]
HEAVY_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30)


@pytest.fixture()
def place(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("AUDITOR_DEBUG", "1")
    monkeypatch.delenv("AUDITOR_REVIEWER", raising=False)
    shutil.copyfile(VB, tmp_path / "rapport.txt")
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    (tmp_path / "adir").mkdir()
    (tmp_path / "readonly").mkdir()
    os.chmod(tmp_path / "readonly", 0o500)
    yield tmp_path
    os.chmod(tmp_path / "readonly", 0o700)


def destination():
    # generated names stay inside the working folder: every output creates its missing folders, and as root
    # a name like "/x/y" would otherwise create /x on the machine running the tests
    return st.one_of(st.sampled_from(PLACES), HEAVY_TEXT.map(lambda text: text.lstrip("/\\")))


def option_value(choices):
    return st.one_of(st.sampled_from(choices), HEAVY_TEXT)


@st.composite
def audit_argv(draw):
    argv = ["audit", "rapport.txt"]
    if draw(st.booleans()):
        argv += ["--format", draw(option_value(FORMATS))]
    if draw(st.booleans()):
        argv += ["--output", draw(destination())]
    if draw(st.booleans()):
        argv += ["--jobs", draw(st.one_of(st.integers(-3, 3).map(str), HEAVY_TEXT))]
    if draw(st.booleans()):
        argv += ["--fail-on", draw(option_value(["error", "warning", "info"]))]
    if draw(st.booleans()):
        argv += [draw(st.sampled_from(["--select", "--ignore"])),
                 draw(option_value(["GOAL", "IND-NO", "GOAL-NO-ANALYSIS", "X", ","]))]
    if draw(st.booleans()):
        argv += ["--review", draw(destination())]
    if draw(st.booleans()):
        argv += ["--baseline", draw(destination())]
    if draw(st.booleans()):
        argv += ["--table", draw(option_value(["findings", "indicators"]))]
    if draw(st.booleans()):
        argv = ["--lang", draw(option_value(["sv", "en"]))] + argv
    return argv


@st.composite
def other_argv(draw):
    kind = draw(st.sampled_from(["review", "baseline", "list"]))
    if kind == "baseline":
        return ["baseline", "create", "rapport.txt", "--output", draw(destination())]
    if kind == "list":
        return ["review", "--list", "--file", draw(destination())]
    argv = ["review", draw(option_value(["0123456789abcdef", "ABCDEF0123456789", "kort"])),
            draw(st.sampled_from(["--dismiss", "--confirm", "--remove"])),
            "--reason", draw(HEAVY_TEXT), "--by", draw(HEAVY_TEXT), "--file", draw(destination())]
    if draw(st.booleans()):
        argv += ["--date", draw(option_value(["2025-05-12", "2025-13-45", "2024-02-29", "2023-02-29", "i dag"]))]
    return argv


def _check(capsys, argv) -> None:
    try:
        code = main(argv)
    except SystemExit as exc:       # argparse: --help (0) or a bad command line (2)
        code = exc.code
    out, err = capsys.readouterr()     # capsysbinary: xlsx goes to standard output as bytes
    out, err = out.decode("utf-8", "replace"), err.decode("utf-8")
    assert code in (0, 1, 2), (argv, code)
    assert "Traceback" not in err and "Traceback" not in out
    if code == 2:
        assert err.endswith("\n") and err.startswith("auditor: "), (argv, err)
        lines = err.splitlines()
        # one line per problem; a batch reports each bad file on its own line, each starting with "auditor:"
        assert all(line.startswith("auditor: ") for line in lines), (argv, err)
        assert len(lines) == 1 or argv[0] == "audit", (argv, err)
    if code == 1:
        assert "audit" in argv, (argv, err)             # exit 1 only for findings that gate (or review --stale)
        assert not any(line.startswith("auditor: ") and ("finns inte" in line or "does not exist" in line)
                       for line in err.splitlines()), (argv, err)


SHORT = settings(max_examples=20, deadline=None, derandomize=True,
                 suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
LONG = settings(max_examples=400, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@SHORT
@given(argv=audit_argv())
def test_audit_options_short(place, capsysbinary, argv):
    _check(capsysbinary, argv)


@SHORT
@given(argv=other_argv())
def test_review_and_baseline_options_short(place, capsysbinary, argv):
    _check(capsysbinary, argv)


@pytest.mark.fuzz
@LONG
@given(argv=audit_argv())
def test_audit_options(place, capsysbinary, argv):
    _check(capsysbinary, argv)


@pytest.mark.fuzz
@LONG
@given(argv=other_argv())
def test_review_and_baseline_options(place, capsysbinary, argv):
    _check(capsysbinary, argv)
