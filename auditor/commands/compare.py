"""``auditor compare OLD NEW``: goals whose assessment changed, indicators that moved away from target,
findings that appeared or were fixed, between two reports of the same committee."""
from __future__ import annotations

import json
import sys


def register(sub) -> None:
    p = sub.add_parser("compare", help="compare two reports of the same committee (T1 → T2 → VB)")
    p.add_argument("old", metavar="OLD")
    p.add_argument("new", metavar="NEW")
    p.add_argument("--format", choices=("text", "md", "json"), default="text")
    p.set_defaults(func=run)


def run(args) -> int:
    from ..compare import compare, render_text
    from ..errors import InputError
    from ..indicator_status import status_fn
    from ._inputs import load_result
    old = load_result([args.old], args).reports
    new = load_result([args.new], args).reports
    if len(old) != 1 or len(new) != 1:
        raise InputError(None, "OLD och NEW ska vara en rapport var", "OLD and NEW must be one report each")
    if old[0].error or new[0].error:
        bad = old[0] if old[0].error else new[0]
        raise InputError(bad.source, bad.error or "")
    comparison = compare(old[0], new[0], status_fn(args))
    if args.format == "json":
        json.dump(comparison.model_dump(mode="json"), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(render_text(comparison, args.lang, markdown=args.format == "md"))
    return 0
