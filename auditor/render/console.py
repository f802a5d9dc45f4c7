"""The rich console of the commands that print tables and trees (``rules``, ``parse --format table``,
``parse --diagnostics``, ``explain``).

rich takes a terminal's width from the terminal; written into a pipe or a file there is none, and rich
falls back to 80 columns, so that tables were wrapped and their no-wrap columns (rule ids, diagnostic
codes) clipped with "…". Into a pipe or a file the console is as wide as ``COLUMNS`` says, else wide
enough for any line these commands print."""
from __future__ import annotations

import os
import sys

PIPE_WIDTH = 200


def stdout_console():
    from rich.console import Console  # optional heavy: rich (~100 ms), only when this output is written

    if sys.stdout.isatty() or os.environ.get("COLUMNS"):
        return Console()
    return Console(width=PIPE_WIDTH)
