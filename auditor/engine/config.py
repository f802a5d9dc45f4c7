"""Audit configuration: which rules run, at what severity, with which parameters, and when to fail.

Read from ``[tool.auditor]`` in ``pyproject.toml`` or from ``auditor.toml`` (top level, or also under
``[tool.auditor]``), found from the current directory upwards, or given with ``--config FILE``::

    [tool.auditor]
    select = ["GOAL", "IND"]          # rule ids or prefixes; default: all
    ignore = ["IND-NO-FORECAST"]
    fail-on = "warning"               # error | warning | info (default: error)
    rule-dirs = ["audit_rules"]       # extra rule modules, relative to the configuration file

    [tool.auditor.rules.IND-GENDER-GAP-NO-ANALYSIS]
    severity = "info"
    min_gap_points = 3
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model import MIN_CONFIDENCE   # the model holds every threshold of certainty
from ..words.catalogue import ERRORS
from ..words.errors import os_reason, refusal, refusal_words
from .catalogue import load_catalogue
from .rule_spec import SEVERITIES

_KEYS = {"select", "ignore", "fail-on", "rule-dirs", "rules", "extend-select", "min-confidence", "fail-on-uncertain"}


@dataclass
class Config:
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    fail_on: str = "error"
    rule_dirs: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    params: dict[str, dict[str, Any]] = field(default_factory=dict)
    lang: str = "sv"
    # Findings rest on table cells whose placement can be uncertain (see auditor.parser.placement).
    # Below ``min_confidence`` a finding is withheld (listed as such, not reported as a finding);
    # below the parser's certainty it is reported with low confidence and gates CI only when
    # ``fail_on_uncertain`` is set.
    min_confidence: float = MIN_CONFIDENCE
    fail_on_uncertain: bool = False
    # KF's targets a batch agreed on (auditor.knowledge.kf_vote), added to the knowledge files' when reports are read
    kf_targets: dict = field(default_factory=dict)
    source: str | None = None      # the file this came from, for messages

    def catalogue(self):
        return load_catalogue(tuple(self.rule_dirs))

    def enabled(self, catalogue) -> list[str]:
        """Rule ids to run, after --select/--ignore; unknown ids are an input error."""
        def expand(patterns: list[str], what: str) -> set[str]:
            out: set[str] = set()
            for p in patterns:
                hits = catalogue.match(p)
                if not hits:
                    raise refusal("unknown_rule_in", code="usage", option=what, rule=p)
                out.update(hits)
            return out
        chosen = expand(self.select, "select") if self.select else set(catalogue.rules)
        chosen -= expand(self.ignore, "ignore")
        for rule_id in list(self.severity) + list(self.params):
            if rule_id not in catalogue and rule_id not in catalogue.renamed:
                raise refusal("unknown_rule_in_config", self.source, code="config", rule=rule_id)
        return sorted(chosen)

    def renamed(self, catalogue) -> list[tuple[str, str, str]]:
        """(where, old id, id now) for each old id of a renamed rule that this configuration names: it keeps
        working, and the audit says so on standard error."""
        out: dict[tuple[str, str], str] = {}
        for where, ids in (("select", self.select or ()), ("ignore", self.ignore),
                           (self.source or "rules", [*self.severity, *self.params])):
            for rule_id in ids:
                old = rule_id.strip().upper()
                if old in catalogue.renamed:
                    out[(where, old)] = catalogue.renamed[old]
        return [(where, old, new) for (where, old), new in out.items()]

    def _own(self, table: dict, spec) -> list:
        """The entries of ``table`` for ``spec``: under its old ids first, then its id (which wins)."""
        return [table[r] for r in (*getattr(spec, "aliases", ()), spec.id) if r in table]

    def parameters(self, spec) -> dict[str, Any]:
        values = dict(spec.parameters)
        given = {name: value for entry in self._own(self.params, spec) for name, value in entry.items()}
        for name, value in given.items():
            if name not in values:
                known = ", ".join(sorted(values)) or "inga"
                raise refusal("no_parameter", self.source, code="config", rule=spec.id, name=name, known=known)
            default = values[name]
            if isinstance(default, (int, float)) and not isinstance(default, bool) and \
                    not (isinstance(value, (int, float)) and not isinstance(value, bool)):
                raise refusal("parameter_not_number", self.source, code="config", rule=spec.id, name=name)
            values[name] = value
        return values

    def severity_of(self, spec) -> str:
        return ([spec.severity] + self._own(self.severity, spec))[-1]


def find_config(start: Path | None = None) -> Path | None:
    """The nearest auditor.toml, or pyproject.toml that has a [tool.auditor] table, from ``start`` upwards."""
    here = (start or Path.cwd()).resolve()
    for d in (here, *here.parents):
        candidate = d / "auditor.toml"
        if candidate.is_file():
            return candidate
        candidate = d / "pyproject.toml"
        if candidate.is_file():
            try:
                text = candidate.read_text(encoding="utf-8")
            except OSError:
                continue
            # a file that never says "auditor" has no [tool.auditor]: not parsed (nor tomllib imported)
            if "auditor" in text and "auditor" in _toml(text).get("tool", {}):
                return candidate
    return None


def _toml(text: str) -> dict:
    """A pyproject.toml's tables, or none when it is not TOML (it is then not a configuration file)."""
    import tomllib   # imported when a file is read: most audits read none (about 14 ms of the start)

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return {}


def load_config(path: str | Path | None = None, search: bool = True) -> Config:
    if path is None:
        found = find_config() if search else None
        if found is None:
            return Config()
        path = found
    path = Path(path)
    import tomllib   # (see _toml)

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise refusal("config_missing", str(path), code="config") from None
    except tomllib.TOMLDecodeError as exc:
        from ..words.toml_errors import toml_problem   # (only for a file that is not TOML: not on every start)
        raise refusal("config_not_toml", str(path), code="config", problem=toml_problem(str(exc))) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise refusal("config_unreadable", str(path), code="config", reason=os_reason(exc)) from None
    table = data.get("tool", {}).get("auditor")
    if table is None:
        table = {} if path.name == "pyproject.toml" else data
    return config_from_table(table, str(path), base=path.parent)


def _did_you_mean(key: str, known) -> tuple[str, str]:
    """" (menar du fail-on?)" for a key close to a known one (fail_on, failon, fail-onn), else nothing."""
    spelled = key.replace("_", "-").lower()
    import difflib   # only to name what a misspelt key may have meant: not on every start
    close = [spelled] if spelled in known else difflib.get_close_matches(spelled, sorted(known), n=1, cutoff=0.6)
    return refusal_words("did_you_mean", names=close[0]) if close else ("", "")


def config_from_table(table: dict, source: str | None = None, base: Path | None = None) -> Config:
    def bad(key, problem, hint=("", "")):
        words = tuple(w + h for w, h in zip(ERRORS[problem], hint))
        raise refusal("config_key", source, code="config", key=key, problem=words)

    unknown = set(table) - _KEYS
    if unknown:
        key = sorted(unknown)[0]
        bad(key, "unknown_key", _did_you_mean(key, _KEYS))
    cfg = Config(source=source)

    def id_list(key):
        value = table.get(key)
        if value is None:
            return None
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            bad(key, "not_rule_ids")
        return value

    cfg.select = id_list("select")
    if id_list("extend-select"):
        cfg.select = (cfg.select or ["ALL"]) + id_list("extend-select")
    cfg.ignore = id_list("ignore") or []
    fail_on = table.get("fail-on", "error")
    if fail_on not in SEVERITIES:
        bad("fail-on", "not_severity")
    cfg.fail_on = fail_on
    floor = table.get("min-confidence", cfg.min_confidence)
    if isinstance(floor, bool) or not isinstance(floor, (int, float)) or not 0 <= floor <= 1:
        bad("min-confidence", "not_share")
    cfg.min_confidence = float(floor)
    strict = table.get("fail-on-uncertain", False)
    if not isinstance(strict, bool):
        bad("fail-on-uncertain", "not_bool")
    cfg.fail_on_uncertain = strict
    dirs = table.get("rule-dirs", [])
    if isinstance(dirs, str):
        dirs = [dirs]
    cfg.rule_dirs = [str((base / d) if base and not Path(d).is_absolute() else Path(d)) for d in dirs]
    for rule_id, opts in (table.get("rules") or {}).items():
        if not isinstance(opts, dict):
            bad(f"rules.{rule_id}", "not_table")
        opts = dict(opts)
        sev = opts.pop("severity", None)
        if sev is not None:
            if sev not in SEVERITIES:
                bad(f"rules.{rule_id}.severity", "not_severity")
            cfg.severity[rule_id] = sev
        enabled = opts.pop("enabled", None)
        if enabled is False:
            cfg.ignore.append(rule_id)
        if opts:
            cfg.params[rule_id] = opts
    return cfg
