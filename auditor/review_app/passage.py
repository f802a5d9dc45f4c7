"""The report's own text around a finding: the lines the parser read (for a PDF, the text its geometry
wrote, so that line numbers match the findings), a few before and after, the finding's own lines marked.

A table row is written as its name, a blank line and its values; its finding names the name's first line, so
the marked lines run to the end of the row (through one blank line to the value line when the next line is
one). A sentence's finding marks its line.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from ..input.reader import read_file

BEFORE, AFTER = 4, 6


@dataclass(frozen=True)
class Passage:
    lines: list[tuple[int, str, bool]]     # (line number, text, marked)


@functools.lru_cache(maxsize=64)
def _read(source: str, stamp: float) -> tuple[list[str], object | None]:
    """The lines of a report as the parser read them, and its PDF layout when it was read by position."""
    read = read_file(source)
    return read.text.split("\n"), read.layout


def source_text(source: str) -> tuple[list[str], object | None] | None:
    """(lines, layout) of a report file, or None when it cannot be read (gone since the audit, or a findings
    file's source that is not here). Cached by modification time."""
    path = Path(source)
    try:
        stamp = path.stat().st_mtime
    except OSError:
        return None
    try:
        return _read(str(path), stamp)
    except Exception:  # noqa: BLE001 - a file that no longer reads: the page says the text cannot be shown
        return None


def passage(lines: list[str], line: int, row_end: int | None = None) -> Passage:
    """The lines around ``line`` (1-based) with ``line``..``row_end`` marked."""
    end = max(line, row_end or line)
    first = max(1, line - BEFORE)
    last = min(len(lines), end + AFTER)
    return Passage([(n, lines[n - 1].rstrip(), line <= n <= end) for n in range(first, last + 1)])


def row_end(report, lines: list[str], line: int) -> int:
    """The last line of the object a finding at ``line`` is about: for an indicator or activity row (written
    as its name or text, a blank line, then its values or dates), the end of the value block; ``line``
    itself otherwise."""
    if report is None or not any(r.line == line for g in report.goals for r in (*g.indicators, *g.activities)):
        return line
    n, blocks = line, 0
    while n <= len(lines):
        if lines[n - 1].strip():
            if n == len(lines) or not lines[n].strip():
                blocks += 1
                if blocks == 2:
                    return n
        n += 1
        if n - line > 20:          # a row is never this long: mark the line alone
            break
    return line
