"""What the benchmarks measure a batch by (``benchmarks/_common.py``): each worker's CPU time, grouped by the
pool it ran in, since a batch that reads doubtful rows a second time runs a second pool after the first."""
import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
import _common  # noqa: E402


def test_workers_that_ran_side_by_side_are_one_pool():
    # (first seen, last seen, CPU seconds): two workers overlapping, then two more after they ended
    workers = [(0.1, 5.0, 3.6), (0.2, 5.1, 3.5), (5.3, 7.0, 1.7), (5.4, 6.9, 1.8)]
    assert _common._pools(workers) == [[3.6, 3.5], [1.7, 1.8]]
    assert _common._pools(workers[:1]) == [[3.6]]
    assert _common._pools([]) == []


@pytest.mark.skipif(not os.path.exists(f"/proc/{os.getpid()}/stat"), reason="needs /proc")
def test_a_process_cpu_time_is_read_from_proc():
    sum(i * i for i in range(300_000))
    own = os.times()
    # the same clock as os.times (user + system of this process), in clock ticks: a tick or two apart
    assert abs(_common._cpu_seconds(os.getpid()) - (own.user + own.system)) < 0.05


def test_the_two_ways_of_finding_auditor_compiled(monkeypatch):
    """``env(bytecode=True)`` runs as an install does (bytecode written and read, in the benchmark's own
    folder, not the checkout); ``bytecode=False`` as a checkout without bytecode; None as it is."""
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    installed = _common.env(bytecode=True)
    assert "PYTHONDONTWRITEBYTECODE" not in installed
    assert Path(installed["PYTHONPYCACHEPREFIX"]).is_dir()
    assert not Path(installed["PYTHONPYCACHEPREFIX"]).is_relative_to(_common.ROOT)
    monkeypatch.delenv("PYTHONDONTWRITEBYTECODE")
    monkeypatch.setenv("PYTHONPYCACHEPREFIX", "/somewhere")
    source = _common.env(bytecode=False)
    assert source["PYTHONDONTWRITEBYTECODE"] == "1" and "PYTHONPYCACHEPREFIX" not in source
    assert _common.env()["PYTHONPYCACHEPREFIX"] == "/somewhere"
