"""Markdown output: a document an auditor can attach -- per committee a summary table, then the findings
grouped by goal with line, rule, message and evidence. No timestamps, so reruns give the same file."""
from __future__ import annotations

from ..findings import AuditResult
from .common import (SEVERITY_ORDER, counts, evidence_lines, goal_groups, goal_heading, incomplete_reasons,
                     report_title, texts)


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render(result: AuditResult, options: dict | None = None) -> str:
    options = options or {}
    lang = options.get("lang", "sv")
    t = texts(lang)
    out = [f"# {t['report']}", ""]
    for audit in result.reports:
        out += [f"## {_md(report_title(audit, lang))}", "", f"{t['source']}: `{audit.source}`", ""]
        if audit.error:
            out += [f"**{t['error']}:** {_md(audit.error)}", ""]
            continue
        if not audit.complete:
            out += [f"> **{t['incomplete']}**"] + [f"> {_md(r)}  " for r in incomplete_reasons(audit, lang)] + [""]
        rows, total = counts(audit)
        if not rows:
            out += [t["no_findings"], ""]
            continue
        out += [f"| {t['rule']} | " + " | ".join(SEVERITY_ORDER) + " |",
                "| --- | " + " | ".join("---:" for _ in SEVERITY_ORDER) + " |"]
        for rule, _, c in rows:
            out.append(f"| `{rule}` | " + " | ".join(str(c.get(s, "")) for s in SEVERITY_ORDER) + " |")
        out.append(f"| **{t['total']}** | " + " | ".join(f"**{total.get(s, 0)}**" for s in SEVERITY_ORDER) + " |")
        out.append("")
        out += [f"### {t['by_goal']}", ""]
        for goal, findings in goal_groups(audit):
            out += [f"#### {_md(goal_heading(goal, lang))}", ""]
            for f in findings:
                low = f" *({t['low']})*" if f.confidence == "low" else ""
                out.append(f"- **{t['line']} {f.line}** · `{f.rule}` · {f.severity}{low}: {_md(f.message)}")
                for line in evidence_lines(f, lang, limit=300):
                    out.append(f"  - {_md(line)}")
            out.append("")
    return "\n".join(out).rstrip() + "\n"
