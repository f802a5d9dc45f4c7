"""Command line entry point: ``auditor <command> ...``.

Each command lives in its own module under ``auditor.commands`` and registers itself through
``register(subparsers)``; this module only wires them together and turns bad input into exit code 2.
"""
from __future__ import annotations

import argparse
import importlib
import sys

from .errors import InputError

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2

# Command modules, in the order `auditor --help` lists them.
COMMANDS = ("parse", "audit", "rules", "explain", "review", "baseline", "compare")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse exits 2 too; keep the message to one line
        self.exit(EXIT_USAGE, f"auditor: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="auditor", description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=("sv", "en"), default="sv",
                        help="language of messages and findings (default: sv)")
    parser.add_argument("--version", action="version", version=_version())
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for name in COMMANDS:
        importlib.import_module(f"auditor.commands.{name}").register(sub)
    return parser


def _version() -> str:
    from . import __version__
    return f"auditor {__version__}"


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except InputError as exc:
        print(f"auditor: {exc.message(args.lang)}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
