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

from .errors import InputError
from .findings import AuditResult


def add_output_arguments(p, *, output: bool = True) -> None:
    if output:
        p.add_argument("--output", "-o", metavar="PATH",
                       help="write to this file (a folder for --format html, and for csv to get both tables)")
    p.add_argument("--review", metavar="FILE",
                   help="review decisions (default: auditor-review.yaml beside the reports)")
    p.add_argument("--no-review", action="store_true", help="ignore review decisions")
    p.add_argument("--baseline", metavar="FILE", help="fail only on findings not in this baseline")
    p.add_argument("--table", choices=("findings", "indicators"), default=None,
                   help="--format csv: which table to print (default: findings)")


def prepare(result: AuditResult, args: Any, paths: Iterable[str]) -> list[str]:
    from .render._common import opt
    lang = opt(args, "lang", "sv")
    notes: list[str] = []
    if not opt(args, "no_review", False):
        from .review import apply_reviews, find_review_file, load_reviews, stale_subject
        review_path = opt(args, "review") or find_review_file(list(paths))
        if review_path is not None:
            for s in apply_reviews(result, load_reviews(review_path)):
                what = stale_subject(s.rule, s.source)
                notes.append((f"inaktuellt granskningsbeslut {s.fingerprint}{what}: fyndet finns inte längre"
                              if lang == "sv" else
                              f"stale review decision {s.fingerprint}{what}: the finding no longer exists"))
    baseline_path = opt(args, "baseline")
    if baseline_path:
        from .baseline import apply_baseline, load_baseline
        diff = apply_baseline(result, load_baseline(baseline_path))
        if diff.absent:
            notes.append((f"{len(diff.absent)} fynd i baslinjen är åtgärdade; skapa om den med auditor baseline create"
                          if lang == "sv" else
                          f"{len(diff.absent)} baseline findings are fixed; recreate it with auditor baseline create"))
    return notes


# Formats whose renderer returns bytes: not for a terminal.
BINARY_FORMATS = ("xlsx",)


def _binary_to_terminal(fmt: str) -> InputError:
    return InputError(None, f"--format {fmt} ger en binär fil som inte kan visas i terminalen; ange --output "
                            f"FIL.{fmt} eller dirigera om utdata till en fil",
                      f"--format {fmt} makes a binary file that a terminal cannot show; give --output FILE.{fmt} "
                      f"or redirect standard output to a file", code="usage")


def check_destination(fmt: str, output: str | None) -> None:
    """Refuse, before any work, to write a binary format to a terminal."""
    if fmt in BINARY_FORMATS and not output and sys.stdout.isatty():
        raise _binary_to_terminal(fmt)


def write_output(payload: str | bytes | None, output: str | None) -> None:
    """Write what a renderer returned (None: it wrote its files itself) to ``output`` or standard output;
    bytes are refused when standard output is a terminal."""
    if payload is None:
        return
    if isinstance(payload, bytes) and not output and sys.stdout.isatty():
        raise _binary_to_terminal("xlsx")
    if output:
        path = Path(output)
        if isinstance(payload, bytes):
            path.write_bytes(payload)
        else:
            path.write_text(payload, encoding="utf-8")
        return
    if isinstance(payload, bytes):
        sys.stdout.flush()
        sys.stdout.buffer.write(payload)
    else:
        sys.stdout.write(payload)
