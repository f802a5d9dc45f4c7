"""Review decisions and the baseline, applied to an audit's findings: read before any report is audited
(``load_decisions``: a missing or malformed file is refused first), then attached to the findings
(``prepare``), which returns the notes for standard error (stale decisions, fixed baseline findings), already
worded."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

from ..findings import AuditResult
from ..render.options import opt
from ..triage.baseline import apply_baseline, load_baseline
from ..triage.review import apply_reviews, find_review_file, load_reviews, stale_subject
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
    lang = opt(args, "lang", "sv")
    say = texts(catalogue.COMMANDS, lang)
    if decisions is None:
        decisions = load_decisions(args, paths)
    notes: list[str] = []
    if decisions.reviews is not None:
        for s in apply_reviews(result, decisions.reviews):
            what = stale_subject(s.rule, s.source)
            notes.append(say["stale_decision"].format(fingerprint=s.fingerprint, what=what))
    if decisions.baseline is not None:
        diff = apply_baseline(result, decisions.baseline)
        if diff.absent:
            notes.append(counted(say["baseline_fixed"], len(diff.absent)))
    return notes
