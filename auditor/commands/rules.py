"""``auditor rules [--format table|json] [--rules DIR]``: list the rule catalogue."""
from __future__ import annotations

import json
import sys


def register(sub) -> None:
    p = sub.add_parser("rules", help="list the rules of the catalogue", description="List the rules of the catalogue.")
    p.add_argument("--format", choices=("table", "json"), default="table", help="output format (default: table)")
    p.add_argument("--rules", action="append", metavar="DIR", help="also load rule modules from DIR")
    p.set_defaults(func=run)


def run(args) -> int:
    from ..engine.catalogue import load_catalogue

    catalogue = load_catalogue(tuple(args.rules or ()))
    lang = args.lang
    if args.format == "json":
        doc = [{"id": s.id, "severity": s.severity, "title": s.summary(lang), "parameters": s.parameters,
                "builtin": s.builtin} for s in catalogue]
        json.dump(doc, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    from rich.console import Console
    from rich.table import Table

    en = lang == "en"
    table = Table(title="Regelkatalog" if not en else "Rule catalogue", title_justify="left")
    table.add_column("Id", style="bold", no_wrap=True)
    table.add_column("Allvarlighet" if not en else "Severity", no_wrap=True)
    table.add_column("Regel (parametrar)" if not en else "Rule (parameters)")
    for s in catalogue:
        params = ", ".join(f"{k}={v}" for k, v in s.parameters.items())
        title = s.summary(lang) + ("" if s.builtin else " [egen regel]" if not en else " [user rule]")
        if params:
            title += f"\n[dim]{params}[/]"
        table.add_row(s.id, _sev(s.severity, lang), title)
    Console().print(table)
    hint = "Mer om en regel: auditor explain ID" if not en else "More about a rule: auditor explain ID"
    Console().print(hint, style="dim")
    return 0


def _sev(severity: str, lang: str) -> str:
    from ..render.common import severity_label

    style = {"error": "red", "warning": "yellow", "info": "cyan"}[severity]
    return f"[{style}]{severity_label(severity, lang)}[/]"
