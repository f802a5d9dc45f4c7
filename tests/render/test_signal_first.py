"""Signal first: in the terminal and Markdown reports a rule's repeated info findings leave their goals and
come last, one entry per rule listing their rows, so the errors and warnings are read first; JSON keeps one
finding each."""
from __future__ import annotations

import json

from auditor.findings import AuditResult, Review
from auditor.render import get_renderer

from ..factories import audit_of, finding, sample_report


def _result(review_one: bool = False) -> AuditResult:
    report = sample_report(kind="T1")
    goals = report.goal_by_id()
    findings = [
        finding("GOAL-FULL-UNMET-IND", 20, "Målet bedöms uppfyllt helt men en indikator når inte årsmålet.",
                goal=goals["g2"], source=report.source, fp="a" * 16),
        finding("IND-NO-FORECAST", 30, "Indikatorn 'Andel barn i familjer med ekonomiskt bistånd' saknar prognos.",
                severity="info", goal=goals["g2"], evidence={"indicator": "Andel barn i familjer med ekonomiskt bistånd"},
                fp="b" * 16),
        finding("IND-NO-FORECAST", 40, "Indikatorn 'Antal aspiranter som fått Stockholmsjobb' saknar prognos.",
                severity="info", goal=goals["g2"], evidence={"indicator": "Antal aspiranter som fått Stockholmsjobb"},
                fp="c" * 16),
        finding("IND-NO-FORECAST", 70, "Indikatorn 'Andel sjukfrånvaro' saknar prognos.", severity="info",
                goal=goals["g3"], evidence={"indicator": "Andel sjukfrånvaro"}, fp="d" * 16),
        finding("IND-NO-GENDER-SPLIT", 30, "Indikatorn handlar om personer men saknar könsuppdelning.",
                severity="info", goal=goals["g2"], evidence={"indicator": "Andel barn i familjer med ekonomiskt bistånd"},
                fp="e" * 16),
        finding("GOAL-NO-ANALYSIS", 80, "Målet saknar analys.", severity="warning", goal=goals["g4"], fp="f" * 16),
    ]
    if review_one:
        findings[3].review = Review(decision="bekräftad", reason="Prognos saknas.", by="Anna Berg", date="2025-05-12")
    return AuditResult(reports=[audit_of(report, findings)])


def _render(fmt: str, result: AuditResult) -> str:
    return get_renderer(fmt)(result, {"lang": "sv", "rule_titles": {"IND-NO-FORECAST": "Saknar helårsprognos"}})


def test_the_terminal_lists_errors_and_warnings_before_the_grouped_info():
    out = _render("terminal", _result())
    grouped = out.index("Information, samlad per regel")
    assert out.index("GOAL-FULL-UNMET-IND") < grouped and out.index("GOAL-NO-ANALYSIS") < grouped
    entry = out[grouped:]
    assert "IND-NO-FORECAST  3 fynd: Saknar helårsprognos" in entry
    for fp, name in (("b" * 16, "Andel barn i familjer"), ("c" * 16, "Antal aspiranter"), ("d" * 16, "Andel sjukfrånvaro")):
        assert fp in entry and name in entry
    assert out.count("IND-NO-FORECAST") == 2          # the summary table and the one entry
    # a rule's single info finding stays under its goal
    assert out.index("IND-NO-GENDER-SPLIT", out.index("Fynd per mål") if "Fynd per mål" in out else 0) < grouped


def test_markdown_groups_the_same_way():
    out = _render("md", _result())
    grouped = out.index("### Information, samlad per regel")
    assert out.index("GOAL-NO-ANALYSIS", out.index("### Fynd per mål")) < grouped
    assert "- `IND-NO-FORECAST` · info · 3 fynd: Saknar helårsprognos" in out
    assert out[grouped:].count("fingeravtryck") == 3


def test_a_decision_keeps_a_rules_info_findings_under_their_goals():
    out = _render("terminal", _result(review_one=True))
    assert "Information, samlad per regel" not in out
    assert out.count("IND-NO-FORECAST") == 4


def test_json_keeps_one_finding_each():
    doc = json.loads(_render("json", _result()))
    assert [f["rule"] for f in doc["reports"][0]["findings"]].count("IND-NO-FORECAST") == 3


def test_html_shows_the_grouped_entry_after_the_goal_tree():
    page = _render("html", _result())
    grouped = page.index("Information, samlad per regel")
    assert page.index("GOAL-NO-ANALYSIS") < grouped
    entry = page[grouped:]
    assert 'data-rule="IND-NO-FORECAST"' in entry and 'data-count="3"' in entry
    assert all(fp * 16 in entry for fp in "bcd")
    assert page.count('data-rule="IND-NO-FORECAST"') == 1
