"""A finding's certainty is the probability that it holds over the readings of the rows it rests on
(``auditor.engine.certainty``), and ``min-confidence`` withholds findings by it: a finding that follows
from every plausible reading is certain however doubtful the row's reading is; one that needs the doubtful
reading carries its doubt."""
from __future__ import annotations

import pytest

from auditor.engine.config import Config
from auditor.engine.audit import audit_report
from auditor.model import CERTAIN, VALUE_COLUMNS, Goal, Report
from auditor.parser import parse_text
from auditor.workflow.audit import audit_report_model

from ..factories import indicator, value

PEOPLE = "Andel medarbetare som rekommenderar sin arbetsplats"


def _row(readings: list[tuple[float, dict]], line: int = 30, name: str = PEOPLE, analysis: str | None = None):
    """A row read as the first of ``readings`` (probability, {column: figure}), with those readings kept as
    the placement keeps them."""
    def cells(figures):
        return {col: (value(figures[col], "%") if col in figures else None) for col in VALUE_COLUMNS}
    row = indicator(name, line, analysis=analysis)
    for col, v in cells(readings[0][1]).items():
        setattr(row, col, v)
    row.confidence = readings[0][0]
    row.columns_certain = row.confidence >= CERTAIN
    row.cell_confidence = {col: 0.5 for col in VALUE_COLUMNS}    # what the old measure would have gone by
    row._readings = [(p, cells(figures)) for p, figures in readings]
    return row


def _report(*rows, kind="T1", assessment="delvis"):
    goal = Goal(id="g1", level="namndmal", number="1", title="Lövsjö är en attraktiv arbetsgivare", line=20,
                assessment=assessment, indicators=list(rows))
    return Report(source="lövsjö.txt", report_kind=kind, year=2025, goals=[goal], line_count=200)


def _certainty(report, rule, line=30):
    found = [f for f in audit_report(report, Config(select=[rule], min_confidence=0.0)) if f.line == line]
    assert len(found) == 1, found
    return found[0].certainty


# a tertial report's row: 80 % is this period's outcome or last year's, 78 % last year's or the forecast
DOUBTFUL = [(0.6, {"outcome": 80, "previous": 78, "target": 85}),
            (0.4, {"previous": 80, "forecast": 78, "target": 85})]


def test_a_finding_that_holds_under_every_reading_is_certain():
    # no reading gives the row a split by sex: the finding does not rest on the doubtful columns
    report = _report(_row([(0.6, {"outcome": 80, "previous": 78, "target": 85}),
                           (0.4, {"outcome": 80, "forecast": 78, "target": 85})]))
    assert report.goals[0].indicators[0].confidence == 0.6
    assert _certainty(report, "IND-NO-GENDER-SPLIT") == 1.0


def test_a_finding_that_needs_the_doubtful_reading_is_as_sure_as_it():
    # the other reading has a forecast: IND-NO-FORECAST holds under the first only
    assert _certainty(_report(_row(DOUBTFUL)), "IND-NO-FORECAST") == 0.6


def test_a_finding_sums_every_reading_under_which_it_holds():
    # three readings, two without a forecast
    report = _report(_row([(0.5, {"outcome": 80, "previous": 78, "target": 85}),
                           (0.3, {"previous": 80, "forecast": 78, "target": 85}),
                           (0.2, {"outcome": 80, "target": 78, "kf_target": 85})]))
    assert _certainty(report, "IND-NO-FORECAST") == pytest.approx(0.7)


def test_min_confidence_withholds_a_finding_by_its_own_certainty():
    # the row is read at 0.55: the finding that needs that reading is withheld, the one that holds under
    # both is reported as certain
    row = _row([(0.55, {"outcome": 80, "previous": 78, "target": 85}),
                (0.45, {"previous": 80, "forecast": 78, "target": 85})])
    audit = audit_report_model(_report(row), Config(select=["IND-NO-FORECAST", "IND-UNMET-NO-ANALYSIS"]))
    assert [f.rule for f in audit.withheld] == ["IND-NO-FORECAST"]
    # unmet under both readings (80 % now, or 78 % forecast, against 85 %)
    assert [(f.rule, f.certainty, f.confidence) for f in audit.findings] == [("IND-UNMET-NO-ANALYSIS", 1.0, "high")]


def test_a_finding_about_a_goal_is_as_sure_as_its_surest_support():
    # two unmet rows, each unmet in only one of its readings: the rows of one table are read alike more often
    # than not, so their doubt is not taken as independent (that would make the goal's finding 0.84)
    rows = [_row([(0.6, {"outcome": 80, "previous": 90, "target": 85}),
                  (0.4, {"previous": 80, "forecast": 90, "target": 85})], line=30 + 5 * i,
                 name=f"Andel nöjda medarbetare i enhet {i}") for i in (1, 2)]
    rows[1]._readings[0] = (0.7, rows[1]._readings[0][1])
    rows[1]._readings[1] = (0.3, rows[1]._readings[1][1])
    report = _report(*rows, assessment="helt")
    assert _certainty(report, "GOAL-FULL-UNMET-IND", line=20) == 0.7


def test_the_doubt_names_the_reading_under_which_the_finding_fails():
    report = _report(_row(DOUBTFUL))
    found = audit_report(report, Config(select=["IND-NO-FORECAST"], min_confidence=0.0))
    assert found[0].confidence == "low" and found[0].doubt is not None
    assert found[0].doubt.alternative.get("forecast") == "78 %"


def test_a_row_whose_readings_are_not_known_keeps_the_measure_by_its_decisive_cells():
    row = _row(DOUBTFUL)
    row._readings = []
    assert _certainty(_report(row), "IND-NO-FORECAST") == 0.5     # the forecast's cell confidence


def test_the_parser_keeps_a_rows_readings_with_their_probabilities():
    # a flat row with fewer cells than columns: several readings, the chosen one first
    text = """Lövsjö stadsdelsnämnd
Tertialrapport 1 2025

Nämndmål:
1 Lövsjö är en attraktiv arbetsgivare

Uppfylls delvis

Indikator Periodens utfall Utfall män/pojkar Utfall kvinnor/flickor Utfall VB 2024 Prognos helår Årsmål KF:s årsmål Period

Andel medarbetare som rekommenderar sin arbetsplats 80 % 78 % 85 % 2025
"""
    row = parse_text(text, "lövsjö.txt").goals[0].indicators[0]
    readings = row._readings
    assert len(readings) > 1 and readings[0][0] == pytest.approx(row.confidence, abs=1e-4)
    assert all(a[0] >= b[0] for a, b in zip(readings, readings[1:]))
    assert 0.99 <= sum(p for p, _ in readings) <= 1.0 + 1e-9
    assert {col: (v.text if v else None) for col, v in readings[0][1].items()} == \
        {col: (v.text if v else None) for col, v in row.cells().items()}
    # and a finding about it is weighed over them, never below the chosen reading's own probability
    found = audit_report(parse_text(text, "lövsjö.txt"), Config(select=["IND-NO-FORECAST"], min_confidence=0.0))
    assert all(f.certainty >= row.confidence - 1e-4 for f in found)


def test_a_rule_of_one_row_is_weighed_with_that_row_alone_as_with_the_whole_goal(monkeypatch):
    # the weighing declares the weighed row alone when the rule's activations hold one row each; it must
    # give what declaring the goal's every row gives (a rule with two row patterns still gets them all)
    from auditor.engine import runner
    rows = [_row([(0.6, {"outcome": 80, "previous": 90, "target": 85}),
                  (0.4, {"previous": 80, "forecast": 90, "target": 85})], line=30 + 5 * i,
                 name=f"Andel nöjda medarbetare i enhet {i}") for i in (1, 2, 3)]
    rows[2]._readings = [(0.9, rows[2]._readings[0][1]), (0.1, rows[2]._readings[1][1])]
    # no split by sex under either reading, whose outcomes differ: both are run, and both give the finding
    rows.append(_row([(0.6, {"outcome": 80, "previous": 78, "target": 85}),
                      (0.4, {"outcome": 78, "forecast": 80, "target": 85})], line=50,
                     name="Andel nöjda medarbetare i enhet 4"))
    rules = ["GOAL-FULL-UNMET-IND", "IND-NO-FORECAST", "IND-UNMET-NO-ANALYSIS", "IND-NO-GENDER-SPLIT"]

    def weighed():
        found = audit_report(_report(*rows, assessment="helt"), Config(select=rules, min_confidence=0.0))
        return sorted((f.rule, f.line, f.certainty) for f in found)

    shortcut = weighed()
    assert {rule for rule, _, c in shortcut if c < 1.0} >= {"IND-NO-FORECAST"}
    # the readings other than the chosen one were run: a finding that holds under both is certain
    assert ("IND-NO-GENDER-SPLIT", 50, 1.0) in shortcut
    monkeypatch.setattr(runner, "most_patterns_of", lambda rules, fact_class: 2)
    assert weighed() == shortcut
