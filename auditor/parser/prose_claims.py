"""What the report's prose says about an indicator's own figures: the ``claims`` of each indicator.

A claim is one sentence's statement about the indicator's outcome, forecast, annual target or
previous-year outcome for the report's period, or about whether the indicator reached its target. Claims
are read from the row's own analysis and from the goal's analysis where a sentence (or the line just above
it) names exactly this indicator. They are read without looking at the table, so that they can serve as
independent evidence for placing the row's cells (placement.py) and be checked against the table by the
IND-TEXT-* rules.
"""
from __future__ import annotations

import re

from ..model import Goal, Indicator, ProseClaim

NUM = r"(-?\d{1,3}(?:\s\d{3})+|-?\d+)(?:,(\d+))?"
_SAYS = {
    "outcome": re.compile(r"\butfall(?:et)?\s+(?:uppgår\s+till|är|blev|var|landade\s+på|på|om)\s+" + NUM, re.I),
    "target": re.compile(r"\bårsmål(?:et)?\s+(?:om|på|är|var|ligger\s+på)\s+(?:totalt\s+)?" + NUM, re.I),
}
SENTENCE = re.compile(r"[^.!?]+(?:[.!?]+|$)", re.S)


def _num(m: re.Match) -> float:
    whole = m.group(1).replace(" ", "").replace("\u00a0", "")
    frac = m.group(2)
    return float(whole + ("." + frac if frac else ""))


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def sentences(text: str, first_line: int) -> list[tuple[int, str]]:
    """The sentences of a prose text that keeps its source's line structure, each with its line."""
    out = []
    for m in SENTENCE.finditer(text):
        body = m.group()
        lead = len(body) - len(body.lstrip())
        start = m.start() + lead
        sentence = " ".join(body.split())
        if sentence:
            out.append((first_line + text.count("\n", 0, start), sentence))
    return out


def _goal_passage(ind: Indicator, goal: Goal) -> list[tuple[int, str]]:
    """The sentences right after the indicator's name where the goal's analysis repeats it on a line of
    its own (district reports walk through their indicators this way)."""
    if not goal.analysis or goal.analysis_line is None:
        return []
    lines = goal.analysis.split("\n")
    name = _norm(ind.name)
    hits = [k for k, line in enumerate(lines) if line.strip() and _norm(line) == name]
    if not hits and len(name) >= 20:
        hits = [k for k, line in enumerate(lines) if line.strip() and _norm(line).startswith(name[:60])][:1]
    if not hits:
        return []
    k = hits[0]
    after = "\n".join(lines[k + 1:k + 4])
    return sentences(after, goal.analysis_line + k + 1)[:2]


def read_claims(ind: Indicator, goal: Goal) -> list[ProseClaim]:
    """The claims the prose makes about ``ind``'s own figures, in text order."""
    passages: list[tuple[int, str]] = []
    if ind.analysis and ind.analysis_line is not None:
        passages.extend(sentences(ind.analysis, ind.analysis_line))
    passages.extend(_goal_passage(ind, goal))
    claims: list[ProseClaim] = []
    for line, sentence in passages:
        for kind, pattern in _SAYS.items():
            m = pattern.search(sentence)
            if m:
                claims.append(ProseClaim(line=line, kind=kind, value=_num(m), text=sentence))
    return claims
