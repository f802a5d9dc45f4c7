"""A rule's documentation as Markdown, from its module: used by ``auditor explain`` and for docs/rules.md."""
from __future__ import annotations

from .examples import render_example

_SEV = {"error": "error", "warning": "warning", "info": "info"}


def rule_markdown(spec, lang: str = "sv", heading: str = "###") -> str:
    en = lang == "en"
    lines = [f"{heading} {spec.id}: {spec.summary(lang)}", ""]
    other = spec.title.get("sv" if en else "en")
    if other:
        lines += [f"*{other}*", ""]
    lines.append(f"**{'Default severity' if en else 'Allvarlighet'}:** {_SEV[spec.severity]}")
    if spec.parameters:
        params = ", ".join(f"`{k} = {v!r}`".replace("True", "true").replace("False", "false")
                           for k, v in spec.parameters.items())
        lines.append(f"  \n**{'Parameters' if en else 'Parametrar'}:** {params}")
    lines += ["", spec.doc, ""]
    msg = spec.message.get(lang) or spec.message["sv"]
    lines += [f"**{'Message' if en else 'Meddelande'}:** `{msg}`", ""]
    if spec.examples:
        lines += [f"**{'Examples' if en else 'Exempel'}** "
                  f"({'they also run as tests' if en else 'körs också som tester'}):", ""]
        for ex in spec.examples:
            verdict = ("fails" if en else "ger fynd") if ex["expect"] == "fail" else ("passes" if en else "godkänns")
            mark = "✗" if ex["expect"] == "fail" else "✓"
            lines.append(f"{mark} {verdict}: {ex.get('title', '')}")
            lines.append("")
            lines.append("```text")
            lines.extend(render_example(ex, lang))
            lines.append("```")
            lines.append("")
    return "\n".join(lines).rstrip()
