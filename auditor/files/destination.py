"""What stands at an output path, and the refusals before any work (one line, exit code 2).

An output path is one of:

- ``-``: standard output;
- a new path, or a regular file: replaced atomically (see ``write``); the folders above it are created when
  the output is written (the one rule for every output: like ``mkdir -p``), so only a file standing where a
  folder belongs, or a folder without write permission, is refused;
- a symlink: followed, so that what it points to is written (a dangling link: its target is created);
- a regular file with other names (hard links): written in place, so every name sees the new content (a
  rename would give this name a new file and leave the others with the old one);
- a character device (``/dev/null``, a terminal) or a FIFO: streamed into, never replaced;
- the very file standard output or standard error already writes to (``-o /dev/stdout``, or the file the
  shell redirected to): written through that stream, so a redirection with ``>>`` keeps what it holds;
- a folder, a block device (a disk) or a socket: refused.
"""
from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from ..words.errors import os_reason, refusal
from ..words.catalogue import ERRORS

STDOUT = "-"


@dataclass(frozen=True)
class Target:
    """How to write an output: ``kind`` is "stdout" or "stderr" (through that stream), "stream" (open ``path``
    and write into it; ``truncate`` for a regular file with other names, or reached through a link that
    cannot be named) or
    "file" (atomically at ``path``, a symlink's target already resolved)."""

    kind: str
    path: Path | None = None
    truncate: bool = False


def _refusal(raw: str, key: str, **values):
    return refusal(key, raw, code="output", **values)


def check_name(raw: str) -> None:
    """A name no file system takes: empty, with a NUL or another control character, or a part longer than
    255 bytes."""
    if not raw.strip() or any(ord(c) < 32 for c in raw) or any(
            len(part.encode("utf-8", "surrogateescape")) > 255 for part in Path(raw).parts):
        raise _refusal(raw, "bad_file_name")


def _std_stream(st: os.stat_result) -> str | None:
    """"stdout" or "stderr" when ``st`` is the file, device or pipe that stream already writes to."""
    for fd, name in ((1, "stdout"), (2, "stderr")):
        try:
            own = os.fstat(fd)
        except OSError:
            continue
        if (own.st_dev, own.st_ino) == (st.st_dev, st.st_ino):
            return name
    return None


def _file_above(path: Path) -> Path | None:
    """The first part of ``path`` (from the root down) that exists and is not a folder."""
    for part in reversed(path.parents):
        if part.exists() and not part.is_dir():
            return part
    return None


_SPECIAL = {stat.S_IFBLK: "block_device", stat.S_IFSOCK: "socket"}


def classify(path: str | Path, option: str = "--output") -> Target:
    """The ``Target`` for an output path, or an ``InputError`` when nothing may be written there. Looks, never
    writes; ``option`` names the option in the messages ("--output", "--file")."""
    raw = str(path)
    if raw == STDOUT:
        return Target("stdout")
    check_name(raw)
    p = Path(raw)
    if raw.endswith(("/", "\\")):
        raise _refusal(raw, "output_is_folder", option=option)
    try:
        st = os.stat(p)                      # follows symlinks, also the kernel's own (/dev/stdout, /proc/…/fd/N)
    except FileNotFoundError:
        # a new path, or a dangling symlink, whose target is then created
        return Target("file", Path(os.path.realpath(p)) if os.path.islink(p) else p)
    except NotADirectoryError:
        raise _refusal(raw, "not_a_folder", file=_file_above(p) or p.parent) from None
    except (OSError, ValueError) as exc:     # a symlink loop, a name too long, no permission to look
        raise _refusal(raw, "cannot_write", reason=os_reason(exc)) from None
    std = _std_stream(st)
    if std:
        return Target(std)
    if stat.S_ISDIR(st.st_mode):
        raise _refusal(raw, "output_is_folder", option=option)
    if stat.S_ISCHR(st.st_mode) or stat.S_ISFIFO(st.st_mode):
        return Target("stream", p)
    if stat.S_ISREG(st.st_mode):
        if st.st_nlink > 1:                   # other names share this file: a rename would part them from it
            return Target("stream", p, truncate=True)
        if not os.path.islink(p):
            return Target("file", p)
        real = Path(os.path.realpath(p))
        try:
            same = os.stat(real)
        except OSError:
            same = None
        if same is not None and (same.st_dev, same.st_ino) == (st.st_dev, st.st_ino):
            return Target("file", real)
        return Target("stream", p, truncate=True)     # a link whose target has no name to rename onto
    kind = ERRORS[_SPECIAL.get(stat.S_IFMT(st.st_mode), "special_file")]
    raise _refusal(raw, "output_special", kind=kind)


def check_file_destination(path: str | Path, option: str = "--output") -> Target:
    """Refuse, before any work, a file destination that cannot be written: a folder, a disk or socket, a
    path below a file, a folder or file without write permission. Missing folders are not refused: they
    are created when the output is written."""
    raw = str(path)
    target = classify(raw, option)
    if target.kind == "stream" and not os.access(target.path, os.W_OK):
        raise _refusal(raw, "no_permission")
    if target.kind == "file":
        _check_can_create(raw, target.path)
    return target


def _check_can_create(raw: str, path: Path) -> None:
    """``path`` can be made or replaced: its nearest existing folder is a folder that may be written."""
    existing = path.parent
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if existing.exists() and not existing.is_dir():
        raise _refusal(raw, "not_a_folder", file=existing)
    if not os.access(existing, os.W_OK | os.X_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise _refusal(raw, "no_permission")


def check_folder_destination(path: str | Path, fmt: str) -> None:
    """Refuse, before any work, a folder destination that cannot be made: an existing file, or a path below
    a file; missing folders are created when the output is written."""
    raw = str(path)
    check_name(raw)
    p = Path(raw)
    if p.exists() and not p.is_dir():
        raise _refusal(raw, "output_is_file", fmt=fmt)
    existing = p
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if existing.exists() and not existing.is_dir():
        raise _refusal(raw, "not_a_folder", file=existing)
    if existing.exists() and not os.access(existing, os.W_OK | os.X_OK):
        raise _refusal(raw, "no_permission")


def make_parents(folder: Path, shown: str | None = None) -> None:
    """Create ``folder`` and the folders above it when missing (the rule for every output)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (OSError, ValueError) as exc:
        raise _refusal(shown or str(folder), "cannot_make_folder", reason=os_reason(exc)) from None
