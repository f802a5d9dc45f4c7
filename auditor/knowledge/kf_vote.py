"""KF's annual targets from a batch: every committee's report of a year prints the same KF target for an
indicator, so the reports whose reading of that cell is sure tell the others where the figure stands.

``votes(report)`` lists a parsed report's sure KF targets and the rows whose KF cell is in doubt;
``consensus(...)`` keeps the targets that at least two reports agree on and none contradicts.
The audit of a batch re-reads the reports with doubtful rows once the consensus is known
(``audit.audit_paths``), and ``auditor kf-targets learn`` writes the consensus to a knowledge file.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from . import kf_key
from ..model import CERTAIN, Report

Key = tuple[int, str]   # (year, knowledge.kf_key(indicator name))


@dataclass
class Votes:
    sure: dict[Key, str] = field(default_factory=dict)     # what this report's sure readings print
    open: set[Key] = field(default_factory=set)            # rows whose KF cell is in doubt
    names: dict[Key, str] = field(default_factory=dict)    # the names as printed


def _normal(text: str) -> str:
    return " ".join(text.split())


def votes(report: Report) -> Votes:
    out = Votes()
    if not report.year:
        return out
    for goal in report.goals:
        for ind in goal.indicators:
            key = (report.year, kf_key(ind.name))
            if ind.cell_sure("kf_target") >= CERTAIN:
                if ind.kf_target is not None:
                    out.sure[key] = _normal(ind.kf_target.text)
                    out.names[key] = ind.name
            else:
                out.open.add(key)
    return out


def consensus(batch: list[Votes], known: dict[Key, str] | None = None) -> dict[Key, str]:
    """The KF targets at least two reports print alike with sure readings, and no sure reading
    contradicts; a target already ``known`` is not overridden."""
    tally = Tally()
    for v in batch:
        tally.add(v)
    return tally.agreed(known)


class Tally:
    """``consensus`` counted one report at a time (``add``), so that a batch keeps one count per KF target
    instead of every report's votes."""

    def __init__(self) -> None:
        self._seen: dict[Key, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        self._texts: dict[Key, str] = {}          # the last report's text, as consensus has always taken it

    def add(self, v: Votes) -> None:
        for key, text in v.sure.items():
            self._seen[key]["".join(text.split()).lower()] += 1
            self._texts[key] = text

    def agreed(self, known: dict[Key, str] | None = None) -> dict[Key, str]:
        out = {}
        for key, counts in self._seen.items():
            if len(counts) == 1 and next(iter(counts.values())) >= 2 and key not in (known or {}):
                out[key] = self._texts[key]
        return out
