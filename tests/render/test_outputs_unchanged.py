"""Every output, byte for byte as committed: audit in every format, compare, parse, rules and the rule
reference, for every fixture in Swedish and English (``tests/output_snapshots.py`` says how they are made).

A change that is meant to change an output regenerates the snapshots and shows the difference in review::

    .venv/bin/python -m tests.output_snapshots write tests/data/outputs fixtures/*.txt
"""
from __future__ import annotations

import difflib
import os

import pytest

from ..conftest import DATA, ROOT
from ..output_snapshots import LANGS, cached_audits, catalogue_outputs, outputs, pairs, snapshot_name

SNAPSHOTS = DATA / "outputs"
FIXTURES = sorted(f"fixtures/{p.name}" for p in (ROOT / "fixtures").glob("*.txt"))
CASES = [(path, partner, lang) for path, partner in pairs(FIXTURES) for lang in LANGS]


@pytest.fixture(scope="module")
def cached():
    """Paths as the snapshots name them (relative to the repository), each report audited once."""
    here = os.getcwd()
    os.chdir(ROOT)
    try:
        with cached_audits():
            yield
    finally:
        os.chdir(here)


def _same(name: str, text: str) -> None:
    expected = (SNAPSHOTS / name).read_text(encoding="utf-8")
    if text != expected:
        diff = difflib.unified_diff(expected.splitlines(), text.splitlines(), "committed", "now", lineterm="")
        pytest.fail(f"{name} differs from its snapshot:\n" + "\n".join(list(diff)[:80]), pytrace=False)


@pytest.mark.parametrize(("path", "partner", "lang"), CASES, ids=[f"{p[9:-4]}-{lang}" for p, _, lang in CASES])
def test_report_outputs_unchanged(cached, path, partner, lang):
    _same(snapshot_name(path, lang), outputs(path, lang, partner))


@pytest.mark.parametrize("lang", LANGS)
def test_catalogue_outputs_unchanged(cached, lang):
    _same(f"catalogue.{lang}.txt", catalogue_outputs(lang))


def test_every_fixture_has_its_snapshots():
    names = {snapshot_name(p, lang) for p in FIXTURES for lang in LANGS} | {f"catalogue.{l}.txt" for l in LANGS}
    assert names == {p.name for p in SNAPSHOTS.glob("*.txt")}
