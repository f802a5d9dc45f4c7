"""The engine gives a finding as data (the facts it is about, their typed figures, its certainty and what
its doubt is made of); words come last, in each output, in the reader's language, from that same data."""
from __future__ import annotations

import inspect

from auditor.engine import runner
from auditor.engine.audit import audit_report
from auditor.engine.catalogue import load_catalogue
from auditor.engine.config import Config
from auditor.engine.examples import build_report
from auditor.engine.runner import run_facts
from auditor.facts import derive
from auditor.findings import AuditResult, ReportAudit
from auditor.knowledge import load_knowledge
from auditor.knowledge.location import rule_dirs
from auditor.render.json_out import render
from auditor.words.findings import evidence_of, message_of

REPORT = {"kind": "VB", "goals": [{"title": "Lövsjös verksamheter minskar sin klimatpåverkan", "assessment": "delvis",
                                   "indicators": [{"name": "Köpt energi i nämndens lokaler", "outcome": "3,41 GWh",
                                                   "target": "3,4 GWh"}]}]}


def _data(spec: dict, rule: str):
    report = build_report(spec)
    facts = derive(report, load_knowledge(rule_dirs()))
    return run_facts(facts, load_catalogue(), Config(select=[rule]))


def test_the_engine_gives_data_and_no_words():
    (f,) = _data(REPORT, "IND-UNMET-NO-ANALYSIS")
    assert not hasattr(f, "message")
    assert f.said.kind == "Indicator"
    assert (f.said.subject["outcome"], f.said.subject["target"], f.said.subject["unit"]) == (3.41, 3.4, "GWh")


def test_one_finding_worded_in_either_language():
    (f,) = audit_report(build_report(REPORT), Config(select=["IND-UNMET-NO-ANALYSIS"], lang="en"))
    assert "(3,41 GWh mot 3,4 GWh)" in message_of(f, "sv") and "(3.41 GWh vs 3.4 GWh)" in message_of(f, "en")
    # the language of the configuration does not enter the finding: the same data, the same fingerprint
    (g,) = audit_report(build_report(REPORT), Config(select=["IND-UNMET-NO-ANALYSIS"], lang="sv"))
    assert f == g and f.fingerprint == g.fingerprint


def test_the_contract_words_the_message_at_output():
    (f,) = audit_report(build_report(REPORT), Config(select=["IND-UNMET-NO-ANALYSIS"]))
    result = AuditResult(reports=[ReportAudit(source="a.txt", findings=[f])])
    sv, en = result.to_contract()["reports"][0]["findings"][0], result.to_contract("en")["reports"][0]["findings"][0]
    assert list(sv)[:4] == ["rule", "severity", "line", "message"]
    assert (sv["message"], en["message"]) == (message_of(f, "sv"), message_of(f, "en"))
    assert '"message": "' + message_of(f, "en") in render(result, {"lang": "en"})


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
    assert evidence_of(f, "en")["doubt"].startswith("the column reading is uncertain: outcome men/boys could be 84")
    assert evidence_of(f, "sv")["doubt"].startswith("kolumntolkningen är osäker")


def test_the_engine_holds_no_language():
    assert "lang" not in inspect.signature(runner.run_facts).parameters
    assert "lang" not in inspect.signature(runner.collect).parameters
    assert "lang" not in inspect.signature(audit_report).parameters
    imported = {getattr(v, "__module__", None) or getattr(v, "__name__", "") for v in vars(runner).values()}
    assert not [m for m in imported if m.startswith("auditor.words")]      # it writes no words
