"""Turn a hand-made gold annotation (``corpus/gold/<stem>.json``) into a ``Report`` -- for tests and
development only, so the rules can be measured before (and independently of) the text parser.

The gold has numbers where the model has ``Value`` cells, and it records only *whether* there is an
analysis (``has_analysis``, ``gender_analysis``, ``analysis_states``), not its text. So analysis texts are
made up here from neutral sentences: they mention women and men when the gold says the analysis discusses
gender, and state the degree of fulfilment when the gold says the goal's analysis states one. Count claims
(``summary_claims``) are put back where they were: into the analysis of the goal whose lines hold them,
on their own line, or into the narrative when they come before the first goal.
"""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from auditor.model import Activity, Goal, Indicator, Paragraph, Report, Value

NEUTRAL = "Resultatet följs upp löpande och verksamheten fortsätter arbetet enligt plan."
GENDER = "Skillnaden mellan kvinnor och män förklaras av att behoven ser olika ut."
STATES = "Förvaltningen bedömer att målet uppfylls {}."


def _text(v, unit) -> str:
    if isinstance(v, (int, float)):
        s = (f"{v:g}" if isinstance(v, float) else str(v)).replace(".", ",")
        return f"{s} {unit}" if unit else s
    return str(v)


def _cell(v, unit) -> Value | None:
    if v is None:
        return None
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return Value(value=float(v), unit=unit, text=_text(v, unit))
    return Value(value=None, unit=None, text=str(v))


def _date(s):
    return date.fromisoformat(s) if s else None


def _lines_text(first_line: int, placed: dict[int, str]) -> str:
    """A text starting on ``first_line`` with ``placed[line]`` on the given lines and filler elsewhere."""
    last = max(placed) if placed else first_line
    out = []
    for line in range(first_line, last + 1):
        out.append(placed.get(line, "Arbetet har pågått under perioden."))
    return "\n".join(out)


def gold_to_report(gold: dict) -> Report:
    goals_in = gold["goals"]
    claims = sorted(gold.get("summary_claims") or [], key=lambda c: c["line"])
    first_goal_line = min((g["line"] for g in goals_in), default=10**9)
    starts = sorted((g["line"], g["idx"]) for g in goals_in)

    def owner(line: int) -> int | None:
        found = None
        for start, idx in starts:
            if start <= line:
                found = idx
        return found

    goal_claims: dict[int, list[dict]] = {}
    narrative = []
    for c in claims:
        idx = owner(c["line"]) if c["line"] >= first_goal_line else None
        if idx is None:
            narrative.append(Paragraph(line=c["line"], text=c["text"].replace("...", "").replace("…", ""),
                                       section="Sammanfattning"))
        else:
            goal_claims.setdefault(idx, []).append(c)

    goals = []
    for g in goals_in:
        analysis = analysis_line = None
        mine = goal_claims.get(g["idx"], [])
        if g.get("has_analysis") or mine or g.get("analysis_states"):
            analysis_line = g["line"] + 1
            placed: dict[int, str] = {}
            placed[analysis_line] = (STATES.format(g["analysis_states"]) if g.get("analysis_states")
                                     else NEUTRAL)
            for c in mine:
                text = c["text"].replace("...", "").replace("…", "").strip()
                line = max(c["line"], analysis_line)
                placed[line] = (placed[line] + " " + text) if line in placed else text
            analysis = _lines_text(analysis_line, placed)
        indicators = []
        for i in g["indicators"]:
            unit = i.get("unit")
            text = None
            if i.get("has_analysis"):
                text = NEUTRAL + (" " + GENDER if i.get("gender_analysis") else "")
            indicators.append(Indicator(
                name=i["name"], line=i["line"], outcome=_cell(i.get("outcome"), unit),
                outcome_men=_cell(i.get("outcome_men"), unit), outcome_women=_cell(i.get("outcome_women"), unit),
                previous=_cell(i.get("previous"), unit), forecast=_cell(i.get("forecast"), unit),
                target=_cell(i.get("target"), unit), kf_target=_cell(i.get("kf_target"), unit),
                period=i.get("period"), columns_certain=not i.get("uncertain_columns", False),
                analysis=text, analysis_line=i["line"] + 2 if text else None))
        activities = [Activity(
            text=a["text"], line=a["line"], start=_date(a.get("start")), end=_date(a.get("end")),
            deviation=bool(a.get("deviation")), analysis=NEUTRAL if a.get("has_analysis") else None,
            analysis_line=a["line"] + 2 if a.get("has_analysis") else None) for a in g["activities"]]
        level = g["level"] if g["level"] in ("inriktningsmal", "verksamhetsomradesmal", "namndmal", "enhetsmal") \
            else "enhetsmal"
        goals.append(Goal(
            id=f"g{g['idx']}", parent=f"g{g['parent']}" if g.get("parent") is not None else None, level=level,
            number=g.get("number"), title=g["title"], line=g["line"], assessment=g.get("assessment"),
            analysis=analysis, analysis_line=analysis_line, indicators=indicators, activities=activities))
    return Report(source=gold.get("source") or "gold", committee=gold.get("committee"), unit=gold.get("unit"),
                  report_kind=gold.get("report_kind"), year=gold.get("year"), goals=goals, narrative=narrative)


def load_gold_report(path: str | Path) -> Report:
    return gold_to_report(json.loads(Path(path).read_text(encoding="utf-8")))
