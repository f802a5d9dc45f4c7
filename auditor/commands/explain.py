"""``auditor explain RULE-ID [--format terminal|md]`` (or ``--all``): a rule's documentation and examples."""
from __future__ import annotations

import sys

from ..words.errors import refusal, refusal_words
from ..words.help import COMMAND_HELP
from ..engine.declared import declared_catalogue
from ..engine.docs import rule_markdown
from ..words import catalogue as words, word


def register(sub) -> None:
    p = sub.add_parser("explain", help=COMMAND_HELP["explain"],
                       description="Show a rule's documentation and examples.")
    p.add_argument("rule", nargs="?", metavar="RULE-ID", help="the rule's id (see `auditor rules`)")
    p.add_argument("--all", action="store_true", help="every rule of the catalogue")
    p.add_argument("--format", choices=("terminal", "md"), default="terminal", help="output format (default: terminal)")
    p.add_argument("--rules", action="append", metavar="DIR", help="also load rule modules from DIR")
    p.set_defaults(func=run)


def run(args) -> int:

    catalogue = declared_catalogue(tuple(args.rules or ()))
    if args.all:
        specs = list(catalogue)
    elif args.rule:
        rule_id = args.rule.strip().upper()
        if rule_id in catalogue.renamed:          # an old id: explain the rule it names now, and say so
            print("auditor: " + word(words.COMMANDS, "rule_renamed", args.lang).format(
                where="explain", old=rule_id, new=catalogue.renamed[rule_id]), file=sys.stderr)
            rule_id = catalogue.renamed[rule_id]
        if rule_id not in catalogue:
            close = catalogue.match(rule_id)
            hint = refusal_words("did_you_mean", names=", ".join(close)) if close else ""
            raise refusal("unknown_rule", code="usage", rule=args.rule, hint=hint)
        specs = [catalogue[rule_id]]
    else:
        raise refusal("rule_or_all", code="usage")
    text = "\n\n".join(rule_markdown(s, args.lang) for s in specs)
    if args.format == "md" or not sys.stdout.isatty():
        sys.stdout.write(text + "\n")
    else:
        from rich.console import Console  # optional heavy: rich (~100 ms), only on a terminal
        from rich.markdown import Markdown
        Console().print(Markdown(text))
    return 0
