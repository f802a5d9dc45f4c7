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
from .headings import extra_columns, goal_heading, grouped_item, incomplete_reasons, report_words
from .location import location
from .names import report_title
from .order import SEVERITY_ORDER, signal_first
from .safe_text import clean_text
from .tags import finding_tags, review_line


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
    options = options or {}
    lang = options.get("lang", "sv")
    t = report_words(lang)
    titles = options.get("rule_titles") or {}
    out = [f"# {t['report']}", ""]
    extras = extra_columns(result, lang)
    if len(result.reports) > 1:
        out += _batch_overview(result, lang)
    for audit in result.reports:
        out += [f"## {_md(report_title(audit, lang), HEADING_LIMIT)}", "", f"{t['source']}: {_code(audit.source)}", ""]
        if audit.error:
            out += [f"**{t['error']}:** {_md(audit.error)}", ""]
            continue
        if not audit.complete:
            out += [f"> **{t['incomplete']}**"] + [f"> {_md(r)}  " for r in incomplete_reasons(audit, lang)] + [""]
        held = withheld_lines(audit, lang)
        if held:
            out += [f"*{_md(held[0])}*", ""] + [f"- {_md(line, MESSAGE_LIMIT)}" for line in held[1:]] + [""]
        rows, total = rule_counts(audit)
        if not rows:
            out += [t["no_findings"], ""]
            continue
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
    return "\n".join(out).rstrip() + "\n"


def _batch_overview(result: AuditResult, lang: str) -> list[str]:
    """Committees x rules for a batch: per report its counts by severity and its findings per rule."""
    t = report_words(lang)
    out = [f"## {counted(t['batch'], len(result.reports))}", "",
           f"| {t['report_col']} | " + " | ".join(severity_label(s, lang) for s in SEVERITY_ORDER)
           + f" | {t['rules_col']} |",
           "| --- | " + " | ".join("---:" for _ in SEVERITY_ORDER) + " | --- |"]
    for audit in result.reports:
        title = _md(report_title(audit, lang), HEADING_LIMIT)
        if audit.error:
            out.append(f"| {title} | " + " | ".join("" for _ in SEVERITY_ORDER) + f" | {t['unreadable']} |")
            continue
        rows, total = rule_counts(audit)
        per_rule = ", ".join(f"`{rule}` {active(c)}" for rule, _, c in rows if active(c))
        out.append(f"| {title} | " + " | ".join(str(total.get(s, "") or "") for s in SEVERITY_ORDER)
                   + f" | {per_rule} |")
    return out + [""]
