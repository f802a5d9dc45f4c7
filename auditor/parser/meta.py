"""Who reports and what: committee, unit, report kind (VB/T1/T2) and year, from the text itself."""
from __future__ import annotations

import re
from collections import Counter

from ..model import Goal
from ..input.lines import Line, joined_texts, lines_holding

COMMITTEE_PATTERNS = [
    # "Lövsjö stadsdelsnämnd, Tertialrapport 12(80)" in page footers
    re.compile(r"\b((?:[A-ZÅÄÖ][\wåäöéü]*-)*[A-ZÅÄÖ][\wåäöéü]+ stadsdelsnämnd)\b"),
    # "Kulturnämnden Tjänsteutlåtande" on the first page
    re.compile(r"^((?:[A-ZÅÄÖ][\wåäö]+-)?[A-ZÅÄÖ][\wåäö]*nämnden)\s+Tjänsteutlåtande\b"),
    re.compile(r"^((?:[A-ZÅÄÖ][\wåäö]+-)?[A-ZÅÄÖ][\wåäö]*(?:nämnden|styrelsen))\s*$"),
]
# the words each pattern above needs (one of them), tested before the pattern, which backtracks on every line
# that names a committee in passing
_COMMITTEE_WORDS = [(" stadsdelsnämnd",), ("Tjänsteutlåtande",), ("nämnden", "styrelsen")]
UNIT_PATTERNS = [
    re.compile(r"^(?:Enhet|Enhetens namn|Resultatenhet)\s*:\s*(.+?)\s*$", re.I),
]
KIND_TEXT = [
    (re.compile(r"\btertialrapport\s*1\b|\bT1\s+(?:19|20)\d\d\b", re.I), "T1"),
    (re.compile(r"\btertialrapport\s*2\b|\bT2\s+(?:19|20)\d\d\b", re.I), "T2"),
    (re.compile(r"\bverksamhetsberättelse\b", re.I), "VB"),
]


_PERIOD = re.compile(r"^(?:(VB)|Tertial\s*(\d)|T(\d))?\s*((?:19|20)\d\d)$")


def read_meta(lines: list[Line], furniture: set[int], goals: list[Goal], joined: str | None = None) -> dict:
    """``joined``: the lines' texts as ``lines.joined_texts`` gives them, where the caller has them."""
    return {
        "committee": _committee(lines, furniture, joined),
        "unit": _unit(lines),
        **_kind_and_year(lines, goals),
    }


def _committee(lines: list[Line], furniture: set[int], joined: str | None = None) -> str | None:
    votes: Counter[str] = Counter()
    # every pattern names "nämnd" or "styrelsen": only the lines that do meet the patterns (which backtrack)
    for i in lines_holding(joined_texts(lines) if joined is None else joined, ("nämnd", "styrelsen")):
        line = lines[i]
        for pattern, words in zip(COMMITTEE_PATTERNS, _COMMITTEE_WORDS):
            if not any(w in line.text for w in words):
                continue
            m = pattern.search(line.text)
            if m:
                # page furniture states the author; running text may name other committees
                votes[m.group(1)] += 5 if i in furniture else 1
    return votes.most_common(1)[0][0] if votes else None


def _unit(lines: list[Line]) -> str | None:
    for line in lines[:400]:
        for pattern in UNIT_PATTERNS:
            m = pattern.match(line.text)
            if m:
                return m.group(1)
    return None


def _kind_and_year(lines: list[Line], goals: list[Goal]) -> dict:
    kinds: Counter[str] = Counter()
    years: Counter[int] = Counter()
    for goal in goals:
        for ind in goal.indicators:
            period = ind.period or ""
            m = _PERIOD.match(period)
            if not m:
                continue
            years[int(m.group(4))] += 1
            if m.group(1):
                kinds["VB"] += 1
            elif m.group(2) or m.group(3):
                kinds["T" + (m.group(2) or m.group(3))] += 1
    kind = kinds.most_common(1)[0][0] if kinds else None
    if kind is None:
        text_votes: Counter[str] = Counter()
        for line in lines[:300]:
            for pattern, k in KIND_TEXT:
                if pattern.search(line.text):
                    text_votes[k] += 1
        kind = text_votes.most_common(1)[0][0] if text_votes else None
    year = years.most_common(1)[0][0] if years else None
    if year is None:
        # the report's own title: "Verksamhetsberättelse 2020", "Tertialrapport 1 2025"
        for line in lines[:300]:
            m = re.search(r"\b(?:verksamhetsberättelse|tertialrapport\s*\d|VB|T\d)\s+((?:19|20)\d\d)\b", line.text, re.I)
            if m:
                year = int(m.group(1))
                break
    if year is None:
        starts = Counter(a.start.year for g in goals for a in g.activities if a.start)
        if starts:
            year = starts.most_common(1)[0][0]
    if year is None:
        # the table header names last year's annual report: "Periodens utfall VB 2019"
        for line in lines:
            m = re.search(r"\bVB\s*((?:19|20)\d\d)\b", line.text)
            if m:
                year = int(m.group(1)) + 1
                break
    return {"report_kind": kind if kind in ("VB", "T1", "T2") else None, "year": year}
