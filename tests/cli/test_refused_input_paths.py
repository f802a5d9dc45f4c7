"""Every file a command opens that the operating system refuses is one line naming that file, with the
reason in the reader's language, and exit code 2 — not "internal error" (issue 16's fuzz run found names too
long for the file system reaching `compare`, `review serve` and the configuration)."""
from __future__ import annotations

import errno
from pathlib import Path

import pytest

from auditor.commands.cli import main
from auditor.words.errors import os_reason

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = str(ROOT / "fixtures" / "example_vb.txt")
LONG = "n" * 300


@pytest.mark.parametrize("argv,sv,en", [
    (["compare", LONG + ".json", EXAMPLE], "kan inte öppnas (namnet är för långt för filsystemet)",
     "cannot be opened (the name is too long for the file system)"),
    (["compare", EXAMPLE, LONG + ".json"], "kan inte öppnas (namnet är för långt för filsystemet)",
     "cannot be opened (the name is too long for the file system)"),
    (["audit", EXAMPLE, "--config", LONG + ".toml"], "kan inte läsa konfigurationen: namnet är för långt",
     "cannot read the configuration: the name is too long"),
    (["review", "serve", LONG + ".json", "--port", "0"], "namnet är för långt för filsystemet",
     "the name is too long for the file system"),
])
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_name_no_file_system_takes_is_one_line_naming_it(capsys, monkeypatch, tmp_path, argv, sv, en, lang):
    monkeypatch.chdir(tmp_path)
    code = main(["--lang", lang, *argv] if lang == "en" else argv)
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and err.startswith("auditor: ") and "internt fel" not in err
    assert LONG in err and (en if lang == "en" else sv) in err


def test_an_oserror_naming_a_file_anywhere_in_a_command_is_one_line(capsys, monkeypatch):
    """The mechanism itself: wherever a command meets an OSError that names a file, the refusal is the same
    one line (here a loop of links met deep inside the audit)."""
    def loop(*args, **kwargs):
        raise OSError(errno.ELOOP, "Too many levels of symbolic links", "/tmp/slinga")
    monkeypatch.setattr("auditor.commands.audit.audit_paths", loop)
    monkeypatch.setattr("auditor.commands.audit.audit_stream", loop)    # the terminal format not to a terminal
    code = main(["audit", EXAMPLE])
    err = capsys.readouterr().err
    assert code == 2
    assert err == "auditor: /tmp/slinga: kan inte öppnas (symboliska länkar i en slinga)\n"


def test_an_oserror_naming_no_file_stays_an_internal_error(capsys, monkeypatch):
    def broken(*args, **kwargs):
        raise OSError(errno.EIO, "Input/output error")
    monkeypatch.setattr("auditor.commands.audit.audit_paths", broken)
    monkeypatch.setattr("auditor.commands.audit.audit_stream", broken)    # the terminal format not to a terminal
    assert main(["audit", EXAMPLE]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "internt fel" in err


@pytest.mark.parametrize("exc,sv", [
    (OSError(errno.ENAMETOOLONG, "File name too long"), "namnet är för långt för filsystemet"),
    (PermissionError(errno.EACCES, "Permission denied"), "behörighet saknas"),
    (OSError(errno.ENOSPC, "No space left on device"), "disken är full"),
    (ValueError("embedded null byte"), "ogiltigt filnamn"),
    (UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte"), "texten är inte UTF-8"),
])
def test_the_systems_reasons_are_said_in_swedish(exc, sv):
    assert os_reason(exc)[0] == sv
    assert os_reason(exc)[1] and os_reason(exc)[1] != sv


def test_a_reason_the_catalogue_does_not_name_is_the_systems_own():
    assert os_reason(OSError(errno.ECHILD, "No child processes")) == ("No child processes", "No child processes")
