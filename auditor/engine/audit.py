"""One parsed report audited: its facts derived with the knowledge, the selected rules of the catalogue
run over them; the findings come out as data, and each output words them in its reader's language
(``auditor.words.findings``)."""
from __future__ import annotations

from ..facts import FactSet, derive
from ..findings import Finding
from ..knowledge import load_knowledge
from ..knowledge.location import rule_dirs
from ..model import Report
from .catalogue import load_catalogue
from .config import Config
from .runner import record_kinds, run_facts


def audit_report(report: Report, config: Config | None = None) -> list[Finding]:
    return audit_facts(report, config)[1]


def audit_facts(report: Report, config: Config | None = None) -> tuple[FactSet, list[Finding]]:
    """The facts judged (whose indicator statuses the outputs show) and the findings."""
    config = config or Config()
    catalogue = load_catalogue(tuple(config.rule_dirs))
    specs = [catalogue[r] for r in config.enabled(catalogue)]
    facts = derive(report, load_knowledge(rule_dirs(tuple(config.rule_dirs))), record_kinds(specs))
    return facts, run_facts(facts, catalogue, config)
