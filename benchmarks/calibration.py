"""Does a row's confidence mean what it says? Rows, cells and findings binned by how sure the parser
was, with the share of them that was right against the hand-verified annotations.

    python benchmarks/calibration.py [--only SOURCE ...] [--json]

Needs ``../shared/corpus`` (with ``gold/``) and ``../shared/tools/score.py`` (its matching is reused);
without them it says so and exits 0. A measurement, not a test: it prints tables, no threshold.

The sources:

- the corpus as printed (``as-is``) and rewritten as other extraction tools print it (``flat``,
  ``no-trailing``: see ``extraction_variants.py``); a row is right when every one of its seven cells
  equals the gold's (rows the gold marks ``uncertain_columns`` are left out, as the scorer does), a
  finding when the gold's findings hold it (same rule, line within the scorer's slack);
- the corpus re-rendered in the table forms of reports nobody here has annotated: each gold report made a
  model (``tests/gold_to_model.py``) and printed by the test writer with another header: a header without
  "Prognos helår" (``no-forecast``, as in annual reports of some years) and a unit report's header
  ("Utfall", "Utfall pojkar/män", "Föregående års utfall", "Helårsprognos", "Årsmål", no KF column:
  ``unit-report``), each spaced as the corpus's tool prints it and flat (``-flat``). The model's cells in
  those columns are the truth (rows the gold marks ``uncertain_columns`` are printed but not counted); a finding is right when the audit of the model itself has it (same rule,
  on the same goal, row or activity). The model has no prose of its own, so the prose never helps here.

A row is binned by its ``confidence`` (the probability of its reading), a cell by its ``cell_confidence``, a
finding by its ``certainty`` (the probability that it holds over its rows' readings,
``auditor/engine/certainty.py``).

The targets (issue 17): below ``min-confidence`` (0.6) a reading is more likely wrong than right, and
from 0.9 on it is right at least 98 % of the time. No weight is fitted to these figures; the placement's
weights are statements about the form (``auditor/parser/placement.py``). Last, the script prints what a map
fitted to them would give: an isotonic map from the probability to the share right, fitted for each report
on the other reports (every source of theirs) and applied to that report's rows and findings, held out.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from _common import CORPUS  # noqa: E402
from extraction_variants import SCORER, VARIANTS  # noqa: E402

BINS = ((0.0, 0.5), (0.5, 0.6), (0.6, 0.75), (0.75, 0.9), (0.9, 0.98), (0.98, 1.0), (1.0, 1.01))
CORPUS_VARIANTS = ("as-is", "flat", "no-trailing")

# The re-rendered forms: header lines as the corpus's tool splits them, and the value columns in order.
NO_FORECAST = ((" Indikator Periodens ", "utfall", "", "Utfall ", "män/ ", "pojkar", "", "Utfall ", "kvinn",
                "or/ ", "flicko", "r", "", "Perio", "dens ", "utfall ", "VB ", "{prev}", "", "Årsmål KF:s ", "",
                "årsmål Period", ""),
               ("outcome", "outcome_men", "outcome_women", "previous", "target", "kf_target"))
UNIT_REPORT = (("Indikator Utfall Utfall ", "pojkar/män ", "Utfall ", "flickor/kvinnor ", "", "Föregående ",
                "års utfall ", "Helårsprognos ", "Årsmål Period ", ""),
               ("outcome", "outcome_men", "outcome_women", "previous", "forecast", "target"))
FORMS = {"no-forecast": NO_FORECAST, "unit-report": UNIT_REPORT}
SOURCES = (*CORPUS_VARIANTS, *(f"{f}{s}" for f in FORMS for s in ("", "-flat")))


def _scorer():
    spec = importlib.util.spec_from_file_location("score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _bin(p: float) -> int:
    return next(i for i, (lo, hi) in enumerate(BINS) if lo <= p < hi)


class Tally:
    """Right / all per confidence bin, for rows, cells and findings."""

    def __init__(self) -> None:
        self.rows = [[0, 0] for _ in BINS]
        self.cells = [[0, 0] for _ in BINS]
        self.findings = [[0, 0] for _ in BINS]
        self.seen: list[tuple[str, float, bool]] = []     # (what, p, right) of every row and finding

    def add(self, what: str, p: float, right: bool) -> None:
        slot = getattr(self, what)[_bin(min(max(p, 0.0), 1.0))]
        slot[0] += bool(right)
        slot[1] += 1
        if what != "cells":
            self.seen.append((what, p, bool(right)))

    def merge(self, other: "Tally") -> None:
        for what in ("rows", "cells", "findings"):
            for mine, theirs in zip(getattr(self, what), getattr(other, what)):
                mine[0] += theirs[0]
                mine[1] += theirs[1]
        self.seen.extend(other.seen)

    def as_dict(self) -> dict:
        return {what: [{"bin": list(b), "right": r, "all": n} for b, (r, n) in zip(BINS, getattr(self, what))]
                for what in ("rows", "cells", "findings")}


# ---------------------------------------------------------------------- reading and auditing
def _audit(text: str, source: str, tmp: Path):
    from auditor.engine.config import Config
    from auditor.workflow.audit import audit_file

    path = tmp / source
    path.write_bytes(text.encode("utf-8"))
    audit = audit_file(path, Config(), keep="full", strict=True)
    return audit.report, [*audit.findings, *audit.withheld]


def _rows(report):
    return [(g, ind) for g in report.goals for ind in g.indicators]


def _tally_row(tally: Tally, score, ind, truth: dict, uncertain: bool) -> None:
    from auditor.model import VALUE_COLUMNS

    if uncertain:
        return
    doc = json.loads(ind.model_dump_json())
    right = {col: score.same_value(truth[col], score.cell_value(doc.get(col))) for col in VALUE_COLUMNS}
    tally.add("rows", ind.confidence, all(right.values()))
    for col, p in ind.cell_confidence.items():
        if col in right:
            tally.add("cells", p, right[col])


# ---------------------------------------------------------------------- the corpus, as printed
def corpus_tally(variant: str, score, tmp: Path) -> dict[str, Tally]:
    out = {}
    for txt in sorted(CORPUS.glob("*.txt")):
        gold_path = CORPUS / "gold" / f"{txt.stem}.json"
        if not gold_path.is_file():
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        report, found = _audit(VARIANTS[variant](txt.read_text(encoding="utf-8")), txt.name, tmp)
        tally = Tally()
        g_rows = [row for g in gold["goals"] for row in g["indicators"]]
        p_rows = [ind for _, ind in _rows(report)]
        matched = score.greedy_match(
            g_rows, p_rows,
            lambda g, p: score.sim(g["name"], p.name) + (0.1 if score.near(g["line"], p.line, 8) else 0)
            if score.sim(g["name"], p.name) >= score.ROW_SIM and score.near(g["line"], p.line, 40) else 0)
        for gi, pi in matched.items():
            g = g_rows[gi]
            truth = {col: score.gold_value(g.get(col)) for col in score.VALUE_FIELDS}
            _tally_row(tally, score, p_rows[pi], truth, bool(g.get("uncertain_columns")))
        findings_path = CORPUS / "gold" / f"{txt.stem}.findings.json"
        if findings_path.is_file():
            expected = json.loads(findings_path.read_text(encoding="utf-8"))
            _tally_findings(tally, score, expected, found, lambda e, f: e["rule"] == f.rule
                            and score.near(e["line"], f.line))
        out[txt.stem] = tally
    return out


def _tally_findings(tally: Tally, score, expected: list, found: list, same) -> None:
    """Each found finding (reported or withheld) is right when an expected one, each used once, is it."""
    matched = score.greedy_match(expected, found, lambda e, f: 1.0 / (1 + abs(e_line(e) - f.line)) if same(e, f) else 0)
    hit = set(matched.values())
    for k, f in enumerate(found):
        tally.add("findings", f.certainty, k in hit)


def e_line(e) -> int:
    return e["line"] if isinstance(e, dict) else e.line


# ---------------------------------------------------------------------- the corpus, re-rendered
def truth_model(gold: dict, columns: tuple[str, ...]):
    """The gold report as a model whose rows hold only the form's columns (rows left with no cell go)."""
    from auditor.model import VALUE_COLUMNS
    from tests.gold_to_model import gold_to_report

    report = gold_to_report(gold)
    for goal in report.goals:
        kept = []
        for ind in goal.indicators:
            for col in VALUE_COLUMNS:
                if col not in columns:
                    setattr(ind, col, None)
            if any(ind.cells()[col] is not None for col in columns):
                kept.append(ind)
        goal.indicators = kept
    return report


def _places(report) -> dict[int, tuple]:
    """What each line of a report holds: a goal, an indicator or an activity, by its words."""
    out: dict[int, tuple] = {}
    for g in report.goals:
        out[g.line] = ("goal", g.level, " ".join(g.title.split()).lower())
        for ind in g.indicators:
            out[ind.line] = ("row", " ".join(ind.name.split()).lower())
        for act in g.activities:
            out[act.line] = ("act", " ".join(act.text.split())[:60].lower())
    return out


def _place_of(places: dict[int, tuple], f) -> tuple:
    if f.line in places:
        return places[f.line]
    return ("goal-of", " ".join(f.goal.title.split()).lower()) if f.goal else ("line", f.line)


def rendered_tally(form: str, flat: bool, score, tmp: Path) -> dict[str, Tally]:
    from auditor.workflow.audit import audit_report_model
    from auditor.engine.config import Config
    from tests import writer

    header, columns = FORMS[form]
    out = {}
    for gold_path in sorted((CORPUS / "gold").glob("*.json")):
        if gold_path.name.endswith(".findings.json"):
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        truth = truth_model(gold, columns)
        text = writer.render_report(truth, table=writer.TableForm(header, columns))
        if flat:
            text = VARIANTS["flat"](text)
        report, found = _audit(text, f"{gold_path.stem}.txt", tmp)
        tally = Tally()
        want = {" ".join(ind.name.split()).lower(): ind for _, ind in _rows(truth)}
        for _, ind in _rows(report):
            t = want.get(" ".join(ind.name.split()).lower())
            if t is not None:
                cells = json.loads(t.model_dump_json())
                # rows the gold itself marks uncertain_columns are left out here too (gold_to_model keeps
                # that as columns_certain=False): their annotation is a best guess, not a truth
                _tally_row(tally, score, ind, {col: score.cell_value(cells.get(col)) for col in score.VALUE_FIELDS},
                           not t.columns_certain)
        expected = audit_report_model(truth, Config())
        e_places, f_places = _places(truth), _places(report)
        expected_keys = [(f.rule, _place_of(e_places, f), f) for f in (*expected.findings, *expected.withheld)]
        _tally_findings(tally, score, [{"rule": r, "place": p, "line": f.line} for r, p, f in expected_keys], found,
                        lambda e, f: e["rule"] == f.rule and e["place"] == _place_of(f_places, f))
        out[gold_path.stem] = tally
    return out


# ---------------------------------------------------------------------- the tables
def _share(r: int, n: int) -> str:
    return f"{r / n:6.1%} of {n:<5}" if n else f"{'–':>6}    {'':<5}"


def print_table(title: str, tally: Tally) -> None:
    print(title)
    print(f"  {'confidence':<12}{'rows right':>16}{'cells right':>18}{'findings right':>18}")
    for b, rows, cells, found in zip(BINS, tally.rows, tally.cells, tally.findings):
        label = "1.0" if b[0] == 1.0 else f"{b[0]:.2f}–{b[1]:.2f}"
        print(f"  {label:<12}{_share(*rows):>16}{_share(*cells):>18}{_share(*found):>18}")


def summary(tally: Tally, floor: float) -> dict:
    def over(what, lo, hi):
        r = sum(x[0] for b, x in zip(BINS, getattr(tally, what)) if lo <= b[0] and b[1] <= hi)
        n = sum(x[1] for b, x in zip(BINS, getattr(tally, what)) if lo <= b[0] and b[1] <= hi)
        return r, n
    return {"below floor": {w: over(w, 0.0, floor) for w in ("rows", "cells", "findings")},
            "from 0.9": {w: over(w, 0.9, 1.01) for w in ("rows", "cells", "findings")}}


# ---------------------------------------------------------------------- a fitted map, held out
def isotonic(points: list[tuple[float, bool]]) -> list[tuple[float, float]]:
    """The monotone map from a probability to the share right that fits ``points`` best (pool adjacent
    violators): steps of (the highest probability of the step, the share right in it), in order."""
    blocks: list[list] = []       # [highest p, right, all]
    for p, right in sorted(points):
        blocks.append([p, float(right), 1])
        while len(blocks) > 1 and blocks[-2][1] / blocks[-2][2] >= blocks[-1][1] / blocks[-1][2]:
            hi, r, n = blocks.pop()
            blocks[-1] = [hi, blocks[-1][1] + r, blocks[-1][2] + n]
    return [(hi, r / n) for hi, r, n in blocks]


def mapped(steps: list[tuple[float, float]], p: float) -> float:
    """The map's value at ``p``: the first step reaching it (above the highest one, the last step's)."""
    return next((v for hi, v in steps if p <= hi), steps[-1][1]) if steps else p


def held_out(results: dict[str, dict[str, Tally]]) -> Tally:
    """Each report's rows and findings (in every source) binned by an isotonic map from the parser's
    probability to the share right, fitted on the other reports only (leave one report out)."""
    by_report: dict[str, list] = {}
    for per_report in results.values():
        for stem, tally in per_report.items():
            by_report.setdefault(stem, []).extend(tally.seen)
    out = Tally()
    for stem, seen in by_report.items():
        others = [x for other, xs in by_report.items() if other != stem for x in xs]
        for what in ("rows", "findings"):
            steps = isotonic([(p, right) for w, p, right in others if w == what])
            for w, p, right in seen:
                if w == what:
                    out.add(what, mapped(steps, p), right)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="*", choices=SOURCES, help="measure only these sources")
    parser.add_argument("--per-report", action="store_true", help="a table per report as well")
    parser.add_argument("--json", action="store_true", help="print the tallies as JSON")
    args = parser.parse_args(argv)
    if not (CORPUS / "gold").is_dir() or not SCORER.is_file():
        print("no ../shared/corpus with gold/ or no ../shared/tools/score.py: nothing to measure")
        return 0
    from auditor.engine.config import Config

    floor = Config().min_confidence
    score = _scorer()
    results: dict[str, dict[str, Tally]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for source in args.only or SOURCES:
            work = Path(tmp) / re.sub(r"\W", "_", source)
            work.mkdir()
            if source in CORPUS_VARIANTS:
                results[source] = corpus_tally(source, score, work)
            else:
                flat = source.endswith("-flat")
                results[source] = rendered_tally(source.removesuffix("-flat"), flat, score, work)
    total = Tally()
    for per_report in results.values():
        for t in per_report.values():
            total.merge(t)
    if args.json:
        fitted = held_out(results)
        print(json.dumps({"sources": {s: {r: t.as_dict() for r, t in per.items()} for s, per in results.items()},
                          "all": total.as_dict(), "summary": summary(total, floor),
                          "held out fit": {"all": fitted.as_dict(), "summary": summary(fitted, floor)}}, indent=1))
        return 0
    for source, per_report in results.items():
        merged = Tally()
        for report, t in per_report.items():
            merged.merge(t)
            if args.per_report:
                print_table(f"{source} {report}", t)
        print_table(f"{source}", merged)
        print()
    print_table("all sources", total)
    s = summary(total, floor)
    for part, figures in s.items():
        print(f"  {part:<12}" + "".join(f"{w} {_share(*rn).strip():<18}" for w, rn in figures.items()))
    print()
    # not used by the tool: what a map fitted to these figures would say of a report it was not fitted on
    fitted = held_out(results)
    print_table("all sources, probability mapped by an isotonic fit on the other reports (held out)", fitted)
    for part, figures in summary(fitted, floor).items():
        print(f"  {part:<12}" + "".join(f"{w} {_share(*rn).strip():<18}" for w, rn in figures.items()
                                         if w != "cells"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
