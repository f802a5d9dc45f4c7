"""The example runner (``auditor.engine.examples.check_example``) checks what an example says: its verdict,
its number of findings, the parameters it sets and the message text it asserts; a typo in an example is a
failure, never a test that silently checks less."""
from __future__ import annotations

import pytest

from auditor.engine.catalogue import load_catalogue
from auditor.engine.examples import check_example

GAP = {"goals": [{"title": "Alla mår bra", "assessment": "delvis",
                  "indicators": [{"name": "Andel elever som trivs", "outcome": "80 %", "men": "77 %",
                                  "women": "83 %", "target": "85 %", "analysis": "Trivseln är god."}]}]}


@pytest.fixture(scope="module")
def gap_rule():
    return load_catalogue()["IND-GENDER-GAP-NO-ANALYSIS"]


def test_a_parameter_changes_the_verdict(gap_rule):
    fail = {"expect": "fail", "title": "t", "report": GAP}
    assert check_example(gap_rule, fail) == []
    raised = {**fail, "parameters": {"min_gap_points": 8}}
    assert check_example(gap_rule, raised) == ["should give a finding and gave none"]
    assert check_example(gap_rule, {**raised, "expect": "pass"}) == []


def test_a_message_is_checked_in_each_language_given(gap_rule):
    ok = {"expect": "fail", "title": "t", "report": GAP,
          "message": {"sv": "skillnad 6 procentenheter", "en": "gap 6 percentage points"}}
    assert check_example(gap_rule, ok) == []
    wrong = {**ok, "message": {"sv": "skillnad 6 procentenheter", "en": "gap 7 percentage points"}}
    [problem] = check_example(gap_rule, wrong)
    assert problem.startswith("no en message contains 'gap 7 percentage points'")
    assert check_example(gap_rule, {**ok, "message": "skillnad 9"})[0].startswith("no sv message contains")


@pytest.mark.parametrize("change,expected", [
    ({"mesage": "x"}, "unknown example keys ['mesage']"),
    ({"parameters": {"min_gap": 8}}, "'min_gap'"),
    ({"message": {"de": "x"}}, "message: languages ['de']"),
    ({"findings": 2}, "should give 2 findings and gave 1"),
])
def test_a_mistake_in_an_example_is_reported(gap_rule, change, expected):
    problems = check_example(gap_rule, {"expect": "fail", "title": "t", "report": GAP, **change})
    assert problems and expected in problems[0]
