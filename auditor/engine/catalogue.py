"""The rule catalogue: rule modules loaded from the built-in ``rules/`` directory and from user directories,
each checked as it loads (its patterns name fields their facts have, its MESSAGE names only what a finding
fills). What the catalogue holds is in ``rule_spec``; ``declared`` reads it from source for the commands
that only list and document the rules, without this module and experta.

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
import importlib.util
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

from .. import facts
from ..knowledge.location import builtin_rules_dir, rule_dirs
from ..words.catalogue import ERRORS
from ..words.errors import refusal, refusal_words as _words
from ..words.findings import MESSAGE_NAMES, placeholders
from ._experta import TEST, ConditionalElement, Fact, Rule
from .dsl import FACT_TYPES, Params
from .rule_spec import ID_RE, SEVERITIES, Catalogue, RuleSpec, check_aliases


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
    aliases = check_aliases(getattr(module, "ALIASES", ()), rule_id, path)
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


# ------------------------------------------------------------------------------ pattern field check
# experta matches a pattern against any fact of its class and simply finds nothing when a field the
# pattern names is never declared: ``Indicator(mett=False)`` would load, run and stay silent. So every
# pattern of every rule is checked against the declared fields when the catalogue loads.

def _record_class(name: str) -> type:
    """The dataclass the facts of a ``dsl.FACT_TYPES`` entry are made from (the key is its class name)."""
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
    key = tuple(FACT_TYPES.items())
    known = _FACT_FIELDS.get(key)
    if known is None:
        known = _FACT_FIELDS[key] = {fact_class: frozenset(f.name for f in dataclasses.fields(_record_class(name)))
                                     for name, fact_class in FACT_TYPES.items()}
    return known


def _patterns(element):
    """Every fact pattern in a rule's left-hand side, through AND/OR/NOT/EXISTS/FORALL nesting."""
    if isinstance(element, Fact):
        yield element
    elif isinstance(element, ConditionalElement) and not isinstance(element, TEST):
        for part in element:
            yield from _patterns(part)


def most_patterns_of(rules, fact_class: type) -> int:
    """The most patterns on ``fact_class`` that one of ``rules`` holds: with at most one, an activation of
    such a rule holds at most one fact of that class."""
    return max((sum(1 for p in _patterns(rule) if type(p) is fact_class) for rule in rules), default=0)


def pattern_fields(rules) -> dict[type, set[str]]:
    """Each fact class that a pattern of ``rules`` names -> the fields those patterns read (the runner
    declares only these fields of a fact, and only the classes named)."""
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
                import difflib   # only to name what a misspelt field may have meant: not on every start
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
            import difflib   # (see above)
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
