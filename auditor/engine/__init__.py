"""The audit engine: facts from a parsed report go into an experta knowledge engine that holds the
selected rules of the catalogue; the rules' conclusions come out as ``Finding`` objects.

``audit_report(report, config)`` is the whole pipeline for one parsed report.
"""
from __future__ import annotations

from ..config import Config
from ..findings import Finding
from ..model import Report


def audit_report(report: Report, config: Config | None = None, lang: str | None = None) -> list[Finding]:
    from ..facts import derive
    from ..knowledge import load_knowledge
    from .catalogue import load_catalogue, rule_dirs
    from .runner import run_facts

    config = config or Config()
    catalogue = load_catalogue(tuple(config.rule_dirs))
    facts = derive(report, load_knowledge(rule_dirs(tuple(config.rule_dirs))))
    return run_facts(facts, catalogue, config, lang or config.lang)
