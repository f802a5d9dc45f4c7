"""``auditor baseline create PATH... --output FILE``: record today's findings so CI fails only on new ones."""
from __future__ import annotations

import sys

from ..words.help import COMMAND_HELP
from ..triage.baseline import create_baseline, dump_baseline
from ..files import STDOUT, OwnOutputs, check_file_destination, write_file
from ._inputs import load_result
from ..words import catalogue, counted, word


def register(sub) -> None:
    p = sub.add_parser("baseline", help=COMMAND_HELP["baseline"],
                       description="Record today's findings so that CI fails only on new ones.")
    inner = p.add_subparsers(dest="baseline_command", required=True, parser_class=type(p))
    c = inner.add_parser("create", help="write a baseline of the findings in PATH",
                         description="Record today's findings so that CI fails only on new ones.")
    c.add_argument("paths", nargs="+", metavar="PATH", help="reports or folders (or findings JSON)")
    c.add_argument("--output", "-o", default="auditor-baseline.json",
                   help="baseline file (default: auditor-baseline.json); '-' for standard output")
    c.set_defaults(func=run_create)


def run_create(args) -> int:
    check_file_destination(args.output)     # before any auditing
    result = load_result(args.paths, args, OwnOutputs([args.output], args.lang))
    baseline = create_baseline(result, args.lang)
    write_file(args.output, dump_baseline(baseline))
    if args.output != STDOUT:
        n = len(baseline.findings)
        print(counted(word(catalogue.COMMANDS, "baseline_written", args.lang), n, path=args.output), file=sys.stderr)
    return 0
