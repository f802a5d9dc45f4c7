"""Destinations that cannot be written are refused before any auditing, with one line and exit code 2, and
nothing half-written is left behind (issue: tracebacks with exit 1 for a missing folder, a folder where a file
belongs, a file where a folder belongs)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from auditor.commands.cli import main
from auditor.words.errors import InputError
from auditor.files import write_file
from auditor.render.destination import check_destination

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "fixtures" / "example_vb.txt"
FP = "0123456789abcdef"


@pytest.fixture()
def place(tmp_path, monkeypatch):
    """A working folder with an existing file and an existing folder; auditing is made to fail loudly, so a
    test passes only when the refusal comes first."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    (tmp_path / "adir").mkdir()

    def no_audit(*args, **kwargs):
        raise AssertionError("audited before the destination was checked")
    monkeypatch.setattr("auditor.commands.audit.audit_paths", no_audit)
    monkeypatch.setattr("auditor.commands.audit.audit_stream", no_audit)
    monkeypatch.setattr("auditor.commands._inputs.audit_reports", no_audit)
    return tmp_path


CASES = [
    # (command line, the words the message must contain (sv))
    (["audit", str(EXAMPLE), "--format", "json", "--output", "afile/sub/out.json"], "afile är en fil, inte en mapp"),
    (["audit", str(EXAMPLE), "--format", "md", "--output", "adir"], "är en mapp"),
    (["audit", str(EXAMPLE), "--format", "sarif", "--output", "adir/"], "är en mapp"),
    (["audit", str(EXAMPLE), "--format", "junit", "--output", "afile/out.xml"], "afile är en fil, inte en mapp"),
    (["audit", str(EXAMPLE), "--format", "xlsx", "--output", "afile/a.xlsx"], "afile är en fil"),
    (["audit", str(EXAMPLE), "--output", "adir"], "är en mapp"),
    (["audit", str(EXAMPLE), "--format", "html", "--output", "afile"], "är en fil; --format html skriver"),
    (["audit", str(EXAMPLE), "--format", "html", "--output", "afile/sub"], "afile är en fil, inte en mapp"),
    (["audit", str(EXAMPLE), "--format", "csv", "--output", "afile/tabeller/"], "afile är en fil, inte en mapp"),
    (["audit", str(EXAMPLE), "--format", "csv", "--output", "afile/f.csv"], "afile är en fil"),
    (["audit", str(EXAMPLE), "--format", "csv", "--output", "a" * 300], "är inget giltigt filnamn"),
    (["audit", str(EXAMPLE), "--format", "csv", "--table", "indicators", "--output", "a" * 300], "är inget giltigt filnamn"),
    (["audit", str(EXAMPLE), str(EXAMPLE.parent / "example_t1.txt"), "--format", "html"], "kräver --output MAPP"),
    (["audit", str(EXAMPLE), "--review", "saknas.yaml"], "granskningsfilen finns inte"),
    (["audit", str(EXAMPLE), "--review", "adir"], "granskningsfilen är en mapp, inte en fil"),
    (["audit", str(EXAMPLE), "--baseline", "saknas.json"], "baslinjen finns inte"),
    (["baseline", "create", str(EXAMPLE), "--output", "afile/sub/b.json"], "afile är en fil, inte en mapp"),
    (["baseline", "create", str(EXAMPLE), "--output", "adir"], "är en mapp"),
    (["review", FP, "--dismiss", "--reason", "r", "--by", "b", "--file", "afile/ny/r.yaml"], "afile är en fil"),
    (["review", FP, "--dismiss", "--reason", "r", "--by", "b", "--file", "adir"], "är en mapp"),
    (["review", FP, "--dismiss", "--reason", "r", "--by", "b", "--file", "afile/r.yaml"], "afile är en fil"),
    (["review", FP, "--confirm", "--reason", "r", "--by", "b", "--file", "afile/r.yaml", "--report",
      str(EXAMPLE)], "afile är en fil"),
    (["review", FP, "--remove", "--file", "afile/r.yaml"], "afile är en fil"),
    (["kf-targets", "learn", str(EXAMPLE), "--file", "afile/kf.yaml"], "afile är en fil"),
    (["kf-targets", "learn", str(EXAMPLE), "--file", "adir"], "är en mapp"),
    (["review", FP, "--dismiss", "--reason", "r", "--by", "b", "--date", "2025-13-45", "--file", "r.yaml"],
     "--date: '2025-13-45' är inget datum"),
    (["review", FP, "--dismiss", "--reason", "r", "--by", "b", "--date", "2025-02-30", "--file", "r.yaml"],
     "är inget datum"),
    (["review", FP, "--dismiss", "--reason", "r", "--by", "b", "--date", "12/5 2025", "--file", "r.yaml"],
     "är inget datum"),
]


@pytest.mark.parametrize("argv,words", CASES, ids=[" ".join(a[:1] + a[2:]).replace(str(ROOT), "")[:70]
                                                    for a, _ in CASES])
def test_unwritable_destination_is_one_line_and_exit_2(place, capsys, argv, words):
    before = sorted(p.name for p in place.rglob("*"))
    code = main(argv)
    out, err = capsys.readouterr()
    assert code == 2
    assert err.count("\n") == 1 and err.startswith("auditor: ") and "Traceback" not in err
    assert words in err
    assert out == ""
    assert sorted(p.name for p in place.rglob("*")) == before     # nothing written, nothing half-written


@pytest.mark.parametrize("argv", [a for a, _ in CASES[:3]])
def test_english_messages(place, capsys, argv):
    assert main(["--lang", "en"] + argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("auditor: ") and err.count("\n") == 1
    assert not any(word in err for word in ("mappen", "finns", "är en"))


def test_the_real_command_line_prints_no_traceback(tmp_path):
    """The same through the installed entry point, as a user would meet it."""
    import subprocess
    import sys
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    for argv in (["audit", str(EXAMPLE), "--format", "json", "--output", str(tmp_path / "afile" / "out.json")],
                 ["audit", str(EXAMPLE), "--format", "html", "--output", str(EXAMPLE)]):
        proc = subprocess.run([sys.executable, "-m", "auditor", *argv], capture_output=True, text=True,
                              cwd=tmp_path, timeout=60)
        assert proc.returncode == 2, proc.stderr
        assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr


def test_write_file_leaves_no_temporary_file_when_interrupted(tmp_path, monkeypatch):
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")

    def interrupted(src, dst):
        raise KeyboardInterrupt
    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_file(target, "new")
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]
    assert target.read_text(encoding="utf-8") == "old"


def test_write_file_keeps_the_usual_permissions(tmp_path):
    target = tmp_path / "out.md"
    write_file(target, "text")
    umask = os.umask(0o022)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask
    assert target.read_text(encoding="utf-8") == "text"


def test_a_write_that_fails_is_an_input_error(tmp_path, monkeypatch):
    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr("tempfile.mkstemp", full)
    with pytest.raises(InputError) as info:
        write_file(tmp_path / "x.json", "{}")
    # the system's reason in the reader's language, not the system's English words inside a Swedish line
    assert "kan inte skrivas (disken är full)" in info.value.message("sv")
    assert "cannot be written (no space left on the disk)" in info.value.message("en")


def test_writable_destinations_pass(tmp_path):
    check_destination("json", str(tmp_path / "new.json"))
    check_destination("html", str(tmp_path / "new" / "folder"))      # created when written
    check_destination("html", str(tmp_path))
    check_destination("csv", str(tmp_path / "tabeller") + "/")
    check_destination("csv", str(tmp_path / "fynd.csv"))


def test_single_report_html_folder_has_an_index(tmp_path):
    code = main(["audit", str(EXAMPLE), "--format", "html", "--output", str(tmp_path / "granskning")])
    assert code == 1
    names = sorted(p.name for p in (tmp_path / "granskning").iterdir())
    assert names == ["example-vb.html", "index.html"]
    page = (tmp_path / "granskning" / "example-vb.html").read_text(encoding="utf-8")
    assert 'href="index.html"' in page


def test_review_file_written_atomically(tmp_path, capsys):
    path = tmp_path / "auditor-review.yaml"
    assert main(["review", FP, "--dismiss", "--reason", "r", "--by", "b", "--date", "2025-05-12",
                 "--file", str(path)]) == 0
    assert [p.name for p in tmp_path.iterdir()] == ["auditor-review.yaml"]
    assert "date: '2025-05-12'" in path.read_text(encoding="utf-8")
