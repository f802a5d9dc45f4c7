"""The knowledge files as parsed, kept beside them in a compact form: importing PyYAML and parsing the three
built-in files took about 15 ms of every audit process's start; reading them back with ``marshal`` takes well
under one.

The parsed data of ``DIR/name.yaml`` is stored in ``DIR/__pycache__/name.yaml.<python tag>.marshal`` with a
hash of the file's bytes, so an edit is seen at once whatever the file's clock says. It is written the way
Python writes bytecode: not when ``sys.dont_write_bytecode`` (``PYTHONDONTWRITEBYTECODE``) is set, under
``sys.pycache_prefix`` (``PYTHONPYCACHEPREFIX``) when one is set, as DIR's bytecode would be, and silently
not where the folder cannot be written. Data that ``marshal`` cannot hold (a YAML date) is not kept.
"""
from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
from pathlib import Path


def cache_path(path: Path) -> Path | None:
    tag = sys.implementation.cache_tag
    if tag is None:
        return None
    name = f"{path.name}.{tag}.marshal"
    if sys.pycache_prefix:         # the folder's own path mirrored under the prefix, as Python mirrors bytecode
        return Path(sys.pycache_prefix, *Path(os.path.abspath(path.parent)).parts[1:], name)
    return path.parent / "__pycache__" / name


def _digest(raw: bytes) -> bytes:
    return hashlib.blake2b(raw, digest_size=16).digest()


def load(path: Path, raw: bytes):
    """The data parsed from ``path`` when its bytes were ``raw``; None when none is kept for these bytes."""
    where = cache_path(path)
    if where is None:
        return None
    try:
        digest, data = marshal.loads(where.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return data if digest == _digest(raw) else None


def store(path: Path, raw: bytes, data) -> None:
    """Keep ``data``, parsed from ``path`` whose bytes are ``raw`` (written whole or not at all)."""
    where = cache_path(path)
    if where is None or sys.dont_write_bytecode:
        return
    try:
        blob = marshal.dumps((_digest(raw), data))
    except ValueError:                  # a value marshal cannot hold
        return
    part = where.with_name(f"{where.name}.{os.getpid()}.part")
    try:
        where.parent.mkdir(parents=True, exist_ok=True)
        part.write_bytes(blob)
        os.replace(part, where)
    except OSError:
        with contextlib.suppress(OSError):
            part.unlink()
