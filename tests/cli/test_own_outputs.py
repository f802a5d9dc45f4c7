"""A command never reads its own output as a report: ``auditor audit . > granskning.txt`` (the shell creates
the empty file first) and a second ``-o granskning.txt`` run into the audited folder leave the output out of
the folder scan and say so; a report named both as input and as output is refused before anything is
written."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from auditor.commands.cli import main

ROOT = Path(__file__).resolve().parents[2]
REPORT = ROOT / "fixtures" / "example_t1.txt"
SKIPPED = "granskning.txt: hoppas över: det är kommandots egen utdata"


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "rapporter"
    folder.mkdir()
    shutil.copyfile(REPORT, folder / "lovsjo_t1.txt")
    return folder


def test_standard_output_redirected_into_the_audited_folder(tmp_path):
    folder = _folder(tmp_path)
    with open(folder / "granskning.txt", "w", encoding="utf-8") as out:
        proc = subprocess.run([sys.executable, "-m", "auditor", "audit", ".", "--format", "md"], cwd=folder,
                              stdout=out, stderr=subprocess.PIPE, text=True, timeout=120)
    assert proc.returncode == 1, proc.stderr                 # the example's findings gate; nothing is refused
    assert proc.stderr == f"auditor: {SKIPPED}\n"
    text = (folder / "granskning.txt").read_text(encoding="utf-8")
    assert "lovsjo_t1.txt" in text and "filen är tom" not in text


def test_an_earlier_output_in_the_folder_is_not_audited(tmp_path, capsys):
    folder = _folder(tmp_path)
    out = folder / "granskning.txt"
    for run in (1, 2):
        assert main(["audit", str(folder), "--format", "md", "--output", str(out)]) == 1
        err = capsys.readouterr().err
        assert (SKIPPED in err) == (run == 2), err         # the first run has nothing of its own to skip
    assert out.read_text(encoding="utf-8").count("lovsjo_t1.txt") >= 1


def test_baseline_and_kf_targets_skip_their_own_files_too(tmp_path, capsys):
    folder = _folder(tmp_path)
    (folder / "granskning.txt").write_text("", encoding="utf-8")
    assert main(["kf-targets", "learn", str(folder), "--file", str(folder / "granskning.txt")]) == 0
    assert SKIPPED in capsys.readouterr().err
    (folder / "granskning.txt").write_text("", encoding="utf-8")
    assert main(["baseline", "create", str(folder), "--output", str(folder / "granskning.txt")]) == 0
    assert SKIPPED in capsys.readouterr().err


def test_a_report_named_as_input_and_output_is_refused(tmp_path, capsys):
    folder = _folder(tmp_path)
    report = folder / "lovsjo_t1.txt"
    before = report.read_bytes()
    assert main(["audit", str(report), "--format", "md", "--output", str(report)]) == 2
    err = capsys.readouterr().err
    assert err == f"auditor: {report}: är också kommandots utdata; välj en annan utdatafil\n"
    assert report.read_bytes() == before
