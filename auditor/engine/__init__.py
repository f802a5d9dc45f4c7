"""The audit engine: facts from a parsed report go into an experta knowledge engine that holds the
selected rules of the catalogue; the rules' conclusions come out as ``Finding`` objects that carry data
(the facts, their figures, the certainty): the words come last, in the outputs.

``audit_report(report, config)`` is the whole pipeline for one parsed report; ``audit_facts`` also returns the
facts it judged, whose indicator statuses the outputs show.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..knowledge import load_knowledge
from ..knowledge.location import rule_dirs
from .catalogue import load_catalogue
from .config import Config

if TYPE_CHECKING:   # imported when used: ``auditor rules`` and ``explain`` read the catalogue without them
    from ..facts import FactSet
    from ..findings import Finding
    from ..model import Report


def audit_report(report: Report, config: Config | None = None) -> list[Finding]:
    return audit_facts(report, config)[1]


def audit_facts(report: Report, config: Config | None = None) -> tuple[FactSet, list[Finding]]:
    # deferred: this package runs whenever the catalogue is read (``auditor rules``, ``explain``), and the
    # facts and the runner bring pydantic and experta, most of a command's start-up
    from ..facts import derive
    from .runner import run_facts
    config = config or Config()
    catalogue = load_catalogue(tuple(config.rule_dirs))
    facts = derive(report, load_knowledge(rule_dirs(tuple(config.rule_dirs))))
    # findings as data: each output words them in its reader's language (``auditor.words.findings``)
    return facts, run_facts(facts, catalogue, config)
