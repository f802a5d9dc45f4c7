"""``auditor parse FILE... [--format json|table] [--diagnostics]``: show the parsed model."""
from __future__ import annotations

import json
import sys

from ..words.help import COMMAND_HELP
from ..words.diagnostics import message
from ..words.errors import InputError
from ..parser import parse_file
from ..files import OwnOutputs
from ..input.reader import expand_inputs, read_report
from ..render.parse_table import print_reports
from ..words import catalogue, word


def register(sub) -> None:
    p = sub.add_parser("parse", help=COMMAND_HELP["parse"],
                       description="Parse follow-up reports and print what the parser read.")
    p.add_argument("files", nargs="+", metavar="FILE", help="report files (.txt, .pdf) or folders")
    p.add_argument("--format", choices=("json", "table"), default="table", help="output format (default: table)")
    p.add_argument("--diagnostics", action="store_true", help="list lines the parser could not place")
    p.add_argument("--dump-text", action="store_true",
                   help="write the text that was read (for a PDF: its text in the corpus layout, as the "
                        "parser reads it), instead of the model")
    p.set_defaults(func=run)


def run(args) -> int:

    reports, failed = [], 0
    own = OwnOutputs((), args.lang)        # standard output redirected into a folder being parsed
    for raw in args.files:
        # one unreadable file (or a folder without reports) is reported and the others are still parsed
        try:
            own.refuse_named(raw)
            paths = expand_inputs([raw], own)
        except InputError as exc:
            print(f"auditor: {exc.message(args.lang)}", file=sys.stderr)
            failed += 1
            continue
        for path in paths:
            try:
                if args.dump_text:
                    sys.stdout.write(read_report(path).text)
                    continue
                reports.append(parse_file(path))
            except InputError as exc:
                print(f"auditor: {exc.message(args.lang)}", file=sys.stderr)
                failed += 1
    if args.dump_text:
        return 2 if failed else 0
    if not reports:
        return 2
    if args.format == "json":
        docs = [r.to_contract() for r in reports]
        json.dump(docs[0] if len(docs) == 1 else docs, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        print_reports(reports, show_diagnostics=args.diagnostics, lang=args.lang)
    if args.format == "json" and args.diagnostics:
        for r in reports:
            for d in r.diagnostics:
                print(f"{r.source}:{d.line}: {d.code}: {message(d.code, args.lang)}", file=sys.stderr)
            if not r.diagnostics:
                print(f"{r.source}: " + word(catalogue.COMMANDS, "no_diagnostics", args.lang), file=sys.stderr)
    return 2 if failed else 0
