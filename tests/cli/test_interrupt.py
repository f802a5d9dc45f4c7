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
    """SIGINT to the process group ``after`` seconds into the command's own work: timed from the moment its
    Ctrl-C guard is in place (``STARTED``'s byte), so that a slow start on a busy machine does not turn the
    test into one of Python's unguardable start-up (those moments are the start-up test's)."""
    proc = subprocess.Popen([sys.executable, "-c", STARTED, *argv], cwd=tmp_path, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        assert proc.stdout.read(1) == "!", "the command ended before its Ctrl-C guard was in place"
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
    assert "Traceback" not in out and out == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rapporter"]    # no output, no temporary file


def test_ctrl_c_in_english(tmp_path):
    _batch(tmp_path, 400)
    code, _, err = _interrupt(tmp_path, ["--lang", "en", "audit", "rapporter", "--jobs", "2",
                                         "--format", "json", "--output", "out.json"], after=2.0)
    assert code == 130
    assert err == "auditor: interrupted (Ctrl-C); no output was written\n", err


# The console script's own lines (``from auditor.commands.start import main; sys.exit(main())``), with a byte on
# standard output as soon as ``main`` has put its Ctrl-C guard in place (its first statement). Before that a
# SIGINT lands in Python's own start-up (site, .pth files) or the script's first lines, which no program
# can guard; from that byte on, every moment must end in the one line and 130.
STARTED = """
import os, signal, sys
sys.argv[0] = "auditor"
from auditor.commands import start
real = signal.signal
def told(signum, handler):
    previous = real(signum, handler)
    if handler is start._leave:
        signal.signal = real
        os.write(1, b"!")
    return previous
signal.signal = told
sys.exit(start.main())
"""


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_ctrl_c_during_start_up_is_one_line_and_exit_130(tmp_path, lang):
    """SIGINT at several moments of the start-up (the imports of the command line, the catalogue, pydantic,
    the rules) and of the first report: always the one line and 130, never a traceback."""
    _batch(tmp_path, 3)
    line = {"sv": "auditor: avbrutet (Ctrl-C); ingen utdata skrevs\n",
            "en": "auditor: interrupted (Ctrl-C); no output was written\n"}[lang]
    for delay in (0, 0.002, 0.005, 0.01, 0.02, 0.04, 0.08, 0.15):
        proc = subprocess.Popen([sys.executable, "-c", STARTED, "--lang", lang, "audit", "rapporter", "--format",
                                 "json", "--output", "ut.json"], cwd=tmp_path, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, start_new_session=True)
        try:
            assert proc.stdout.read(1) == b"!"
            time.sleep(delay)
            os.killpg(proc.pid, signal.SIGINT)
            out, err = proc.communicate(timeout=60)
        finally:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        assert (proc.returncode, err.decode("utf-8")) == (130, line), (delay, err.decode("utf-8", "replace"))
        assert out == b""
        assert sorted(p.name for p in tmp_path.iterdir()) == ["rapporter"]
