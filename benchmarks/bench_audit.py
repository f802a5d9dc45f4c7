"""Speed of one audit (issue 20): parse and parse + audit of the largest corpus report in-process, and two
whole processes: ``auditor --version`` (start-up) and ``auditor audit FILE --format json``.

    python benchmarks/bench_audit.py [--runs 7] [FILE]

Each figure is printed beside this machine's references (``_common.references``: ``python -c pass`` for a
whole process, a fixed pure-Python workload for work in-process) and judged OK/OVER against issue 20's goals
as ratios, so that a figure from a busy or a different machine still says whether the goal is met: parse
<= 40 ms (0.8 workloads), parse + audit <= 100 ms (2 workloads), ``auditor --version`` <= 0.12 s (2.4x
``python -c pass``), ``auditor audit FILE --format json`` <= 0.35 s (7x). The whole processes are measured
twice: as a real install runs them (auditor's modules compiled to bytecode, as pip installs a wheel; judged)
and as a checkout without bytecode (an editable install with PYTHONDONTWRITEBYTECODE=1: every module compiled
from source in every process; shown, not judged). Without ``../shared/corpus`` the
largest fixture is used (the figures are then much smaller). The script also checks the start-up path:
pandas, jinja2, xlsxwriter, openpyxl and playwright must not be imported by a JSON audit (``python -X
importtime``). Exit code 0 when every goal is met, else 1.
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import (ROOT, auditor_cmd, checkout_bytecode, corpus_files, env, fixture_files,  # noqa: E402
                     in_process, judged, median, references, run_measured, show_references, whole_process)

sys.path.insert(0, str(ROOT))

HEAVY = ("pandas", "jinja2", "xlsxwriter", "openpyxl", "playwright", "numpy")
# issue 20's goals, in seconds on its machine (``judged`` turns them into ratios)
GOAL_PARSE, GOAL_PARSE_AUDIT, GOAL_VERSION, GOAL_AUDIT_CLI = 0.040, 0.100, 0.12, 0.35


def largest_input() -> Path:
    files = corpus_files() or fixture_files()
    if not files:
        raise SystemExit("no corpus (../shared/corpus) and no fixtures/: nothing to measure")
    return max(files, key=lambda p: p.stat().st_size)


def in_process_figures(path: Path, runs: int) -> dict:
    """The parse, and the parse and audit, in-process, each in turn with the workload."""
    from auditor.parser import parse_text
    from auditor.input.reader import read_text
    from auditor.workflow.audit import audit_report_model

    text = read_text(path)
    report = parse_text(text, str(path))
    found = audit_report_model(report)          # warm-up: imports, rule catalogue, knowledge
    return {"parse": in_process(lambda: parse_text(text, str(path)), runs),
            "total": in_process(lambda: audit_report_model(parse_text(text, str(path))), runs),
            "findings": len(found.findings), "lines": report.line_count, "goals": len(report.goals)}


def audit_parts(path: Path, runs: int) -> dict:
    """Where the audit's time goes: deriving the facts, experta (declaring them and running the rules) and
    writing the findings; the steps of ``auditor.engine.runner.run_facts``, timed one by one (CPU time)."""
    from auditor.engine.config import Config
    from auditor.engine.catalogue import load_catalogue
    from auditor.knowledge.location import rule_dirs
    from auditor.engine.dsl import Params
    from auditor.engine.runner import _engine_for, collect, declare
    from auditor.facts import derive
    from auditor.knowledge import load_knowledge
    from auditor.parser import parse_text
    from auditor.input.reader import read_text

    report = parse_text(read_text(path), str(path))
    config, catalogue = Config(), load_catalogue()
    knowledge = load_knowledge(rule_dirs())
    specs = [catalogue[r] for r in config.enabled(catalogue)]
    parts: dict[str, list[float]] = {"facts": [], "experta": [], "findings": []}
    for _ in range(runs + 1):                      # the first run warms the engine; it is not counted
        t0 = time.process_time()
        facts = derive(report, knowledge)
        t1 = time.process_time()
        engine = _engine_for(specs)
        engine.reset()
        declared = declare(engine, [Params(rule=spec.id, **config.parameters(spec)) for spec in specs], facts.all())
        engine.run()
        t2 = time.process_time()
        collect(engine, catalogue, config, facts, {g.id: g for g in facts.goals})
        t3 = time.process_time()
        for name, seconds in zip(parts, (t1 - t0, t2 - t1, t3 - t2)):
            parts[name].append(seconds)
    return {name: median(times[1:]) for name, times in parts.items()} | {"declared": len(declared)}


# How auditor's modules are found compiled (``_common.env``): as a real install (pip compiles a wheel's modules
# to bytecode) and as a checkout without bytecode (an editable install with PYTHONDONTWRITEBYTECODE=1, as
# on the developers' machines: every auditor module compiled from source in every process). The goals are
# judged on the install; the checkout's figures are printed beside them, so what compiling costs is seen.
MODES = {True: "installed (bytecode, as pip installs a wheel)",
         False: "checkout without bytecode (editable install, PYTHONDONTWRITEBYTECODE=1)"}


def cli(path: Path, runs: int, bytecode: bool) -> dict:
    """Whole processes, each in turn with ``python -c pass``: ``auditor --version`` (the interpreter and the
    CLI's start) and the audit as JSON, with auditor's modules compiled or not (``MODES``)."""
    argv = auditor_cmd("audit", str(path), "--format", "json", "--no-config")
    r = run_measured(argv, bytecode=bytecode)     # (with bytecode: the run that compiles it, not counted)
    if r["code"] not in (0, 1):
        raise SystemExit(f"auditor failed ({r['code']}): {r['stderr']}")
    pass_cpu, cpu = [], []
    for _ in range(runs):      # CPU time too: on a loaded machine a long process waits more than a short one
        pass_cpu.append(run_measured([sys.executable, "-c", "pass"], bytecode=bytecode)["cpu_seconds"])
        cpu.append(run_measured(argv, bytecode=bytecode)["cpu_seconds"])
    return {"startup": whole_process(auditor_cmd("--version"), runs, bytecode=bytecode),
            "total": whole_process(argv, runs, bytecode=bytecode), "rss": r["max_rss_mib"],
            "pass_cpu": median(pass_cpu), "cpu": median(cpu)}


def cold_phases(path: Path, runs: int, bytecode: bool) -> dict[str, float]:
    """``phases`` in ``runs`` fresh processes: the median of each step."""
    found: dict[str, list[float]] = {}
    for _ in range(runs):
        proc = subprocess.run([sys.executable, __file__, "--phases", str(path)], env=env(bytecode=bytecode),
                              cwd=ROOT, capture_output=True, text=True, check=True)
        for name, seconds in json.loads(proc.stdout.splitlines()[-1]).items():
            found.setdefault(name, []).append(seconds)
    return {name: median(times) for name, times in found.items()}


def phases(path: Path) -> dict[str, float]:
    """Where the CPU time of a whole ``auditor audit FILE --format json`` goes, step by step as the command
    takes them, in a fresh process (``--phases``: this script run by itself, so that every import and cache
    is cold, as in the command); seconds."""
    import time

    from auditor.commands.start import modules_loaded, rest_collector, without_pydantic_plugins
    without_pydantic_plugins()          # as the command line does before it imports anything else,
    rest_collector()                    # and until the command's modules are loaded (modules_loaded below)

    t = [time.process_time()]
    out: dict[str, float] = {}

    def lap(name: str) -> None:
        t.append(time.process_time())
        out[name] = t[-1] - t[-2]

    from pydantic import BaseModel  # noqa: F401
    lap("pydantic")
    import importlib.metadata  # noqa: F401
    lap("importlib.metadata (imported by pydantic's plugin loader when it builds the first model, plugins or not)")
    import auditor.model  # noqa: F401
    import auditor.findings  # noqa: F401
    lap("the pydantic models (report, findings)")
    import auditor.commands.cli  # noqa: F401
    import auditor.commands.audit  # noqa: F401
    modules_loaded()
    lap("the other imports of the command (parser, experta, ...)")
    from auditor.engine.config import Config
    config = Config()
    config.enabled(config.catalogue())
    lap("loading the rule catalogue")
    from auditor.workflow.audit import audit_report_model, known_kf_targets
    known_kf_targets(config)
    lap("the knowledge files (YAML)")
    from auditor.parser import parse_file
    report = parse_file(path, kf_targets=known_kf_targets(config))
    lap("parse")
    audit = audit_report_model(report, config)
    lap("audit")
    from auditor.findings import AuditResult
    from auditor.render import get_renderer
    get_renderer("json")(AuditResult(reports=[audit]), {"lang": "sv"})
    lap("JSON output")
    return out


def imports(path: Path) -> dict:
    """The modules a JSON audit imports, and the largest (as installed: with bytecode)."""
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "auditor", "audit", str(path),
                           "--format", "json", "--no-config"], env=env(bytecode=True), cwd=ROOT, capture_output=True,
                          text=True)
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
    ap.add_argument("--phases", action="store_true", help=argparse.SUPPRESS)   # (the fresh process of ``phases``)
    args = ap.parse_args()
    path = args.file or largest_input()
    if args.phases:
        print(json.dumps(phases(path)))
        return 0

    ref = references(args.runs)
    show_references(ref)
    print(f"input:   {path.name} ({path.stat().st_size / 1024:.0f} KiB)")
    ip = in_process_figures(path, args.runs)
    print(f"in-process (CPU time), median of {args.runs} ({ip['lines']} lines, {ip['goals']} goals, {ip['findings']} findings):")
    met = [judged("  parse", *ip["parse"], GOAL_PARSE, whole_process=False),
           judged("  parse + audit", *ip["total"], GOAL_PARSE_AUDIT, whole_process=False)]
    parts = audit_parts(path, args.runs)
    audit = sum(v for k, v in parts.items() if k != "declared")
    print(f"  of the audit ({audit * 1000:.0f} ms): facts {parts['facts'] * 1000:.0f} ms, experta (declaring "
          f"the {parts['declared']} facts a rule can match and running the rules) {parts['experta'] * 1000:.0f} ms "
          f"({parts['experta'] / audit:.0%}), findings {parts['findings'] * 1000:.0f} ms")
    print(f"whole processes, median of {args.runs} pairs, each mode's own `python -c pass` beside it; the goals "
          f"are judged on the install, the checkout is shown for what compiling costs:")
    for bytecode, mode in MODES.items():
        c = cli(path, args.runs, bytecode)
        stale = checkout_bytecode() if not bytecode else 0
        print(f"  {mode} (peak RSS of the audit {c['rss']:.0f} MiB)"
              + (f" -- NB {stale} auditor modules had bytecode in the checkout" if stale else "") + ":")
        verdicts = [judged("    `auditor --version`", *c["startup"], GOAL_VERSION, whole_process=True),
                    judged("    `auditor audit FILE --format json`", *c["total"], GOAL_AUDIT_CLI, whole_process=True)]
        print(f"    its CPU time: {c['cpu'] * 1000:.0f} ms = {c['cpu'] / c['pass_cpu']:.0f}x `python -c pass`'s "
              f"{c['pass_cpu'] * 1000:.0f} ms")
        if bytecode:
            met += verdicts
        steps = cold_phases(path, args.runs, bytecode)
        start = c["pass_cpu"]
        print(f"    where the CPU time of the audit command goes (a fresh process each time, median of {args.runs}; "
              f"{(start + sum(steps.values())) * 1000:.0f} ms in all): the interpreter's start (`python -c pass`) "
              f"{start * 1000:.0f} ms, " + ", ".join(f"{name} {seconds * 1000:.0f} ms" for name, seconds in steps.items()))
    im = imports(path)
    print("start-up path: heavy modules imported: " + (", ".join(im["heavy"]) or "none")
          + "; largest top-level imports: " + ", ".join(f"{n} {t * 1000:.0f} ms" for t, n in im["top"]))
    return 0 if all(met) and not im["heavy"] else 1


if __name__ == "__main__":
    sys.exit(main())
