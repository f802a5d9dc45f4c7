"""The placement's counted shares, measured on reports they were not counted on: leave one report out.

    python benchmarks/held_out.py [--json]

Three kinds of evidence in ``auditor/parser/placement.py`` rest on shares counted in the annotated reports:
how often a figure of each column is printed without the unit its row's other figures carry
(``BARE_FIGURE``, ``BARE_ANY``), how often a figure of ten or more prints decimals where the row's outcome
does (``DECIMALS``, ``DECIMALS_ANY``), and how often a row under KF's goals, or under the committee's own,
has KF's target (``KF_TARGET_FILLED``). For each annotated report in turn, this script counts those shares in
the other reports only (from their annotations, and for the units from the printed cells of the rows the
parser reads as the annotations do), sets them, and scores the report it left out with the shared scorer,
as printed and flat (``score.py --flat``): cell values and findings precision and recall. Beside them, the
same report scored with the shares as set in ``placement.py``.

Needs ``../shared/corpus`` (with ``gold/``) and ``../shared/tools/score.py``; without them it says so and
exits 0. A measurement, not a test (about 4 minutes on a loaded machine).
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import math
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from _common import CORPUS  # noqa: E402
from extraction_variants import SCORER, VARIANTS  # noqa: E402

DECIMAL_COLUMNS = ("previous", "forecast", "target", "kf_target")   # DECIMALS_ANY: any figure of these
KF_LEVELS = {"inriktningsmal": True, "verksamhetsomradesmal": True, "namndmal": False, "enhetsmal": False}


def _scorer():
    spec = importlib.util.spec_from_file_location("score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _audit(text: str, name: str, tmp: Path):
    from auditor.engine.config import Config
    from auditor.workflow.audit import audit_file

    path = tmp / name
    path.write_bytes(text.encode("utf-8"))
    return audit_file(path, Config(), keep="full", strict=True)


def counts(stem: str, gold: dict, score, tmp: Path) -> tuple[Counter, Counter, Counter]:
    """One report's counts: bare and unit figures per column in rows that print a unit, figures of ten or
    more with and without decimals per column in rows whose outcome prints decimals (rows read as the
    annotations have them), and rows with and without KF's target per kind of goal."""
    from auditor.model import VALUE_COLUMNS
    from auditor.parser.placement import ROUND_FROM, _decimals

    report = _audit((CORPUS / f"{stem}.txt").read_text(encoding="utf-8"), f"{stem}.txt", tmp).report
    g_rows = [row for g in gold["goals"] for row in g["indicators"]]
    p_rows = [ind for g in report.goals for ind in g.indicators]
    matched = score.greedy_match(
        g_rows, p_rows,
        lambda g, p: score.sim(g["name"], p.name) + (0.1 if score.near(g["line"], p.line, 8) else 0)
        if score.sim(g["name"], p.name) >= score.ROW_SIM and score.near(g["line"], p.line, 40) else 0)
    units, decimals = Counter(), Counter()
    for gi, pi in matched.items():
        g, ind = g_rows[gi], p_rows[pi]
        doc = json.loads(ind.model_dump_json())
        if g.get("uncertain_columns") or not all(
                score.same_value(score.gold_value(g.get(c)), score.cell_value(doc.get(c))) for c in VALUE_COLUMNS):
            continue
        figures = [(c, v) for c, v in ind.cells().items() if v is not None and v.value is not None]
        if ind.outcome is not None and ind.outcome.value is not None and _decimals(ind.outcome.text):
            for col, v in figures:
                if col in DECIMAL_COLUMNS and abs(v.value) >= ROUND_FROM:
                    decimals[(col, _decimals(v.text) > 0)] += 1
        if not any(v.unit for _, v in figures):
            continue
        for col, v in figures:
            units[(col, bool(v.unit))] += 1
    kf = Counter()
    for goal in gold["goals"]:
        level = KF_LEVELS.get(goal["level"])
        if level is not None:
            for row in goal["indicators"]:
                kf[(level, row.get("kf_target") is not None)] += 1
    return units, decimals, kf


def shares(units: Counter, decimals: Counter, kf: Counter) -> dict:
    """The shares from counts, each smoothed by one pseudo-count either way (Laplace)."""
    def share(yes, no):
        return (yes + 1) / (yes + no + 2)
    bare = {col: share(units[(col, False)], units[(col, True)]) for col in ("forecast", "target", "kf_target")}
    any_bare = share(sum(n for (_, u), n in units.items() if not u), sum(n for (_, u), n in units.items() if u))
    filled = {level: share(kf[(level, True)], kf[(level, False)]) for level in (True, False)}
    precise = {col: share(decimals[(col, True)], decimals[(col, False)]) for col in ("previous", "forecast")}
    any_precise = share(sum(n for (_, d), n in decimals.items() if d), sum(n for (_, d), n in decimals.items() if not d))
    return {"BARE_FIGURE": bare, "BARE_ANY": any_bare, "KF_TARGET_FILLED": filled,
            "DECIMALS": precise, "DECIMALS_ANY": any_precise}


def set_shares(values: dict) -> None:
    """Set the placement's shares (and the log-ratios it derives from them)."""
    from auditor.parser import placement as P

    P.BARE_FIGURE, P.BARE_ANY, P.KF_TARGET_FILLED = values["BARE_FIGURE"], values["BARE_ANY"], values["KF_TARGET_FILLED"]
    P.DECIMALS, P.DECIMALS_ANY = values["DECIMALS"], values["DECIMALS_ANY"]
    P._LOG_DECIMALS = {col: (math.log((1 - p) / (1 - P.DECIMALS_ANY)), math.log(p / P.DECIMALS_ANY))
                       for col, p in P.DECIMALS.items()}
    P._LOG_BARE = {col: (math.log(p / P.BARE_ANY), math.log((1 - p) / (1 - P.BARE_ANY))) for col, p in P.BARE_FIGURE.items()}
    P._LOG_KF_FILLED = {kf: (math.log(p), math.log(1.0 - p)) for kf, p in P.KF_TARGET_FILLED.items()}


def scored(stem: str, variant: str, score, tmp: Path) -> dict:
    from auditor.render.json_out import report_doc

    text = VARIANTS[variant]((CORPUS / f"{stem}.txt").read_text(encoding="utf-8"))
    audit = _audit(text, f"{stem}.txt", tmp)
    gold = json.loads((CORPUS / "gold" / f"{stem}.json").read_text(encoding="utf-8"))
    parse = score.score_parse(gold, audit.report.to_contract())
    out = {"values": parse["indicators"]["value_acc"]}
    fgold = CORPUS / "gold" / f"{stem}.findings.json"
    if fgold.is_file():
        found = score.score_findings(json.loads(fgold.read_text(encoding="utf-8")), report_doc(audit))["overall"]
        out |= {"find P": found["precision"], "find R": found["recall"]}
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    if not (CORPUS / "gold").is_dir() or not SCORER.is_file():
        print("no ../shared/corpus with gold/ or no ../shared/tools/score.py: nothing to measure")
        return 0
    from auditor.parser import placement as P

    score = _scorer()
    as_set = {"BARE_FIGURE": P.BARE_FIGURE, "BARE_ANY": P.BARE_ANY, "KF_TARGET_FILLED": P.KF_TARGET_FILLED,
              "DECIMALS": P.DECIMALS, "DECIMALS_ANY": P.DECIMALS_ANY}
    stems = sorted(p.stem for p in (CORPUS / "gold").glob("*.json") if not p.name.endswith(".findings.json"))
    result = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        every = {s: counts(s, json.loads((CORPUS / "gold" / f"{s}.json").read_text(encoding="utf-8")), score, tmp)
                 for s in stems}
        for stem in stems:
            units, decimals, kf = Counter(), Counter(), Counter()
            for other in stems:
                if other != stem:
                    units.update(every[other][0])
                    decimals.update(every[other][1])
                    kf.update(every[other][2])
            held = shares(units, decimals, kf)
            row = {"shares": held}
            for name, values in (("held out", held), ("as set", as_set)):
                set_shares(values)
                row[name] = {variant: scored(stem, variant, score, tmp) for variant in ("as-is", "flat")}
            set_shares(as_set)
            result[stem] = row
    if args.json:
        print(json.dumps(result, indent=1, default=str))
        return 0
    print(f"{'report':<24}{'shares':<10}{'variant':<8}{'values':>8}{'find P':>8}{'find R':>8}")
    for stem, row in result.items():
        for name in ("held out", "as set"):
            for variant, figures in row[name].items():
                print(f"{stem:<24}{name:<10}{variant:<8}" + "".join(
                    f"{figures.get(k, float('nan')):8.3f}" for k in ("values", "find P", "find R")))
        h = row["shares"]
        print(f"  held-out shares: bare " + ", ".join(f"{c} {p:.2f}" for c, p in h["BARE_FIGURE"].items())
              + f", any {h['BARE_ANY']:.2f}; decimals " + ", ".join(f"{c} {p:.2f}" for c, p in h["DECIMALS"].items())
              + f", any {h['DECIMALS_ANY']:.2f}; KF's target under KF's goals {h['KF_TARGET_FILLED'][True]:.2f},"
              f" under the committee's {h['KF_TARGET_FILLED'][False]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
