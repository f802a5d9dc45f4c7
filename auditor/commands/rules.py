"""``auditor rules [--format table|json] [--rules DIR]``: list the rule catalogue."""
from __future__ import annotations

import json
import sys

from ..words.help import COMMAND_HELP
from ..engine.declared import declared_catalogue
from ..render.console import stdout_console
from ..words import catalogue as words, texts, severity_label


def register(sub) -> None:
    p = sub.add_parser("rules", help=COMMAND_HELP["rules"], description="List the rules of the catalogue.")
    p.add_argument("--format", choices=("table", "json"), default="table", help="output format (default: table)")
    p.add_argument("--rules", action="append", metavar="DIR", help="also load rule modules from DIR")
    p.set_defaults(func=run)


def run(args) -> int:

    catalogue = declared_catalogue(tuple(args.rules or ()))
    lang = args.lang
    if args.format == "json":
        doc = [{"id": s.id, "severity": s.severity, "title": s.summary(lang), "parameters": s.parameters,
                "builtin": s.builtin} for s in catalogue]
        json.dump(doc, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    from rich.table import Table  # optional heavy: rich (~100 ms), only for the table

    say = texts(words.COMMANDS, lang)
    table = Table(title=say["rules_title"], title_justify="left")
    table.add_column("Id", style="bold", no_wrap=True)
    table.add_column(say["rules_severity"], no_wrap=True)
    table.add_column(say["rules_rule"])
    for s in catalogue:
        params = ", ".join(f"{k}={v}" for k, v in s.parameters.items())
        title = s.summary(lang) + ("" if s.builtin else say["rules_user_rule"])
        if params:
            title += f"\n[dim]{params}[/]"
        table.add_row(s.id, _sev(s.severity, lang), title)
    console = stdout_console()
    console.print(table)
    console.print(say["rules_hint"], style="dim")
    return 0


def _sev(severity: str, lang: str) -> str:

    style = {"error": "red", "warning": "yellow", "info": "cyan"}[severity]
    return f"[{style}]{severity_label(severity, lang)}[/]"
