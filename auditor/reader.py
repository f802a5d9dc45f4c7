"""Turn an input file into text lines: plain text (UTF-8, UTF-8 with BOM, cp1252) or PDF."""
from __future__ import annotations

from pathlib import Path

from .errors import InputError


def read_text(path: str | Path) -> str:
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(str(path), "filen finns inte", "file not found", code="missing") from None
    except IsADirectoryError:
        raise InputError(str(path), "är en mapp, inte en fil", "is a folder, not a file", code="folder") from None
    except OSError as exc:
        raise InputError(str(path), f"kan inte läsas ({exc.strerror})", f"cannot be read ({exc.strerror})") from None
    if data.startswith(b"%PDF"):
        from .pdf import pdf_to_text
        return pdf_to_text(data, str(path))
    return decode_text(data, str(path))


def decode_text(data: bytes, source: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise InputError(source, "okänd teckenkodning (varken UTF-8 eller cp1252)",
                         "unknown text encoding (neither UTF-8 nor cp1252)", code="encoding") from None
