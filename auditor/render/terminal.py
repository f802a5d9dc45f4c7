"""Terminal output with rich: per committee a summary table, then the findings grouped by goal, errors and
warnings first: a rule's repeated info findings come last as one entry listing their rows (``signal_first``).

Report text never reaches the terminal as markup or as control sequences: every piece of it goes through
``clean_text`` (control characters, ESC and the C1 controls such as CSI dropped) and ``rich.markup.escape``
(``[bold]`` stays literal), and messages are cut at ``MESSAGE_LIMIT`` characters, titles at ``HEADING_LIMIT``."""
from __future__ import annotations

import io
import textwrap
from collections import Counter

from ..findings import AuditResult
from ..words import counted, severity_label
from ..words.findings import message_of
from .counts import active, rule_counts
from .evidence import evidence_lines, withheld_lines
from .headings import extra_columns, goal_heading, grouped_item, incomplete_reasons, report_words
from .location import location
from .names import report_title
from .order import SEVERITY_ORDER, signal_first
from .safe_text import clean_text
from .tags import finding_tags, label, review_line

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
MESSAGE_LIMIT = 2000
HEADING_LIMIT = 300


def render(result: AuditResult, options: dict | None = None) -> str:
    from rich.console import Console  # optional heavy: rich (~100 ms), only when this output is written
    from rich.markup import escape as _escape
    from rich.table import Table

    def escape(text, limit: int | None = MESSAGE_LIMIT) -> str:
        return _escape(clean_text(text, limit))

    options = options or {}
    lang = options.get("lang", "sv")
    t = report_words(lang)
    color = bool(options.get("color"))
    buf = io.StringIO()
    width = options.get("width") or 110
    extras = extra_columns(result, lang)
    titles = options.get("rule_titles") or {}
    label_new = label("new", lang)
    console = Console(file=buf, force_terminal=color, no_color=not color, width=width,
                      highlight=False, emoji=False)
    for audit in result.reports:
        console.rule(f"[bold]{escape(report_title(audit, lang), HEADING_LIMIT)}[/]", align="left")
        console.print(f"[dim]{t['source']}: {escape(audit.source, HEADING_LIMIT)}[/]")
        if audit.error:
            console.print(f"[bold red]{t['error']}:[/] {escape(audit.error)}")
            console.print()
            continue
        if not audit.complete:
            console.print(f"[yellow]{t['incomplete']}[/]")
            for reason in incomplete_reasons(audit, lang):
                console.print(f"[yellow]  {escape(reason)}[/]")
        held = withheld_lines(audit, lang)
        for i, line in enumerate(held):
            console.print(f"[dim]{'' if i == 0 else '  · '}{escape(line, MESSAGE_LIMIT)}[/]")
        rows, total = rule_counts(audit)
        if not rows:
            console.print(f"[green]{t['no_findings']}[/]")
            console.print()
            continue
        table = Table(title=t["summary"], title_justify="left", show_footer=True)
        table.add_column(t["rule"], footer=t["total"], no_wrap=True)
        for sev in SEVERITY_ORDER:
            table.add_column(severity_label(sev, lang), justify="right", style=STYLE[sev],
                             footer=str(total.get(sev, 0) or ""))
        for key, heading in extras:
            table.add_column(heading, justify="right", footer=str(total.get(key, 0) or ""))
        for rule, _, c in rows:
            table.add_row(rule, *[str(c.get(sev, "")) for sev in SEVERITY_ORDER],
                          *[str(c.get(key, "")) for key, _ in extras])
        console.print(table)
        by_goal, info_groups = signal_first(audit)
        for goal, findings in by_goal:
            console.print()
            console.print(f"[bold]{escape(goal_heading(goal, lang), HEADING_LIMIT)}[/]")
            for f in findings:
                low = f" [dim]({t['low']})[/]" if f.confidence == "low" else ""
                sev = severity_label(f.severity, lang)
                style = "dim" if f.dismissed else STYLE[f.severity]
                tags = "".join(f"  [{'bold ' if tag == label_new else ''}magenta]{escape(tag)}[/]"
                               for tag in finding_tags(f, lang))
                where = location(f, lang) or f"{t['line']} {f.line:>5}"
                console.print(f"  [dim]{where}[/]  [{style}]{sev:<7}[/] "
                              f"[bold]{f.rule}[/]{low}{tags}  [dim]{escape(f.fingerprint)}[/]")
                for line in textwrap.wrap(clean_text(message_of(f, lang), MESSAGE_LIMIT), width - 6):
                    console.print(f"      {escape(line)}")
                for ev in evidence_lines(f, lang):
                    for i, line in enumerate(textwrap.wrap(clean_text(ev), width - 8)):
                        console.print(f"      [dim]{'·' if i == 0 else ' '} {escape(line)}[/]")
                decided = review_line(f, lang)
                if decided:
                    for i, line in enumerate(textwrap.wrap(clean_text(decided, MESSAGE_LIMIT), width - 8)):
                        console.print(f"      [magenta]{'»' if i == 0 else ' '} {escape(line)}[/]")
        if info_groups:
            console.print()
            console.print(f"[bold]{t['info_grouped']}[/]")
        for rule, findings in info_groups:
            title = escape(titles.get(rule) or message_of(findings[0], lang))
            console.print(f"  [{STYLE['info']}]{severity_label('info', lang):<7}[/] [bold]{rule}[/]  "
                          f"{counted(t['n_findings'], len(findings))}: {title}")
            for f in findings:
                low = f" ({t['low']})" if f.confidence == "low" else ""
                tags = "".join(f"  {tag}" for tag in finding_tags(f, lang))
                where = location(f, lang) or f"{t['line']} {f.line:>5}"
                text = f"{where}  {clean_text(grouped_item(f, lang), MESSAGE_LIMIT)}{low}{tags}  {f.fingerprint}"
                for i, line in enumerate(textwrap.wrap(text, width - 8)):
                    console.print(f"      {'·' if i == 0 else ' '} {escape(line)}")
        console.print()
    if len(result.reports) > 1:
        _batch_overview(console, result, lang, escape, Table)
    return buf.getvalue()


def _batch_overview(console, result: AuditResult, lang: str, escape, Table) -> None:
    """Committees x rules for a batch: per report its counts by severity and its findings per rule."""
    t = report_words(lang)
    table = Table(title=counted(t["batch"], len(result.reports)), title_justify="left", show_footer=True)
    table.add_column(t["report_col"], footer=t["total"])
    totals: Counter = Counter()
    for sev in SEVERITY_ORDER:
        table.add_column(severity_label(sev, lang), justify="right", style=STYLE[sev])
    table.add_column(t["rules_col"])
    for audit in result.reports:
        title = escape(report_title(audit, lang), HEADING_LIMIT)
        if audit.error:
            table.add_row(title, "", "", "", f"[red]{t['unreadable']}[/]")
            continue
        rows, total = rule_counts(audit)
        totals.update(total)
        per_rule = "\n".join(f"{rule} {active(c)}" for rule, _, c in rows if active(c))
        table.add_row(title, *[str(total.get(sev, "") or "") for sev in SEVERITY_ORDER], per_rule)
    for col, sev in zip(table.columns[1:], SEVERITY_ORDER):
        col.footer = str(totals.get(sev, 0) or "")
    console.print(table)
