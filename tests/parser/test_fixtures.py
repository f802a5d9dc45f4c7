"""Each synthetic fixture parses to its hand-verified expected model, and every input line is accounted for.

These tests pin the format quirks one by one (fixtures/README.md lists them). They are meant to fail loudly
with one line per difference until the parser handles the quirk.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from fixture_compare import FIXTURES, compare, decode_fixture, fixture_names, load_expected

NAMES = fixture_names()
CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"


def test_there_is_a_fixture_per_quirk():
    assert len([n for n in NAMES if n.startswith("quirk_")]) >= 20
    assert "example_vb" in NAMES


@pytest.mark.parametrize("name", NAMES)
def test_fixture_parses_as_expected(name):
    from auditor.parser import parse_file

    report = parse_file(FIXTURES / f"{name}.txt")
    problems = compare(load_expected(name), report.to_contract())
    assert not problems, f"{name}.txt: {len(problems)} difference(s)\n  " + "\n  ".join(problems)


# ------------------------------------------------------------------------------------------ line accounting
# Contract with the parser: ``auditor.parser.account_lines(text) -> dict[int, str]`` maps every 1-based line
# number to what became of it: "goal", "marker", "analysis", "section", "indicator", "indicator-header",
# "activity", "activity-header", "furniture", "narrative", "diagnostic", ... Blank lines may be left out.

def check_accounting(text: str, dispositions: dict[int, str], pinned: dict | None = None) -> list[str]:
    lines = text.split("\n")
    problems = []
    for no, line in enumerate(lines, 1):
        if not line.strip():
            continue
        disp = dispositions.get(no)
        if not isinstance(disp, str) or not disp:
            problems.append(f"line {no} not accounted for: {line.strip()[:80]!r}")
    for no in dispositions:
        if not isinstance(no, int) or not 1 <= no <= len(lines):
            problems.append(f"disposition for a line that does not exist: {no!r}")
    for no, allowed in (pinned or {}).items():
        allowed = [allowed] if isinstance(allowed, str) else allowed
        got = dispositions.get(int(no))
        if got not in allowed:
            problems.append(f"line {no} ({lines[int(no) - 1].strip()[:60]!r}) should be {' or '.join(allowed)}, "
                            f"got {got!r}")
    return problems


@pytest.mark.parametrize("name", NAMES)
def test_every_fixture_line_is_accounted_for(name):
    from auditor.parser import account_lines

    text = decode_fixture(name)
    problems = check_accounting(text, account_lines(text), load_expected(name).get("line_dispositions"))
    assert not problems, f"{name}.txt:\n  " + "\n  ".join(problems[:40])


@pytest.mark.corpus
@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else [], ids=lambda p: p.stem)
def test_every_corpus_line_is_accounted_for(path):
    from auditor.parser import account_lines

    text = path.read_text(encoding="utf-8")
    problems = check_accounting(text, account_lines(text))
    assert not problems, f"{path.name}: {len(problems)} line(s)\n  " + "\n  ".join(problems[:40])
