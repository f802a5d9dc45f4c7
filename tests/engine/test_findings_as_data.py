"""The engine gives a finding as data (the facts it is about, their typed figures, its certainty and what
its doubt is made of); words come last, in the reader's language, from that same data."""
from __future__ import annotations

from auditor.engine.config import Config
from auditor.engine import audit_report
from auditor.engine.catalogue import load_catalogue
from auditor.knowledge.location import rule_dirs
from auditor.engine.examples import build_report
from auditor.engine.runner import run_facts
from auditor.facts import derive
from auditor.knowledge import load_knowledge
from auditor.words.findings import word_findings

REPORT = {"kind": "VB", "goals": [{"title": "Lövsjös verksamheter minskar sin klimatpåverkan", "assessment": "delvis",
                                   "indicators": [{"name": "Köpt energi i nämndens lokaler", "outcome": "3,41 GWh",
                                                   "target": "3,4 GWh"}]}]}


def _data(spec: dict, rule: str):
    report = build_report(spec)
    facts = derive(report, load_knowledge(rule_dirs()))
    return run_facts(facts, load_catalogue(), Config(select=[rule]))


def test_the_engine_gives_data_and_no_words():
    (f,) = _data(REPORT, "IND-UNMET-NO-ANALYSIS")
    assert f.message == ""
    assert f.said.kind == "Indicator"
    assert (f.said.subject["outcome"], f.said.subject["target"], f.said.subject["unit"]) == (3.41, 3.4, "GWh")


def test_one_finding_worded_in_either_language():
    (data,) = _data(REPORT, "IND-UNMET-NO-ANALYSIS")
    sv, en = data.model_copy(deep=True), data.model_copy(deep=True)
    word_findings([sv], load_catalogue(), "sv")
    word_findings([en], load_catalogue(), "en")
    assert "(3,41 GWh mot 3,4 GWh)" in sv.message and "(3.41 GWh vs 3.4 GWh)" in en.message
    assert sv.fingerprint == en.fingerprint and sv.evidence == en.evidence
    # what audit_report gives: the same words
    assert [f.message for f in audit_report(build_report(REPORT), Config(select=["IND-UNMET-NO-ANALYSIS"]),
                                            "en")] == [en.message]


def test_the_doubt_is_data_worded_at_output():
    spec = {"kind": "VB", "goals": [{"title": "Fler unga i Lövsjö lär sig simma", "assessment": "helt",
                                     "indicators": [{"name": "Antal unga som deltar i sommarskolan",
                                                     "outcome": "84", "previous": "84", "target": "84"}]}]}
    report = build_report(spec)
    row = report.goals[0].indicators[0]
    row.confidence, row.columns_certain = 0.45, False
    row.cell_confidence = {c: 0.98 for c in ("outcome", "outcome_men", "outcome_women", "previous", "target")}
    facts = derive(report, load_knowledge(rule_dirs()))
    (f,) = run_facts(facts, load_catalogue(), Config(select=["IND-NO-GENDER-SPLIT"], min_confidence=0))
    assert f.doubt is not None and "outcome_men" in f.doubt.columns and "doubt" not in f.evidence
    word_findings([f], load_catalogue(), "en")
    assert f.evidence["doubt"].startswith("the column reading is uncertain: outcome men/boys could be 84")


def test_the_runner_holds_no_language():
    import inspect

    from auditor.engine import runner

    assert "lang" not in inspect.signature(runner.run_facts).parameters
    assert "lang" not in inspect.signature(runner.collect).parameters
    imported = {getattr(v, "__module__", None) or getattr(v, "__name__", "") for v in vars(runner).values()}
    assert not [m for m in imported if m.startswith("auditor.words")]      # it writes no words
