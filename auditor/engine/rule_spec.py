"""What the catalogue holds: a rule as it is declared (``RuleSpec``: its id, words, parameters, examples and,
once its module is loaded, its experta rules) and the catalogue of them (``Catalogue``: ids, renamed ids,
--select/--ignore patterns). No experta here: the light commands (``auditor rules``, ``explain``) hold specs
read from source (``engine.declared``), the audit specs loaded with their modules (``engine.catalogue``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from ..words.errors import refusal

SEVERITIES = ("error", "warning", "info")
ID_RE = re.compile(r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$")


@dataclass
class RuleSpec:
    id: str
    severity: str
    title: dict[str, str]
    message: dict[str, str]
    doc: str              # the English documentation: the module's docstring
    doc_sv: str           # the Swedish documentation: the module's DOC_SV, "" when it has none
    parameters: dict[str, Any]
    examples: list[dict]
    rules: list[Any]
    module: str
    path: str
    builtin: bool = True
    # The table cells a finding of this rule rests on (DECISIVE_CELLS in the module; "figure" is the
    # cell compared with the target): the finding is as sure as the least sure of them.
    decisive_cells: tuple[str, ...] = ()
    # The words a finding's message needs beyond the fact's own fields (WORDING in the module, called with
    # the subject fact): made when the finding is written, so that rule actions only say what they found.
    wording: Callable[[dict], dict] | None = None
    # The ids the rule had before it was renamed (ALIASES in the module), oldest first: configurations,
    # --select/--ignore and explain that name one still mean this rule, with a note that it was renamed.
    aliases: tuple[str, ...] = ()

    @property
    def fingerprint_id(self) -> str:
        """The id a finding's fingerprint is made from: the rule's first id, so that a renamed rule's findings
        keep the fingerprints that baselines and review decisions recorded under its old id."""
        return self.aliases[0] if self.aliases else self.id

    def summary(self, lang: str = "sv") -> str:
        return self.title.get(lang) or self.title.get("sv") or self.id

    def documentation(self, lang: str = "sv") -> str:
        """The user documentation in ``lang``; a rule without DOC_SV shows its docstring in Swedish too."""
        return (self.doc or self.doc_sv) if lang == "en" else (self.doc_sv or self.doc)


@dataclass
class Catalogue:
    rules: dict[str, RuleSpec] = field(default_factory=dict)
    dirs: tuple[str, ...] = ()
    renamed: dict[str, str] = field(default_factory=dict)     # an old id (a rule's ALIASES) -> its id now

    def __iter__(self):
        return iter(self.rules[k] for k in sorted(self.rules))

    def __len__(self):
        return len(self.rules)

    def __contains__(self, rule_id: str) -> bool:
        return rule_id in self.rules

    def __getitem__(self, rule_id: str) -> RuleSpec:
        return self.rules[rule_id]

    def add(self, spec: RuleSpec) -> None:
        """Add a rule; its id and its old ids must be free (an old id is never another rule's id)."""
        for rule_id in (spec.id, *spec.aliases):
            holder = self.rules.get(self.renamed.get(rule_id, rule_id))
            if holder is not None:
                raise refusal("rule_id_taken", spec.path, code="rules", rule=rule_id, path=holder.path)
        self.rules[spec.id] = spec
        for old in spec.aliases:
            self.renamed[old] = spec.id

    def current_id(self, rule_id: str) -> str:
        """The id a rule has now: ``rule_id`` itself, or the rule's new id when it is an old one."""
        return self.renamed.get(rule_id, rule_id)

    def match(self, pattern: str) -> list[str]:
        """Rule ids a --select/--ignore entry means: an exact id, an old id of a renamed rule, a prefix
        ("GOAL", "IND-NO") or "ALL"."""
        p = pattern.strip().upper().rstrip("*")
        if p in ("ALL", ""):
            return sorted(self.rules)
        if p in self.rules:
            return [p]
        if p in self.renamed:
            return [self.renamed[p]]
        stem = p.rstrip("-") + "-"
        return sorted(r for r in self.rules if r.startswith(stem))


def check_aliases(value, rule_id: str, path: Path | str) -> tuple[str, ...]:
    """A module's ALIASES: a list of old rule ids, each well-formed and none the rule's own id."""
    if isinstance(value, str) or not isinstance(value, (list, tuple)):
        raise refusal("rule_aliases_invalid", str(path), code="rules", rule=rule_id, alias=repr(value))
    for old in value:
        if not isinstance(old, str) or not ID_RE.match(old) or old == rule_id or list(value).count(old) > 1:
            raise refusal("rule_aliases_invalid", str(path), code="rules", rule=rule_id, alias=repr(old))
    return tuple(value)
