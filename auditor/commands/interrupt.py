"""Ctrl-C on the command line: the languages, the one line an interrupted run writes, and handing SIGINT
back to Python. Standard library only, since the entry point (``start``) needs it before anything else is
imported; ``cli`` uses the same pieces once the command line is built."""
from __future__ import annotations

import signal

LANGS = ("sv", "en")

# The words of the interrupted line live here, not in the words' catalogue (auditor/words), because they are
# needed before anything else is imported.
INTERRUPTED = ("avbrutet (Ctrl-C); ingen utdata skrevs", "interrupted (Ctrl-C); no output was written")


def lang_of(argv: list[str]) -> str:
    """The --lang an argument list asks for (the last one given, before or after the command), else sv;
    known before parsing, so that parse errors (and Ctrl-C during start-up) are in that language too."""
    lang = "sv"
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        value = argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else (
            arg.split("=", 1)[1] if arg.startswith("--lang=") else None)
        if value in LANGS:
            lang = value
    return lang


def interrupted_line(lang: str) -> str:
    return f"auditor: {INTERRUPTED[1 if lang == 'en' else 0]}"


def python_handles_ctrl_c() -> None:
    """From here on Ctrl-C is a KeyboardInterrupt again (``cli.main`` catches it after cleaning up)."""
    try:
        if getattr(signal.getsignal(signal.SIGINT), "auditor_start", False):
            signal.signal(signal.SIGINT, signal.default_int_handler)
    except ValueError:
        pass


def ignore_ctrl_c() -> None:
    """While the interrupted line is written: a second Ctrl-C must not interrupt it."""
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:
        pass
