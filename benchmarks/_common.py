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


def env(pythonpath: Path = ROOT, bytecode: bool | None = None) -> dict[str, str]:
    """The environment of a measured command. ``bytecode`` says how Python finds auditor's modules compiled:
    True as a real install does (pip compiles every module of a wheel to bytecode when it installs it): into
    a folder of the benchmark's own (``PYTHONPYCACHEPREFIX``, filled by the first, uncounted run), so the
    checkout is left as it is; False as a checkout without bytecode does (an editable install with
    ``PYTHONDONTWRITEBYTECODE=1``: every auditor module is compiled from its source in every process, while
    the installed packages keep the bytecode pip wrote); None leaves the environment as it is."""
    out = {**os.environ, "PYTHONPATH": str(pythonpath), "PYTHONHASHSEED": "0"}
    if bytecode is True:
        out.pop("PYTHONDONTWRITEBYTECODE", None)
        out["PYTHONPYCACHEPREFIX"] = _bytecode_dir()
    elif bytecode is False:
        out.pop("PYTHONPYCACHEPREFIX", None)
        out["PYTHONDONTWRITEBYTECODE"] = "1"
    return out


_BYTECODE_DIR: list[str] = []


def _bytecode_dir() -> str:
    """The benchmark's own bytecode folder, removed when the script ends."""
    if not _BYTECODE_DIR:
        import atexit
        import shutil
        import tempfile
        _BYTECODE_DIR.append(tempfile.mkdtemp(prefix="auditor-bench-bytecode-"))
        atexit.register(shutil.rmtree, _BYTECODE_DIR[0], True)
    return _BYTECODE_DIR[0]


def checkout_bytecode(root: Path = ROOT) -> int:
    """How many of auditor's modules have bytecode in the checkout itself (``__pycache__``): a figure "without
    bytecode" is one only when none has."""
    return sum(1 for _ in (root / "auditor").rglob("__pycache__/*.pyc"))


_TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _cpu_seconds(pid: int) -> float:
    """CPU time (user + system) a live process has used so far, from ``/proc/PID/stat``."""
    with open(f"/proc/{pid}/stat") as fh:
        fields = fh.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / _TICK       # utime, stime: fields 14 and 15 of stat


def _tree_rss_kib(pid: int, cpu: dict[int, list[float]] | None = None) -> int:
    """Resident set of ``pid`` and all its descendants, in KiB (0 when it has gone); with ``cpu``, also
    record each descendant's CPU time so far and when it was first and last seen (pid -> [first, last, s])."""
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/status") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
                        break
            if cpu is not None and p != pid:
                now = time.perf_counter()
                cpu.setdefault(p, [now, now, 0.0])[1:] = [now, _cpu_seconds(p)]
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    stack.extend(int(c) for c in fh.read().split())
        except (OSError, ValueError, IndexError):
            continue
    return total


def _peak_rss_kib(pid: int) -> int:
    """The peak resident set of the process ``pid`` so far (``VmHWM``), in KiB; 0 when it has gone."""
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def run_measured(argv: list[str], pythonpath: Path = ROOT, bytecode: bool | None = None) -> dict:
    """Run ``argv``; wall time (s), CPU time of the process and the workers it waited for (s), the CPU time of
    each worker (s, sampled from ``/proc`` every 20 ms, so up to 20 ms short), peak RSS of the largest process
    and peak RSS of the tree (MiB), the main process's own peak RSS (MiB, its ``VmHWM`` as last sampled: up to
    20 ms short of its end), the load average (1 minute) before and after, exit code."""
    load_before = os.getloadavg()[0]
    start = time.perf_counter()
    # cwd: ``python -m`` puts the working directory first on sys.path, so run from the checkout measured
    proc = subprocess.Popen(argv, env=env(pythonpath, bytecode), cwd=pythonpath, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    peak_tree = peak_main = 0
    done = threading.Event()
    workers: dict[int, list[float]] = {}

    def sample() -> None:
        nonlocal peak_tree, peak_main
        while not done.is_set():
            peak_tree = max(peak_tree, _tree_rss_kib(proc.pid, workers))
            peak_main = max(peak_main, _peak_rss_kib(proc.pid))
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    stderr = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    return {"seconds": wall, "cpu_seconds": usage.ru_utime + usage.ru_stime, "worker_cpu_seconds": [w[2] for w in sorted(workers.values())],
            "worker_pools": _pools(workers.values()),
            "max_rss_mib": usage.ru_maxrss / 1024, "tree_rss_mib": peak_tree / 1024,
            "main_rss_mib": peak_main / 1024,
            "load": (load_before, os.getloadavg()[0]), "code": proc.returncode, "stderr": stderr}


def _pools(workers) -> list[list[float]]:
    """The CPU times of the workers grouped by the pool they ran in: workers whose lifetimes overlap ran side
    by side; a batch's second reading of doubtful rows starts a pool of its own after the first has ended."""
    pools: list[list[float]] = []
    end = None
    for first, last, seconds in sorted(workers):
        if end is None or first > end:
            pools.append([])
            end = last
        pools[-1].append(seconds)
        end = max(end, last)
    return pools


def auditor_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "auditor", *args]


def median(values) -> float:
    return statistics.median(values)


def machine() -> str:
    import platform
    return f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} cores, {platform.machine()}"


def self_rusage_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# ------------------------------------------------------------------------------ reference figures
# A figure alone says as much about the machine as about auditor. Each benchmark prints its figures beside two
# references measured on the same machine in the same minute: ``python -c pass`` as a whole process (what any
# command pays before it runs a line of its own, wall time) and a fixed pure-Python workload in-process (dict
# and str work, CPU time; made to take about 50 ms on the 2-core machine issue 20 was measured on, 60-90 ms
# of CPU there while other work kept both cores busy). Figures from different machines then compare as
# ratios: a whole process against ``python -c pass``, work inside a process against the workload.

# issue 20's machine: ``python -c pass`` took 0.05 s, and the workload 50 ms (the unit its in-process goals
# are turned into ratios with: 40 ms parse -> 0.8 workloads)
ISSUE_MACHINE_WORKLOAD_S = 0.050


def workload() -> int:
    """A fixed, deterministic pure-Python task (dicts, strings, sorting): the same operations on every run
    and every machine, so its time measures the machine and the interpreter, not auditor."""
    counts: dict[str, int] = {}
    total = 0
    for i in range(25_000):
        key = f"k{i % 997:03d}-{(i * 7919) % 101}"
        counts[key] = counts.get(key, 0) + len(key)
        if i % 3 == 0:
            total += sum(ord(c) for c in key[:4])
    words = sorted(counts, key=lambda k: (counts[k], k))
    return total + len(" ".join(words).split("-"))


def workload_seconds() -> float:
    """The workload's CPU time (in-process figures are CPU times: the other work of a busy machine does not
    count in them, and for work in one thread they are what the wall time is on an idle machine)."""
    t0 = time.process_time()
    workload()
    return time.process_time() - t0


def pass_seconds(pythonpath: Path = ROOT, bytecode: bool | None = None) -> float:
    return run_measured([sys.executable, "-c", "pass"], pythonpath, bytecode)["seconds"]


def paired(measure, reference, runs: int) -> tuple[float, float]:
    """``measure()`` and its ``reference()`` in turn, ``runs`` pairs after one pair not counted (imports,
    disk caches): the median time of ``measure`` and the median of the pairs' ratios, which holds when the
    machine's speed drifts from minute to minute (a shared machine's does)."""
    measure(), reference()
    times, ratios = [], []
    for _ in range(runs):
        a, b = measure(), reference()
        times.append(a)
        ratios.append(a / b)
    return median(times), median(ratios)


def whole_process(argv: list[str], runs: int = 7, pythonpath: Path = ROOT,
                  bytecode: bool | None = None) -> tuple[float, float]:
    """A whole run of ``argv`` beside ``python -c pass`` (both with ``env``'s ``bytecode``): (median seconds,
    median ratio)."""
    return paired(lambda: run_measured(argv, pythonpath, bytecode)["seconds"],
                  lambda: pass_seconds(pythonpath, bytecode), runs)


def in_process(function, runs: int = 7) -> tuple[float, float]:
    """``function()`` beside the workload: (median CPU seconds, median ratio)."""
    def timed() -> float:
        t0 = time.process_time()
        function()
        return time.process_time() - t0
    return paired(timed, workload_seconds, runs)


def references(runs: int = 7) -> dict[str, float]:
    """This machine's two units, now: ``python -c pass`` (whole process) and the workload (in-process), in s."""
    pass_seconds()
    workload()
    return {"pass": median(pass_seconds() for _ in range(runs)), "workload": median(workload_seconds()
                                                                                  for _ in range(runs))}


def show_references(ref: dict[str, float]) -> None:
    print(f"machine: {machine()}")
    print(f"references on this machine: `python -c pass` {ref['pass'] * 1000:.0f} ms (whole process), "
          f"fixed workload {ref['workload'] * 1000:.0f} ms (in-process CPU time; {ISSUE_MACHINE_WORKLOAD_S * 1000:.0f} ms "
          "on issue 20's machine); each figure below is measured in turn with its reference, pair by pair")


def judged(name: str, seconds: float, ratio: float, goal_s: float, whole_process: bool) -> bool:
    """Print one figure and its ratio to its reference, with the goal as a ratio; True when met.

    A whole process is judged against ``python -c pass`` (issue 20's goals say how many times it, with the
    0.05 s it took there); work inside a process against the workload (the goal in seconds over the 50 ms
    the workload took there)."""
    unit_name, issue_unit = ("`python -c pass`", 0.05) if whole_process else ("workload", ISSUE_MACHINE_WORKLOAD_S)
    goal_ratio = goal_s / issue_unit
    met = ratio <= goal_ratio
    print(f"{name}: {_ms(seconds)} = {_x(ratio)} {unit_name}; goal <= {_x(goal_ratio)} "
          f"({_ms(goal_s)} on issue 20's machine): {'OK' if met else 'OVER'}")
    return met


def _x(ratio: float) -> str:
    return f"{ratio:.2f}x" if ratio < 10 else f"{ratio:.0f}x"


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 10 else f"{seconds:.1f} s"
