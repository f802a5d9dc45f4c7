"""Markdown output: a document an auditor can attach -- per committee a summary table, then the findings
grouped by goal with line, rule, message and evidence, errors and warnings first (a rule's repeated info
findings come last, one entry each listing their rows). No timestamps, so reruns give the same file.
Report text is escaped (see ``_md``), so a title with ``|``, ``#``, backticks or ``<script>`` stays text."""
from __future__ import annotations

import re

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
from .tags import finding_tags, review_line
from . import written_whole


# Characters that can start Markdown (CommonMark/GFM) syntax inside a line: emphasis, code, links and
# images, raw HTML, table cells, strikethrough, hard breaks, entity references. Report text gets each
# backslash-escaped, so that it can neither open a tag nor break out of a table row or list item.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~]|&(?=#?\w+;))")
MESSAGE_LIMIT = 2000
HEADING_LIMIT = 300


def _md(text, limit: int | None = MESSAGE_LIMIT) -> str:
    """Report text as one line of literal Markdown: control characters dropped, line breaks turned into
    spaces, syntax characters escaped, cut at ``limit``."""
    text = clean_text(text, limit).replace("\r", " ").replace("\n", " ")
    return _SPECIAL.sub(r"\\\1", text)


def _code(text) -> str:
    """A code span that any text fits in: the fence is longer than the longest run of backticks inside."""
    text = clean_text(text, HEADING_LIMIT).replace("\r", " ").replace("\n", " ")
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def render(result: AuditResult, options: dict | None = None) -> str:
    """The whole batch's document, built as a batch's output is written (see ``MarkdownParts``)."""
    return written_whole(two_pass(options), result)


def two_pass(options: dict | None = None) -> "MarkdownParts":
    """The Markdown output of a batch read twice (``auditor.render.TWO_PASS``)."""
    return MarkdownParts(options)


class MarkdownParts:
    """The document written with one report's section in memory at a time: ``scan`` each report in the
    batch's order first (the batch overview comes first, and the summary tables' columns depend on the whole
    batch: a baseline applied, a finding dismissed), keeping the overview's rows; then ``write`` reads the
    reports again, in the same order, and writes the header, the overview and each report's section."""

    def __init__(self, options: dict | None = None) -> None:
        options = options or {}
        self._lang = options.get("lang", "sv")
        self._titles = options.get("rule_titles") or {}
        self._rows: list[str] = []
        self._baseline = self._dismissed = False

    def scan(self, audit) -> None:
        self._rows.append(_overview_row(audit, self._lang))
        self._baseline = self._baseline or any(f.baseline for f in audit.findings)
        self._dismissed = self._dismissed or any(f.dismissed for f in audit.findings)

    def write(self, write, audits, stale_reviews=()) -> None:
        t = report_words(self._lang)
        extras = columns(self._baseline, self._dismissed, self._lang)
        out = [f"# {t['report']}", ""]
        if len(self._rows) > 1:
            out += _overview_head(len(self._rows), self._lang) + self._rows + [""]
        # the document ends with one line break after its last text: a section is written once the next one
        # shows that it is not the last
        pending = "\n".join(out)
        for audit in audits:
            write(pending + "\n")
            pending = "\n".join(_section(audit, extras, self._titles, self._lang))
        write(pending.rstrip() + "\n")


def _section(audit, extras, titles, lang: str) -> list[str]:
    """One report's lines: its heading, summary table and findings by goal."""
    t = report_words(lang)
    out = [f"## {_md(report_title(audit, lang), HEADING_LIMIT)}", "", f"{t['source']}: {_code(audit.source)}", ""]
    if audit.error:
        return out + [f"**{t['error']}:** {_md(audit.error)}", ""]
    if not audit.complete:
        out += [f"> **{t['incomplete']}**"] + [f"> {_md(r)}  " for r in incomplete_reasons(audit, lang)] + [""]
    held = withheld_lines(audit, lang)
    if held:
        out += [f"*{_md(held[0])}*", ""] + [f"- {_md(line, MESSAGE_LIMIT)}" for line in held[1:]] + [""]
    rows, total = rule_counts(audit)
    if not rows:
        return out + [t["no_findings"], ""]
    out += [f"| {t['rule']} | " + " | ".join(severity_label(s, lang) for s in SEVERITY_ORDER)
            + "".join(f" | {heading}" for _, heading in extras) + " |",
            "| --- | " + " | ".join("---:" for _ in SEVERITY_ORDER + tuple(extras)) + " |"]
    for rule, _, c in rows:
        out.append(f"| `{rule}` | " + " | ".join(str(c.get(s, "")) for s in SEVERITY_ORDER)
                   + "".join(f" | {c.get(key, '')}" for key, _ in extras) + " |")
    out.append(f"| **{t['total']}** | " + " | ".join(f"**{total.get(s, 0)}**" for s in SEVERITY_ORDER)
               + "".join(f" | **{total.get(key, 0)}**" for key, _ in extras) + " |")
    out.append("")
    out += [f"### {t['by_goal']}", ""]
    by_goal, info_groups = signal_first(audit)
    for goal, findings in by_goal:
        out += [f"#### {_md(goal_heading(goal, lang), HEADING_LIMIT)}", ""]
        for f in findings:
            low = f" *({t['low']})*" if f.confidence == "low" else ""
            sev = severity_label(f.severity, lang)
            sev = f"~~{sev}~~" if f.dismissed else sev
            tags = "".join(f" · **{_md(tag)}**" for tag in finding_tags(f, lang))
            where = location(f, lang) or f"{t['line']} {f.line}"
            out.append(f"- **{where}** · `{f.rule}` · {sev}{low}{tags} · "
                       f"{t['fingerprint']} {_code(f.fingerprint)}: {_md(message_of(f, lang), MESSAGE_LIMIT)}")
            for line in evidence_lines(f, lang, limit=300):
                out.append(f"  - {_md(line)}")
            decided = review_line(f, lang)
            if decided:
                out.append(f"  - *{_md(decided, MESSAGE_LIMIT)}*")
        out.append("")
    if info_groups:
        out += [f"### {t['info_grouped']}", ""]
    for rule, findings in info_groups:
        title = _md(titles.get(rule) or message_of(findings[0], lang))
        out.append(f"- `{rule}` · {severity_label('info', lang)} · {counted(t['n_findings'], len(findings))}: {title}")
        for f in findings:
            low = f" *({t['low']})*" if f.confidence == "low" else ""
            tags = "".join(f" · **{_md(tag)}**" for tag in finding_tags(f, lang))
            where = location(f, lang) or f"{t['line']} {f.line}"
            out.append(f"  - **{where}**: {_md(grouped_item(f, lang))}{low}{tags} · "
                       f"{t['fingerprint']} {_code(f.fingerprint)}")
    if info_groups:
        out.append("")
    return out


def _overview_head(count: int, lang: str) -> list[str]:
    t = report_words(lang)
    return [f"## {counted(t['batch'], count)}", "",
            f"| {t['report_col']} | " + " | ".join(severity_label(s, lang) for s in SEVERITY_ORDER)
            + f" | {t['rules_col']} |",
            "| --- | " + " | ".join("---:" for _ in SEVERITY_ORDER) + " | --- |"]


def _overview_row(audit, lang: str) -> str:
    """A report's row of the batch overview: its counts by severity and its findings per rule."""
    t = report_words(lang)
    title = _md(report_title(audit, lang), HEADING_LIMIT)
    if audit.error:
        return f"| {title} | " + " | ".join("" for _ in SEVERITY_ORDER) + f" | {t['unreadable']} |"
    rows, total = rule_counts(audit)
    per_rule = ", ".join(f"`{rule}` {active(c)}" for rule, _, c in rows if active(c))
    return f"| {title} | " + " | ".join(str(total.get(s, "") or "") for s in SEVERITY_ORDER) + f" | {per_rule} |"
