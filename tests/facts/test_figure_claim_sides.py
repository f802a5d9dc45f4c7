"""figure_claims.derive works out the table's side of a kind of claim once per row and a sentence's words once
per text: each fact holds what the table shows for its own row and kind, and its sentence's own words, as
worked out afresh for it."""
from __future__ import annotations

from pathlib import Path

from auditor.facts import derive
from auditor.facts.figure_claims import _table_side
from auditor.knowledge import builtin_knowledge
from auditor.parser import parse_file

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def _check(paths) -> int:
    checked = 0
    for path in paths:
        report = parse_file(path)
        facts = derive(report, builtin_knowledge())
        rows = {(f.goal, f.line): f for f in facts.indicators}
        for claim in facts.figure_claims:
            row = rows[(claim.goal, claim.indicator_line)]
            side = _table_side(facts.rows[row.key], row, claim.kind)
            assert (claim.column, claim.table, claim.sure) == side, claim.key
            assert claim.key.endswith("|" + " ".join(claim.text.lower().split())[:120])
            checked += 1
    return checked


def test_each_figure_claim_holds_its_own_row_s_side_and_its_own_words():
    assert _check(sorted(FIXTURES.glob("*.txt")))


def test_the_corpus_figure_claims_hold_their_own_sides(corpus):
    assert _check(sorted(corpus.glob("*.txt")))
