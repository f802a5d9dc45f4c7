"""``auditor parse --format table``: a rich overview of what the parser read."""
from __future__ import annotations

import textwrap

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.tree import Tree

from ..model import Report
from ..words import catalogue, counted, texts
from ..words.diagnostics import message
from .console import stdout_console
from .location import place_in

ASSESSMENT_STYLE = {"helt": "green", "delvis": "yellow", "inte": "red", "ingen": "dim", None: "dim"}
def _n(words, n: int) -> str:
    return counted(words, n)


def print_reports(reports: list[Report], show_diagnostics: bool = False, console: Console | None = None,
                  lang: str = "sv") -> None:
    if console is None:
        console = stdout_console()
    w = texts(catalogue.PARSE_TABLE, lang)
    for report in reports:
        head = " · ".join(str(x) for x in (report.committee or w["unknown"], report.unit, report.report_kind,
                                            report.year) if x)
        tree = Tree(f"[bold]{escape(report.source)}[/] — {escape(head)}")
        nodes = {}
        for goal in report.goals:
            parent = nodes.get(goal.parent, tree)
            flags = []
            if not goal.analysis:
                flags.append(w["no_analysis"])
            unsure = sum(1 for i in goal.indicators if not i.columns_certain)
            if unsure:
                flags.append(_n(w["unsure"], unsure))
            style = ASSESSMENT_STYLE.get(goal.assessment, "dim")
            heading = " ".join(x for x in (escape(goal.number or ""), escape(shorten(goal.title, 90))) if x)
            assessment = texts(catalogue.PARSE_ASSESSMENTS, lang).get(goal.assessment, "–") if goal.assessment else "–"
            deviations = sum(a.deviation for a in goal.activities)
            counts = f"{_n(w['indicators'], len(goal.indicators))} · {_n(w['activities'], len(goal.activities))}"
            if deviations:
                counts += f" ({w['deviations'].format(n=deviations)})"
            label = (f"[dim]{texts(catalogue.LEVEL_HEADINGS, lang)[goal.level]}[/] {heading} [{style}]{assessment}[/] "
                     f"[cyan]{counts}[/] [dim]{escape(place_in(report, goal.line, lang))}[/]")
            if flags:
                label += " [magenta]" + escape(", ".join(flags)) + "[/]"
            nodes[goal.id] = parent.add(label)
        console.print(tree)
        if show_diagnostics and report.diagnostics:
            table = Table(*w["diag_cols"], title=w["diag_title"])
            for d in report.diagnostics:
                where = place_in(report, d.line, lang) if d.line else ""
                table.add_row(escape(where), d.code, escape(message(d.code, lang)), escape(shorten(d.text or "", 80)))
            console.print(table)
        elif show_diagnostics:
            console.print(w["diag_none"])
        elif report.diagnostics:
            console.print(f"[dim]{_n(w['diag_hint'], len(report.diagnostics))}[/]")


def shorten(text: str, width: int) -> str:
    """Cut at a word boundary, with "…" where something was left out."""
    return textwrap.shorten(text, width=width, placeholder=" …") if len(text) > width else text
