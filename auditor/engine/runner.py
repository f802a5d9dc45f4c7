"""Run the selected rules of the catalogue over the facts of one report and collect ``Finding`` objects."""
from __future__ import annotations

import dataclasses
from typing import Any

from ..facts import FactSet
from ..facts.count_readings import certainty as claim_certainty
from ..policy.target import figure_cells, is_band
from ..findings import Doubt, Finding, GoalRef, Said, fingerprint
# CERTAIN: below it a finding is shown with low confidence
from ..model import CERTAIN, UNSURE_ROW, VALUE_COLUMNS, page_of, same_print
from .certainty import Weigher
from ._experta import MemberCachingEngine, TypeRoutedMatcher, unfreeze
from .catalogue import most_patterns_of, pattern_fields
from .dsl import FACT_TYPES, Params


class AuditEngine(MemberCachingEngine):
    """The knowledge engine; subclasses created by ``engine_class`` carry the selected rules."""

    __matcher__ = TypeRoutedMatcher

    def __init__(self):
        super().__init__()
        self.flags: dict[tuple[str, str], dict[str, Any]] = {}

    def flag(self, rule_id: str, subject, *items, message: str | None = None, **evidence) -> None:
        """Record that rule ``rule_id`` found a problem with ``subject`` (a fact), shown by ``items``.

        ``message`` names a variant of the rule's MESSAGE (``MESSAGE[variant][lang]``) for rules that
        state their policy in more than one way; ``evidence`` is added to the finding's evidence (a value
        given as ``{"sv": ..., "en": ...}`` is taken in the language of the output). Words that only fill
        the message come from the rule module's ``WORDING(subject)``; the message is worded at output
        (``auditor.words.findings``)."""
        key = (rule_id, subject["key"])
        entry = self.flags.setdefault(key, {"rule": rule_id, "subject": subject, "items": {}, "evidence": {},
                                            "message": message})
        for item in items:
            entry["items"].setdefault(item["key"], item)
        entry["evidence"].update(evidence)


_CLASSES: dict[tuple, type] = {}


def engine_class(specs) -> type:
    """A KnowledgeEngine subclass holding the rules of ``specs`` (cached per selection)."""
    key = tuple(s.module for s in specs)
    cls = _CLASSES.get(key)
    if cls is None:
        attrs = {"matched_fields": pattern_fields(r for spec in specs for r in spec.rules), "layouts": {}}
        for spec in specs:
            for i, rule in enumerate(spec.rules):
                attrs[f"rule_{spec.id.replace('-', '_')}_{i}"] = rule
        cls = type("SelectedRules", (AuditEngine,), attrs)
        _CLASSES[key] = cls
    return cls


def record_kinds(specs) -> set[str]:
    """The names of the record classes whose facts the rules of ``specs`` match (``dsl.FACT_TYPES``): the
    facts of no other class are declared, so they need not be derived either."""
    matched = engine_class(specs).matched_fields
    return {name for name, fact_class in FACT_TYPES.items() if fact_class in matched}


def _layout(engine: AuditEngine, record_type: type) -> tuple[type, tuple[str, ...]] | None:
    """How a record of ``record_type`` is declared: its fact class and the fields that the rules' patterns
    read, with the record's key (a fact's identity: experta drops a fact equal to one declared before);
    None when no rule matches its class, so that it is not declared at all."""
    layouts = engine.layouts
    if record_type not in layouts:
        fact_class = FACT_TYPES.get(record_type.__name__)
        read = engine.matched_fields.get(fact_class)
        layouts[record_type] = None if read is None else (fact_class, tuple(
            f.name for f in dataclasses.fields(record_type) if f.name in read or f.name == "key"))
    return layouts[record_type]


def declare(engine: AuditEngine, params: list, records) -> list:
    """Declare the rules' ``params`` and the facts of ``records`` that a selected rule can match, in one
    ``declare`` (experta recomputes its agenda once per call, not once per fact); the facts declared.

    A fact that fails the tests of its own fields in every pattern of its class (a figure claim that no
    rule finds contradicting, an activity without a deviation) never reaches a join or a rule, so experta
    would only number it, hash it and test it: on the largest report three facts in four. Left out, the
    activations are the same, made in the same order, and the agenda orders them alike (by their facts'
    numbers, which keep their order). Each fact carries a unique ``key``, so none was ever dropped as a
    duplicate of one that is now left out. ``tests/engine/test_declared_facts.py`` holds this to
    declaring every fact."""
    root = engine.matcher.root_node
    facts = []
    for record in records:
        layout = _layout(engine, type(record))
        if layout is not None:
            fact = layout[0].from_record(record, layout[1])
            if root.reaches(fact):
                facts.append(fact)
    engine.declare(*params, *facts)
    return facts


_ENGINES: dict[tuple, AuditEngine] = {}


def _engine_for(specs) -> AuditEngine:
    """One engine per rule selection and process, reused: building experta's network of patterns costs
    more than a small report's whole audit, and reset() empties its facts, agenda and memories. (Audits in
    parallel run in processes, never in threads, so one engine is never used by two audits at once.)"""
    key = tuple(s.module for s in specs)
    engine = _ENGINES.get(key)
    if engine is None:
        engine = _ENGINES[key] = engine_class(specs)()
    engine.flags = {}
    return engine


def _plain(fact) -> dict[str, Any]:
    """A fact's fields as plain values: all of its record's, for a fact made from one."""
    record = getattr(fact, "record", None)
    if record is not None:
        return _fields_of(record)
    return {k: unfreeze(v) for k, v in fact.items() if isinstance(k, str) and not k.startswith("__")}


def _kind(fact) -> str:
    return type(fact).__name__


def _evidence_of(fact) -> dict[str, Any]:
    d = _plain(fact)
    kind = _kind(fact)
    if kind == "Indicator":
        out = {"indicator": d["name"], "line": d["line"], "period": d["period"], "unit": d["unit"],
               "outcome": d["outcome"], "outcome_men": d["men"], "outcome_women": d["women"],
               "previous": d["previous"], "forecast": d["forecast"], "target": d["target"]}
        if d["target"] is None and d["target_text"]:
            out["target_text"] = d["target_text"]
        elif is_band(d["target_text"]):
            out["target"] = d["target_text"]     # "+/-1 %" as printed: its width alone reads as "1 %"
        if d["met"] is not None:
            out.update({"compared": d["figure_column"], "met": d["met"], "direction": d["direction"],
                        "direction_decided_by": d["direction_basis"] + (f": {d['direction_detail']}"
                                                                        if d["direction_detail"] else "")})
        if not d["certain"]:
            out["columns_certain"] = False
        out["analysis"] = d["analysis_excerpt"]
        return {k: v for k, v in out.items() if v is not None or k == "analysis"}
    if kind == "Activity":
        return {"activity": d["text"], "line": d["line"], "start": d["start"], "end": d["end"],
                "deviation": d["deviation"], "analysis": d["analysis_excerpt"]}
    if kind == "Goal":
        return {"goal": " ".join(x for x in (d["number"], d["title"]) if x), "line": d["line"], "level": d["level"],
                "assessment": d["assessment"], "analysis": d["analysis_excerpt"]}
    if kind == "FigureClaim":
        # what the sentence states and what the table holds, in the column compared
        out = {"sentence": d["text"], "line": d["line"], "indicator": d["indicator"],
               "indicator_line": d["indicator_line"], "kind": d["kind"], "column": d["column"],
               "unit": d["unit"], "stated": d["stated"], "table": d["table"]}
        if d["kind"] == "met":
            out.update({"figure": d["figure"], "target": d["target"], "direction": d["direction"],
                        "direction_decided_by": d["direction_basis"]})
        if d["kind"] == "trend":
            out.update({"outcome": d["outcome"], "previous": d["previous"]})
        return {k: v for k, v in out.items() if v is not None}
    if kind == "Claim":
        compared = {"scope": d["scope"], "goal_number": d["scope_number"], "goal_title": d["scope_title"]}
        return {"claim": d["text"], "line": d["line"], "about": d["about"], "stated": _stated(d),
                "compared_with": {k: v for k, v in compared.items() if v is not None} if d["scope"] else None,
                "actual": d["actual"]}
    return d


def _stated(d: dict[str, Any]) -> dict[str, Any]:
    """What a claim fact says, as counts per degree (and "total", "all")."""
    stated = {k: d[k] for k in ("helt", "delvis", "inte", "total") if d[k] is not None}
    if d["all"]:
        stated["all"] = d["all"]
    return stated


def _said(kind: str, fields: dict[str, Any], pages: tuple[int, ...]) -> dict[str, Any]:
    """A fact's fields as its finding's words are made from them: where it is (the page and the line on it,
    in a PDF report), a claim's counts as one value, and whether a target is a band ("+/-1 %", shown as
    printed)."""
    out = dict(fields)
    out["on_page"] = page_of(pages, fields.get("line"))
    if "target_text" in fields:
        out["target_band"] = is_band(fields["target_text"])
    if kind == "Claim":
        out["stated_counts"] = _stated(fields)
    return out


def collect(engine: AuditEngine, catalogue, config, facts: FactSet, goal_facts: dict[str, Any]) -> list[Finding]:
    """The engine's flags as findings that carry data: the facts they are about, their figures, the rule's
    words and how sure they are; the words come at output (``auditor.words.findings``)."""
    rep = facts.report
    identity = (rep.committee or "", rep.unit or "", rep.kind or "", rep.year or "")
    if not any(identity[:2]):
        identity = (rep.source.replace("\\", "/").rsplit("/", 1)[-1],) + identity[2:]
    weigh = _weigher(engine, catalogue, config, facts)
    out = []
    for (rule_id, subject_key), entry in engine.flags.items():
        spec = catalogue[rule_id]
        subject = entry["subject"]
        items = sorted(entry["items"].values(), key=lambda i: (i["line"], i["key"]))
        kind = _kind(subject)
        fields = _plain(subject)
        goal_id = fields["id"] if kind == "Goal" else fields.get("goal")
        goal = goal_facts.get(goal_id) if goal_id else None
        certainty, doubt = _certainty(spec, subject, items, facts)
        weighed = weigh(rule_id, kind, fields, [i["key"] for i in items if _kind(i) == "Indicator"])
        if weighed is not None:
            # the probability that the finding holds, over its rows' readings (engine/certainty.py); the doubt
            # in words names the most probable reading under which it does not hold
            certainty = weighed.certainty
            if weighed.row is not None:
                doubt = _doubt_against(weighed.row, weighed.against, doubt.columns if doubt else None)
        severity = config.severity_of(spec)
        wording = spec.wording(fields) if spec.wording else {}
        said = Said(message=_message(spec, entry["message"]), kind=kind, subject=_said(kind, fields, rep.pages),
                    items=[(_kind(i), _said(_kind(i), _plain(i), rep.pages)) for i in items],
                    words={**entry["evidence"], **wording})
        evidence = _evidence_of(subject)
        if items:
            evidence["items"] = [_located(_evidence_of(i), rep.pages) for i in items]
        evidence.update(entry["evidence"])
        if certainty < CERTAIN:
            evidence["certainty"] = round(certainty, 2)
        page, page_line = page_of(rep.pages, fields["line"]) or (None, None)
        out.append(Finding(
            rule=rule_id, severity=severity, line=int(fields["line"]), page=page, page_line=page_line,
            goal=GoalRef(id=goal.id, number=goal.number, title=goal.title) if goal else None,
            evidence=_jsonable(evidence), fingerprint=fingerprint(spec.fingerprint_id, *identity, subject_key),
            confidence="low" if certainty < CERTAIN else "high", certainty=round(certainty, 4),
            said=said, doubt=doubt if certainty < CERTAIN else None))
    out.sort(key=lambda f: (f.line, f.rule, f.fingerprint))
    return out


def _weigher(engine: AuditEngine, catalogue, config, facts: FactSet) -> Weigher:
    """The weigher of this audit's findings: a rule with a finding about a goal or its rows is run again
    over the goal's facts with its rows read other ways, on an engine of their own (the audit's engine still
    holds the flags being collected); a rule is asked only about what it reads."""
    def fire(declared: list, rules: tuple[str, ...]) -> set[tuple[str, str]]:
        specs = [catalogue[r] for r in rules]
        other = _WEIGHING.get(rules)
        if other is None:
            other = _WEIGHING[rules] = engine_class(specs)()
        other.flags = {}
        other.reset()
        declare(other, [Params(rule=spec.id, **config.parameters(spec)) for spec in specs], declared)
        other.run()
        return set(other.flags)

    def reads(rule: str) -> frozenset:
        read = engine_class([catalogue[rule]]).matched_fields.get(FACT_TYPES["IndicatorFact"])
        return frozenset(read or ())

    def one_row(rule: str) -> bool:
        return most_patterns_of(catalogue[rule].rules, FACT_TYPES["IndicatorFact"]) <= 1

    return Weigher(facts, fire, reads, one_row)


_WEIGHING: dict[tuple, AuditEngine] = {}


def _doubt_against(row, against: dict, columns: list[str] | None) -> Doubt:
    """The doubt about a finding as data: the most probable reading under which it does not hold, by the
    cells it would move, and the ``columns`` the words are about (the unsure decisive cells; else the
    cells that reading moves)."""
    moved = [col for col in VALUE_COLUMNS if not same_print(against.get(col), getattr(row, col))]
    split = row.split_reading()
    return Doubt(columns=columns or moved, chosen={col: v.text for col, v in row.cells().items() if v is not None},
                 alternative={col: (against[col].text if against.get(col) is not None else None) for col in moved},
                 split={col: v.text for col, v in split.items()} if split is not None else None)


def _message(spec, variant: str | None) -> dict[str, str]:
    """The rule's MESSAGE by language: the variant the rule named (for a rule with several), else its own."""
    chosen = spec.message.get(variant, spec.message) if variant else spec.message
    return {lang: text for lang, text in chosen.items() if isinstance(text, str)}


def _located(item: dict[str, Any], pages: tuple[int, ...]) -> dict[str, Any]:
    """An item of the evidence with the page its line is on and the line on that page, in a PDF report."""
    where = page_of(pages, item.get("line"))
    if where is not None:
        item["page"], item["page_line"] = where
    return item


def _sureness(fact: dict[str, Any], row, cells: tuple[str, ...]) -> tuple[float, list[str]]:
    """How sure an indicator's decisive ``cells`` are placed, present or empty (the model's
    ``cell_sure``), and the columns that make it unsure."""
    if not cells or row is None:
        return (1.0, []) if fact["certain"] else (UNSURE_ROW, [])
    worst, columns = 1.0, []
    wanted = [c for col in cells for c in (figure_cells(fact.get("report_kind"), fact.get("figure_column"))
                                           if col == "figure" else (col,))]
    for col in dict.fromkeys(wanted):
        sure = row.cell_sure(col)
        if sure < CERTAIN:
            columns.append(col)
        worst = min(worst, sure)
    return worst, columns


def _certainty(spec, subject, items, facts: FactSet) -> tuple[float, Doubt | None]:
    """How sure a finding is: the least sure decisive cell of the indicator it is about, or, for a finding
    that lists indicators, of the surest of them (one right item makes the finding right). A count claim
    whose verdict changes when uncertain rows may count either way is as sure as the reading of all those
    rows together. Also the doubt in words, for the evidence."""
    kind = _kind(subject)
    rows = facts.rows
    if kind == "Claim":
        claim = _plain(subject)
        return (1.0 if claim["certain"] else claim_certainty(claim["goal"], facts)), None
    facts = [_plain(f) for f in ([subject] if kind == "Indicator" else items) if _kind(f) == "Indicator"]
    if not facts:
        return 1.0, None
    judged = []
    for fact in facts:
        row = rows.get(fact["key"])
        judged.append((_sureness(fact, row, spec.decisive_cells), row))
    pick = judged[0] if kind == "Indicator" else max(judged, key=lambda t: t[0][0])
    (sure, columns), row = pick
    return sure, (_doubt(row, columns) if row is not None and columns else None)


def _doubt(row, columns: list[str]) -> Doubt:
    """The data of the doubt about an indicator's ``columns``: what the cells hold, what the runner-up
    reading would put there and the split by sex the values after the outcome could be."""
    split = row.split_reading()
    return Doubt(columns=columns, chosen={col: v.text for col, v in row.cells().items() if v is not None},
                 alternative={col: (v.text if v is not None else None) for col, v in (row.alternative or {}).items()},
                 split={col: v.text for col, v in split.items()} if split is not None else None)


def _jsonable(value):
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _fields_of(fact) -> dict[str, Any]:
    """A fact dataclass's fields, shallow: they hold only immutable values (dataclasses.asdict would copy
    every nested tuple, a third of the engine's time on a large report)."""
    names = _FIELD_NAMES.get(type(fact))
    if names is None:
        names = _FIELD_NAMES[type(fact)] = tuple(f.name for f in dataclasses.fields(fact))
    return {name: getattr(fact, name) for name in names}


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def run_facts(facts: FactSet, catalogue, config) -> list[Finding]:
    specs = [catalogue[r] for r in config.enabled(catalogue)]
    if not specs:
        return []
    engine = _engine_for(specs)
    engine.reset()
    declare(engine, [Params(rule=spec.id, **config.parameters(spec)) for spec in specs], facts.all())
    goal_facts = {g.id: g for g in facts.goals}
    engine.run()
    return collect(engine, catalogue, config, facts, goal_facts)
