"""A rule's documentation as Markdown, from its module: used by ``auditor explain`` and for docs/rules.md.

Swedish (the default) shows the module's Swedish title, ``DOC_SV``, Swedish labels and the examples'
``title_sv``, English its English title, docstring, English labels and the examples' ``title`` (never the
other language's title); a rule without ``DOC_SV`` shows its docstring in both, and an example without
``title_sv`` its ``title``.
"""
from __future__ import annotations

from ..words import catalogue, severity_label, texts
from .example_text import example_message, example_title, render_example

def _settings(example: dict, t: dict) -> str:
    """"With the parameters `min_gap_points = 5`": the line under the title of an example that sets them."""
    shown = ", ".join(f"`{k} = {v!r}`".replace("True", "true").replace("False", "false")
                      for k, v in example["parameters"].items())
    return f"{t['with_parameters']}: {shown}"


def rule_markdown(spec, lang: str = "sv", heading: str = "###") -> str:
    lang = "en" if lang == "en" else "sv"
    t = texts(catalogue.RULE_DOCS, lang)
    lines = [f"{heading} {spec.id}: {spec.summary(lang)}", ""]   # the title in the reader's language only
    lines.append(f"**{t['severity']}:** {severity_label(spec.severity, lang)}")
    if spec.aliases:
        lines.append(f"  \n**{t['formerly']}:** " + ", ".join(f"`{old}`" for old in spec.aliases))
    if spec.parameters:
        params = ", ".join(f"`{k} = {v!r}`".replace("True", "true").replace("False", "false")
                           for k, v in spec.parameters.items())
        lines.append(f"  \n**{t['parameters']}:** {params}")
    lines += ["", spec.documentation(lang), ""]
    msg = spec.message.get(lang) or spec.message["sv"]
    lines += [f"**{t['message']}:** `{msg}`", ""]
    if spec.examples:
        lines += [f"**{t['examples']}** ({t['run_as_tests']}):", ""]
        for ex in spec.examples:
            verdict = t["fail"] if ex["expect"] == "fail" else t["pass"]
            mark = "✗" if ex["expect"] == "fail" else "✓"
            lines.append(f"{mark} {verdict}: {example_title(ex, lang)}")
            lines.append("")
            if ex.get("parameters"):
                lines += [_settings(ex, t), ""]
            lines.append("```text")
            lines.extend(render_example(ex, lang))
            lines.append("```")
            said = example_message(ex, lang)
            if said:
                lines.append(f"{t['message_says']}: \"{said}\"")
            lines.append("")
    return "\n".join(lines).rstrip()
