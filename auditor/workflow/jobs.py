"""How many processes audit a batch: ``--jobs N``, or ``--jobs auto`` (the default), which decides by the
batch's size.

A worker process costs a start (a fork, or a fresh interpreter where processes are spawned) and its share of
the engine's warm-up, and a small batch is done before that pays: two workers were slower than one on four
reports. So ``auto`` audits in one process until the batch's files hold ``AUTO_POOL_BYTES`` of text
together, and from there in a pool of one worker per core (never more workers than files).
``benchmarks/bench_batch.py --crossover`` measures where two workers start to win; the README gives the
figures.
"""
from __future__ import annotations

import os
from pathlib import Path

AUTO = "auto"
# Where a pool starts to pay on the measured machines (see the module docstring and the README).
AUTO_POOL_BYTES = 1 << 20


def cores() -> int:
    """The cores this process may run on (its CPU affinity where the system tells it)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def _size(f: Path) -> int:
    try:
        return os.stat(f).st_size
    except OSError:
        return 0


def batch_bytes(files: list[Path]) -> int:
    return sum(_size(f) for f in files)


def largest_first(files: list[Path]) -> list[int]:
    """The order a pool is handed ``files`` in (their indices): the largest first, ties in their order. A
    large report handed out last keeps one worker busy while the others wait for it; handed out first, the
    small ones fill in around it, so the workers end together."""
    return sorted(range(len(files)), key=lambda i: -_size(files[i]))


def workers_for(files: list[Path], jobs: int | str) -> int:
    """The number of processes for ``files``: ``jobs`` as given (at most one per file), or for ``auto`` one
    below ``AUTO_POOL_BYTES`` of text and one per core from there."""
    if len(files) < 2:
        return 1
    if jobs == AUTO:
        if batch_bytes(files) < AUTO_POOL_BYTES:
            return 1
        jobs = cores()
    return max(1, min(int(jobs), len(files)))
