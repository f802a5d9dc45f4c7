"""Helpers the benchmark scripts share: where the inputs are, running the CLI and measuring it.

Peak memory comes from the kernel: ``os.wait4`` returns the finished command's resource usage, whose
``ru_maxrss`` is the peak resident set of the largest single process of the run (the main process or one
of the ``--jobs`` workers). Because workers run side by side, the script also samples the resident set of
the whole process tree (``/proc``, every 20 ms) and reports its peak sum.
"""
from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
FIXTURES = ROOT / "fixtures"


def corpus_files() -> list[Path]:
    return sorted(CORPUS.glob("*.txt")) if (CORPUS / "gold").is_dir() else []


def fixture_files() -> list[Path]:
    return sorted(FIXTURES.glob("*.txt"))


def env(pythonpath: Path = ROOT) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(pythonpath), "PYTHONHASHSEED": "0"}


def _tree_rss_kib(pid: int) -> int:
    """Resident set of ``pid`` and all its descendants, in KiB (0 when it has gone)."""
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/status") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
                        break
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    stack.extend(int(c) for c in fh.read().split())
        except (OSError, ValueError):
            continue
    return total


def run_measured(argv: list[str], pythonpath: Path = ROOT) -> dict:
    """Run ``argv``; wall time (s), CPU time of the process and the workers it waited for (s), peak RSS of the
    largest process and peak RSS of the tree (MiB), exit code."""
    start = time.perf_counter()
    # cwd: ``python -m`` puts the working directory first on sys.path, so run from the checkout measured
    proc = subprocess.Popen(argv, env=env(pythonpath), cwd=pythonpath, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    peak_tree = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak_tree
        while not done.is_set():
            peak_tree = max(peak_tree, _tree_rss_kib(proc.pid))
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    stderr = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    return {"seconds": wall, "cpu_seconds": usage.ru_utime + usage.ru_stime, "max_rss_mib": usage.ru_maxrss / 1024, "tree_rss_mib": peak_tree / 1024,
            "code": proc.returncode, "stderr": stderr}


def auditor_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "auditor", *args]


def median(values) -> float:
    return statistics.median(values)


def machine() -> str:
    import platform
    return f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} cores, {platform.machine()}"


def self_rusage_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
