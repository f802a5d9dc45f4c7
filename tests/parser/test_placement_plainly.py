"""Cell placement's shortcuts for speed (issue 20) weigh every row as the placement was first written: each
candidate reading's evidence worked out from its cells alone, the probabilities and readings from those.
Below, that plain weighing (the oracle), and random rows in random contexts weighed both ways: every score,
the chosen reading, its confidence, each column's confidence and every reading with its probability must be
equal to the last bit (``engine.certainty`` weighs findings over the readings)."""
from __future__ import annotations

import itertools
import math
import random
from dataclasses import replace
from types import SimpleNamespace

from auditor.input.lines import Line
from auditor.input.values import FORBIDDEN, join_cost, parse_value, value_groups_to_cells
from auditor.model import VALUE_COLUMNS, Indicator, ProseClaim
from auditor.parser import placement as P
from auditor.parser.confidence import MOST, TAIL
from auditor.policy.target import compared_figure, is_met, target_number


# ---------------------------------------------------------------------- the plain weighing
def _plain_candidates(row, ctx) -> list[tuple[dict, float, bool]]:
    columns, n = row.columns, len(row.columns)
    out, rest = [], []
    for cells in row.readings:
        cost = join_cost(cells)
        if cost >= FORBIDDEN:
            continue
        body, period_cell = P.split_period(cells)
        filled = [c for c in body if c.text]
        values = [parse_value(c.text) for c in filled]
        k = len(values)
        if k > n:
            continue
        texts = [i for i, v in enumerate(values) if v.value is None]
        if ctx.spacing:
            shape = (columns, k, True, tuple(P._empties(c) for c in filled),
                     P._empties(period_cell) if period_cell is not None else None)
        else:
            shape = (columns, k, False, tuple(texts))
        for slots, misfit, plausible in P._place_shape(shape):
            if not plausible and out:
                continue
            score = -P.JOIN_COST * cost - P.SPACING_PER_CELL * misfit
            assign = dict.fromkeys(VALUE_COLUMNS)
            for slot, value in zip(slots, values):
                assign[columns[slot]] = value
            misfit_of_split = None
            if plausible and not ctx.spacing and assign["outcome_men"] is not None:
                misfit_of_split = P.split_misfit(assign["outcome"], assign["outcome_men"], assign["outcome_women"],
                                                 ctx.count)
                plausible = misfit_of_split <= P.NEAR_SPLIT
                if not plausible and out:
                    continue
            score += _plain_meaning(assign, ctx.count, misfit_of_split)
            (out if plausible else rest).append((assign, score, plausible))
    return out or rest


def _plain_meaning(a, count=False, misfit_of_split=None) -> float:
    score = 0.0
    for col, v in a.items():
        if v is None or v.value is not None:
            continue
        if col in P.FIGURE_COLUMNS:
            score += P.TEXT_IN_FIGURE_COLUMN
        elif col == "target" and P.KF_TEXT.match(v.text):
            score += P.KF_TEXT_IN_TARGET
    men, women, total = a["outcome_men"], a["outcome_women"], a["outcome"]
    if men is not None and women is not None:
        if total is None:
            score += P.SPLIT_WITHOUT_TOTAL
        elif (misfit := P.split_misfit(total, men, women, count) if misfit_of_split is None
              else misfit_of_split) > P.NEAR_SPLIT:
            score += P.SPLIT_BREAKS
        elif misfit > 0:
            score += P.SPLIT_NEARLY
        elif P._same(men.value, women.value):
            pass
        elif P._same(total.value, men.value) or P._same(total.value, women.value):
            score -= min(4.5, 1.5 * P._decimals(total.text))
        else:
            score += P.SPLIT_FITS
    elif men is not None or women is not None:
        score += P.ONE_SEX_ONLY
    figures = [(col, v) for col, v in a.items() if v is not None and v.value is not None]
    units = [v.unit for _, v in figures]
    score += (sum(P._LOG_BARE[col][bool(v.unit)] for col, v in figures if col in P._LOG_BARE)
              if not all(units) and any(units) else 0.0)
    outcome = a["outcome"]
    score += (0.0 if outcome is None or outcome.value is None or not P._decimals(outcome.text) else
              sum(P._LOG_DECIMALS[col][P._decimals(v.text) > 0] for col, v in a.items()
                  if col in P._LOG_DECIMALS and v is not None and v.value is not None and abs(v.value) >= P.ROUND_FROM))
    forecast = a["forecast"]
    if forecast is not None and total is not None and P._far_apart_shares(total, forecast):
        score += P.FORECAST_FAR_FROM_SHARE
    for col in ("forecast", "target", "kf_target"):
        v = a[col]
        if v is not None and v.value is not None and P._decimals(v.text) >= 2:
            if not (col == "forecast" and total is not None and v.text == total.text):
                score += P.MEASURED_IN_TARGET
    return score


def _plain_context(a, period, ctx) -> float:
    situation = P._situation(period, ctx.report_kind)
    score = 0.0
    if a["outcome_men"] is not None or a["outcome_women"] is not None:
        score += {True: P.SPLIT_ABOUT_PEOPLE, False: P.SPLIT_NOT_PEOPLE}.get(ctx.people, P.SPLIT_PRINTED)
    alone = ctx.report_kind in ("T1", "T2") and a["outcome"] is None
    for col in P.FILLED[situation]:
        if col == "kf_target" and ctx.kf_goal is not None:
            p = P.KF_TARGET_FILLED[ctx.kf_goal]
        else:
            p = P.FORECAST_WITHOUT_OUTCOME if alone and col == "forecast" else P.FILLED[situation][col]
        score += math.log(p) if a[col] is not None else math.log(1.0 - p)
    pairs = {**P.EQUAL_PAIRS, **P.EQUAL_PAIRS_ANNUAL} if ctx.report_kind == "VB" else P.EQUAL_PAIRS
    for (first, second), p in pairs.items():
        x, y = a[first], a[second]
        if x is None or y is None or x.value is None or y.value is None:
            continue
        if not P._same(x.value, y.value):
            score += math.log((1 - p) / (1 - P.EQUAL_BY_CHANCE))
        elif not P._at_bound(x):
            score += math.log(p / P.EQUAL_BY_CHANCE)
    if ctx.kf_goal is not None and ctx.kf_siblings != (0, 0):
        p = P.KF_TARGET_FILLED[ctx.kf_goal]
        level = (math.log(p), math.log(1.0 - p))
        seen = P._log_kf_filled(ctx.kf_goal, ctx.kf_siblings)
        k = 0 if a["kf_target"] is not None else 1
        score += seen[k] - level[k]
    if ctx.pattern:
        for col, (text, figure) in ctx.pattern.items():
            v = a.get(col)
            if v is not None:
                score += text if v.value is None else figure
    if ctx.neighbours:
        score += P.SAME_SHAPE * ctx.neighbours.get(frozenset(c for c, v in a.items() if v is not None), 0.0)
    if ctx.known_kf is not None:
        score += P.KNOWN_KF_TARGET if P._same_figure(a["kf_target"], ctx.known_kf) else -P.KNOWN_KF_TARGET
    return score


def _plain_prose(a, stated, not_measured, said_met, report_kind, direction) -> float:
    score = 0.0
    if said_met:
        figure, _ = compared_figure(report_kind, SimpleNamespace(outcome=a["outcome"], forecast=a["forecast"]))
        met = is_met(figure, target_number(a["target"]), direction)
        if met is not None:
            score += sum(P.PROSE_MET_DISAGREES for said in said_met if said is not met)
    for kind, value in stated:
        placed = a[kind].value if a[kind] is not None else None
        score += P.PROSE_AGREES if placed is not None and P._same(value, placed) else P.PROSE_DISAGREES
    if not_measured:
        score += P.NOT_MEASURED if a["outcome"] is None else -P.NOT_MEASURED
    return score


def _plain_score(ind, row, ctx) -> list[tuple[float, float, dict]]:
    not_measured = bool(ind.analysis and P.NOT_MEASURED_SAYS.search(ind.analysis))
    cands = _plain_candidates(row, ctx)
    if ctx.known_kf is not None and not any(P._same_figure(v, ctx.known_kf) for a, _, _ in cands[:1] for v in a.values()):
        ctx = replace(ctx, known_kf=None)
    printed = {v.value for a, _, _ in cands[:1] for v in a.values() if v is not None and v.value is not None}
    stated = [(c.kind, float(c.value)) for c in ind.claims
              if c.kind not in ("met", "trend") and any(P._same(c.value, x) for x in printed)]
    said_met = tuple(c.value for c in ind.claims if c.kind == "met" and isinstance(c.value, bool))
    prose = bool(stated) or not_measured or bool(said_met)
    out = []
    for a, local, plausible in cands:
        layout = local + _plain_context(a, row.period, ctx)
        out.append((layout + (_plain_prose(a, stated, not_measured, said_met, ctx.report_kind, ctx.direction)
                              if prose else 0.0), layout, a, plausible))
    out.sort(key=lambda t: -t[0])
    return out


def _plain_decision(ind, row, ctx) -> dict | None:
    """What ``decide`` records of a row, weighed plainly (None: no reading, the fallback)."""
    scored = _plain_score(ind, row, ctx)
    if not scored:
        return None
    top = scored[0][0]
    weights = [math.exp(s - top) for s, *_ in scored]
    total = sum(weights)
    weights = [w / total for w in weights]
    best = scored[0][2]
    if not scored[0][3]:
        weights = [min(w, P.IMPLAUSIBLE) for w in weights]
    key = lambda a: tuple(None if a.get(col) is None else a[col].text for col in VALUE_COLUMNS)  # noqa: E731
    as_read = lambda a: {col: a.get(col) for col in VALUE_COLUMNS}  # noqa: E731
    if weights[0] >= 1.0 - TAIL:
        readings = [(weights[0], as_read(best))]
    else:
        summed: dict = {}
        for w, (_, _, a, _) in zip(weights, scored):
            summed.setdefault(key(a), [0.0, as_read(a)])
            summed[key(a)][0] += w
        readings, kept = [], 0.0
        for w, a in sorted(summed.values(), key=lambda t: -t[0])[:MOST]:
            readings.append((w, a))
            kept += w
            if kept >= 1.0 - TAIL:
                break
    cells = {}
    for col in row.columns:
        total = 0
        for w, (_, _, a, _) in zip(weights, scored):
            v, chosen = a.get(col), best.get(col)
            if (v is None and chosen is None) or (v is not None and chosen is not None and v.text == chosen.text):
                total += w
        cells[col] = round(total, 4)
    shapes: dict = {}          # the neighbours' view of the row (``placement.shapes``)
    unclipped = [math.exp(s - top) for s, *_ in scored]
    whole = sum(unclipped)
    for w, (_, _, a, _) in zip([w / whole for w in unclipped], scored):
        filled = frozenset(col for col, v in a.items() if v is not None)
        shapes[filled] = shapes.get(filled, 0.0) + w
    return {"scores": [(s, layout, a) for s, layout, a, _ in scored], "cells": {c: best[c] for c in VALUE_COLUMNS},
            "confidence": round(weights[0], 4), "readings": readings, "cell_confidence": cells, "shapes": shapes}


def _decision(ind) -> dict:
    return {"cells": ind.cells(), "confidence": ind.confidence, "readings": ind._readings,
            "cell_confidence": ind.cell_confidence}


# ---------------------------------------------------------------------- random rows in random contexts
FIGURES = ["80 %", "81,5 %", "79 %", "40,34 %", "100 %", "0 %", "1 200", "4 500 kr", "12", "14", "26", "0", "100",
           "3,2 dagar", "45", "9 000", "99,12", "0,06 %", "1,5 %", "750", "737", "13"]
TEXTS = ["Öka", "Tas fram av nämnd/styrelse", "Max 10 personer", "Minska", "Fastställs 2025"]
PERIODS = ["2025", "T1 2025", "Tertial 1 2025", "VB 2025", "Halvår 1 2025", ""]
ALL_COLUMNS = ("outcome", "outcome_men", "outcome_women", "previous", "forecast", "target", "kf_target")
ANALYSES = [None, "Resultatet är bra.", "Enkäten kommer inte att genomföras i år.",
            "Ingen brukarundersökning har därför genomförts.", "Mätningen visar att fler är nöjda."]


def _random_line(rng: random.Random, n: int) -> str:
    cells = [rng.choice(FIGURES) if rng.random() < 0.8 else rng.choice(TEXTS) for _ in range(rng.randint(1, n + 1))]
    if rng.random() < 0.3:     # a split by sex that adds up or brackets its total
        m, w = rng.randint(1, 60), rng.randint(1, 60)
        cells[:1] = [str(m + w) if rng.random() < 0.5 else str((m + w) // 2), str(m), str(w)]
    gaps = [" " * (1 if rng.random() < 0.6 else rng.randint(2, 4)) for _ in cells]
    period = rng.choice(PERIODS)
    line = " " * rng.choice([0, 0, 0, 1, 3]) + "".join(g + c for g, c in zip(gaps, cells)).lstrip(" ")
    return line + (" " * rng.randint(1, 3) + period if period else "")


def _random_columns(rng: random.Random) -> tuple[str, ...]:
    cols = [c for c in ALL_COLUMNS if rng.random() < 0.7] or ["outcome", "target"]
    if rng.random() < 0.1:
        cols.insert(rng.randrange(len(cols) + 1), "?x")
    return tuple(cols)


def _random_context(rng: random.Random, cells: list[str], placements) -> P.Context:
    figures = [c for c in cells] + ["55 %"]
    return P.Context(
        report_kind=rng.choice([None, "T1", "T2", "VB"]), spacing=rng.random() < 0.4,
        known_kf=parse_value(rng.choice(figures)) if rng.random() < 0.2 else None,
        people=rng.choice([None, True, False]), count=rng.random() < 0.3,
        pattern={"target": (rng.uniform(-1, 1), rng.uniform(-1, 1))} if rng.random() < 0.3 else None,
        neighbours=({frozenset(rng.sample(ALL_COLUMNS, rng.randint(1, 4))): rng.random() for _ in range(3)}
                    if rng.random() < 0.3 else None),
        kf_goal=rng.choice([None, True, False]), direction=rng.choice(["higher", "lower"]),
        kf_siblings=rng.choice([(0, 0), (0, 0), (2, 0), (1, 3)]), placements=placements)


def _random_indicator(rng: random.Random, cells: list[str]) -> Indicator:
    claims = []
    for _ in range(rng.choice([0, 0, 1, 2, 3])):
        kind = rng.choice(["outcome", "forecast", "target", "previous", "met", "trend"])
        if kind == "met":
            value = rng.random() < 0.5
        elif kind == "trend":
            value = rng.choice(["up", "down", "same"])
        else:
            figures = [v.value for v in map(parse_value, cells) if v.value is not None] or [1.0]
            value = rng.choice(figures) if rng.random() < 0.8 else 77.0
        claims.append(ProseClaim(line=1, kind=kind, value=value, text="x"))
    return Indicator(name="Andel x", line=1, analysis=rng.choice(ANALYSES), claims=claims)


def _rows(count: int, seed: int):
    rng = random.Random(seed)
    for _ in range(count):
        columns = _random_columns(rng)
        line = _random_line(rng, len(columns))
        groups = [[Line(0, line, line.strip())]]
        yield rng, columns, value_groups_to_cells(groups), line


def test_every_row_is_weighed_as_plainly():
    placements: dict = {}       # one document's shapes, shared by its rows as the parser shares them
    seen = {"prose": 0, "readings": 0, "split": 0, "implausible": 0}
    for rng, columns, readings, line in _rows(1500, 21):
        ctx = _random_context(rng, line.split(), placements)
        ind = _random_indicator(rng, line.split())
        row, plain_row = P.pending_row(readings, columns), P.pending_row(readings, columns)
        plain = _plain_decision(ind, plain_row, ctx)
        scored = P.decide(ind, row, ctx)
        if plain is None:
            assert not scored
            continue
        assert [(s, layout, c.cells) for s, layout, c in scored] == plain["scores"], line
        assert {k: v for k, v in _decision(ind).items()} == {k: plain[k] for k in _decision(ind)}, line
        assert P.shapes(ind, row, ctx, scored) == plain["shapes"], line
        assert [w.hex() for w, _ in ind._readings] == [w.hex() for w, _ in plain["readings"]], line
        # weighed again in a second context, as the doubtful rows are, over the same candidates
        again = replace(ctx, pattern={"target": (0.5, -0.3)}, neighbours={frozenset({"outcome", "target"}): 0.7},
                        kf_siblings=(1, 0))
        second = _plain_decision(ind, P.pending_row(readings, columns), again)
        P.decide(ind, row, again)
        assert _decision(ind) == {k: second[k] for k in _decision(ind)}, line
        assert [w.hex() for w, _ in ind._readings] == [w.hex() for w, _ in second["readings"]], line
        seen["prose"] += bool(ind.claims) or bool(ind.analysis)
        seen["readings"] += len(ind._readings) > 1
        seen["split"] += ind.outcome_men is not None
        seen["implausible"] += not scored[0][2].plausible      # no plausible reading: all are weighed
    assert min(seen.values()) > 50, seen       # the rows tried include each kind of evidence and situation
