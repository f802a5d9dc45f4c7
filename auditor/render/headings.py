"""The words of the terminal and Markdown reports (and the HTML's grouped entries): goal headings, a
grouped entry's rows, the extra columns of the summary tables, and why a partial report is incomplete."""
from __future__ import annotations

from ..findings import Finding, ReportAudit
from ..words import catalogue, place, texts
from ..words.diagnostics import described
from ..words.findings import message_of
from .location import place_in


def report_words(lang: str) -> dict[str, str]:
    """The words of the terminal and Markdown reports."""
    return texts(catalogue.REPORT, lang)


def goal_heading(goal: dict | None, lang: str) -> str:
    t = report_words(lang)
    if goal is None:
        return t["outside"]
    number = f"{goal['number']} " if goal.get("number") else ""
    marker = ""
    if goal.get("assessment"):
        marker = f" ({texts(catalogue.ASSESSMENTS, lang)[goal['assessment']]})"
    return f"{number}{goal['title']}{marker}, {place(goal['line'], lang, goal.get('where'))}"


def grouped_item(f: Finding, lang: str) -> str:
    """One row of a grouped entry: what the finding is about (its indicator, activity or goal) and its goal."""
    ev = f.evidence or {}
    what = ev.get("indicator") or ev.get("activity") or ev.get("goal") or message_of(f, lang)
    goal = f" ({f.goal.number})" if f.goal and f.goal.number else ""
    return f"'{what}'{goal}"


def columns(baseline: bool, dismissed: bool, lang: str) -> list[tuple[str, str]]:
    """Columns beside the severities in the summary tables: "nya" when a baseline was applied to the batch,
    "avfärdade" when a reviewer dismissed a finding in it ((key, heading) pairs, in that order)."""
    t = report_words(lang)
    return [(key, heading) for key, heading, present in (("new", t["new_col"], baseline),
                                                         ("dismissed", t["dismissed_col"], dismissed)) if present]


# Diagnostics that make a report incomplete (rather than one unplaced line among many).
INCOMPLETE_CODES = ("truncated", "cut-mid-character", "no-goals")


def incomplete_reasons(audit: ReportAudit, lang: str) -> list[str]:
    """Why a partial report is incomplete, one line each ("rad 300: texten slutar mitt i ...")."""
    out = []
    for d in audit.diagnostics:
        if d.code in INCOMPLETE_CODES:
            text = described(d, lang)
            out.append(f"{place_in(audit.report, d.line, lang)}: {text}" if d.line else text)
    return out
