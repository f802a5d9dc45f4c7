"""Compare a parsed report (contract ``auditor.report/1`` as a dict) with a hand-written expected parse.

The expected files (``fixtures/<name>.expected.json``) pin only what they contain: a key that is absent is
not compared. ``fixtures/README.md`` lists the keys and the conventions. Every difference is reported as one
line that names the goal/row/field, so a failing test says exactly what to fix.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
VALUE_COLUMNS = ("outcome", "outcome_men", "outcome_women", "previous", "forecast", "target", "kf_target")
TOP_KEYS = ("committee", "unit", "report_kind", "year", "complete")


def collapse(text: str | None) -> str | None:
    return None if text is None else re.sub(r"\s+", " ", text).strip()


def squeeze(text: str | None) -> str:
    """Text without any whitespace: wrapped text cells ("nämnd/" + "styrelse", "Faststäl" + "ls") compare equal
    however the parser joins the pieces."""
    return re.sub(r"\s+", "", text or "")


def fixture_names() -> list[str]:
    return sorted(p.name[: -len(".expected.json")] for p in FIXTURES.glob("*.expected.json"))


def load_expected(name: str) -> dict:
    return json.loads((FIXTURES / f"{name}.expected.json").read_text(encoding="utf-8"))


def decode_fixture(name: str) -> str:
    """The fixture's text, decoded the way the files are documented (BOM, UTF-8 or cp1252)."""
    data = (FIXTURES / f"{name}.txt").read_bytes()
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252")


def _has_text(value) -> bool:
    return isinstance(value, str) and value.strip() != ""


def _check_analysis(where: str, exp: dict, got: dict, out: list[str]) -> None:
    analysis = got.get("analysis")
    if "has_analysis" in exp and exp["has_analysis"] != _has_text(analysis):
        out.append(f"{where}: has_analysis expected {exp['has_analysis']}, got analysis={_short(analysis)!r}")
    flat = collapse(analysis) or ""
    for needle in exp.get("analysis_contains", []):
        if needle not in flat:
            out.append(f"{where}: analysis should contain {needle!r}, got {_short(analysis)!r}")
    for needle in exp.get("analysis_excludes", []):
        if needle in flat:
            out.append(f"{where}: analysis must not contain {needle!r} (page furniture, table header or "
                       f"text of another block), got {_short(analysis)!r}")


def _short(text, n: int = 90):
    text = collapse(text)
    if text is None or len(text) <= n:
        return text
    return text[: n - 1] + "…"


def _same_number(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) <= 1e-9 * max(1.0, abs(float(a)))


def _check_cell(where: str, col: str, exp, got, out: list[str]) -> None:
    if exp is None:
        if got is not None:
            out.append(f"{where}: {col} expected empty cell, got {got!r}")
        return
    if got is None:
        out.append(f"{where}: {col} expected {exp.get('text')!r}, got empty cell")
        return
    if "value" in exp and not _same_number(exp["value"], got.get("value")):
        out.append(f"{where}: {col}.value expected {exp['value']!r}, got {got.get('value')!r} "
                   f"(cell text {got.get('text')!r})")
    if "unit" in exp and (exp["unit"] or None) != (collapse(got.get("unit")) or None):
        out.append(f"{where}: {col}.unit expected {exp['unit']!r}, got {got.get('unit')!r}")
    if exp.get("value") is None and "text" in exp and squeeze(exp["text"]) != squeeze(got.get("text")):
        out.append(f"{where}: {col}.text expected {exp['text']!r}, got {got.get('text')!r}")


def _check_rows(where: str, kind: str, exp_rows: list, got_rows: list, partial: bool, out: list[str]) -> None:
    key = "name" if kind == "indicator" else "text"
    if (len(got_rows) < len(exp_rows)) if partial else (len(got_rows) != len(exp_rows)):
        out.append(f"{where}: expected {'at least ' if partial else ''}{len(exp_rows)} {kind}s, got "
                   f"{len(got_rows)}: {[_short(r.get(key), 50) for r in got_rows]}")
    for i, (e, g) in enumerate(zip(exp_rows, got_rows)):
        w = f"{where} {kind}[{i}] ({_short(e[key], 45)!r}, line {e.get('line')})"
        if collapse(e[key]) != collapse(g.get(key)):
            out.append(f"{w}: {key} expected {collapse(e[key])!r}, got {collapse(g.get(key))!r}")
        for k in ("line", "start", "end", "deviation", "columns_certain"):
            if k in e and e[k] != g.get(k):
                out.append(f"{w}: {k} expected {e[k]!r}, got {g.get(k)!r}")
        if "period" in e and collapse(e["period"]) != collapse(g.get("period")):
            out.append(f"{w}: period expected {e['period']!r}, got {g.get('period')!r}")
        for col in VALUE_COLUMNS:
            if col in e:
                _check_cell(w, col, e[col], g.get(col), out)
        _check_analysis(w, e, g, out)


def compare(expected: dict, got: dict) -> list[str]:
    """Differences between an expected parse and a contract dict, one readable line each."""
    out: list[str] = []
    for k in TOP_KEYS:
        if k in expected and expected[k] != got.get(k):
            out.append(f"report: {k} expected {expected[k]!r}, got {got.get(k)!r}")
    if "min_diagnostics" in expected and len(got.get("diagnostics") or []) < expected["min_diagnostics"]:
        out.append(f"report: expected at least {expected['min_diagnostics']} diagnostic(s), got "
                   f"{got.get('diagnostics')!r}")
    exp_goals, got_goals = expected.get("goals", []), got.get("goals") or []
    if len(exp_goals) != len(got_goals):
        out.append(f"report: expected {len(exp_goals)} goals, got {len(got_goals)}: "
                   + "; ".join(f"{g.get('level')} {g.get('number') or ''} {_short(g.get('title'), 40)!r} "
                               f"(line {g.get('line')})" for g in got_goals))
    index_of = {g.get("id"): i for i, g in enumerate(got_goals)}
    for i, (e, g) in enumerate(zip(exp_goals, got_goals)):
        w = f"goal[{i}] ({e['level']} {e.get('number') or ''} {_short(e['title'], 45)!r}, line {e.get('line')})"
        for k in ("level", "number", "line", "assessment"):
            if k in e and e[k] != g.get(k):
                out.append(f"{w}: {k} expected {e[k]!r}, got {g.get(k)!r}")
        if "title" in e and collapse(e["title"]) != collapse(g.get("title")):
            out.append(f"{w}: title expected {collapse(e['title'])!r}, got {collapse(g.get('title'))!r}")
        if "parent" in e:
            got_parent = index_of.get(g.get("parent")) if g.get("parent") is not None else None
            if e["parent"] != got_parent:
                out.append(f"{w}: parent expected goal[{e['parent']}], got goal[{got_parent}] (id {g.get('parent')!r})")
        _check_analysis(w, e, g, out)
        if "sections" in e:
            got_secs = [(collapse(s.get("label")), s.get("line")) for s in g.get("sections") or []]
            for s in e["sections"]:
                if (s["label"], s["line"]) not in got_secs:
                    out.append(f"{w}: section {s['label']!r} at line {s['line']} missing; got {got_secs}")
        if "indicators" in e:
            _check_rows(w, "indicator", e["indicators"], g.get("indicators") or [],
                        e.get("indicators_partial", False), out)
        if "activities" in e:
            _check_rows(w, "activity", e["activities"], g.get("activities") or [],
                        e.get("activities_partial", False), out)
    return out
