"""A rule's EXAMPLES: small reports written as plain data, built into ``Report`` models, shown by
``auditor explain`` and run as tests.

An example is ``{"expect": "fail" | "pass", "title": "...", "title_sv": "...", "report": {...}}`` with, as
sqlfluff's rule test cases have them, these optional keys (``check_example`` runs it):

- ``"findings": n``: a failing example gives exactly n findings;
- ``"parameters": {"min_gap_points": 5}``: the example runs with these of the rule's ``PARAMETERS`` set,
  as a configuration would set them (a name the rule does not have is an error);
- ``"message": "part of the message"``: a failing example's finding says this, in Swedish; or
  ``{"sv": "...", "en": "..."}`` to check the message in each language given.

``title`` names it in English and the optional ``title_sv`` in Swedish (see ``example_title``), and the
report is written like this (every key optional; line numbers are given out in document order)::

    {"kind": "VB", "summary": ["Av nämndmålen bedöms två uppfyllas helt."],
     "goals": [{"level": "namndmal", "number": "1.1", "title": "...", "assessment": "helt",
                "analysis": "...",
                "indicators": [{"name": "Andel ...", "outcome": "70 %", "men": "65 %", "women": "75 %",
                                "forecast": "72 %", "target": "80 %", "analysis": "...", "certain": True}],
                "activities": [{"text": "...", "deviation": True, "analysis": "..."}],
                "children": [ ...goals... ]}]}
"""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from ..input.values import parse_value
from ..knowledge import builtin_knowledge, decide_direction
from ..model import Activity, Goal, Indicator, Paragraph, Report, Value
from ..prose.claims import read_claims, settle_trends
from ..words.errors import InputError
from ..words.findings import message_of
from .audit import audit_report
from .config import Config
from .example_text import LEVELS, example_title, render_example  # noqa: F401 (the last two: shown by explain)

# The keys an example may have: any other is a typo that would make the example test less than it says.
EXAMPLE_KEYS = frozenset({"expect", "title", "title_sv", "report", "findings", "parameters", "message"})

_CELLS = {"outcome": "outcome", "men": "outcome_men", "women": "outcome_women", "previous": "previous",
          "forecast": "forecast", "target": "target", "kf_target": "kf_target"}


def cell(text: Any) -> Value | None:
    """"70 %" -> Value(70, "%"); "1 330 st" -> Value(1330, "st"); "Öka" -> Value(None, text="Öka")."""
    if text is None or text == "":
        return None
    if isinstance(text, (int, float)):
        return Value(value=float(text), unit=None, text=str(text).replace(".", ","))
    return parse_value(str(text))     # read as the parser reads a table cell


def build_report(spec: dict) -> Report:
    line = [1]

    def next_line(step: int = 1) -> int:
        value = line[0]
        line[0] += step
        return value

    narrative = [Paragraph(line=next_line(2), text=t, section=None) for t in spec.get("summary", [])]
    goals: list[Goal] = []

    def add(g: dict, parent: str | None, depth: int):
        gid = f"g{len(goals) + 1}"
        goal_line = next_line(2)
        analysis = g.get("analysis")
        analysis_line = next_line(2 + analysis.count("\n")) if analysis else None
        indicators = []
        for ind in g.get("indicators", []):
            ind_line = next_line(2)
            kwargs = {field: cell(ind.get(key)) for key, field in _CELLS.items()}
            text = ind.get("analysis")
            indicators.append(Indicator(name=ind["name"], line=ind_line, period=ind.get("period"),
                                        columns_certain=ind.get("certain", True), analysis=text,
                                        analysis_line=next_line(2) if text else None, **kwargs))
        activities = []
        for act in g.get("activities", []):
            act_line = next_line(2)
            text = act.get("analysis")
            activities.append(Activity(text=act["text"], line=act_line,
                                       start=date.fromisoformat(act.get("start", "2020-01-01")),
                                       end=date.fromisoformat(act.get("end", "2020-12-31")), deviation=act.get("deviation", False),
                                       analysis=text, analysis_line=next_line(2) if text else None))
        goal = Goal(id=gid, parent=parent, level=g.get("level", LEVELS[min(depth + 1, 3)]), number=g.get("number"),
                    title=g.get("title", f"Mål {len(goals) + 1}"), line=goal_line, assessment=g.get("assessment"),
                    analysis=analysis, analysis_line=analysis_line, indicators=indicators, activities=activities)
        goals.append(goal)
        for child in g.get("children", []):
            add(child, gid, depth + 1)

    for g in spec.get("goals", []):
        add(g, None, 0)
    report = Report(source=spec.get("source", "exempel.txt"), committee=spec.get("committee", "Exempelnämnden"),
                    report_kind=spec.get("kind", "VB"), year=spec.get("year", 2020), goals=goals, narrative=narrative,
                    line_count=line[0])
    # the prose's claims about each row, as the parser reads them
    claims = read_claims(report)
    knowledge = builtin_knowledge()
    for ind in (i for g in goals for i in g.indicators):
        ind.claims = claims.get(id(ind), [])
        settle_trends(ind, decide_direction(ind, knowledge)[0])
    return report


def example_config(spec, example: dict) -> Config:
    """The configuration an example runs with: only its rule, with the example's ``parameters``."""
    params = {spec.id: dict(example["parameters"])} if example.get("parameters") else {}
    return Config(select=[spec.id], params=params, rule_dirs=list(_user_dirs(spec)))


def _user_dirs(spec) -> tuple[str, ...]:
    """The rules folder of a user rule (so that its catalogue is the one the example runs in)."""
    return () if spec.builtin else (str(Path(spec.path).parent),)


def check_example(spec, example: dict) -> list[str]:
    """What is wrong with one of ``spec``'s examples when it is run: [] when it holds."""
    unknown = sorted(set(example) - EXAMPLE_KEYS)
    if unknown:
        return [f"unknown example keys {unknown} (known: {sorted(EXAMPLE_KEYS)})"]
    said = example.get("message")
    wanted = {"sv": said} if isinstance(said, str) else dict(said or {})
    if set(wanted) - {"sv", "en"}:
        return [f"message: languages {sorted(set(wanted) - {'sv', 'en'})} (known: sv, en)"]
    report = build_report(example["report"])
    config = example_config(spec, example)
    try:
        config.parameters(spec)
    except InputError as exc:
        return [exc.message("en")]
    findings = audit_report(report, config)   # run once: each language words the same findings
    problems = []
    others = sorted({f.rule for f in findings} - {spec.id})
    if others:
        problems.append(f"findings of other rules: {others}")
    if example["expect"] == "pass":
        if findings:
            problems.append(f"should pass but gave: {[message_of(f, 'sv') for f in findings]}")
        return problems
    if not findings:
        problems.append("should give a finding and gave none")
    elif "findings" in example and len(findings) != example["findings"]:
        problems.append(f"should give {example['findings']} findings and gave {len(findings)}")
    for lang, text in wanted.items():
        said = [message_of(f, lang) for f in findings]
        if text and not any(text in m for m in said):
            problems.append(f"no {lang} message contains {text!r}: {said}")
    return problems
