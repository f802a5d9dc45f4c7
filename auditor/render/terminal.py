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
from .headings import columns, goal_heading, grouped_item, incomplete_reasons, report_words
from .location import location
from .names import report_title
from .order import SEVERITY_ORDER, signal_first
from .safe_text import clean_text
from .tags import finding_tags, label, review_line
from . import written_whole

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
MESSAGE_LIMIT = 2000
HEADING_LIMIT = 300


def render(result: AuditResult, options: dict | None = None) -> str:
    """The whole batch's output, built as a batch's output is written (see ``TerminalParts``)."""
    return written_whole(two_pass(options), result)


def two_pass(options: dict | None = None) -> "TerminalParts":
    """The terminal output of a batch read twice (``auditor.render.TWO_PASS``)."""
    return TerminalParts(options)


class TerminalParts:
    """The output written with one report's part in memory at a time: ``scan`` each report in the batch's
    order first (the summary tables' columns depend on the whole batch: a baseline applied, a finding
    dismissed), keeping the batch overview's rows and totals; then ``write`` reads the reports again, in the
    same order, and writes each report's part as rich renders it, then the overview."""

    def __init__(self, options: dict | None = None) -> None:
        options = options or {}
        self._lang = options.get("lang", "sv")
        self._titles = options.get("rule_titles") or {}
        self._color = bool(options.get("color"))
        self._width = options.get("width") or 110
        self._rows: list[tuple[str, ...]] = []
        self._totals: Counter = Counter()
        self._baseline = self._dismissed = False

    def scan(self, audit) -> None:
        from rich.markup import escape as _escape  # optional heavy: rich, only when this output is written
        t = report_words(self._lang)
        title = _escape(clean_text(report_title(audit, self._lang), HEADING_LIMIT))
        self._baseline = self._baseline or any(f.baseline for f in audit.findings)
        self._dismissed = self._dismissed or any(f.dismissed for f in audit.findings)
        if audit.error:
            self._rows.append((title, "", "", "", f"[red]{t['unreadable']}[/]"))
            return
        rows, total = rule_counts(audit)
        self._totals.update(total)
        per_rule = "\n".join(f"{rule} {active(c)}" for rule, _, c in rows if active(c))
        self._rows.append((title, *[str(total.get(sev, "") or "") for sev in SEVERITY_ORDER], per_rule))

    def write(self, write, audits, stale_reviews=()) -> None:
        from rich.console import Console  # optional heavy: rich (~100 ms), only when this output is written
        from rich.markup import escape as _escape
        from rich.table import Table

        def escape(text, limit: int | None = MESSAGE_LIMIT) -> str:
            return _escape(clean_text(text, limit))

        buf = io.StringIO()
        console = Console(file=buf, force_terminal=self._color, no_color=not self._color, width=self._width,
                          highlight=False, emoji=False)
        extras = columns(self._baseline, self._dismissed, self._lang)

        def drain() -> None:          # what rich rendered so far goes out; the buffer holds one report at most
            write(buf.getvalue())
            buf.seek(0)
            buf.truncate()

        for audit in audits:
            _report(console, audit, extras, self._titles, self._lang, self._width, escape, Table)
            drain()
        if len(self._rows) > 1:
            _batch_overview(console, self._rows, self._totals, self._lang, Table)
        drain()


def _report(console, audit, extras, titles, lang: str, width: int, escape, Table) -> None:
    """One report's part: its heading, summary table and findings by goal, then its grouped info findings."""
    t = report_words(lang)
    label_new = label("new", lang)
    console.rule(f"[bold]{escape(report_title(audit, lang), HEADING_LIMIT)}[/]", align="left")
    console.print(f"[dim]{t['source']}: {escape(audit.source, HEADING_LIMIT)}[/]")
    if audit.error:
        console.print(f"[bold red]{t['error']}:[/] {escape(audit.error)}")
        console.print()
        return
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
        return
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


def _batch_overview(console, rows, totals: Counter, lang: str, Table) -> None:
    """Committees x rules for a batch: per report its counts by severity and its findings per rule (``rows``,
    each report's cells as ``TerminalParts.scan`` noted them; ``totals``: the batch's counts by severity)."""
    t = report_words(lang)
    table = Table(title=counted(t["batch"], len(rows)), title_justify="left", show_footer=True)
    table.add_column(t["report_col"], footer=t["total"])
    for sev in SEVERITY_ORDER:
        table.add_column(severity_label(sev, lang), justify="right", style=STYLE[sev],
                         footer=str(totals.get(sev, 0) or ""))
    table.add_column(t["rules_col"])
    for row in rows:
        table.add_row(*row)
    console.print(table)
