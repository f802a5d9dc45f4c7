"""Facts: small typed records derived once from a parsed ``Report``; the rules only ever read these. Facts say
what the report states (figures, claims, cells and how sure each is); the rule modules decide what
contradicts what, with the judgements they share in ``auditor.policy`` (whether a target is met:
``auditor.policy.target``).

- ``records``: the fact classes the rules match, and the set of them for one report;
- ``derive``: that set, made from a parsed report (goals, indicator rows, activities, claims);
- ``count_readings``: what a count stated in prose ("tre av fem mål uppfylls helt", read by
  ``auditor.prose.counts``) is compared with: the parts of the report it may be about;
- ``figure_claims``: what prose states about an indicator's own figures, with the table's side beside it;
- ``text``: report text normalised for keys and cut short for excerpts.

The fact classes are exported here by name: the rule DSL (``auditor.engine.dsl``) declares one per class.
"""
from .derive import derive
from .figure_claims import FigureClaimFact
from .records import ActivityFact, ClaimFact, FactSet, GoalFact, IndicatorFact, ReportFact

__all__ = ["ActivityFact", "ClaimFact", "FactSet", "FigureClaimFact", "GoalFact", "IndicatorFact", "ReportFact",
           "derive"]
