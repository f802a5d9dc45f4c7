"""One synthetic report with one planted problem per rule: each rule finds exactly what was planted,
on the line of the object the finding is about."""
from __future__ import annotations

import pytest

from auditor.engine.config import Config
from auditor.engine.audit import audit_report
from auditor.words.findings import message_of


def _line(report, kind, text):
    for g in report.goals:
        if kind == "goal" and g.title == text:
            return g.line
        for i in g.indicators:
            if kind == "indicator" and i.name == text:
                return i.line
            if kind == "sentence" and i.analysis and text in i.analysis:
                # a prose finding sits on its sentence's line, inside the row's analysis
                return i.analysis_line + i.analysis[:i.analysis.index(text)].count("\n")
        for a in g.activities:
            if kind == "activity" and a.text == text:
                return a.line
    for p in report.narrative:
        if kind == "claim" and p.text.startswith(text):
            return p.line
    raise LookupError(text)


EXPECTED = {
    "GOAL-FULL-UNMET-IND": [("goal", "Barn och unga har goda uppväxtvillkor")],
    "GOAL-FULL-ACT-DEV": [("goal", "Barn och unga har goda uppväxtvillkor")],
    "GOAL-PARENT-CHILD": [("goal", "Barn och unga har goda uppväxtvillkor"), ("goal", "Äldre lever ett tryggt liv")],
    "GOAL-TEXT-CONTRADICTS": [("goal", "Barn och unga har goda uppväxtvillkor")],
    "GOAL-NO-ANALYSIS": [("goal", "Skolvägarna är trygga")],
    "IND-UNMET-NO-ANALYSIS": [("indicator", "Andel unga som deltar i föreningsliv")],
    "IND-NO-GENDER-SPLIT": [("indicator", "Antal barn i familjer med ekonomiskt bistånd"),
                            ("indicator", "Andel unga som deltar i föreningsliv")],
    "IND-GENDER-GAP-NO-ANALYSIS": [("indicator", "Andel elever som känner sig trygga")],
    "IND-NO-FORECAST": [("indicator", "Andel unga som deltar i föreningsliv")],
    "ACT-DEV-NO-ANALYSIS": [("activity", "Utveckla samarbetet mellan skola och socialtjänst."),
                            ("activity", "Öppna en ny fritidsgård i stadsdelen.")],
    "SUM-CLAIM-COUNT": [("claim", "Förvaltningen bedömer att alla fyra")],
    "GOAL-NO-ASSESSMENT": [("goal", "Hemtjänsten i söder har kontinuitet")],
    "ACT-DATES-INVALID": [("activity", "Införa digital närvaroregistrering.")],
    "IND-TEXT-FIGURE": [("sentence", "Utfallet blev 83 procent.")],
    "IND-TEXT-MET": [("sentence", "Årsmålet nås.")],
    "IND-TEXT-TREND": [("sentence", "Andelen har minskat jämfört med föregående år.")],
}


def test_fixture_plants_a_problem_for_every_rule(catalogue):
    assert set(EXPECTED) | {"GOAL-CLAIM-COUNT"} == {spec.id for spec in catalogue}


@pytest.fixture(scope="module")
def findings(fixture_report):
    return audit_report(fixture_report, Config())


@pytest.mark.parametrize("rule_id", sorted(EXPECTED) + ["GOAL-CLAIM-COUNT"])
def test_rule_on_fixture(rule_id, findings, fixture_report):
    got = sorted(f.line for f in findings if f.rule == rule_id)
    if rule_id == "GOAL-CLAIM-COUNT":
        goal = fixture_report.goals[1]
        assert len(got) == 1 and goal.analysis_line <= got[0] <= goal.analysis_line + goal.analysis.count("\n")
        return
    assert got == sorted(_line(fixture_report, kind, text) for kind, text in EXPECTED[rule_id])


def test_fixture_findings_carry_goal_and_fingerprint(findings):
    assert len({f.fingerprint for f in findings}) == len(findings)
    for f in findings:
        assert len(f.fingerprint) == 16
        if not f.rule.startswith("SUM-"):
            assert f.goal is not None


def test_severity_and_parameters_from_config(fixture_report):
    cfg = Config(severity={"IND-NO-FORECAST": "error"}, params={"IND-GENDER-GAP-NO-ANALYSIS": {"min_gap_points": 20}})
    fs = audit_report(fixture_report, cfg)
    assert {f.severity for f in fs if f.rule == "IND-NO-FORECAST"} == {"error"}
    assert not [f for f in fs if f.rule == "IND-GENDER-GAP-NO-ANALYSIS"]


def test_uncertain_columns_give_a_low_confidence_finding_that_does_not_gate(fixture_spec):
    import copy

    from auditor.engine.examples import build_report
    from auditor.triage.gate import gates
    spec = copy.deepcopy(fixture_spec)
    spec["goals"][0]["children"][0]["indicators"][1]["certain"] = False
    fs = audit_report(build_report(spec), Config(select=["IND-GENDER-GAP-NO-ANALYSIS"]))
    assert [(f.severity, f.confidence) for f in fs] == [("warning", "low")]
    assert not gates(fs[0], "warning") and gates(fs[0], "warning", uncertain=True)


def test_fingerprints_survive_edits_elsewhere(fixture_spec):
    import copy

    from auditor.engine.examples import build_report
    before = {f.fingerprint for f in audit_report(build_report(fixture_spec), Config())}
    spec = copy.deepcopy(fixture_spec)
    spec["summary"].insert(0, "En ny inledande mening som flyttar alla rader.")
    after_findings = audit_report(build_report(spec), Config())
    assert {f.fingerprint for f in after_findings} == before
    assert min(f.line for f in after_findings) > 1


def test_english_messages(fixture_report):
    fs = audit_report(fixture_report, Config(lang="en", select=["IND-NO-FORECAST"]))
    assert fs and all(message_of(f, "en").startswith("The indicator") for f in fs)
