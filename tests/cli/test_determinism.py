"""Determinism: the same input gives byte-identical JSON, Markdown, SARIF, JUnit, HTML and Word output across
runs (separate processes with different hash seeds, so set and dict ordering cannot leak into the output)
and across ``--jobs 1`` and ``--jobs 2``. No output carries a timestamp.

The three whole-process runs audit a batch into every format (about 40 s on a busy 2-core machine, the
longest set-up of the suite), so the tests that compare them are marked ``slow``: ``.ci/run`` runs them.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, shared_dir
from synthetic import synthetic_report, truncated_report

FORMATS = ("json", "md", "sarif", "junit", "html", "terminal", "docx")

# One process audits the batch into every format (HTML into a folder, the others into files).
DRIVER = """
import sys
from auditor.commands.cli import main
out, jobs, paths = sys.argv[1], sys.argv[2], sys.argv[3:]
for fmt in {formats!r}:
    target = f"{{out}}/html" if fmt == "html" else f"{{out}}/audit.{{fmt}}"
    code = main(["audit", *paths, "--format", fmt, "--output", target, "--jobs", jobs, "--no-config"])
    assert code in (0, 1, 2), code
""".format(formats=FORMATS)


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> list[str]:
    folder = tmp_path_factory.mktemp("batch")
    for seed in range(4):
        (folder / f"report{seed}.txt").write_text(synthetic_report(seed), encoding="utf-8")
    (folder / "partial.txt").write_text(truncated_report(1), encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\x81\x8d" * 50)
    paths = [str(folder)]
    shared = shared_dir()
    if shared is not None:      # the smallest corpus report: real findings, quick enough to run three times
        paths.append(str(shared / "corpus" / "002_887bbfab2854aa88.txt"))
    return paths


def _run(tmp: Path, name: str, jobs: int, seed: str, paths: list[str]) -> dict[str, bytes]:
    out = tmp / name
    out.mkdir()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": seed, "COLUMNS": "100"}
    proc = subprocess.run([sys.executable, "-c", DRIVER, str(out), str(jobs), *paths], env=env,
                          capture_output=True, text=True, cwd=tmp, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def runs(tmp_path_factory, batch) -> list[dict[str, bytes]]:
    tmp = tmp_path_factory.mktemp("runs")
    return [_run(tmp, "a", 1, "1", batch), _run(tmp, "b", 1, "2", batch), _run(tmp, "c", 2, "3", batch)]


@pytest.mark.slow
def test_outputs_are_written_for_every_format(runs):
    names = set(runs[0])
    for fmt in FORMATS:
        if fmt == "html":
            assert "html/index.html" in names and sum(n.startswith("html/") for n in names) >= 6
        else:
            assert f"audit.{fmt}" in names


@pytest.mark.slow
def test_two_runs_give_byte_identical_outputs(runs):
    first, second, _ = runs
    assert first.keys() == second.keys()
    for name in first:
        assert first[name] == second[name], f"{name} differs between two runs"


@pytest.mark.slow
def test_jobs_1_and_jobs_2_give_byte_identical_outputs(runs):
    one, _, two = runs
    assert one.keys() == two.keys()
    for name in one:
        assert one[name] == two[name], f"{name} differs between --jobs 1 and --jobs 2"


TIMESTAMP = re.compile(rb"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}|\b\d{2}:\d{2}:\d{2}\b|timestamp=")


@pytest.mark.slow
def test_no_output_carries_a_timestamp(runs):
    for name, data in runs[0].items():
        assert not TIMESTAMP.search(data), f"{name} looks timestamped: {TIMESTAMP.search(data).group(0)!r}"


def test_in_process_rendering_is_stable(batch):
    """Rendering the same result twice in one process gives the same text (no state kept between calls)."""
    from auditor.workflow.audit import audit_paths
    from auditor.render import get_renderer
    result = audit_paths(batch[:1])
    for fmt in ("json", "md", "sarif", "junit", "terminal"):
        render = get_renderer(fmt)
        assert render(result, {"lang": "sv"}) == render(result, {"lang": "sv"})
