"""Glue for the ``audit`` command: review decisions, baseline and writing a renderer's output.

The audit command calls, in order::

    add_output_arguments(parser)                  # --output, --review, --no-review, --baseline, --table
    notes = prepare(result, args, paths)          # attach decisions and baseline state; stale decisions
    write_output(get_renderer(fmt)(result, args), args.output)
    exit_code = 1 if gate.fails(result, args.fail_on) else 0

``prepare`` returns notes for standard error (stale decisions, fixed baseline findings), already worded.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Iterable

from ..words.errors import InputError, refusal
from ..files import STDOUT, check_file_destination, check_folder_destination, write_file
from ..findings import AuditResult


def add_output_arguments(p, *, output: bool = True) -> None:
    if output:
        p.add_argument("--output", "-o", metavar="PATH",
                       help="write to this file, '-' for standard output (a folder for --format html, and for csv "
                            "to get both tables)")
    p.add_argument("--review", metavar="FILE",
                   help="review decisions (default: auditor-review.yaml beside the reports)")
    p.add_argument("--no-review", action="store_true", help="ignore review decisions")
    p.add_argument("--baseline", metavar="FILE", help="fail only on findings not in this baseline")
    p.add_argument("--table", choices=("findings", "indicators"), default=None,
                   help="--format csv: which table to print (default: findings)")


class Decisions:
    """The review decisions and the baseline an audit applies, read before any auditing so that a missing
    or malformed file is refused first (see ``load_decisions``)."""

    def __init__(self, reviews=None, baseline=None) -> None:
        self.reviews = reviews      # dict fingerprint -> ReviewEntry, or None (no review file)
        self.baseline = baseline    # Baseline, or None


def load_decisions(args: Any, paths: Iterable[str]) -> Decisions:
    """Read ``--review`` (or the review file beside the reports) and ``--baseline``. A file named on the
    command line that does not exist is an error, like a missing ``--config``."""
    from ..render.common import opt
    reviews = baseline = None
    if not opt(args, "no_review", False):
        from ..triage.review import find_review_file, load_reviews
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
        from ..triage.baseline import load_baseline
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
    from ..render.common import opt
    from ..words import catalogue, texts
    lang = opt(args, "lang", "sv")
    say = texts(catalogue.COMMANDS, lang)
    if decisions is None:
        decisions = load_decisions(args, paths)
    notes: list[str] = []
    if decisions.reviews is not None:
        from ..triage.review import apply_reviews, stale_subject
        for s in apply_reviews(result, decisions.reviews):
            what = stale_subject(s.rule, s.source)
            notes.append(say["stale_decision"].format(fingerprint=s.fingerprint, what=what))
    if decisions.baseline is not None:
        from ..triage.baseline import apply_baseline
        diff = apply_baseline(result, decisions.baseline)
        if diff.absent:
            from ..words import counted
            notes.append(counted(say["baseline_fixed"], len(diff.absent)))
    return notes


# Formats whose renderer returns bytes: not for a terminal.
BINARY_FORMATS = ("xlsx", "docx")
# Formats whose --output is a folder (csv only when the path is a folder or ends in a slash).
FOLDER_FORMATS = ("html",)


def _binary_to_terminal(fmt: str) -> InputError:
    return refusal("binary_to_terminal", code="usage", fmt=fmt)


def is_folder_output(fmt: str, output: str | None) -> bool:
    """Whether ``--output`` names a folder for this format (html always; csv when it is a folder or ends in
    a slash, to get both tables)."""
    if not output or output == STDOUT:
        return False
    if fmt in FOLDER_FORMATS:
        return True
    return fmt == "csv" and (Path(output).is_dir() or str(output).endswith(("/", "\\")))


def check_destination(fmt: str, output: str | None, reports: int | None = None) -> None:
    """Refuse, before any work, what cannot be written: a binary format to a terminal, HTML for several
    reports without a folder, and an --output that cannot be written (see ``check_file_destination``)."""
    to_stdout = not output or output == STDOUT
    if fmt in FOLDER_FORMATS and to_stdout and reports is not None and reports > 1:
        raise html_needs_folder()
    if is_folder_output(fmt, output):
        check_folder_destination(output, fmt)
        return
    stream = "stdout" if to_stdout else check_file_destination(output).kind
    if fmt in BINARY_FORMATS and stream in ("stdout", "stderr") and getattr(sys, stream).isatty():
        raise _binary_to_terminal(fmt)


def html_needs_folder() -> InputError:
    return refusal("html_needs_folder", code="usage")


def write_output(payload: str | bytes | None, output: str | None) -> None:
    """Write what a renderer returned (None: it wrote its files itself) to ``output`` or standard output
    (``auditor.files.write_file``); bytes are refused when standard output is a terminal."""
    if payload is None:
        return
    if isinstance(payload, bytes) and (not output or output == STDOUT) and sys.stdout.isatty():
        raise _binary_to_terminal("xlsx")
    write_file(output or STDOUT, payload)
