"""What a rule module imports: the experta building blocks and the fact types it can match.

A rule's left-hand side reads like the policy it encodes::

    @Rule(AS.goal << Goal(assessment="helt", id=MATCH.goal_id),
          AS.indicator << Indicator(goal=MATCH.goal_id, met=False))
    def unmet_indicator_under_full_goal(engine, goal, indicator):
        engine.flag(ID, goal, indicator)

and its right-hand side only records the finding with ``engine.flag(rule_id, subject, *items, **evidence)``:
``subject`` is the fact the finding is about (its line, goal and fingerprint come from it), ``items`` are
the facts that show the problem (several activations with the same subject become one finding listing
all items) and ``evidence`` adds figures for the reviewer.

Fact fields are documented in ``auditor.facts`` (``GoalFact``, ``IndicatorFact``, ``ActivityFact``,
``ClaimFact``, ``ReportFact``). A rule's parameters are matched like any fact:
``Params(rule=ID, min_gap_points=MATCH.min_points)``.
"""
from __future__ import annotations

from ._experta import AND, AS, EXISTS, FORALL, L, MATCH, NOT, OR, P, TEST, W, Fact, RecordFact, Rule


class Report(RecordFact):
    """The report as a whole: ``source``, ``committee``, ``unit``, ``kind`` (VB/T1/T2), ``year``."""


class Goal(RecordFact):
    """One goal (see ``auditor.facts.GoalFact``)."""


class Indicator(RecordFact):
    """One indicator row (see ``auditor.facts.IndicatorFact``)."""


class Activity(RecordFact):
    """One activity row (see ``auditor.facts.ActivityFact``)."""


class Claim(RecordFact):
    """One count claim found in prose (see ``auditor.facts.ClaimFact``)."""


class FigureClaim(RecordFact):
    """What a sentence states about one indicator's own figure, target reached or trend, set against the
    table (see ``auditor.facts.figure_claims.FigureClaimFact``)."""


class Params(Fact):
    """A rule's parameters after configuration: ``Params(rule=ID, <name>=<value>, ...)``."""


# record class name -> fact class. Each is a RecordFact: the runner declares a record with only the fields
# the selected rules' patterns read, and the rest is read from the record when a finding is written.
FACT_TYPES = {"ReportFact": Report, "GoalFact": Goal, "IndicatorFact": Indicator, "ActivityFact": Activity,
              "ClaimFact": Claim, "FigureClaimFact": FigureClaim}

__all__ = ["AND", "AS", "EXISTS", "FORALL", "L", "MATCH", "NOT", "OR", "P", "TEST", "W", "Rule",
           "Report", "Goal", "Indicator", "Activity", "Claim", "FigureClaim", "Params"]
