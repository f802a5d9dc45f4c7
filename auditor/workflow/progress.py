"""A batch's progress on standard error: a bar with the reports done, the report just audited and the time
left, drawn by rich while standard error is a terminal; nothing at all when it is piped, redirected or in
CI (``CI`` set, as CI services set it), so logs and captured output stay clean. A single report shows no
bar: its audit takes a second or so, and a bar would only flicker.
"""
from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import Callable, Iterator

from ..render.safe_text import clean_text  # a file's name is drawn without its control characters

Progress = Callable[[int, int, Path], None]


def wanted(stream=None, environ=None) -> bool:
    """A bar is drawn only on a terminal, and never in CI."""
    stream = sys.stderr if stream is None else stream
    environ = os.environ if environ is None else environ
    if environ.get("CI"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


@contextlib.contextmanager
def batch_progress(stream=None, environ=None) -> Iterator[Progress | None]:
    """A ``progress(done, total, path)`` callback for ``audit_paths`` that draws the bar (None when no bar
    is wanted); the bar is cleared when the batch is done, so only the command's own output stays."""
    if not wanted(stream, environ):
        yield None
        return
    from rich.console import Console  # optional heavy: rich (~100 ms), only when a bar is drawn
    from rich.markup import escape
    from rich.progress import BarColumn, MofNCompleteColumn, Progress as Bar, TextColumn, TimeRemainingColumn

    console = Console(file=sys.stderr if stream is None else stream, stderr=stream is None)
    bar = Bar(BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), TextColumn("{task.description}"),
              console=console, transient=True)
    task = None

    def progress(done: int, total: int, path: Path) -> None:
        nonlocal task
        if total < 2:
            return
        if task is None:
            bar.start()
            task = bar.add_task("", total=total)
        bar.update(task, completed=done, description=escape(clean_text(Path(path).name)))

    try:
        yield progress
    finally:
        if task is not None:
            bar.stop()
