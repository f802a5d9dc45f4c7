"""``auditor parse --format table``: a rich overview of what the parser read."""
from __future__ import annotations

import textwrap

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.tree import Tree

from ..diagnostics import message
from ..model import Report

ASSESSMENT_STYLE = {"helt": "green", "delvis": "yellow", "inte": "red", "ingen": "dim", None: "dim"}
LEVEL_NAME = {"inriktningsmal": "KF:s inriktningsmål", "verksamhetsomradesmal": "KF:s mål för verksamhetsområdet",
              "namndmal": "Nämndmål", "enhetsmal": "Enhetsmål"}


def print_reports(reports: list[Report], show_diagnostics: bool = False, console: Console | None = None,
                  lang: str = "sv") -> None:
    console = console or Console()
    for report in reports:
        head = " · ".join(str(x) for x in (report.committee or "okänd nämnd", report.unit, report.report_kind,
                                            report.year) if x)
        tree = Tree(f"[bold]{escape(report.source)}[/] — {escape(head)}")
        nodes = {}
        for goal in report.goals:
            parent = nodes.get(goal.parent, tree)
            flags = []
            if not goal.analysis:
                flags.append("ingen analys")
            unsure = sum(1 for i in goal.indicators if not i.columns_certain)
            if unsure:
                flags.append(f"{unsure} osäkra rader")
            style = ASSESSMENT_STYLE.get(goal.assessment, "dim")
            label = (f"[dim]{LEVEL_NAME[goal.level]}[/] {escape(goal.number or '')} {escape(shorten(goal.title, 90))} "
                     f"[{style}]{goal.assessment or '–'}[/] "
                     f"[cyan]{len(goal.indicators)} ind · {len(goal.activities)} akt "
                     f"({sum(a.deviation for a in goal.activities)} avvikelse)[/] [dim]rad {goal.line}[/]")
            if flags:
                label += " [magenta]" + escape(", ".join(flags)) + "[/]"
            nodes[goal.id] = parent.add(label)
        console.print(tree)
        if show_diagnostics and report.diagnostics:
            table = Table("rad", "kod", "meddelande", "text", title="Diagnostik")
            for d in report.diagnostics:
                table.add_row(str(d.line or ""), d.code, escape(message(d.code, lang)), escape(shorten(d.text or "", 80)))
            console.print(table)
        elif report.diagnostics:
            console.print(f"[dim]{len(report.diagnostics)} diagnostikrader (visa med --diagnostics)[/]")


def shorten(text: str, width: int) -> str:
    """Cut at a word boundary, with "…" where something was left out."""
    return textwrap.shorten(text, width=width, placeholder=" …") if len(text) > width else text
