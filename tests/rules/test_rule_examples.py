"""Every rule's EXAMPLES are its tests: a "fail" example must give a finding of that rule, a "pass"
example none (with only that rule selected)."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from auditor.engine.catalogue import load_catalogue
from auditor.engine.examples import check_example

CASES = [(spec.id, i, ex) for spec in load_catalogue() for i, ex in enumerate(spec.examples)]


@pytest.mark.parametrize("rule_id,index,example", CASES,
                         ids=[f"{r}-{i}-{e['expect']}" for r, i, e in CASES])
def test_example(rule_id, index, example):
    """Each example holds: its verdict, its number of findings, the parameters it sets and the message
    text it asserts (``auditor.engine.examples.check_example``)."""
    problems = check_example(load_catalogue()[rule_id], example)
    assert not problems, f"{rule_id} example {index} ({example.get('title')}): {problems}"


@pytest.mark.parametrize("spec", list(load_catalogue()), ids=lambda s: s.id)
def test_rule_is_documented(spec):
    assert spec.doc.count("\n") >= 3, "the docstring is the rule's user documentation"
    assert "Why it matters" in spec.doc and "Example" in spec.doc
    assert {"sv", "en"} <= set(spec.title) and {"sv", "en"} <= set(spec.message)
    assert any(e["expect"] == "fail" for e in spec.examples)
    assert any(e["expect"] == "pass" for e in spec.examples)



@pytest.mark.parametrize("spec", list(load_catalogue()), ids=lambda s: s.id)
def test_examples_are_named_in_swedish(spec):
    """Every built-in example has a Swedish name (``title_sv``, shown by `auditor explain` in Swedish) of its
    own beside the English ``title``."""
    for i, example in enumerate(spec.examples):
        title, title_sv = example.get("title"), example.get("title_sv")
        assert isinstance(title, str) and title.strip(), f"{spec.id} example {i} lacks its English title"
        assert isinstance(title_sv, str) and title_sv.strip(), f"{spec.id} example {i} ({title}) lacks title_sv"
        assert title_sv.strip() != title.strip(), f"{spec.id} example {i}: title_sv is the English title"

SV_PARTS = ("**Vad regeln kontrollerar.**", "**Varför det spelar roll.**", "**Exempel.**")
_CODE = re.compile(r"`[^`]+`")
_RULE_ID = re.compile(r"\b[A-Z]+(?:-[A-Z]+)+\b")


@pytest.mark.parametrize("spec", list(load_catalogue()), ids=lambda s: s.id)
def test_rule_is_documented_in_swedish(spec):
    """Every built-in rule has DOC_SV: a summary line and the three parts in order, written for itself (not
    the docstring), naming the same parameters, knowledge files and other rules as the English text."""
    module = sys.modules[spec.module]
    assert isinstance(getattr(module, "DOC_SV", None), str), f"{spec.id} lacks DOC_SV"
    doc = spec.doc_sv
    assert doc and doc != spec.doc and spec.documentation("sv") == doc
    positions = [doc.find(part) for part in SV_PARTS]
    assert all(p > 0 for p in positions) and positions == sorted(positions), f"{spec.id}: {SV_PARTS} in order"
    assert doc.split("\n", 1)[0].strip() and not doc.startswith("**"), "a summary line comes first"
    assert not any(word in doc for word in ("What it checks", "Why it matters", "**Example.**"))
    assert set(_CODE.findall(doc)) == set(_CODE.findall(spec.doc)), "same parameter and file names"
    assert all(f"`{name}`" in doc for name in spec.parameters)
    assert set(_RULE_ID.findall(doc)) == set(_RULE_ID.findall(spec.doc)), "same references to other rules"


def test_catalogue_has_the_contract_ids(catalogue):
    assert {s.id for s in catalogue} >= {
        "GOAL-FULL-UNMET-IND", "GOAL-FULL-ACT-DEV", "GOAL-PARENT-CHILD", "GOAL-TEXT-CONTRADICTS",
        "GOAL-NO-ANALYSIS", "GOAL-CLAIM-COUNT", "IND-UNMET-NO-ANALYSIS", "IND-NO-GENDER-SPLIT",
        "IND-GENDER-GAP-NO-ANALYSIS", "IND-NO-FORECAST", "ACT-DEV-NO-ANALYSIS", "SUM-CLAIM-COUNT"}


_MODULE = re.compile(r"`(auditor/[\w/]+\.py)`")
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("spec", list(load_catalogue()), ids=lambda s: s.id)
def test_the_policy_modules_a_rule_names_exist(spec):
    """A rule whose judgement is shared with other rules names the module that holds it (``auditor/policy/``);
    the module it names exists, in both languages' documentation."""
    named = set(_MODULE.findall(spec.doc))
    assert named == set(_MODULE.findall(spec.doc_sv))
    for path in named:
        assert (ROOT / path).is_file(), f"{spec.id} names {path}, which does not exist"


@pytest.mark.parametrize("rule_id,module", [
    ("GOAL-CLAIM-COUNT", "counts"), ("SUM-CLAIM-COUNT", "counts"), ("IND-TEXT-FIGURE", "figures"),
    ("IND-TEXT-TREND", "figures"), ("IND-TEXT-MET", "target"), ("GOAL-FULL-UNMET-IND", "target"),
    ("IND-UNMET-NO-ANALYSIS", "target")])
def test_rules_that_share_a_judgement_name_its_module(rule_id, module):
    assert f"`auditor/policy/{module}.py`" in load_catalogue()[rule_id].doc

