"""Every writing command, into every kind of thing that can stand at an output path: the target keeps its
kind and the content arrives, or the command says why not in one line and exits 2 (issue: ``-o /dev/null``
replaced the system's /dev/null with a regular file, ``-o /dev/stdout`` replaced the link and printed
nothing).

Kinds: a regular file (its mode kept), a new path in folders that do not exist yet (created, the rule for
every output), a symlink to a file and a dangling one (written through, the link stays), a file with a second
hard link (written in place, both names keep sharing it), a character
device made with ``mknod`` (where permitted), a FIFO with a reader, ``-`` (standard output), and a folder
(refused)."""
from __future__ import annotations

import errno
import json
import os
import stat
import threading
import time
from pathlib import Path

import pytest

from auditor.commands.cli import main

ROOT = Path(__file__).resolve().parents[2]
REPORT = ROOT / "fixtures" / "example_t1.txt"
FP = "0123456789abcdef"


def _is_json(schema):
    return lambda data: json.loads(data.decode("utf-8"))["schema"] == schema


# (name, the command line with OUT for the output path, what the written bytes must satisfy)
COMMANDS = [
    ("audit-json", ["audit", str(REPORT), "--format", "json", "--output", "OUT"], _is_json("auditor.findings/1")),
    ("audit-md", ["audit", str(REPORT), "--format", "md", "--output", "OUT"], lambda d: b"SUM-CLAIM-COUNT" in d),
    ("audit-xlsx", ["audit", str(REPORT), "--format", "xlsx", "--output", "OUT"], lambda d: d.startswith(b"PK")),
    ("audit-docx", ["audit", str(REPORT), "--format", "docx", "--output", "OUT"], lambda d: d.startswith(b"PK")),
    ("audit-csv", ["audit", str(REPORT), "--format", "csv", "--output", "OUT"],
     lambda d: d.startswith("\ufeffNämnd;".encode("utf-8"))),
    ("audit-sarif", ["audit", str(REPORT), "--format", "sarif", "--output", "OUT"], lambda d: b'"2.1.0"' in d),
    ("baseline", ["baseline", "create", str(REPORT), "--output", "OUT"], _is_json("auditor.baseline/1")),
    ("kf-targets", ["kf-targets", "learn", str(REPORT), "--file", "OUT"], lambda d: b"targets:" in d),
    ("review", ["review", FP, "--dismiss", "--reason", "skäl", "--by", "Anna", "--date", "2025-05-12", "--file", "OUT"],
     lambda d: FP.encode() in d and b"auditor.review/1" in d),
]
# Every command in the whole matrix; the audit formats share one writer, so json stands for them there, and
# every format (the bytes of xlsx and docx too) is written into a character device and to standard output below.
MATRIX = [c for c in COMMANDS if c[0] in ("audit-json", "baseline", "kf-targets", "review")]
IDS = [name for name, _, _ in MATRIX]


def _run(argv, out) -> int:
    code = main([str(out) if a == "OUT" else a for a in argv])
    assert code in (0, 1), code
    return code


@pytest.fixture(autouse=True)
def _here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("AUDITOR_REVIEWER", raising=False)


@pytest.mark.parametrize("name,argv,check", MATRIX, ids=IDS)
def test_regular_file_is_replaced_and_keeps_its_mode(tmp_path, name, argv, check):
    out = tmp_path / "ut"
    out.write_bytes(b"")
    os.chmod(out, 0o640)
    _run(argv, out)
    assert stat.S_ISREG(out.lstat().st_mode)
    assert out.stat().st_mode & 0o777 == 0o640
    assert check(out.read_bytes())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ut"]       # no temporary file left


@pytest.mark.parametrize("name,argv,check", MATRIX, ids=IDS)
def test_new_path_in_missing_folders_is_created(tmp_path, name, argv, check):
    out = tmp_path / "ny" / "mapp" / "ut"
    _run(argv, out)
    assert check(out.read_bytes())


@pytest.mark.parametrize("name,argv,check", MATRIX, ids=IDS)
def test_symlink_is_written_through(tmp_path, name, argv, check):
    target = tmp_path / "mål"
    target.write_bytes(b"")
    os.chmod(target, 0o600)
    link = tmp_path / "länk"
    link.symlink_to(target)
    _run(argv, link)
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert check(target.read_bytes())
    assert target.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize("name,argv,check", MATRIX, ids=IDS)
def test_dangling_symlink_creates_its_target(tmp_path, name, argv, check):
    link = tmp_path / "länk"
    link.symlink_to("finns-inte-än")
    _run(argv, link)
    assert link.is_symlink()
    assert check((tmp_path / "finns-inte-än").read_bytes())


@pytest.mark.parametrize("name,argv,check", MATRIX, ids=IDS)
def test_hard_linked_file_is_written_in_place(tmp_path, name, argv, check):
    out = tmp_path / "ut"
    out.write_bytes(b"")            # empty: the review and kf-targets commands read what the file holds
    other = tmp_path / "annat-namn"
    os.link(out, other)
    inode = out.stat().st_ino
    _run(argv, out)
    assert out.stat().st_ino == inode and out.stat().st_nlink == 2
    assert check(other.read_bytes()) and other.read_bytes() == out.read_bytes()


def _mknod_null(folder: Path) -> Path:
    """A character device like /dev/null (same major and minor), made in a temporary folder; skips where
    making devices is not permitted."""
    dev = folder / "null"
    null = os.stat("/dev/null")
    try:
        os.mknod(dev, 0o666 | stat.S_IFCHR, null.st_rdev)
    except (PermissionError, AttributeError, OSError) as exc:
        pytest.skip(f"cannot make a character device here ({exc})")
    return dev


@pytest.mark.parametrize("name,argv,check", COMMANDS, ids=[c[0] for c in COMMANDS])
def test_character_device_keeps_its_kind(tmp_path, name, argv, check):
    dev = _mknod_null(tmp_path)
    _run(argv, dev)
    assert stat.S_ISCHR(dev.lstat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["null"]


def test_dev_null_itself_stays_a_device(tmp_path):
    """The system's /dev/null is only checked, never risked: the writer streams into it."""
    before = os.stat("/dev/null")
    assert stat.S_ISCHR(before.st_mode)
    assert main(["audit", str(REPORT), "--format", "json", "--output", "/dev/null"]) in (0, 1)
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev and after.st_ino == before.st_ino


@pytest.mark.parametrize("name,argv,check", MATRIX, ids=IDS)
def test_fifo_is_streamed_into(tmp_path, name, argv, check):
    fifo = tmp_path / "rör"
    os.mkfifo(fifo)
    got: list[bytes] = []

    def read():
        with open(fifo, "rb") as fh:           # waits for the writer, reads until it closes
            got.append(fh.read())
    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        _run(argv, fifo)
    finally:
        _release(fifo, reader)
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert got and check(got[0])


def _release(fifo, reader: threading.Thread, seconds: float = 30) -> None:
    """Let the reader thread go if the command never opened the FIFO. The writing end is opened without
    blocking: a blocking open here, made while the reader was finishing after the command had written and
    closed, would wait for a reader that never comes (the test hung so). ENXIO means no reader is waiting."""
    deadline = time.monotonic() + seconds
    while reader.is_alive() and time.monotonic() < deadline:
        try:
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        except OSError as exc:
            if exc.errno != errno.ENXIO:
                raise
        reader.join(0.05)


@pytest.mark.parametrize("name,argv,check", COMMANDS, ids=[c[0] for c in COMMANDS])
def test_dash_is_standard_output(tmp_path, capsysbinary, name, argv, check):
    _run(argv, "-")
    out = capsysbinary.readouterr().out
    assert check(out)
    assert not (tmp_path / "-").exists()


@pytest.mark.parametrize("name,argv,check", MATRIX, ids=IDS)
def test_folder_is_refused_in_one_line(tmp_path, capsys, name, argv, check):
    folder = tmp_path / "mapp"
    folder.mkdir()
    assert main([str(folder) if a == "OUT" else a for a in argv]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("auditor: ") and "är en mapp" in err
    assert list(folder.iterdir()) == []


def test_dev_stdout_is_standard_output(tmp_path, capfdbinary):
    """``-o /dev/stdout`` (a symlink into /proc) writes to standard output, whatever it is."""
    if not os.path.exists("/dev/stdout"):
        pytest.skip("no /dev/stdout here")
    assert main(["audit", str(REPORT), "--format", "json", "--output", "/dev/stdout"]) in (0, 1)
    assert _is_json("auditor.findings/1")(capfdbinary.readouterr().out)
    assert os.path.islink("/dev/stdout") or stat.S_ISCHR(os.lstat("/dev/stdout").st_mode)


def test_socket_is_refused(tmp_path, capsys):
    import socket
    with socket.socket(socket.AF_UNIX) as s:
        s.bind(str(tmp_path / "uttag"))
    assert main(["audit", str(REPORT), "--format", "json", "--output", str(tmp_path / "uttag")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "är en socket" in err
    assert stat.S_ISSOCK((tmp_path / "uttag").lstat().st_mode)


def test_html_pages_through_a_symlinked_folder(tmp_path):
    real = tmp_path / "riktig"
    real.mkdir()
    (tmp_path / "granskning").symlink_to(real)
    assert main(["audit", str(REPORT), "--format", "html", "--output", "granskning"]) in (0, 1)
    assert (tmp_path / "granskning").is_symlink()
    assert sorted(p.name for p in real.iterdir()) == ["example-t1.html", "index.html"]


def test_html_to_dash_is_the_page_on_standard_output(tmp_path, capsys):
    assert main(["audit", str(REPORT), "--format", "html", "--output", "-"]) in (0, 1)
    assert capsys.readouterr().out.startswith("<!DOCTYPE html>")
    assert not (tmp_path / "-").exists()
