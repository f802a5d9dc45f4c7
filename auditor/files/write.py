"""Writing an output without harming what stands at its path (see ``destination`` for the kinds).

A regular file (or a new path, or a symlink's target) is written to a temporary file in the same folder,
synced and renamed into place, with the mode (and, where allowed, the owner) of the file it replaces: a
reader, or an interrupted run, never sees a half-written file, and the temporary file is removed on any
failure, Ctrl-C included. A character device or a FIFO is opened and written into; it is never created,
truncated or renamed over. A regular file with other names (hard links) is truncated and written in place, as
the shell's ``>`` does, so that all its names keep sharing it. ``-`` and the file standard output already writes to go through ``sys.stdout``.
"""
from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path

from .destination import _reason, _refusal, classify, make_parents


def write_file(path: str | Path, data: str | bytes, option: str = "--output") -> None:
    """Write ``data`` (text is written as UTF-8) to the output path ``path`` (``-``: standard output). What
    cannot be written is an ``InputError`` naming the path; a reader that went away (a closed pipe or FIFO)
    is a ``BrokenPipeError``, which the command line ends quietly."""
    target = classify(path, option)           # again: what stands there may have changed since the check
    if target.kind in ("stdout", "stderr"):
        _to_stream(getattr(sys, target.kind), data)
        return
    payload = data.encode("utf-8") if isinstance(data, str) else data
    if target.kind == "stream":
        _stream_into(str(path), target.path, payload, target.truncate)
        return
    make_parents(target.path.parent, str(path))
    replace_atomically(target.path, payload, shown=str(path))


def write_folder(folder: str | Path, files: dict[str, str | bytes]) -> None:
    """Write every file into ``folder`` (created when missing, with the folders above it), each one as
    ``write_file`` writes it."""
    folder = Path(folder)
    make_parents(folder)
    for name, data in files.items():
        write_file(folder / name, data)


def _to_stream(stream, data: str | bytes) -> None:
    if isinstance(data, bytes):
        stream.flush()
        stream.buffer.write(data)
        stream.buffer.flush()
    else:
        stream.write(data)
        stream.flush()


def _stream_into(shown: str, path: Path, payload: bytes, truncate: bool) -> None:
    """Write into a device or FIFO (opening a FIFO waits for its reader, as the shell's ``>`` does)."""
    flags = os.O_WRONLY | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0) | (os.O_TRUNC if truncate else 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise _refusal(shown, "cannot_write", reason=_reason(exc)) from None
    try:
        view = memoryview(payload)
        while view:
            view = view[os.write(fd, view):]
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise _refusal(shown, "cannot_write", reason=_reason(exc)) from None
    finally:
        os.close(fd)


def _new_file_mode() -> int:
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def replace_atomically(path: Path, payload: bytes, shown: str | None = None) -> None:
    """Write ``payload`` to the regular file (or new path) ``path`` through a temporary file beside it and a
    rename; keep the replaced file's mode and, when allowed, its owner."""
    tmp = None
    try:
        try:
            old = os.stat(path)
        except FileNotFoundError:
            old = None
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=str(path.parent))
        with os.fdopen(fd, "wb") as fh:
            os.fchmod(fh.fileno(), old.st_mode & 0o7777 if old else _new_file_mode())
            if old is not None and (old.st_uid, old.st_gid) != (os.geteuid(), os.getegid()):
                with contextlib.suppress(OSError):     # only root may give a file away; others keep theirs
                    os.fchown(fh.fileno(), old.st_uid, old.st_gid)
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        tmp = None
        _sync_folder(path.parent)
    except (OSError, ValueError) as exc:
        raise _refusal(shown or str(path), "cannot_write", reason=_reason(exc)) from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (where the system allows a folder to be synced)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
