"""Build AuditResult objects from the corpus gold annotations, so outputs are tested on real report sizes and
real text without waiting for the parser or the rules."""
from __future__ import annotations

import json
from pathlib import Path

from auditor.findings import AuditResult, Finding, GoalRef
from dataclasses import replace

from auditor.model import Activity, Goal, Indicator, Report, Value

from .factories import audit_of, fingerprint

SEVERITY = {"GOAL": "error", "IND": "warning", "ACT": "warning", "SUM": "error"}
LEVELS = {"inriktningsmal", "verksamhetsomradesmal", "namndmal", "enhetsmal"}


def _value(x, unit):
    if x is None:
        return None
    if isinstance(x, (int, float)):
        return Value(value=float(x), unit=unit, text=f"{x:g}".replace(".", ",") + (f" {unit}" if unit else ""))
    return Value(value=None, unit=None, text=str(x))


def load_report(gold_path: Path) -> tuple[Report, dict[tuple[int, int], bool | None]]:
    doc = json.loads(gold_path.read_text(encoding="utf-8"))
    goals = []
    met: dict[tuple[int, int], bool | None] = {}
    for g in doc["goals"]:
        inds = []
        for i in g["indicators"]:
            unit = i.get("unit")
            inds.append(Indicator(
                name=i["name"], line=i["line"], period=i.get("period"),
                columns_certain=not i.get("uncertain_columns", False),
                analysis="(analys)" if i.get("has_analysis") else None,
                **{k: _value(i.get(k), unit) for k in ("outcome", "outcome_men", "outcome_women", "previous",
                                                        "forecast", "target", "kf_target")}))
            met[(g["idx"], i["line"])] = i.get("met")
        acts = [Activity(text=a["text"], line=a["line"], deviation=a.get("deviation", False),
                         analysis="(analys)" if a.get("has_analysis") else None) for a in g["activities"]]
        goals.append(Goal(id=f"g{g['idx']}", parent=None if g["parent"] is None else f"g{g['parent']}",
                          level=g["level"] if g["level"] in LEVELS else "enhetsmal", number=g.get("number"),
                          title=g["title"], line=g["line"], assessment=g.get("assessment"),
                          analysis="(analys)" if g.get("has_analysis") else None, indicators=inds, activities=acts))
    report = Report(source=doc["source"], committee=doc.get("committee"), unit=doc.get("unit"),
                    report_kind=doc.get("report_kind"), year=doc.get("year"), goals=goals)
    return report, met


def with_gold_status(audit, met: dict) -> None:
    """The audit's indicator statuses answering 'met' from the gold annotations (an output shows the status
    the audit carries, whoever decided it)."""
    audit.indicator_status = {key: replace(st, met=met.get((audit.source, int(key[0][1:]), key[1])))
                              for key, st in audit.indicator_status.items()}


def load_result(corpus: Path, stems: list[str] | None = None):
    """The AuditResult for the corpus reports, its indicator statuses met as the gold says."""
    gold = corpus / "gold"
    paths = sorted(p for p in gold.glob("*.json") if not p.name.endswith(".findings.json"))
    if stems:
        paths = [p for p in paths if p.stem in stems]
    audits = []
    met_all: dict = {}
    for path in paths:
        report, met = load_report(path)
        report.source = str(corpus / report.source)
        met_all.update({(report.source, *k): v for k, v in met.items()})
        goals = report.goals
        findings = []
        for f in json.loads((gold / f"{path.stem}.findings.json").read_text(encoding="utf-8")):
            goal = goals[f["goal_idx"]] if f.get("goal_idx") is not None and f["goal_idx"] < len(goals) else None
            ref = GoalRef(id=goal.id, number=goal.number, title=goal.title) if goal else None
            findings.append(Finding(rule=f["rule"], severity=SEVERITY.get(f["rule"].split("-")[0], "info"),
                                    line=f["line"], message=f["detail"], goal=ref,
                                    evidence={"detail": f["detail"]},
                                    fingerprint=fingerprint(path.stem, f["rule"], f["line"], f["detail"])))
        audits.append(audit_of(report, findings))
        with_gold_status(audits[-1], met_all)
    return AuditResult(reports=audits)
