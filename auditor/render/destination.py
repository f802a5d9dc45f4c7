"""Where a format's output goes: a folder (html; csv for both tables), a file or standard output, and what
cannot be written there (a binary format to a terminal, HTML for a batch without a folder). Checked before
any work (``check_destination``), then written with the one writer of ``auditor.files`` (``write_output``)."""
from __future__ import annotations

import os
import sys

from ..files import STDOUT, check_file_destination, check_folder_destination, write_file
from ..words.errors import InputError, refusal


# Formats whose renderer returns bytes: not for a terminal.
BINARY_FORMATS = ("xlsx", "docx")
# Formats whose --output is a folder (csv only when the path is a folder or ends in a slash).
FOLDER_FORMATS = ("html",)


def _binary_to_terminal(fmt: str) -> InputError:
    return refusal("binary_to_terminal", code="usage", fmt=fmt)


def is_folder_output(fmt: str, output: str | None) -> bool:
    """Whether ``--output`` names a folder for this format (html always; csv when it is a folder or ends in
    a slash, to get both tables)."""
    if not output or output == STDOUT:
        return False
    if fmt in FOLDER_FORMATS:
        return True
    # os.path.isdir, not Path.is_dir: a name no file system takes (too long) is then refused by the file
    # check in one line instead of raising here
    return fmt == "csv" and (os.path.isdir(output) or str(output).endswith(("/", "\\")))


def check_destination(fmt: str, output: str | None, reports: int | None = None) -> None:
    """Refuse, before any work, what cannot be written: a binary format to a terminal, HTML for several
    reports without a folder, and an --output that cannot be written (see ``check_file_destination``)."""
    to_stdout = not output or output == STDOUT
    if fmt in FOLDER_FORMATS and to_stdout and reports is not None and reports > 1:
        raise html_needs_folder()
    if is_folder_output(fmt, output):
        check_folder_destination(output, fmt)
        return
    stream = "stdout" if to_stdout else check_file_destination(output).kind
    if fmt in BINARY_FORMATS and stream in ("stdout", "stderr") and getattr(sys, stream).isatty():
        raise _binary_to_terminal(fmt)


def html_needs_folder() -> InputError:
    return refusal("html_needs_folder", code="usage")


def write_output(payload: str | bytes | None, output: str | None) -> None:
    """Write what a renderer returned (None: it wrote its files itself) to ``output`` or standard output
    (``auditor.files.write_file``); bytes are refused when standard output is a terminal."""
    if payload is None:
        return
    if isinstance(payload, bytes) and (not output or output == STDOUT) and sys.stdout.isatty():
        raise _binary_to_terminal("xlsx")
    write_file(output or STDOUT, payload)
