"""Small builders for Report and AuditResult objects, so output tests need neither the parser nor the rules."""
from __future__ import annotations

import hashlib
from typing import Any

from auditor.findings import AuditResult, Finding, GoalRef, ReportAudit
from auditor.model import Activity, Goal, Indicator, Report, Value


def value(number: float | None, unit: str | None = None, text: str | None = None) -> Value:
    if text is None:
        text = "" if number is None else (f"{number:g}".replace(".", ",") + (f" {unit}" if unit else ""))
    return Value(value=number, unit=unit, text=text)


def indicator(name: str, line: int, *, outcome=None, target=None, forecast=None, men=None, women=None,
              previous=None, unit: str | None = "%", analysis: str | None = None, **kw) -> Indicator:
    def v(x):
        return None if x is None else value(x, unit)
    return Indicator(name=name, line=line, outcome=v(outcome), target=v(target), forecast=v(forecast),
                     outcome_men=v(men), outcome_women=v(women), previous=v(previous), analysis=analysis,
                     analysis_line=(line + 2 if analysis else None), **kw)


def fingerprint(*parts: Any) -> str:
    return hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:16]


def finding(rule: str, line: int, message: str, *, severity: str = "error", goal: Goal | None = None,
            source: str = "", evidence: dict | None = None, fp: str | None = None, **kw) -> Finding:
    ref = GoalRef(id=goal.id, number=goal.number, title=goal.title) if goal else None
    return Finding(rule=rule, severity=severity, line=line, message=message, goal=ref,
                   evidence=evidence or {}, fingerprint=fp or fingerprint(source, rule, ref.id if ref else line),
                   **kw)


def sample_report(source: str = "reports/skarholmen_vb2020.txt", committee: str = "Skärholmens stadsdelsnämnd",
                  kind: str = "VB", title_suffix: str = "", assessment_11: str = "helt",
                  stockholmsjobb_outcome: float = 22) -> Report:
    """A small report: one inriktningsmål, two verksamhetsområdesmål (one with a nämndmål), indicators and
    activities; goal 1.1 is assessed helt although one of its indicators misses its target."""
    g1 = Goal(id="g1", level="inriktningsmal", number="1", line=10,
              title="En modern storstad med möjligheter och valfrihet för alla" + title_suffix)
    g11 = Goal(id="g2", parent="g1", level="verksamhetsomradesmal", number="1.1", line=20, assessment=assessment_11,
               title="I Stockholm är människor självförsörjande", analysis="Målet bedöms uppfyllas helt.",
               analysis_line=22,
               indicators=[
                   indicator("Andel barn i familjer med ekonomiskt bistånd", 30, outcome=4.1, target=4.9,
                             previous=4.3),
                   indicator("Antal aspiranter som fått Stockholmsjobb", 40, outcome=stockholmsjobb_outcome,
                             target=33, men=7, women=15, unit="st", analysis="Pandemin minskade antalet platser."),
               ],
               activities=[Activity(text="Utveckla samhällsvägledningen", line=50, deviation=True,
                                    analysis="Försenat.", analysis_line=52)])
    g111 = Goal(id="g3", parent="g2", level="namndmal", number=None, line=60, assessment="delvis",
                title="Fler invånare i Skärholmen går till arbete", analysis="Delvis.", analysis_line=62,
                indicators=[indicator("Andel sjukfrånvaro", 70, outcome=6.5, target=6.0, forecast=6.2)])
    g12 = Goal(id="g4", parent="g1", level="verksamhetsomradesmal", number="1.2", line=80, assessment="inte",
               title="Stockholm är en stad för barn", analysis=None)
    return Report(source=source, committee=committee, report_kind=kind, year=2020, goals=[g1, g11, g111, g12],
                  line_count=100)


def audit_of(report: Report, findings: list[Finding] | None = None) -> ReportAudit:
    if findings is None:
        goals = report.goal_by_id()
        findings = [
            finding("GOAL-FULL-UNMET-IND", 20, "Målet bedöms uppfyllt helt men indikatorn 'Antal aspiranter som "
                    "fått Stockholmsjobb' når inte sitt årsmål (22 mot 33).", goal=goals["g2"],
                    source=report.source,
                    evidence={"indicator": "Antal aspiranter som fått Stockholmsjobb", "figure": 22, "target": 33,
                              "indicator_line": 40, "direction": "higher"}),
            finding("GOAL-FULL-ACT-DEV", 20, "Målet bedöms uppfyllt helt men aktiviteten har en avvikelse.",
                    goal=goals["g2"], source=report.source,
                    evidence={"activity": "Utveckla samhällsvägledningen", "activity_line": 50}),
            finding("GOAL-NO-ANALYSIS", 80, "Målet saknar analys.", severity="warning", goal=goals["g4"],
                    source=report.source),
            finding("IND-NO-GENDER-SPLIT", 30, "Indikatorn handlar om personer men saknar könsuppdelning.",
                    severity="info", goal=goals["g2"], source=report.source,
                    evidence={"indicator": "Andel barn i familjer med ekonomiskt bistånd"}),
        ]
    from auditor.policy.target import statuses
    from auditor.knowledge import builtin_knowledge

    return ReportAudit(source=report.source, committee=report.committee, unit=report.unit,
                       report_kind=report.report_kind, year=report.year, findings=findings, report=report,
                       indicator_status=statuses(report, builtin_knowledge()))


def sample_result(*reports: Report) -> AuditResult:
    if not reports:
        reports = (sample_report(),
                   sample_report(source="reports/farsta_vb2020.txt", committee="Farsta stadsdelsnämnd"))
    return AuditResult(reports=[audit_of(r) for r in reports])


def report_text(analysis: str, rows: str, *, title: str = "Fler bostäder i Lövsjö passar den som behöver stöd",
                marker: str = "Uppfylls helt") -> str:
    """The text of a small annual report, as extracted: one goal with its marker and analysis, then an
    indicator table (header as printed) with ``rows``."""
    return f"""Lövsjö stadsdelsnämnd
Verksamhetsberättelse 2020

KF:s mål för verksamhetsområdet:
1.1 {title}

 {marker}

Analys

{analysis}

 Indikator Periodens utfall Perio
dens utfall VB 2019 Årsmål KF:s årsmål Period

{rows}"""
