"""A count claim is compared only with a set of goals that carries assessments; a count one off where a row
of the set is unsure, or a table line under the goal was not placed, is reported with doubt."""
from __future__ import annotations

from auditor.facts.derive import derive
from auditor.knowledge import builtin_knowledge
from auditor.model import Diagnostic, Goal, Paragraph, Report
from auditor.policy.counts import verdict

from ..factories import indicator

K = builtin_knowledge()


def _report(goals, narrative=(), diagnostics=()) -> Report:
    return Report(source="lövsjö.txt", report_kind="VB", year=2020, goals=list(goals),
                  narrative=[Paragraph(line=3, text=t) for t in narrative], diagnostics=list(diagnostics),
                  line_count=500)


def _claims(report):
    return [(v.consistent, v.certain) for v in map(verdict, derive(report, K).claims)]


def _kf_and_own(kf_marker, own_markers):
    goals = [Goal(id=f"k{i}", level="inriktningsmal", number=str(i), title=f"Staden växer på sätt {i}",
                  line=10 + i * 40, assessment=kf_marker) for i in range(1, 3)]
    goals += [Goal(id=f"n{i}", parent="k1", level="namndmal", number=f"1.{i}", title=f"Lövsjö blir bättre på {i}",
                   line=100 + i * 5, assessment=m) for i, m in enumerate(own_markers, 1)]
    return goals


def test_goals_without_assessments_check_no_count():
    """Four of seven "inriktningsmål" cannot be checked against two KF goals that carry no marker."""
    text = "Nämnden bedömer att fyra av sju inriktningsmål för verksamheten har uppfyllts och tre uppfylls delvis."
    assert _claims(_report(_kf_and_own(None, ["helt", "delvis"]), [text])) == [(None, True)]
    # the same two goals assessed: now the count is checked, and it is wrong
    assert _claims(_report(_kf_and_own("helt", ["helt", "delvis"]), [text])) == [(False, True)]


def test_a_set_with_unassessed_members_gives_doubt():
    text = "Två av tre nämndmål uppfylls helt."
    assert _claims(_report(_kf_and_own(None, ["helt", "delvis", "inte"]), [text])) == [(False, True)]
    assert _claims(_report(_kf_and_own(None, ["helt", "delvis", None]), ["Tre av tre nämndmål uppfylls helt."])) \
        == [(False, False)]


def _goal_with_rows(rows, analysis):
    return Goal(id="g1", level="namndmal", number="1", title="Fler unga i Lövsjö har ett fritidsjobb", line=20,
                assessment="delvis", analysis=analysis, analysis_line=22, indicators=rows)


ROWS = [indicator("Andel unga med fritidsjobb", 40, outcome=70, target=75),
        indicator("Andel unga som fått stöd", 50, outcome=80, target=75),
        indicator("Andel nöjda unga", 60, outcome=90, target=85)]


def test_a_count_one_off_is_sure_when_every_row_is_read_for_certain():
    goal = _goal_with_rows(ROWS, "Tre av fyra indikatorer uppnås.")
    assert _claims(_report([goal])) == [(False, True)]


def test_a_count_one_off_with_a_line_not_placed_under_the_goal_is_unsure():
    goal = _goal_with_rows(ROWS, "Tre av fyra indikatorer uppnås.")
    lost = Diagnostic(line=45, code="unplaced-indicator-table", message="-", text="Antal unga 12 st 10 st")
    assert _claims(_report([goal], diagnostics=[lost])) == [(False, False)]
    # a line not placed under another part of the report says nothing of this goal's rows
    other = Goal(id="g2", level="namndmal", number="2", title="Fler äldre i Lövsjö är nöjda", line=300)
    far = Diagnostic(line=400, code="unplaced-indicator-table", message="-", text="Antal unga 12 st 10 st")
    assert _claims(_report([goal, other], diagnostics=[far])) == [(False, True)]


def test_a_count_one_off_with_an_unsure_row_is_unsure_and_two_off_is_not():
    rows = [r.model_copy() for r in ROWS]
    rows[2].columns_certain = False
    assert _claims(_report([_goal_with_rows(rows, "Tre av fyra indikatorer uppnås.")])) == [(False, False)]
    assert _claims(_report([_goal_with_rows(rows, "Fem av sex indikatorer uppnås.")])) == [(False, True)]
