"""Findings on the shared corpus against the hand-made gold, scored with the shared scorer.

Needs ../shared (relative to the repository root); skipped when it is absent. Two measurements:
the rules alone on gold-converted models (independent of the parser), and parser + rules end to end.
"""
from __future__ import annotations

import importlib.util
import json

import pytest

from conftest import shared_dir

SHARED = shared_dir()
pytestmark = [pytest.mark.corpus,
              pytest.mark.skipif(SHARED is None, reason="../shared/corpus is not available")]

STEMS = sorted(p.name[:-len(".findings.json")] for p in (SHARED / "corpus" / "gold").glob("*.findings.json")) \
    if SHARED else []


@pytest.fixture(scope="module")
def scorer():
    spec = importlib.util.spec_from_file_location("shared_score", SHARED / "tools" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _contract(audit):
    from auditor.findings import AuditResult
    from auditor.render.json_out import contract
    return contract(AuditResult(reports=[audit]))


def _gold(stem):
    return json.loads((SHARED / "corpus" / "gold" / f"{stem}.findings.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("stem", STEMS)
def test_rules_on_gold_models(stem, scorer):
    from gold_to_model import load_gold_report

    from auditor.workflow.audit import audit_report_model
    report = load_gold_report(SHARED / "corpus" / "gold" / f"{stem}.json")
    overall = scorer.score_findings(_gold(stem), _contract(audit_report_model(report)))["overall"]
    assert overall["precision"] >= 0.9 and overall["recall"] >= 0.9, overall


@pytest.mark.parametrize("stem", STEMS)
def test_parser_and_rules_end_to_end(stem, scorer):
    from auditor.workflow.audit import audit_file
    audit = audit_file(SHARED / "corpus" / f"{stem}.txt")
    assert audit.error is None
    overall = scorer.score_findings(_gold(stem), _contract(audit))["overall"]
    assert overall["precision"] >= 0.9 and overall["recall"] >= 0.9, overall
