"""Settle uncertain columns with what the report itself says about the figures.

District reports often repeat each indicator in the goal's analysis: the name on one line, then
"Utfallet blev 81 % och årsmålet om 75 % nås." When a row's cells had to be assigned
by meaning, such a sentence (or one in the row's own analysis) tells which printed value is the outcome
and which the annual target. Only assignments that keep the printed order of the cells are considered.
"""
from __future__ import annotations

import itertools
import re

from ..model import VALUE_COLUMNS, Goal, Indicator, Value

NUM = r"(-?\d{1,3}(?:\s\d{3})+|-?\d+)(?:,(\d+))?"
OUTCOME_SAYS = re.compile(r"\butfall(?:et)?\s+(?:uppgår\s+till|är|blev|var|landade\s+på|på|om)\s+" + NUM, re.I)
# "Enkäten kommer inte att genomföras i år": the row can have no outcome this period.
NOT_MEASURED = re.compile(
    r"(undersökning\w*|enkät\w*|mätning\w*)\s+(?:\S+\s+){0,3}?(?:kommer\s+(?:att\s+)?inte\s+(?:att\s+)?genomför\w*"
    r"|genomfördes\s+inte|har\s+inte\s+genomförts|ställ(?:de|t|ts)s?\s+in|ställdes\s+in|är\s+inställd)", re.I)
TARGET_SAYS = re.compile(r"\bårsmål(?:et)?\s+(?:om|på|är|var|ligger\s+på)\s+" + NUM, re.I)


def _num(m: re.Match, start: int) -> float:
    whole = m.group(start).replace(" ", "")
    frac = m.group(start + 1)
    return float(whole + ("." + frac if frac else ""))


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def figures_said(text: str) -> tuple[float | None, float | None]:
    out = OUTCOME_SAYS.search(text)
    tgt = TARGET_SAYS.search(text)
    return (_num(out, 1) if out else None), (_num(tgt, 1) if tgt else None)


def narrative_for(ind: Indicator, goal: Goal) -> str:
    """The row's own analysis plus the sentence after its name where the goal's analysis repeats it."""
    texts = [ind.analysis or ""]
    if goal.analysis:
        lines = [line for line in goal.analysis.split("\n") if line.strip()]
        name = _norm(ind.name)
        # the full name first: several indicators can share a long beginning
        hits = [k for k, line in enumerate(lines) if _norm(line) == name]
        if not hits and len(name) >= 20:
            hits = [k for k, line in enumerate(lines) if _norm(line).startswith(name[:60])][:1]
        for k in hits[:1]:
            texts.append(" ".join(lines[k + 1:k + 3]))
    return "\n".join(texts)


def refine(ind: Indicator, goal: Goal, values: list[Value], columns: tuple[str, ...] = VALUE_COLUMNS) -> bool:
    """Reassign ``values`` (printed order) to the table's ``columns`` as the narrative supports.
    True if changed."""
    said_outcome, said_target = figures_said(narrative_for(ind, goal))
    not_measured = bool(ind.analysis and NOT_MEASURED.search(ind.analysis))
    if said_outcome is None and said_target is None and not not_measured:
        return False
    current = {col: getattr(ind, col) for col in VALUE_COLUMNS}
    best, best_score = None, 0
    for cols in itertools.combinations(columns, len(values)):
        assign = dict(zip(cols, values))
        if any(v.value is None and col not in ("target", "kf_target") for col, v in assign.items()):
            continue
        score = 0
        if said_target is not None:
            tv = assign.get("target")
            score += 4 if tv is not None and tv.value is not None and abs(tv.value - said_target) < 1e-9 else -4
        if said_outcome is not None:
            ov = assign.get("outcome")
            score += 4 if ov is not None and ov.value is not None and abs(ov.value - said_outcome) < 1e-9 else -4
        if not_measured:
            score += 4 if "outcome" not in assign else -4
        if ("outcome_men" in assign or "outcome_women" in assign) and "outcome" not in assign:
            score -= 3  # a split by sex without the total it splits
        # stay close to the reading by meaning
        score += sum(1 for col, v in assign.items() if current.get(col) is v) * 0.1
        if score > best_score:
            best, best_score = assign, score
    if best is None:
        return False
    if all(current.get(col) is best.get(col) for col in VALUE_COLUMNS):
        return False
    for col in VALUE_COLUMNS:
        setattr(ind, col, best.get(col))
    ind.notes.append("columns settled by the narrative")
    return True
