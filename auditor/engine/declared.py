"""The catalogue as declared: ``auditor rules`` and ``explain`` show only what a rule module declares (ID,
TITLE, DOC_SV, EXAMPLES, ...), which the built-in modules write as plain literals: reading them from the
source spares importing the modules and experta with them. A module that computes any of them, and every
user folder (whose modules must load and pass the catalogue's checks to be listed), go through
``catalogue.load_catalogue``; a test holds the two readings of the built-in catalogue equal.
"""
from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

from ..knowledge.location import builtin_rules_dir, rule_dirs
from .rule_spec import ID_RE, SEVERITIES, Catalogue, RuleSpec

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
    cat = None if extra_dirs else _built_in_as_declared()
    if cat is None:
        # deferred: loading rule modules brings experta and the facts (heavy), needed here only for user
        # folders and for a built-in module whose declarations are not plain literals
        from .catalogue import load_catalogue
        return load_catalogue(tuple(extra_dirs))
    return cat


def _built_in_as_declared() -> Catalogue | None:
    """The built-in catalogue read from source; None when a module cannot be read so."""
    cat = Catalogue(dirs=rule_dirs())
    for path in sorted(builtin_rules_dir().glob("*.py")):
        if path.name.startswith("_"):
            continue
        spec = _declared_spec(path)
        if spec is None or any(i in cat.rules or i in cat.renamed for i in (spec.id, *spec.aliases)):
            return None
        cat.add(spec)
    return cat
