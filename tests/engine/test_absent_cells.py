"""A finding is as sure as every cell it rests on, present or empty: IND-NO-GENDER-SPLIT on a row read with
doubt, whose values printed after the outcome could be its split, is no surer than the row's reading."""
from __future__ import annotations

from auditor.engine.config import Config
from auditor.engine.audit import audit_report
from auditor.model import UNSURE_ROW, Goal, Report
from auditor.words.findings import evidence_of

from ..factories import indicator

COLUMNS = ("outcome", "outcome_men", "outcome_women", "previous", "target", "kf_target")


def _row(outcome, previous, target, kf=None, confidence=0.45, unit="st"):
    row = indicator("Antal unga som deltar i sommarskolan", 30, outcome=outcome, previous=previous, target=target,
                    unit=unit, kf_target=None)
    if kf is not None:
        row.kf_target = indicator("x", 1, outcome=kf, unit=unit).outcome
    row.confidence = confidence
    row.columns_certain = confidence >= 0.9
    row.cell_confidence = {c: 0.98 for c in COLUMNS}
    return row


def _finding(row, min_confidence=0.0):
    goal = Goal(id="g1", level="namndmal", number="1", title="Fler unga i Lövsjö lär sig simma", line=20,
                assessment="helt", indicators=[row])
    report = Report(source="lövsjö.txt", report_kind="VB", year=2020, goals=[goal], line_count=100)
    found = audit_report(report, Config(select=["IND-NO-GENDER-SPLIT"], min_confidence=min_confidence))
    return found[0] if found else None


def test_equal_values_after_the_outcome_could_be_its_split():
    row = _row(84, 84, 84, kf=84)
    assert row.split_reading() is not None and row.cell_sure("outcome_men") == 0.45
    f = _finding(row)
    assert f.certainty == 0.45 and "84" in evidence_of(f, "sv")["doubt"]


def test_a_count_whose_next_two_values_add_up_to_it():
    assert _row(84, 40, 44).split_reading() is not None
    assert _row(84, 40, 40).split_reading() is None


def test_values_that_cannot_be_a_split_leave_the_empty_cells_sure():
    row = _row(38, 40, 40)
    assert row.cell_sure("outcome_men") == 0.98     # its own cell confidence: no other reading fills it
    assert _finding(row).certainty == 0.98
    pct = _row(94.5, 94.7, 95.5, unit="%")
    assert pct.split_reading() is None


def test_a_row_read_for_certain_keeps_its_empty_cells():
    row = _row(84, 84, 84, kf=84, confidence=0.95)
    assert row.cell_sure("outcome_men") == 0.98     # its own cell confidence: no other reading fills it
    assert _finding(row).certainty == 0.98


def test_one_answer_for_how_sure_a_cell_is():
    """``Indicator.cell_sure`` is what the facts, the KF vote and the findings ask."""
    row = _row(84, 40, 40, confidence=0.95)
    assert row.cell_sure("forecast") == 1.0             # a column the table does not have is surely empty
    row.cell_confidence = {}
    assert row.cell_sure("outcome") == 1.0              # no per-cell confidence: as sure as the row's columns
    row.columns_certain = False
    assert row.cell_sure("outcome") == UNSURE_ROW


def _unmet_finding(kind, forecast_sure):
    """IND-UNMET-NO-ANALYSIS on a row without a forecast whose outcome misses the target; the runner-up
    reading would put the last value in the forecast column."""
    row = indicator("Andel elever som når målen i simning", 30, outcome=61, previous=64, target=80, unit="%")
    row.confidence = 0.55
    row.columns_certain = False
    row.cell_confidence = {c: 0.98 for c in ("outcome", "previous", "target")} | {"forecast": forecast_sure}
    row.alternative = {"outcome": row.outcome, "forecast": row.previous, "target": row.target}
    goal = Goal(id="g1", level="namndmal", number="1", title="Fler elever lär sig simma", line=20,
                assessment="delvis", indicators=[row])
    report = Report(source="lövsjö.txt", report_kind=kind, year=2020, goals=[goal], line_count=100)
    found = audit_report(report, Config(select=["IND-UNMET-NO-ANALYSIS"], min_confidence=0.0))
    assert len(found) == 1
    return found[0]


def test_in_a_tertial_report_the_empty_forecast_is_a_decisive_cell():
    """In a T1 the outcome stands in for the forecast only because the forecast is empty: when another
    reading of the row would fill it, the comparison is as unsure as the row's reading."""
    f = _unmet_finding("T1", forecast_sure=0.98)
    assert f.certainty == 0.55 and "forecast" in (f.doubt.columns if f.doubt else [])


def test_in_an_annual_report_the_forecast_does_not_decide():
    assert _unmet_finding("VB", forecast_sure=0.98).certainty == 0.98
