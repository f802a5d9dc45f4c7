"""Runs the commands of the CI job documented in the README, as a pipeline would, on the bundled example
report (which has known defects). The job's run (eleven whole processes, about 20 s on a busy 2-core
machine) is marked ``slow``: ``.ci/run`` runs it."""
from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from ..conftest import ROOT

DOC = ROOT / "README.md"
EXAMPLE = ROOT / "fixtures" / "example_t1.txt"


def job_steps() -> list[str]:
    """The shell text of every ``run:`` step of the documented job that calls auditor."""
    text = DOC.read_text(encoding="utf-8")
    block = text[text.index("<!-- ci-job"):]
    block = block[block.index("```yaml") + 7:]
    block = block[:block.index("```")]
    steps, current = [], None
    for line in block.splitlines():
        m = re.match(r"^(\s*)(?:- )?run: \|\s*$", line)
        if m:
            current = []
            steps.append(current)
            indent = None
            continue
        if current is not None:
            if not line.strip():
                continue
            lead = len(line) - len(line.lstrip())
            if indent is None:
                indent = lead
            if lead < indent:
                current = None
                continue
            current.append(line.strip())
    return ["\n".join(s) for s in steps if any(x.startswith("auditor ") for x in s)]


def test_the_documented_job_has_a_gate_and_reports():
    steps = job_steps()
    assert len(steps) == 2
    assert steps[0].startswith("auditor audit rapporter/ --format github --baseline")
    assert "--format sarif" in steps[1] and "--format junit" in steps[1] and "--format html" in steps[1]


@pytest.fixture()
def workspace(tmp_path):
    (tmp_path / "rapporter").mkdir()
    shutil.copy(EXAMPLE, tmp_path / "rapporter" / "lovsjo_t1_2025.txt")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    wrapper = bin_dir / "auditor"
    wrapper.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m auditor "$@"\n')
    wrapper.chmod(wrapper.stat().st_mode | stat.S_IEXEC)
    env = dict(os.environ, PATH=f"{bin_dir}:{os.environ['PATH']}", PYTHONPATH=str(ROOT))
    return tmp_path, env


def sh(script: str, cwd: Path, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", "-e", "-c", script], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=300)


@pytest.mark.slow
def test_job_gates_only_new_findings(workspace):
    cwd, env = workspace
    gate, reports = job_steps()
    # Without a baseline every error fails the gate (the report has known defects).
    empty = '{"schema": "auditor.baseline/1", "findings": []}\n'
    (cwd / "rapporter" / "auditor-baseline.json").write_text(empty, encoding="utf-8")
    first = sh(gate, cwd, env)
    assert first.returncode == 1, first.stderr
    assert first.stdout.startswith("::")

    # The committee's known findings go into the baseline: the job passes and writes its reports.
    made = sh("auditor baseline create rapporter/ --output rapporter/auditor-baseline.json", cwd, env)
    assert made.returncode == 0, made.stderr
    assert sh(gate, cwd, env).returncode == 0
    done = sh(reports, cwd, env)
    assert done.returncode == 0, done.stderr
    assert (cwd / "auditor.sarif").is_file() and (cwd / "auditor-junit.xml").is_file()
    assert any((cwd / "granskning").glob("*.html"))

    # An unrelated edit (a new paragraph at the top) moves every line: findings still match the baseline.
    report = cwd / "rapporter" / "lovsjo_t1_2025.txt"
    report.write_text("Inledande anmärkning från nämndens kansli.\n\n" + report.read_text(encoding="utf-8"),
                      encoding="utf-8")
    again = sh(gate, cwd, env)
    assert again.returncode == 0, again.stdout + again.stderr
