"""Speed of one audit (issue 3): parse + audit of the largest corpus report in-process, and the whole CLI run.

    python benchmarks/bench_audit.py [--runs 7] [FILE]

Targets on a 2-core machine: under 0.3 s in-process and under 1 s for ``auditor audit FILE --format json``.
Without ``../shared/corpus`` the largest fixture is used (the figures are then much smaller). The script also
checks the start-up path: pandas, jinja2, xlsxwriter, openpyxl and playwright must not be imported by a JSON
audit (``python -X importtime``).
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, auditor_cmd, corpus_files, env, fixture_files, machine, median, run_measured  # noqa: E402

sys.path.insert(0, str(ROOT))

HEAVY = ("pandas", "jinja2", "xlsxwriter", "openpyxl", "playwright", "numpy")
TARGET_IN_PROCESS, TARGET_CLI = 0.3, 1.0


def largest_input() -> Path:
    files = corpus_files() or fixture_files()
    if not files:
        raise SystemExit("no corpus (../shared/corpus) and no fixtures/: nothing to measure")
    return max(files, key=lambda p: p.stat().st_size)


def in_process(path: Path, runs: int) -> dict:
    from auditor.workflow.audit import audit_report_model
    from auditor.parser import parse_text
    from auditor.reader import read_text

    text = read_text(path)
    audit_report_model(parse_text(text, str(path)))          # warm-up: imports, rule catalogue, knowledge
    parse_t, total_t = [], []
    findings = 0
    for _ in range(runs):
        t0 = time.perf_counter()
        report = parse_text(text, str(path))
        t1 = time.perf_counter()
        findings = len(audit_report_model(report).findings)
        t2 = time.perf_counter()
        parse_t.append(t1 - t0)
        total_t.append(t2 - t0)
    return {"parse": median(parse_t), "total": median(total_t), "findings": findings,
            "lines": report.line_count, "goals": len(report.goals)}


def cli(path: Path, runs: int) -> dict:
    times = []
    for _ in range(runs):
        r = run_measured(auditor_cmd("audit", str(path), "--format", "json", "--no-config"))
        if r["code"] not in (0, 1):
            raise SystemExit(f"auditor failed ({r['code']}): {r['stderr']}")
        times.append(r["seconds"])
    start = []
    for _ in range(runs):      # the interpreter and the CLI skeleton alone, for comparison
        t0 = time.perf_counter()
        subprocess.run(auditor_cmd("--version"), env=env(), cwd=ROOT, check=True, capture_output=True)
        start.append(time.perf_counter() - t0)
    return {"total": median(times), "startup": median(start), "rss": r["max_rss_mib"]}


def imports(path: Path) -> dict:
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "auditor", "audit", str(path),
                           "--format", "json", "--no-config"], env=env(), cwd=ROOT, capture_output=True, text=True)
    modules = {}
    for line in proc.stderr.splitlines():
        m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|(\s*)(\S+)", line)
        if m:
            modules[m.group(4)] = int(m.group(2)) / 1e6   # cumulative seconds
    heavy = sorted({name.split(".")[0] for name in modules} & set(HEAVY))
    top = sorted(((t, n) for n, t in modules.items() if "." not in n), reverse=True)[:8]
    return {"heavy": heavy, "top": top}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", nargs="?", type=Path)
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    path = args.file or largest_input()

    print(f"machine: {machine()}")
    print(f"input:   {path.name} ({path.stat().st_size / 1024:.0f} KiB)")
    ip = in_process(path, args.runs)
    print(f"in-process, median of {args.runs}: parse {ip['parse'] * 1000:.0f} ms, parse + audit "
          f"{ip['total'] * 1000:.0f} ms ({ip['lines']} lines, {ip['goals']} goals, {ip['findings']} findings)"
          f"  target < {TARGET_IN_PROCESS * 1000:.0f} ms: {'ok' if ip['total'] < TARGET_IN_PROCESS else 'OVER'}")
    c = cli(path, args.runs)
    print(f"CLI `auditor audit FILE --format json`, median of {args.runs}: {c['total']:.2f} s "
          f"(interpreter + `auditor --version` alone: {c['startup']:.2f} s; peak RSS {c['rss']:.0f} MiB)"
          f"  target < {TARGET_CLI:.0f} s: {'ok' if c['total'] < TARGET_CLI else 'OVER'}")
    im = imports(path)
    print("start-up path: heavy modules imported: " + (", ".join(im["heavy"]) or "none")
          + "; largest top-level imports: " + ", ".join(f"{n} {t * 1000:.0f} ms" for t, n in im["top"]))
    ok = ip["total"] < TARGET_IN_PROCESS and c["total"] < TARGET_CLI and not im["heavy"]
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
