"""A rule's EXAMPLES as a reader sees them in ``auditor explain`` and docs/rules.md: plain text from the
example's data, without building a report (so explaining a rule imports neither the model nor the parser).
How an example is written is told in ``auditor.engine.examples``."""
from __future__ import annotations

from ..words.form import LEVEL_NAMES, MARKERS

LEVELS = ("inriktningsmal", "verksamhetsomradesmal", "namndmal", "enhetsmal")

_CELL_LABELS = (("outcome", "utfall"), ("men", "män"), ("women", "kvinnor"), ("previous", "föreg. år"),
                ("forecast", "prognos"), ("target", "årsmål"), ("kf_target", "KF:s årsmål"))


def example_title(example: dict, lang: str = "sv") -> str:
    """The example's name for a reader of ``lang``: ``title_sv`` in Swedish when the rule gives one, else
    ``title`` (English, and the only one a user rule may have)."""
    sv = example.get("title_sv")
    if lang != "en" and isinstance(sv, str) and sv.strip():
        return sv
    return example.get("title", "") or ""


def example_message(example: dict, lang: str = "sv") -> str | None:
    """The part of the finding's message an example asserts, in ``lang`` when it gives that language."""
    said = example.get("message")
    if isinstance(said, dict):
        return said.get("en" if lang == "en" else "sv") or said.get("sv")
    return said


def render_example(example: dict, lang: str = "sv") -> list[str]:
    """The example as indented text lines, the way the report would show it."""
    spec = example.get("report", {})
    out = [f"[{spec.get('kind', 'VB')}]"]
    for para in spec.get("summary", []):
        out.append(f"  {para}")

    def goal(g: dict, depth: int):
        pad = "  " * (depth + 1)
        level = g.get("level", LEVELS[min(depth + 1, 3)])
        number = f"{g['number']} " if g.get("number") else ""
        out.append(f"{pad}{LEVEL_NAMES[level]}: {number}{g.get('title', '')}")
        if g.get("assessment"):
            out.append(f"{pad}  {MARKERS[g['assessment']]}")
        if g.get("analysis"):
            out.append(f"{pad}  Analys: {' '.join(g['analysis'].split())}")
        for ind in g.get("indicators", []):
            cells = ", ".join(f"{label} {ind[key]}" for key, label in _CELL_LABELS if ind.get(key) not in (None, ""))
            flag = "" if ind.get("certain", True) else "  (osäkra kolumner)"
            out.append(f"{pad}  Indikator: {ind['name']} | {cells or 'inga värden'}{flag}")
            if ind.get("analysis"):
                out.append(f"{pad}    Analys: {ind['analysis']}")
        for act in g.get("activities", []):
            dev = " | Avvikelse" if act.get("deviation") else ""
            dates = f" | {act['start']} – {act['end']}" if "start" in act or "end" in act else ""
            out.append(f"{pad}  Aktivitet: {act['text']}{dates}{dev}")
            if act.get("analysis"):
                out.append(f"{pad}    Analys: {act['analysis']}")
        for child in g.get("children", []):
            goal(child, depth + 1)

    for g in spec.get("goals", []):
        goal(g, 0)
    return out
