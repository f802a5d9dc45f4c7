"""A batch's progress bar (``auditor.workflow.progress``): drawn on standard error when it is a terminal (a
pseudo-terminal here), with the reports done and the report just audited; nothing when standard error is
piped or the run is in CI; the command's output is the same either way."""
from __future__ import annotations

import io
import os
import pty
import subprocess
import sys
import threading

from auditor.workflow.progress import batch_progress, wanted

from ..conftest import ROOT

FIXTURES = ROOT / "fixtures"


def _batch(tmp_path):
    folder = tmp_path / "rapporter"
    folder.mkdir()
    for name in ("example_t1.txt", "example_vb.txt"):
        (folder / name).write_bytes((FIXTURES / name).read_bytes())
    return folder


def _env(**extra) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    return {**env, "PYTHONPATH": str(ROOT), **extra}


def _audit(tmp_path, folder, name: str, stderr_tty: bool, env: dict) -> tuple[bytes, bytes]:
    """Run the audit of ``folder`` into a JSON file; its standard error (a pseudo-terminal or a pipe) and the
    file's bytes."""
    out = tmp_path / f"{name}.json"
    argv = [sys.executable, "-m", "auditor", "audit", str(folder), "--format", "json", "--output", str(out),
            "--no-config", "--jobs", "1"]
    if not stderr_tty:
        proc = subprocess.run(argv, env=env, cwd=tmp_path, capture_output=True, timeout=300)
        assert proc.returncode in (0, 1), proc.stderr
        return proc.stderr, out.read_bytes()
    master, slave = pty.openpty()
    chunks: list[bytes] = []

    def read() -> None:         # drained as it comes, so the child never waits on a full terminal buffer
        while True:
            try:
                data = os.read(master, 4096)
            except OSError:     # the child closed its end (EIO)
                return
            if not data:
                return
            chunks.append(data)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        proc = subprocess.run(argv, env=env, cwd=tmp_path, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                              stderr=slave, timeout=300)
    finally:
        os.close(slave)
    reader.join(timeout=30)
    os.close(master)
    assert proc.returncode in (0, 1), b"".join(chunks)
    return b"".join(chunks), out.read_bytes()


def test_a_terminal_sees_the_bar_and_a_pipe_or_ci_sees_nothing(tmp_path):
    folder = _batch(tmp_path)
    shown, with_bar = _audit(tmp_path, folder, "tty", True, _env(TERM="xterm", COLUMNS="100"))
    assert b"2/2" in shown and b"example_vb.txt" in shown, shown
    piped, plain = _audit(tmp_path, folder, "pipe", False, _env())
    assert b"2/2" not in piped and b"\x1b" not in piped, piped
    in_ci, ci_out = _audit(tmp_path, folder, "ci", True, _env(CI="true", TERM="xterm"))
    assert b"2/2" not in in_ci and b"\x1b[" not in in_ci, in_ci
    assert with_bar == plain == ci_out        # the bar changes nothing in the output


class _Stream(io.StringIO):
    def __init__(self, tty: bool):
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


def test_the_bar_is_wanted_only_on_a_terminal_outside_ci():
    assert wanted(_Stream(True), {})
    assert not wanted(_Stream(False), {})
    assert not wanted(_Stream(True), {"CI": "true"})
    assert not wanted(io.StringIO(), {})


def test_one_report_draws_no_bar_and_a_name_draws_no_control_characters(tmp_path):
    one = _Stream(True)
    with batch_progress(one, {}) as progress:
        progress(1, 1, tmp_path / "a.txt")
    assert one.getvalue() == ""
    many = _Stream(True)
    with batch_progress(many, {}) as progress:
        progress(1, 2, tmp_path / "ond\x1b]0;titel\x07.txt")
        progress(2, 2, tmp_path / "b.txt")
    drawn = many.getvalue()
    assert "b.txt" in drawn and "\x07" not in drawn and "\x1b]0;" not in drawn
