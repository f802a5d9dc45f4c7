"""The files a command writes, so that reading its inputs never reads its own output.

``auditor audit . > granskning.txt`` has the shell create granskning.txt, empty, before auditor starts; a
folder scan would then find it as a report ("filen är tom"), and a second run would audit the first run's
output. A file counts as the command's own output when it is one of the output paths on its command line
or the regular file standard output writes to; files are compared by identity (device and inode), so a
symlink or another spelling of the path is recognised too.
"""
from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

from ..words import catalogue, word
from ..words.errors import refusal


def _identity(path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return (st.st_dev, st.st_ino) if stat.S_ISREG(st.st_mode) else None


class OwnOutputs:
    """The command's own output files. ``skip(path)`` tells a folder scan to leave a file out, and says so
    on standard error once per file; ``refuse_named(path)`` refuses a file named as an input that is also
    an output (auditing it would read the output and then overwrite the report)."""

    def __init__(self, outputs=(), lang: str = "sv") -> None:
        self.lang = lang
        self._ids: set[tuple[int, int]] = set()
        for output in outputs:
            if output and str(output) != "-":
                found = _identity(output)
                if found:
                    self._ids.add(found)
        try:
            st = os.fstat(1)
            if stat.S_ISREG(st.st_mode):
                self._ids.add((st.st_dev, st.st_ino))
        except OSError:
            pass
        self._told: set[tuple[int, int]] = set()

    def __contains__(self, path) -> bool:
        found = _identity(path)
        return found is not None and found in self._ids

    def skip(self, path: Path) -> bool:
        """Whether a file found in a folder is an output of this command (noted once on standard error)."""
        found = _identity(path)
        if found is None or found not in self._ids:
            return False
        if found not in self._told:
            self._told.add(found)
            print(f"auditor: {path}: {word(catalogue.COMMANDS, 'own_output_skipped', self.lang)}", file=sys.stderr)
        return True

    def refuse_named(self, path) -> None:
        if path in self:
            raise refusal("input_is_output", str(path), code="output")
