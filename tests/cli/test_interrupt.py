"""Ctrl-C during a parallel audit: a real SIGINT to the process group of a real ``auditor audit --jobs 2``,
as a terminal sends it. The parent prints one line and exits 130; the workers die quietly; no output file,
partial or temporary, remains."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "fixtures" / "example_vb.txt"

pytestmark = pytest.mark.skipif(not hasattr(os, "killpg"), reason="needs POSIX process groups")


def _batch(folder: Path, n: int) -> Path:
    reports = folder / "rapporter"
    reports.mkdir()
    for i in range(n):
        shutil.copyfile(EXAMPLE, reports / f"rapport_{i:03d}.txt")
    return reports


def _interrupt(tmp_path: Path, argv: list[str], after: float) -> tuple[int, str, str]:
    proc = subprocess.Popen([sys.executable, "-m", "auditor", *argv], cwd=tmp_path, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        time.sleep(after)
        assert proc.poll() is None, "the batch ended before it could be interrupted; make it bigger"
        os.killpg(proc.pid, signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    # no worker of the group outlives the parent
    time.sleep(0.2)
    with pytest.raises(ProcessLookupError):
        os.killpg(proc.pid, 0)
    return proc.returncode, out, err


@pytest.mark.parametrize("fmt,output", [("json", "granskning.json"), ("html", "granskning")])
def test_ctrl_c_with_jobs_is_one_line_and_exit_130(tmp_path, fmt, output):
    _batch(tmp_path, 400)
    code, out, err = _interrupt(tmp_path, ["audit", "rapporter", "--jobs", "2", "--format", fmt,
                                           "--output", output], after=2.0)
    assert code == 130
    assert err == "auditor: avbrutet (Ctrl-C); ingen utdata skrevs\n", err
    assert "Traceback" not in out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rapporter"]    # no output, no temporary file


def test_ctrl_c_in_english(tmp_path):
    _batch(tmp_path, 400)
    code, _, err = _interrupt(tmp_path, ["--lang", "en", "audit", "rapporter", "--jobs", "2",
                                         "--format", "json", "--output", "out.json"], after=2.0)
    assert code == 130
    assert err == "auditor: interrupted (Ctrl-C); no output was written\n", err
