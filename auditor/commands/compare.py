"""``auditor compare OLD NEW``: goals whose assessment changed, indicators that moved away from target,
findings that appeared or were fixed, between two reports of the same committee.

Reports of different committees are refused (exit 2) unless ``--force``; a NEW report that is earlier
than OLD, or of another unit, is compared with a warning on standard error."""
from __future__ import annotations

import json
import sys

from ..words.help import COMMAND_HELP
from ..workflow.compare import (different_committees, different_units, period_label, reversed_order, compare,
                                render_text)
from ..words.errors import one_line, refusal, InputError
from ..words import catalogue, texts
from ._inputs import load_result


def register(sub) -> None:
    p = sub.add_parser("compare", help=COMMAND_HELP["compare"],
                       description="Goals whose assessment changed, indicators that moved away from their target, "
                                   "and findings that appeared or were fixed, between two reports of the same "
                                   "committee.")
    p.add_argument("old", metavar="OLD", help="the earlier report (or findings JSON)")
    p.add_argument("new", metavar="NEW", help="the later report (or findings JSON)")
    p.add_argument("--format", choices=("text", "md", "json"), default="text", help="output format (default: text)")
    p.add_argument("--force", action="store_true",
                   help="compare even when the reports name different committees (with a warning)")
    p.set_defaults(func=run)


def _named(audit) -> str:
    """The report's error as one message that names the file once."""
    error = audit.error or ""
    return error if error.startswith(audit.source) else f"{audit.source}: {error}"


def _checks(old, new, lang: str, force: bool) -> list[str]:
    """Warnings for standard error about the pair; raises when the committees differ and not ``force``."""
    say = texts(catalogue.COMMANDS, lang)
    warn = say["warning"]
    notes = []
    if different_committees(old, new):
        names = f"{old.committee} ≠ {new.committee}"
        if not force:
            raise refusal("compare_committees", code="usage", names=names)
        notes.append(f"{warn}: " + say["compare_committees"].format(names=names))
    elif different_units(old, new):
        names = f"{old.unit or old.committee or '?'} ≠ {new.unit or new.committee or '?'}"
        notes.append(f"{warn}: " + say["compare_units"].format(names=names))
    if reversed_order(old, new):
        po, pn = period_label(old, lang), period_label(new, lang)
        notes.append(f"{warn}: " + say["compare_order"].format(new=pn, old=po))
    return [one_line(n) for n in notes]


def run(args) -> int:
    old = load_result([args.old], args).reports
    new = load_result([args.new], args).reports
    if len(old) != 1 or len(new) != 1:
        raise refusal("compare_one_each")
    bad = [a for a in (old[0], new[0]) if a.error]
    if bad:
        text = "; ".join(_named(a) for a in bad)
        raise InputError(None, text)
    for note in _checks(old[0], new[0], args.lang, args.force):
        print(f"auditor: {note}", file=sys.stderr)
    comparison = compare(old[0], new[0], args.lang)
    if args.format == "json":
        json.dump(comparison.model_dump(mode="json"), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(render_text(comparison, args.lang, markdown=args.format == "md"))
    return 0
