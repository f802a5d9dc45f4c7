"""The rule catalogue: rule modules loaded from the built-in ``rules/`` directory and from user directories.

A rule module is a plain Python file with these module-level names (see the README, "Writing a rule"):

``ID`` (``"AREA-WHAT"``), ``SEVERITY`` (error/warning/info), ``TITLE`` and ``MESSAGE`` (``{"sv": ..., "en": ...}``),
``PARAMETERS`` (name -> default), ``EXAMPLES`` (pass/fail cases, also run as tests, see
``auditor.engine.examples``), ``ALIASES`` (the ids the rule had before it was renamed, oldest first), the user
documentation
-- the docstring in English and ``DOC_SV`` in Swedish; a module without ``DOC_SV`` shows its docstring in both
languages -- and one or more experta ``@Rule`` functions. Files starting with ``_`` are skipped, and so are
non-rule data files (``*.yaml``).
"""
from __future__ import annotations

import ast
import dataclasses
import difflib
import importlib.util
import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

from ..knowledge.location import builtin_rules_dir, rule_dirs
from ..words.errors import refusal, refusal_words as _words
from ..words.catalogue import ERRORS
from ..words.findings import MESSAGE_NAMES, placeholders

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


def _load_module(path: Path, package: str):
    name = f"{package}.{path.stem}"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except Exception as exc:  # a broken user rule is an input error with its file name
        del sys.modules[name]
        raise refusal("rule_module_unloadable", str(path), code="rules",
                      reason=f"{type(exc).__name__}: {exc}") from None
    return module


def _spec_from_module(module, path: Path, builtin: bool) -> RuleSpec:
    from ._experta import Rule    # experta (heavy) only when rule modules load: the light commands read source

    def need(name: str, kind):
        value = getattr(module, name, None)
        if not isinstance(value, kind):
            raise refusal("rule_module_lacks", str(path), code="rules", name=name)
        return value

    rule_id = need("ID", str)
    if not ID_RE.match(rule_id):
        raise refusal("rule_id_invalid", str(path), code="rules", rule=rule_id)
    severity = need("SEVERITY", str)
    if severity not in SEVERITIES:
        raise refusal("rule_severity_invalid", str(path), code="rules", severity=severity)
    title, message = need("TITLE", dict), need("MESSAGE", dict)
    if "sv" not in title or "sv" not in message:
        raise refusal("rule_needs_swedish", str(path), code="rules")
    doc_sv = getattr(module, "DOC_SV", None)
    if doc_sv is not None and not isinstance(doc_sv, str):
        raise refusal("rule_doc_sv", str(path), code="rules")
    rules = [v for v in vars(module).values() if isinstance(v, Rule)]
    if not rules:
        raise refusal("rule_without_rule", str(path), code="rules")
    parameters = dict(getattr(module, "PARAMETERS", {}) or {})
    aliases = _aliases(getattr(module, "ALIASES", ()), rule_id, path)
    check_patterns(rule_id, rules, parameters, path)
    if not builtin:
        # reads the module's source again (an ast.parse per module, a third of loading the catalogue): the
        # built-in modules are checked by the tests (tests/engine/test_message_placeholders.py), a user's
        # every time they load
        check_message(rule_id, message, rules, path)
    return RuleSpec(id=rule_id, severity=severity, title=title, message=message,
                    doc=(module.__doc__ or "").strip(), doc_sv=(doc_sv or "").strip(),
                    parameters=parameters,
                    examples=list(getattr(module, "EXAMPLES", []) or []), rules=rules, module=module.__name__,
                    path=str(path), builtin=builtin,
                    decisive_cells=tuple(getattr(module, "DECISIVE_CELLS", ()) or ()),
                    wording=getattr(module, "WORDING", None), aliases=aliases)


def _aliases(value, rule_id: str, path: Path | str) -> tuple[str, ...]:
    """A module's ALIASES: a list of old rule ids, each well-formed and none the rule's own id."""
    if isinstance(value, str) or not isinstance(value, (list, tuple)):
        raise refusal("rule_aliases_invalid", str(path), code="rules", rule=rule_id, alias=repr(value))
    for old in value:
        if not isinstance(old, str) or not ID_RE.match(old) or old == rule_id or list(value).count(old) > 1:
            raise refusal("rule_aliases_invalid", str(path), code="rules", rule=rule_id, alias=repr(old))
    return tuple(value)


# ------------------------------------------------------------------------------ pattern field check
# experta matches a pattern against any fact of its class and simply finds nothing when a field the
# pattern names is never declared: ``Indicator(mett=False)`` would load, run and stay silent. So every
# pattern of every rule is checked against the declared fields when the catalogue loads.

def _record_class(name: str) -> type:
    """The dataclass the facts of a ``dsl.FACT_TYPES`` entry are made from (the key is its class name)."""
    import importlib

    facts = importlib.import_module("auditor.facts")
    # auditor.facts exports them all; the other modules are looked through only when it does not
    modules = (m for n, m in list(sys.modules.items()) if m is not None and (n == "auditor" or n.startswith("auditor.")))
    for module in (facts, *modules):
        value = getattr(module, name, None)
        if isinstance(value, type) and dataclasses.is_dataclass(value) and value.__name__ == name:
            return value
    raise RuntimeError(f"dsl.FACT_TYPES names {name}, but no dataclass of that name is defined in auditor.facts")


_FACT_FIELDS: dict[tuple, dict[type, frozenset[str]]] = {}


def fact_fields() -> dict[type, frozenset[str]]:
    """Each matchable fact class (``dsl.FACT_TYPES``) -> the fields its facts are declared with (worked out
    once per set of fact types: every rule module's patterns are checked against it; do not modify it)."""
    from .dsl import FACT_TYPES    # (deferred: experta is heavy, as above)

    key = tuple(FACT_TYPES.items())
    known = _FACT_FIELDS.get(key)
    if known is None:
        known = _FACT_FIELDS[key] = {fact_class: frozenset(f.name for f in dataclasses.fields(_record_class(name)))
                                     for name, fact_class in FACT_TYPES.items()}
    return known


def _patterns(element):
    """Every fact pattern in a rule's left-hand side, through AND/OR/NOT/EXISTS/FORALL nesting."""
    from ._experta import TEST, Fact    # (deferred: experta is heavy, as above)
    from experta.conditionalelement import ConditionalElement

    if isinstance(element, Fact):
        yield element
    elif isinstance(element, ConditionalElement) and not isinstance(element, TEST):
        for part in element:
            yield from _patterns(part)


def pattern_fields(rules) -> dict[type, set[str]]:
    """Each fact class that a pattern of ``rules`` names -> the fields those patterns read (the runner
    declares only these fields of a fact, and only the classes named)."""
    from ._experta import Fact    # (deferred: experta is heavy, as above)

    out: dict[type, set[str]] = {}
    for rule in rules:
        for pattern in _patterns(rule):
            out.setdefault(type(pattern), set()).update(
                key.split("__")[0] for key in pattern if isinstance(key, str) and not Fact.is_special(key))
    return out


def check_patterns(rule_id: str, rules: list, parameters: dict[str, Any], path: Path | str) -> None:
    """Raise an InputError when a pattern names a field its fact class does not have.

    The fact classes are those of ``dsl.FACT_TYPES`` (fields: their dataclass's fields) and ``Params``
    (fields: ``rule`` and the rule's PARAMETERS); patterns on other classes are left alone."""
    from ._experta import Fact    # (deferred: experta is heavy, as above)
    from .dsl import Params    # (deferred: experta is heavy, as above)

    known = dict(fact_fields())
    known[Params] = frozenset(parameters) | {"rule"}
    for rule in rules:
        function = getattr(getattr(rule, "_wrapped", None), "__name__", None) or "?"
        for pattern in _patterns(rule):
            fields = known.get(type(pattern))
            if fields is None:
                continue
            for key in pattern:
                if Fact.is_special(key):            # __bind__ (AS.x << ...), experta's own keys
                    continue
                name = key.split("__")[0] if isinstance(key, str) else key   # a__b: nested access in a
                if name in fields:
                    continue
                kind = type(pattern).__name__
                close = difflib.get_close_matches(str(name), sorted(fields), n=1, cutoff=0.6)
                if type(pattern) is Params:
                    subject = f"Params({key}=…)"
                    lacks = _words("rule_lacks_parameter", name=name)
                    known = _words("rule_parameters", listing=", ".join(sorted(parameters)) or ERRORS["none"])
                else:
                    subject = f"{kind}({key}=…)"
                    lacks = _words("fact_lacks_field", kind=kind, name=name)
                    known = _words("fact_fields", listing=", ".join(sorted(fields)))
                hint = _words("did_you_mean_field", name=close[0]) if close else known
                raise refusal("rule_pattern_field", str(path), code="rules", rule=rule_id, function=function,
                              subject=subject, lacks=lacks, hint=hint)


def _templates(message: dict) -> list[str]:
    """Every text of a MESSAGE: one per language, and one per language of each named variant."""
    out = []
    for value in message.values():
        out.extend(_templates(value) if isinstance(value, dict) else [value] if isinstance(value, str) else [])
    return out


def _added_words(path: Path | str) -> set[str] | None:
    """The names a rule module adds to its findings' messages, read from its source: the keys of the dicts
    its WORDING returns and the keywords of its ``engine.flag`` calls; None when they cannot be read (a
    WORDING that returns anything but a dict written out, a flag call given ``**`` keywords)."""
    tree = ast.parse(Path(path).read_text(encoding="utf-8"), str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name == "WORDING":
            for ret in (n for n in ast.walk(node) if isinstance(n, ast.Return)):
                if not isinstance(ret.value, ast.Dict) or not all(
                        isinstance(k, ast.Constant) and isinstance(k.value, str) for k in ret.value.keys):
                    return None
                names.update(k.value for k in ret.value.keys)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "flag":
            if any(k.arg is None for k in node.keywords):
                return None
            names.update(k.arg for k in node.keywords if k.arg != "message")
    return names


def check_message(rule_id: str, message: dict, rules: list, path: Path | str) -> None:
    """Raise an InputError when a MESSAGE names a placeholder no finding of the rule fills: a field of none
    of the facts its patterns match, no word its module adds (WORDING, ``engine.flag`` keywords) and none
    of the names every message may use (``words.findings.MESSAGE_NAMES``). Without this check the name
    would be written as empty text in every finding."""
    added = _added_words(path)
    if added is None:
        return
    facts = fact_fields()
    known = set(MESSAGE_NAMES) | added
    for rule in rules:
        for pattern in _patterns(rule):
            known |= facts.get(type(pattern), frozenset())
    for template in _templates(message):
        unknown = sorted(placeholders(template) - known)
        if unknown:
            close = difflib.get_close_matches(unknown[0], sorted(known), n=1, cutoff=0.6)
            hint = _words("did_you_mean_field", name=close[0]) if close else ""
            raise refusal("rule_message_placeholder", str(path), code="rules", rule=rule_id, name=unknown[0],
                          hint=hint)


@lru_cache(maxsize=8)
def load_catalogue(extra_dirs: tuple[str, ...] = ()) -> Catalogue:
    cat = Catalogue(dirs=rule_dirs(extra_dirs))
    builtin = builtin_rules_dir()
    sources = [(builtin, "auditor_rules", True)]
    for i, d in enumerate(extra_dirs):
        p = Path(d)
        if not p.is_dir():
            raise refusal("rules_folder_missing", d, code="rules")
        sources.append((p, f"auditor_user_rules_{i}_{abs(hash(str(p.resolve()))) % 10**8}", False))
    for directory, package, is_builtin in sources:
        for path in sorted(directory.glob("*.py")):
            if path.name.startswith("_"):
                continue
            cat.add(_spec_from_module(_load_module(path, package), path, is_builtin))
    return cat


# ------------------------------------------------------------------------------ the catalogue as declared
# ``auditor rules`` and ``explain`` show only what a rule module declares (ID, TITLE, DOC_SV, EXAMPLES, ...),
# which the built-in modules write as plain literals: reading them from the source spares importing the
# modules and experta with them. A module that computes any of them, and every user folder (whose modules
# must load and pass the checks above to be listed), go through ``load_catalogue``; a test holds the two
# readings of the built-in catalogue equal.

_DECLARED = ("ID", "SEVERITY", "TITLE", "MESSAGE", "PARAMETERS", "EXAMPLES", "DOC_SV", "DECISIVE_CELLS", "ALIASES")


def _declared(path: Path) -> dict | None:
    """The module's docstring and literal declarations; None when one of them is not a plain literal."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found: dict[str, Any] = {"__doc__": ast.get_docstring(tree, clean=False)}
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else (
            [node.target] if isinstance(node, (ast.AnnAssign, ast.AugAssign)) else [])
        names = [n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name) and n.id in _DECLARED]
        if not names:
            continue
        if isinstance(node, ast.AugAssign) or len(targets) != 1 or not isinstance(targets[0], ast.Name) \
                or node.value is None:
            return None                     # declared in a way this reading does not follow
        try:
            found[names[0]] = ast.literal_eval(node.value)
        except (ValueError, TypeError, SyntaxError, RecursionError):
            return None
    return found


def _declared_spec(path: Path) -> RuleSpec | None:
    """A built-in rule's spec from its declarations (without its experta rules), or None when they are not
    all plain and well-formed (then the module is loaded, and its errors are told as usual)."""
    d = _declared(path)
    if d is None:
        return None
    rule_id, severity, title, message = d.get("ID"), d.get("SEVERITY"), d.get("TITLE"), d.get("MESSAGE")
    doc_sv, parameters, aliases = d.get("DOC_SV"), d.get("PARAMETERS") or {}, d.get("ALIASES", ())
    if not (isinstance(aliases, (list, tuple)) and all(isinstance(a, str) and ID_RE.match(a) for a in aliases)
            and rule_id not in aliases and len(set(aliases)) == len(aliases)):
        return None
    if not (isinstance(rule_id, str) and ID_RE.match(rule_id) and severity in SEVERITIES
            and isinstance(title, dict) and isinstance(message, dict) and "sv" in title and "sv" in message
            and (doc_sv is None or isinstance(doc_sv, str)) and isinstance(parameters, dict)):
        return None
    return RuleSpec(id=rule_id, severity=severity, title=title, message=message, doc=(d["__doc__"] or "").strip(),
                    doc_sv=(doc_sv or "").strip(), parameters=dict(parameters),
                    examples=list(d.get("EXAMPLES") or []), rules=[], module=f"auditor_rules.{path.stem}",
                    path=str(path), builtin=True, decisive_cells=tuple(d.get("DECISIVE_CELLS") or ()),
                    aliases=tuple(aliases))


def declared_catalogue(extra_dirs: tuple[str, ...] = ()) -> Catalogue:
    """The catalogue for listing and documentation: the rules' ids, words, parameters and examples, without
    their experta rules (``rules`` is empty) when the built-in modules can be read as declared; else, and
    with user folders, the loaded catalogue."""
    if extra_dirs:
        return load_catalogue(tuple(extra_dirs))
    cat = Catalogue(dirs=rule_dirs())
    for path in sorted(builtin_rules_dir().glob("*.py")):
        if path.name.startswith("_"):
            continue
        spec = _declared_spec(path)
        if spec is None or any(i in cat.rules or i in cat.renamed for i in (spec.id, *spec.aliases)):
            return load_catalogue()
        cat.add(spec)
    return cat
