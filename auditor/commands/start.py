"""Where the command line starts: the ``auditor`` console script and ``python -m auditor`` call ``main`` here.

Ctrl-C must end with one line and exit code 130 at any moment, also while the command line's modules are
still being imported (the catalogue, pydantic, yaml, the rules: most of a second on a busy machine). So this
module imports only the standard library (and ``interrupt``, which does too), and before anything else is
imported it makes SIGINT write that line and leave at once: nothing has been written yet, so there is nothing to clean up. Just before the
command runs, Python's own handler is back, and ``cli.main`` turns the KeyboardInterrupt into the same line
after cleaning up (a temporary output file, worker processes).

(What this cannot cover is the interpreter's own start-up before it runs any of auditor, some 10–50 ms.)
"""
from __future__ import annotations

import gc
import importlib
import os
import signal
import sys

from .interrupt import interrupted_line, lang_of


def _leave(signum, frame) -> None:
    """SIGINT during the imports: write the line and leave; nothing has been written, so nothing to clean up
    and no unwinding through half-imported modules."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        argv = sys.argv[1:] if _argv is None else _argv      # (a Ctrl-C before main has stored its argv)
        os.write(2, (interrupted_line(lang_of(argv)) + "\n").encode("utf-8"))
    finally:
        os._exit(130)


_leave.auditor_start = True               # cli.main gives Ctrl-C back to Python once it can clean up
_argv: list[str] | None = None
_collector_resting = False


def without_pydantic_plugins() -> None:
    """pydantic looks for plugins (reading every installed distribution's entry points, 5-15 ms) when it
    builds its first model; auditor's models have no use for them, so the command line (this process and the
    workers it starts, not the user's other programs) goes without, with pydantic's documented setting. A
    value the user set is kept (``PYDANTIC_DISABLE_PLUGINS=`` , empty, loads them all again)."""
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")


def rest_collector() -> None:
    """The command's modules (pydantic, its models, the parser's patterns, the rules) make a few hundred
    thousand objects that live as long as the process. Python's cyclic garbage collector would walk them again
    and again while they are imported, and once more in each full collection after (40-50 ms of an audit's
    CPU, for no garbage): it rests while they load, and ``modules_loaded`` sets them aside (gc.freeze)."""
    global _collector_resting
    gc.disable()
    _collector_resting = True


def modules_loaded() -> None:
    """The chosen command's modules are imported (``cli``): what exists now lives as long as the process, so
    the collector leaves it out of its rounds (``gc.freeze``; worker processes forked later share it
    untouched) and watches what the command makes from here on, in rounds of ``YOUNG_ROUND`` new objects.
    Only after ``main`` paused it: a program that calls ``cli.main`` itself keeps its collector as it is."""
    global _collector_resting
    if _collector_resting:
        _collector_resting = False
        gc.freeze()
        gc.set_threshold(YOUNG_ROUND, *gc.get_threshold()[1:])
        gc.enable()


# A parse and an audit make objects that mostly live until the report is written (the model, its facts, the
# findings): Python's default round of 700 new objects walked them some 70 times in an audit of a large
# report (12 ms of its CPU), for next to no garbage. Rounds of 10,000 walk them 4 times (6 ms); what a batch
# leaves behind in cycles is still collected every few reports, so its memory stays flat.
YOUNG_ROUND = 10_000


def main(argv: list[str] | None = None) -> int:
    try:
        signal.signal(signal.SIGINT, _leave)  # first of all: every moment from here on is guarded
    except ValueError:                        # not the main thread (called from a thread): nothing to guard
        pass
    global _argv
    _argv = sys.argv[1:] if argv is None else list(argv)
    without_pydantic_plugins()
    rest_collector()
    # the command line by name, as it loads the chosen command (``cli.command_module``): the guard above
    # holds while it loads
    return importlib.import_module("auditor.commands.cli").main(list(_argv))
