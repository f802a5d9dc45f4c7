"""Review decisions and the baseline, applied to an audit's findings: read before any report is audited
(``load_decisions``: a missing or malformed file is refused first), then attached to the findings
(``prepare``), which returns the notes for standard error (stale decisions, fixed baseline findings), already
worded."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

from ..findings import AuditResult
from ..render.options import opt
from ..triage.review import Reviewer, find_review_file, load_reviews, stale_subject
from ..words import catalogue, counted, texts
from ..words.errors import refusal


class Decisions:
    """The review decisions and the baseline an audit applies, read before any auditing so that a missing
    or malformed file is refused first (see ``load_decisions``)."""

    def __init__(self, reviews=None, baseline=None) -> None:
        self.reviews = reviews      # dict fingerprint -> ReviewEntry, or None (no review file)
        self.baseline = baseline    # Baseline, or None


def load_decisions(args: Any, paths: Iterable[str]) -> Decisions:
    """Read ``--review`` (or the review file beside the reports) and ``--baseline``. A file named on the
    command line that does not exist is an error, like a missing ``--config``."""
    reviews = baseline = None
    if not opt(args, "no_review", False):
        named = opt(args, "review")
        if named is not None:
            if not _exists(named):
                raise refusal("review_file_missing", str(named), code="config")
            reviews = load_reviews(named)      # a folder or an unreadable file: "kan inte läsas (…)"
        else:
            found = find_review_file(list(paths))
            reviews = load_reviews(found) if found is not None else None
    baseline_path = opt(args, "baseline")
    if baseline_path:
        if not _exists(baseline_path):
            raise refusal("baseline_missing", str(baseline_path), code="config")
        if Path(baseline_path).is_dir():
            raise refusal("baseline_is_folder", str(baseline_path), code="config")
        # the baseline's models are built only for an audit that has one (a few ms of every start)
        from ..triage.baseline import load_baseline
        baseline = load_baseline(baseline_path)
    return Decisions(reviews, baseline)


def _exists(path: str) -> bool:
    """Whether ``path`` names something that exists; a name the system cannot even look up (too long, with a
    NUL byte) does not."""
    try:
        return Path(path).exists()
    except (OSError, ValueError):
        return False


def prepare(result: AuditResult, args: Any, paths: Iterable[str], decisions: Decisions | None = None) -> list[str]:
    """Attach review decisions and baseline states to the findings; notes for standard error."""
    if decisions is None:
        decisions = load_decisions(args, paths)
    triage = Triage(decisions, opt(args, "lang", "sv"))
    for audit in result.reports:
        triage.apply(audit)
    result.stale_reviews = triage.stale_reviews()
    return triage.notes()


class Triage:
    """``prepare`` one report at a time, in the batch's order, for an output written report by report:
    ``apply`` attaches the decisions and baseline states to a report's findings; once the batch is done,
    ``stale_reviews`` and ``notes``."""

    def __init__(self, decisions: Decisions, lang: str = "sv") -> None:
        self._lang = lang
        self._reviewer = Reviewer(decisions.reviews) if decisions.reviews is not None else None
        self._matcher = None
        if decisions.baseline is not None:
            from ..triage.baseline import BaselineMatcher   # (see load_decisions)
            self._matcher = BaselineMatcher(decisions.baseline)
        self._stale: list | None = None

    def apply(self, audit) -> None:
        if self._reviewer is not None:
            self._reviewer.apply(audit)
        if self._matcher is not None:
            self._matcher.apply(audit)

    def stale_reviews(self) -> list:
        if self._stale is None:
            self._stale = self._reviewer.stale() if self._reviewer is not None else []
        return self._stale

    def notes(self) -> list[str]:
        say = texts(catalogue.COMMANDS, self._lang)
        notes = [say["stale_decision"].format(fingerprint=s.fingerprint, what=stale_subject(s.rule, s.source))
                 for s in self.stale_reviews()]
        if self._matcher is not None:
            absent = self._matcher.absent()
            if absent:
                notes.append(counted(say["baseline_fixed"], len(absent)))
        return notes
