"""Facts: small typed records derived once from a parsed ``Report``; the rules only ever read these.

- ``derive``: the fact set of a report (goals, indicator rows, activities, claims);
- ``indicator_status``: whether an indicator meets its target (figure, target, direction), decided once;
- ``count_claims`` reads what prose says about counts ("tre av fem mål uppfylls helt");
- ``figure_claims``: what prose states about an indicator's own figures, set against the table.

The fact classes are exported here by name: the rule DSL (``auditor.engine.dsl``) declares one per class.
"""
from .derive import ActivityFact, ClaimFact, FactSet, GoalFact, IndicatorFact, ReportFact, derive
from .figure_claims import FigureClaimFact

__all__ = ["ActivityFact", "ClaimFact", "FactSet", "FigureClaimFact", "GoalFact", "IndicatorFact", "ReportFact",
           "derive"]
