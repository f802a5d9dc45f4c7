"""Every rule's EXAMPLES are its tests: a "fail" example must give a finding of that rule, a "pass"
example none (with only that rule selected)."""
from __future__ import annotations

import pytest

from auditor.config import Config
from auditor.engine import audit_report
from auditor.engine.catalogue import load_catalogue
from auditor.engine.examples import build_report

CASES = [(spec.id, i, ex) for spec in load_catalogue() for i, ex in enumerate(spec.examples)]


@pytest.mark.parametrize("rule_id,index,example", CASES,
                         ids=[f"{r}-{i}-{e['expect']}" for r, i, e in CASES])
def test_example(rule_id, index, example):
    findings = audit_report(build_report(example["report"]), Config(select=[rule_id]))
    assert all(f.rule == rule_id for f in findings)
    if example["expect"] == "fail":
        assert findings, f"{rule_id} example {index} ({example.get('title')}) should give a finding"
        if "findings" in example:
            assert len(findings) == example["findings"]
    else:
        assert not findings, f"{rule_id} example {index} should pass but gave: {[f.message for f in findings]}"


@pytest.mark.parametrize("spec", list(load_catalogue()), ids=lambda s: s.id)
def test_rule_is_documented(spec):
    assert spec.doc.count("\n") >= 3, "the docstring is the rule's user documentation"
    assert "Why it matters" in spec.doc and "Example" in spec.doc
    assert {"sv", "en"} <= set(spec.title) and {"sv", "en"} <= set(spec.message)
    assert any(e["expect"] == "fail" for e in spec.examples)
    assert any(e["expect"] == "pass" for e in spec.examples)


def test_catalogue_has_the_contract_ids(catalogue):
    assert {s.id for s in catalogue} >= {
        "GOAL-FULL-UNMET-IND", "GOAL-FULL-ACT-DEV", "GOAL-PARENT-CHILD", "GOAL-TEXT-CONTRADICTS",
        "GOAL-NO-ANALYSIS", "GOAL-CLAIM-COUNT", "IND-UNMET-NO-ANALYSIS", "IND-NO-GENDER-SPLIT",
        "IND-GENDER-GAP-NO-ANALYSIS", "IND-NO-FORECAST", "ACT-DEV-NO-ANALYSIS", "SUM-CLAIM-COUNT"}
