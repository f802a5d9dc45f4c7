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
import io
import os
import sys
import tempfile
from pathlib import Path
from typing import Iterator

from ..words.errors import os_reason
from .destination import _refusal, classify, make_parents


def write_file(path: str | Path, data: str | bytes, option: str = "--output") -> None:
    """Write ``data`` (text is written as UTF-8) to the output path ``path`` (``-``: standard output). What
    cannot be written is an ``InputError`` naming the path; a reader that went away (a closed pipe or FIFO)
    is a ``BrokenPipeError``, which the command line ends quietly."""
    target = classify(path, option)
    if target.kind in ("stdout", "stderr"):
        _StreamOutput(getattr(sys, target.kind)).write(data)
        return
    if target.kind == "stream":           # the whole output is at hand: into the device or FIFO at once
        with _opened_stream(str(path), target.path, target.truncate) as fd:
            Output(str(path), lambda view: os.write(fd, view)).write(data)
        return
    with open_output(path, option) as out:
        out.write(data)


def write_folder(folder: str | Path, files: dict[str, str | bytes]) -> None:
    """Write every file into ``folder`` (created when missing, with the folders above it), each one as
    ``write_file`` writes it."""
    folder = Path(folder)
    make_parents(folder)
    for name, data in files.items():
        write_file(folder / name, data)


@contextlib.contextmanager
def open_output(path: str | Path, option: str = "--output") -> Iterator["Output"]:
    """The output path ``path`` opened for writing piece by piece (``Output.write``), as ``write_file`` writes
    it whole: a regular file is written to its temporary file and renamed into place only when the ``with``
    block ends normally (an exception, Ctrl-C included, removes the temporary file and leaves what stood
    there untouched); standard output, a device, a FIFO or a file with other names (written in place) get the
    whole output at that moment too, from an anonymous temporary file, so that an interrupted run writes
    nothing there either and a FIFO is opened (waiting for its reader) only then, as ``write_file`` does."""
    target = classify(path, option)           # again: what stands there may have changed since the check
    shown = str(path)
    if target.kind == "file":
        make_parents(target.path.parent, shown)
        with _replacing(target.path, shown) as fh:
            yield Output(shown, fh.write)
        return
    with tempfile.TemporaryFile(prefix="auditor-output-") as held:
        yield Output(shown, held.write)
        held.seek(0)
        if target.kind == "stream":
            with _opened_stream(shown, target.path, target.truncate) as fd:
                out = Output(shown, lambda view: os.write(fd, view))
                while chunk := held.read(1 << 20):
                    out.write(chunk)
        else:
            _copy_text(held, getattr(sys, target.kind))


class Output:
    """What ``open_output`` yields: ``write(text or bytes)``, text as UTF-8; a write the system refuses is an
    ``InputError`` naming the path (a reader that went away: ``BrokenPipeError``)."""

    def __init__(self, shown: str, write) -> None:
        self._shown = shown
        self._write = write

    def write(self, data: str | bytes) -> None:
        view = memoryview(data.encode("utf-8") if isinstance(data, str) else data)
        with _refused_as(self._shown):
            while view:
                written = self._write(view)
                view = view[len(view) if written is None else written:]


@contextlib.contextmanager
def _refused_as(shown: str) -> Iterator[None]:
    """A write (or a step of one) the system refuses, as the one-line ``InputError`` naming the output path
    ``shown``; a reader that went away stays a ``BrokenPipeError``, which the command line ends quietly."""
    try:
        yield
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as exc:
        raise _refusal(shown, "cannot_write", reason=os_reason(exc)) from None


def _copy_text(held, stream) -> None:
    """Copy the UTF-8 text of the file ``held`` into the text stream ``stream``, a chunk at a time."""
    text = io.TextIOWrapper(held, encoding="utf-8", newline="")
    try:
        while chunk := text.read(1 << 20):
            stream.write(chunk)
        stream.flush()
    finally:
        text.detach()          # the temporary file is closed by its owner


class _StreamOutput(Output):
    """Standard output (or error) as the command has it: text to its text layer, bytes to its buffer."""

    def __init__(self, stream) -> None:
        self._stream = stream

    def write(self, data: str | bytes) -> None:
        if isinstance(data, bytes):
            self._stream.flush()
            self._stream.buffer.write(data)
            self._stream.buffer.flush()
        else:
            self._stream.write(data)
            self._stream.flush()


@contextlib.contextmanager
def _opened_stream(shown: str, path: Path, truncate: bool) -> Iterator[int]:
    """A device or FIFO opened for writing (opening a FIFO waits for its reader, as the shell's ``>`` does)."""
    flags = os.O_WRONLY | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0) | (os.O_TRUNC if truncate else 0)
    with _refused_as(shown):
        fd = os.open(path, flags)
    try:
        yield fd
    finally:
        os.close(fd)


def _new_file_mode() -> int:
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def replace_atomically(path: Path, payload: bytes, shown: str | None = None) -> None:
    """Write ``payload`` to the regular file (or new path) ``path`` through a temporary file beside it and a
    rename; keep the replaced file's mode and, when allowed, its owner."""
    with _replacing(path, shown or str(path)) as fh:
        Output(shown or str(path), fh.write).write(payload)


@contextlib.contextmanager
def _replacing(path: Path, shown: str) -> Iterator:
    """A binary file object for the temporary file beside ``path``, with the replaced file's mode (and, when
    allowed, its owner); synced and renamed onto ``path`` when the block ends normally, removed otherwise."""
    # Each step of its own is refused as a write; the caller's block is not, so that an error of its own (a
    # report that cannot be read) is not said to be the output's.
    tmp = None
    try:
        with _refused_as(shown):
            try:
                old = os.stat(path)
            except FileNotFoundError:
                old = None
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=str(path.parent))
            fh = os.fdopen(fd, "wb")
        with fh:
            with _refused_as(shown):
                os.fchmod(fh.fileno(), old.st_mode & 0o7777 if old else _new_file_mode())
                if old is not None and (old.st_uid, old.st_gid) != (os.geteuid(), os.getegid()):
                    with contextlib.suppress(OSError):     # only root may give a file away; others keep theirs
                        os.fchown(fh.fileno(), old.st_uid, old.st_gid)
            yield fh
            with _refused_as(shown):
                fh.flush()
                os.fsync(fh.fileno())
        with _refused_as(shown):
            os.replace(tmp, path)
        tmp = None
        _sync_folder(path.parent)
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
