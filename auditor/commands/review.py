"""``auditor review``: record a reviewer's decision on a finding, list decisions, find stale ones.

    auditor review FINGERPRINT --dismiss --reason TEXT --by NAME [--date YYYY-MM-DD] [--file FILE]
    auditor review FINGERPRINT --confirm --reason TEXT --by NAME
    auditor review FINGERPRINT --remove
    auditor review --list [--file FILE]
    auditor review --stale PATH... [--file FILE]      exit 1 when a decision's finding has disappeared
    auditor review serve PATH... [--file FILE] [--port N]   the review workspace (auditor.review_app)
"""
from __future__ import annotations

import datetime as _dt
import os
import sys

from ..words.help import COMMAND_HELP
from ..triage.review import (DEFAULT_NAME, find_review_file, checked_date, checked_fingerprint, load_reviews,
                             remove_decision, set_decision, stored_decisions, apply_reviews, stale_subject)
from ..files import OwnOutputs, check_file_destination
from ..render.safe_text import clean_text
from ..render.tags import label
from ..words import catalogue, texts, word
from ..words.errors import refusal
from ..words.findings import message_of
from ._inputs import load_result


def register(sub) -> None:
    p = sub.add_parser("review", help=COMMAND_HELP["review"],
                       description="Record a reviewer's decision on a finding, list the decisions, or find stale "
                                   "ones. auditor review serve PATH... opens the review workspace in a browser.")
    p.add_argument("fingerprint", nargs="?", help="the finding's fingerprint (shown in every output)")
    act = p.add_mutually_exclusive_group()
    act.add_argument("--confirm", dest="decision", action="store_const", const="bekräftad",
                     help="the finding is right (bekräftad)")
    act.add_argument("--dismiss", dest="decision", action="store_const", const="avfärdad",
                     help="the finding is wrong or accepted (avfärdad); it no longer fails CI")
    act.add_argument("--remove", dest="decision", action="store_const", const="remove", help="delete the decision")
    act.add_argument("--list", dest="decision", action="store_const", const="list", help="list the decisions")
    act.add_argument("--stale", dest="stale", nargs="+", metavar="PATH",
                     help="audit PATH (reports, or findings JSON) and list decisions whose finding is gone")
    p.add_argument("--reason", default="", help="why (required for --confirm/--dismiss)")
    p.add_argument("--by", default=os.environ.get("AUDITOR_REVIEWER", ""),
                   help="who decides (default: $AUDITOR_REVIEWER)")
    p.add_argument("--date", default=None, help="date of the decision, YYYY-MM-DD (default: today)")
    p.add_argument("--file", default=None,
                   help="review file (default: auditor-review.yaml beside the reports, else in this folder)")
    p.add_argument("--report", nargs="+", metavar="PATH", default=None,
                   help="audit PATH to check that the fingerprint exists and copy its rule, file and line")
    p.set_defaults(func=run)


def _file(args, paths) -> str:
    if args.file:
        return args.file
    found = find_review_file(paths or [])
    return str(found) if found else DEFAULT_NAME


def run(args) -> int:

    say = texts(catalogue.COMMANDS, args.lang)
    if args.stale:
        return _stale(args, say)
    if args.decision in (None, "list"):
        if args.fingerprint and args.decision is None:
            raise refusal("review_give_decision")
        path = _file(args, args.report)
        entries = load_reviews(path)
        if entries:
            print(_table(entries, args.lang))
        if not entries:
            print(say["review_no_decisions"].format(path=path), file=sys.stderr)
        return 0
    if not args.fingerprint:
        raise refusal("review_give_fingerprint")
    path = _file(args, args.report)
    if args.decision == "remove":
        check_file_destination(path, "--file")
        if args.fingerprint not in stored_decisions(path):   # a malformed one stored earlier can still be removed
            args.fingerprint = checked_fingerprint(args.fingerprint)
        if not remove_decision(path, args.fingerprint):
            raise refusal("review_no_decision", path, fingerprint=args.fingerprint)
        print(say["review_removed"].format(path=path, fingerprint=args.fingerprint))
        return 0
    args.fingerprint = checked_fingerprint(args.fingerprint)
    date = checked_date(args.date) if args.date is not None else _dt.date.today().isoformat()
    check_file_destination(path, "--file")        # before auditing --report
    context = None
    if args.report:
        context = _context(args, args.report)
    entry = set_decision(path, args.fingerprint, args.decision, args.reason, args.by, date, context)
    print(f"{path}: {args.fingerprint} {entry.decision} ({entry.by}, {entry.date})")
    return 0


def _table(entries: dict, lang: str) -> str:
    """The decisions as aligned columns under a header, one line each, the reason last."""
    head = word(catalogue.COMMANDS, "review_columns", lang)
    rows = [head]
    for fp, e in sorted(entries.items()):
        where = (f"{e.source}:{e.line}" if e.line is not None else e.source) if e.source else ""
        rows.append((fp, label(e.decision, lang), e.date, e.by, e.rule or "", where, e.reason))
    rows = [tuple(clean_text(" ".join(str(c).split())) for c in row) for row in rows]
    widths = [max(len(row[i]) for row in rows) for i in range(len(head) - 1)]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(row, widths)) + "  " + row[-1] for row in rows)


def _context(args, paths) -> dict:
    result = load_result(paths, args, OwnOutputs((), args.lang))
    for audit in result.reports:
        for f in audit.findings:
            if f.fingerprint == args.fingerprint:
                return {"rule": f.rule, "source": audit.source, "line": f.line, "message": message_of(f, args.lang)}
    raise refusal("review_no_finding", fingerprint=args.fingerprint, paths=" ".join(paths))


def _stale(args, say: dict) -> int:
    path = _file(args, args.stale)
    if args.file and not os.path.exists(args.file):    # "no stale decisions" would hide a mistyped name
        raise refusal("review_file_missing", args.file, code="config")
    result = load_result(args.stale, args, OwnOutputs((), args.lang))
    stale = apply_reviews(result, load_reviews(path))
    for s in stale:
        what = stale_subject(s.rule, s.source)
        print(say["review_stale"].format(fingerprint=s.fingerprint, what=what, decision=s.review.decision,
                                         by=s.review.by, date=s.review.date))
    if not stale:
        print(say["review_no_stale"].format(path=path))
    return 1 if stale else 0
