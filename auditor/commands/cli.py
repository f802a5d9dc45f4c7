"""Command line entry point: ``auditor <command> ...``.

Each command lives in its own module under ``auditor.commands`` and registers itself through
``register(subparsers)``; this module only wires them together and turns bad input into exit code 2.

Only the chosen command's module is imported (some pull in pydantic, the parser or the rule engine): the
others are listed by their one-line help from ``auditor.words.help``, so ``auditor --help`` still names them
all and ``auditor --version`` imports none.
"""
from __future__ import annotations

import argparse
import importlib
import os
import re
import sys

from ..words.errors import InputError, one_line, os_reason, refusal
from .interrupt import LANGS, ignore_ctrl_c, interrupted_line, lang_of, python_handles_ctrl_c
from .start import modules_loaded
from ..words.help import COMMAND_HELP, ERRORS_SV, HELP_SV, NAMES, help_text
from .. import __version__
from ..words import catalogue, word

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2

# Command modules, in the order `auditor --help` lists them.
COMMANDS = ("parse", "audit", "rules", "explain", "review", "baseline", "compare", "kf_targets")


LANG_HELP = "language of messages and findings (default: sv); also accepted after the command"


def _names(message: str, lang: str) -> str:
    """The subcommand positionals' dests where argparse names arguments ("argument command: ...", "the
    following arguments are required: PATH, command"), not in what the user typed."""
    names = NAMES[lang]
    head = re.match(r"argument (\S+): ", message)
    if head and head.group(1) in names:
        return f"argument {names[head.group(1)]}: {message[head.end():]}"
    required = re.fullmatch(r"(the following arguments are required: )(.*)", message, re.S)
    if required:
        return required.group(1) + ", ".join(names.get(n, n) for n in required.group(2).split(", "))
    return message


def translate_error(message: str, lang: str) -> str:
    """An argparse error message in ``lang`` ("sv" translates the known patterns, "en" keeps them)."""
    message = _names(message, lang)
    if lang == "en":
        return message
    prefix = re.match(r"argument (\S+): (.*)", message, re.S)
    if prefix:
        return f"argumentet {prefix.group(1)}: {translate_error(prefix.group(2), lang)}"
    for pattern, swedish in ERRORS_SV:
        if re.fullmatch(pattern, message, re.S):
            return re.sub(pattern, swedish, message, count=1, flags=re.S)
    return message


class _Parser(argparse.ArgumentParser):
    """Every (sub)command accepts ``--lang``; the top level's default is sv, a subcommand's leaves the value
    given before the command alone unless it is given again after it. Errors and the fixed words of
    ``--help`` are in the language of the command line (``lang``, set per ``build_parser``)."""

    lang = "sv"

    def __init__(self, *args, lang_default=argparse.SUPPRESS, **kwargs):
        if kwargs.get("description"):
            kwargs["description"] = help_text(kwargs["description"], self.lang)
        super().__init__(*args, **kwargs)
        self.add_argument("--lang", choices=LANGS, default=lang_default, help=LANG_HELP)

    def _add_action(self, action):
        """Every option's help text in the language of the command line (options in groups come here too)."""
        if action.help not in (None, argparse.SUPPRESS):
            action.help = help_text(action.help, self.lang)
        return super()._add_action(action)

    def error(self, message: str) -> None:  # argparse exits 2 too; keep the message to one line
        self.exit(EXIT_USAGE, f"auditor: {translate_error(message, self.lang)}\n")

    def format_usage(self) -> str:
        return self._words(super().format_usage())

    def format_help(self) -> str:
        for action in self._actions:       # the subcommands' one-line helps (add_subparsers bypasses _add_action)
            for choice in getattr(action, "_choices_actions", ()):
                choice.help = help_text(choice.help, self.lang)
        return self._words(super().format_help())

    def _words(self, text: str) -> str:
        if self.lang == "en":
            return text
        if text.startswith("usage: "):
            text = HELP_SV["usage: "] + text[len("usage: "):]
        for english in ("positional arguments", "options"):
            text = re.sub(rf"^{english}:$", f"{HELP_SV[english]}:", text, flags=re.M)
        for english in ("show this help message and exit", "show program's version number and exit"):
            text = text.replace(english, HELP_SV[english])
        return text


def build_parser(lang: str = "sv", commands=None) -> argparse.ArgumentParser:
    """The command line; ``commands``: the command modules whose whole parsers are built (None: all of them),
    the others only named with their one-line help (enough for ``auditor --help`` and for an unknown name)."""
    # a class per command line, so that subcommands (created with type(parser)) speak its language
    parser_class = type("_Parser", (_Parser,), {"lang": "en" if lang == "en" else "sv"})
    parser = parser_class(prog="auditor", description="Audit the goal follow-up reports (ILS-webb) of Stockholm's "
                                                      "committees.", lang_default="sv")
    parser.add_argument("--version", action="version", version=_version())
    sub = parser.add_subparsers(dest="command", required=True, parser_class=parser_class)
    for name in COMMANDS:
        if commands is None or name in commands:
            command_module(name).register(sub)
        else:
            sub.add_parser(command_name(name), help=COMMAND_HELP[name])
    return parser


def command_module(name: str):
    """A command's module (``COMMANDS``, and ``review_serve``), imported by its name when the command is
    chosen: the one way the command line loads a command, so that a command's imports (pydantic, the
    parser, the engine, a web server) cost only the command that needs them."""
    return importlib.import_module(f"auditor.commands.{name}")


def command_name(module: str) -> str:
    """The name a command is typed with: its module's name with a hyphen (kf_targets -> kf-targets)."""
    return module.replace("_", "-")


def chosen_command(argv: list[str]) -> str | None:
    """The command module ``argv`` chooses, or None (no command, or a name that is no command)."""
    at = _command_at(argv)
    modules = {command_name(name): name for name in COMMANDS}
    return modules.get(argv[at]) if at is not None else None


def _command_at(argv: list[str]) -> int | None:
    """Where the command stands in ``argv`` (after the top-level options), or None."""
    i = 0
    while i < len(argv):
        if argv[i] == "--lang":
            i += 2
            continue
        if not argv[i].startswith("-"):
            return i
        i += 1
    return None


def build_serve_parser(lang: str = "sv") -> argparse.ArgumentParser:
    """``auditor review serve``: a command of its own under ``review``, whose first positional is otherwise a
    fingerprint."""
    serve = command_module("review_serve")
    parser_class = type("_Parser", (_Parser,), {"lang": "en" if lang == "en" else "sv"})
    parser = parser_class(prog="auditor review serve", lang_default="sv",
                          description="Open the review workspace: audit the reports and serve a local web page where "
                                      "each finding is shown beside the report's own passage and can be confirmed or "
                                      "dismissed in place, into the review file that auditor audit reads.")
    serve.add_arguments(parser)
    parser.set_defaults(func=serve.run)
    return parser


def parse_args(argv: list[str], lang: str):
    at = _command_at(argv)
    if at is not None and argv[at] == "review" and argv[at + 1:at + 2] == ["serve"]:
        return build_serve_parser(lang).parse_args(argv[:at] + argv[at + 2:])
    chosen = chosen_command(argv)
    return build_parser(lang, () if chosen is None else (chosen,)).parse_args(argv)


def _version() -> str:
    return f"auditor {__version__}"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    said = {"lang": lang_of(argv)}
    try:
        return _run(argv, said)
    except KeyboardInterrupt:
        # outputs are written atomically after the audit, so an interrupted run leaves no partial file
        ignore_ctrl_c()
        print(interrupted_line(said["lang"]), file=sys.stderr)
        return 130


def _run(argv: list[str], said: dict) -> int:
    """Parse the command line and run the command; bad input is one line and exit code 2."""
    lang = said["lang"]
    try:
        args = parse_args(argv, lang)
        lang = said["lang"] = getattr(args, "lang", lang)
        _load_rust_core(args)
        modules_loaded()
        python_handles_ctrl_c()
        return int(args.func(args) or 0)
    except InputError as exc:
        print(f"auditor: {exc.message(lang)}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        _quiet_stdout()
        return 0
    except OSError as exc:
        if exc.filename is not None:
            # any file the system refuses, wherever the command opened it (a name too long for the file system,
            # a loop of links, a folder where a file belongs): one line naming the file, in the reader's words
            refused = refusal("cannot_use_file", str(exc.filename), reason=os_reason(exc))
            print(f"auditor: {refused.message(lang)}", file=sys.stderr)
            return EXIT_USAGE
        return _internal_error(exc, lang)
    except Exception as exc:  # noqa: BLE001 - a bug
        return _internal_error(exc, lang)


def _internal_error(exc: Exception, lang: str) -> int:
    """A bug: one line instead of a traceback (AUDITOR_DEBUG=1 shows the traceback)."""
    if os.environ.get("AUDITOR_DEBUG"):
        raise exc
    what = one_line(f"{type(exc).__name__}: {exc}")[:200]
    print(f"auditor: {_say('internal_error', lang, what=what)}", file=sys.stderr)
    return EXIT_USAGE


# The commands that never build a report model (no pydantic): they start in a blink and stay that way.
LIGHT_COMMANDS = ("rules", "explain")


def _load_rust_core(args) -> None:
    """Import pydantic's Rust core while start's Ctrl-C guard still holds. A KeyboardInterrupt raised while
    that extension initialises (it imports ``datetime`` through PyO3) becomes a Rust panic and a traceback
    instead of the one line, so the commands that will build models load it here, before Python's own
    Ctrl-C handling is back; the command's other lazy imports are plain Python and interrupt cleanly."""
    if getattr(args, "command", None) not in LIGHT_COMMANDS:
        importlib.import_module("pydantic_core")


def _say(key: str, lang: str, **values) -> str:
    return word(catalogue.COMMANDS, key, lang).format(**values)


def _quiet_stdout() -> None:
    """After a closed pipe (``auditor audit … | head``), point standard output at /dev/null so that the
    interpreter's final flush does not complain."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
