"""Whether a count stated in prose agrees with the report: the verdict shared by GOAL-CLAIM-COUNT and
SUM-CLAIM-COUNT.

A claim ("tre av fem indikatorer uppnås", "båda underliggande nämndmål uppfylls helt") may be about more
than one part of the report, so the facts read it against each part it could mean, most specific first
(``ClaimFact.readings``, see ``auditor.facts.count_readings``), each with what that part holds. Here:

- a reading checks the claim when it holds something to count: rows or goals (a set of goals none of which
  is assessed checks nothing: a report's KF goals often carry no marker while its summary counts the
  committee's own), or, for activities, a number the claim's total can be set against;
- a reading fits (``fits``) when the totals are equal and every stated count lies between what the set
  certainly shows and that plus its undecided members (an indicator without a figure or target, a goal
  without a marker); "delvis" and "inte" together stand for the rows that miss their target (whether a
  row meets it: ``auditor.policy.target``);
- the claim is consistent when any reading fits, inconsistent when none does (the finding then names the
  first reading that checks it), and None when none checks it.

An inconsistent verdict is uncertain when it goes away once rows whose columns were not placed for certain
may count either way, when some goals of the set carry no marker, or when a count is one off where a row
of the set is placed with doubt or a table line under the goal was not placed (a row may be lost).
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass

ASSESSED = ("helt", "delvis", "inte")


@dataclass(frozen=True)
class Verdict:
    consistent: bool | None
    reading: object | None     # the reading that fits, else the first that checks the claim
    certain: bool


def _record(claim):
    """The claim's record: a fact the rule matched holds it, a test may pass the record itself."""
    return getattr(claim, "record", None) or claim


def stated(claim) -> dict[str, int]:
    """The claim's counts per degree ("helt", "delvis", "inte") that it states."""
    return {d: getattr(claim, d) for d in ASSESSED if getattr(claim, d) is not None}


def fits(claim, tally: dict[str, int], indicators: bool) -> bool:
    """Whether the claim's counts can be true of a set (undecided members may count either way)."""
    n, unknown = tally["n"], tally["unknown"]
    if n == 0 or (claim.total is not None and claim.total != n):
        return False
    said = stated(claim)
    if claim.all is not None:
        wanted = ("met" if claim.all == "helt" else "not_met") if indicators else claim.all
        if tally[wanted] + unknown != n:
            return False
    if sum(said.values()) > n:
        return False
    if indicators:
        checks = [(said["helt"], tally["met"])] if "helt" in said else []
        if "delvis" in said or "inte" in said:
            checks.append((said.get("delvis", 0) + said.get("inte", 0), tally["not_met"]))
    else:
        checks = [(v, tally[d]) for d, v in said.items()]
    return all(known <= count <= known + unknown for count, known in checks)


def judge(claim, lenient: bool = False) -> tuple[bool | None, object | None]:
    """(consistent, the reading that fits or else the first that checks the claim); (None, None) when no
    reading checks it. ``lenient``: rows whose columns were not placed for certain count either way."""
    first = None
    for reading in claim.readings:
        if reading.kind == "act":
            if claim.total is None:
                continue
            first = first or reading
            if claim.total == reading.tally["activities"]:
                return True, reading
            continue
        tally = reading.lenient if lenient else reading.tally
        if tally["n"] == 0 or (reading.kind == "goal" and tally["unknown"] == tally["n"]):
            continue
        first = first or reading
        if fits(claim, tally, reading.kind == "ind"):
            return True, reading
    return (None, None) if first is None else (False, first)


def off_by_one(claim, actual: dict) -> bool:
    """One of the claim's counts, or its total, is one away from what the compared set holds."""
    pairs = [(claim.total, actual.get("n", actual.get("activities")))]
    if "met" in actual:
        not_stated = None if claim.delvis is None and claim.inte is None else (claim.delvis or 0) + (claim.inte or 0)
        pairs += [(claim.helt, actual["met"]), (not_stated, actual["not_met"])]
    else:
        pairs += [(getattr(claim, d), actual.get(d)) for d in ASSESSED]
    return any(a is not None and b is not None and abs(a - b) == 1 for a, b in pairs)


def verdict(claim) -> Verdict:
    """The verdict on a claim fact (or its record)."""
    claim = _record(claim)
    consistent, reading = judge(claim)
    if consistent is not False:
        return Verdict(consistent, reading, True)
    actual = reading.tally
    certain = judge(claim, lenient=True)[0] is False and not (
        (actual.get("unknown", 0) and "helt" in actual) or (off_by_one(claim, actual) and reading.doubtful))
    return Verdict(False, reading, certain)


def judged(claim):
    """The claim's record as the verdict reads it, for the finding: the reading it was compared with
    (``scope``, ``actual``) and whether the verdict is certain."""
    claim = _record(claim)
    v = verdict(claim)
    r = v.reading
    return dataclasses.replace(claim, scope=r.scope if r else None, scope_number=r.number if r else None,
                               scope_title=r.title if r else None, actual=r.tally if r else None,
                               certain=v.certain)
