"""Turn an input file into text lines: plain text (UTF-8, UTF-8 with BOM, UTF-16 with BOM, cp1252) or PDF.

Everything that cannot be a follow-up report is refused here with one short, actionable message that names
the file (``InputError``; the CLI prints it and exits with code 2): a missing file, a folder without reports,
an empty file, a binary file (Word/Excel/zip, images, anything with NUL bytes), a PDF without text layer, an
encrypted or damaged PDF (see ``pdf.py``), text in the wrong encoding, and text that is not an ILS-webb
follow-up report at all (``looks_like_report``). A report that is merely cut short is *not* refused: the
parser reads what is there and lists the rest as diagnostics.
"""
from __future__ import annotations

import os

import re
from dataclasses import dataclass, replace
from pathlib import Path

from ..words.errors import InputError, os_reason
from .report_starts import second_report_start

REPORT_SUFFIXES = (".txt", ".pdf")

# Signatures of binary formats people save reports in by mistake: (magic bytes, Swedish name, English name).
BINARY_SIGNATURES = (
    (b"PK\x03\x04", "en Word-, Excel- eller zip-fil", "a Word, Excel or zip file"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "en äldre Word- eller Excel-fil (.doc/.xls)", "an old Word or Excel file"),
    (b"{\\rtf", "en RTF-fil", "an RTF file"),
    (b"\x89PNG", "en bild (PNG)", "an image (PNG)"),
    (b"\xff\xd8\xff", "en bild (JPEG)", "an image (JPEG)"),
    (b"GIF8", "en bild (GIF)", "an image (GIF)"),
    (b"II*\x00", "en bild (TIFF)", "an image (TIFF)"),
    (b"MM\x00*", "en bild (TIFF)", "an image (TIFF)"),
    (b"\x1f\x8b", "en gzip-komprimerad fil", "a gzip-compressed file"),
)
SAVE_AS = ("spara rapporten som PDF eller text", "save the report as PDF or text")

# A report has at least one goal label or one of the two table headers of the ILS layout. Matched over the
# text with line breaks folded to spaces, so labels split over lines ("KF:s mål för" / "verksamhetsområdet:")
# still count.
REPORT_SIGNAL = re.compile(
    r"KF:s\s+inriktningsmål\s*:|KF:s\s+mål\s+för\s+verksamhetsområdet\s*:"
    r"|(?:^|\n)[ \t]*(?:Nämndmål|Enhetsmål)\s*:"
    r"|Aktivitet\s+Startdatum\s+Slutdatum|Indikator\s+Periodens",
    re.I)

# UTF-8 read as Latin-1/cp1252 and saved again: "Ã¤" for "ä", "Ã¥" for "å", "Ã¶" for "ö" ...
MOJIBAKE = re.compile("Ã[¤¥¶„…–©¼]")
SWEDISH = re.compile("[åäöÅÄÖ]")
# cp1252 bytes 0x80-0x9F between two letters: what a DOS (cp437/cp850) or Mac Roman text with å, ä, ö
# looks like when read as cp1252 ("f„rdig", "m†l", "h”g"). The character class comes first and the letter
# before it is looked behind for after it: the engine then skips to the few such characters (dashes, quotes)
# instead of trying the lookbehind at every position of the text (15 ms of a 400 KiB report, now 1-4).
C1_IN_WORD = re.compile(r"[€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ](?<=[A-Za-z].)(?=[A-Za-z])")
# the control characters a text file has no use for: below 32 but for \t, \n, \f and \r
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f]")


@dataclass(frozen=True)
class ReadText:
    """A report file's text, and whether its bytes stop inside a UTF-8 character (a file cut by bytes:
    the text is complete up to that character, and the report is partial). For a PDF: the first line of
    each page (``pages``), and, when its tables were read by position, what the geometry knows
    (``layout``, an ``auditor.input.pdf_geometry.PdfLayout``); ``text_path`` when its indicator tables had no
    header geometry, so the text was read the way a text file is."""
    text: str
    cut_mid_character: bool = False
    pages: list[int] | None = None
    layout: object | None = None
    text_path: bool = False


def read_text(path: str | Path) -> str:
    """The text of a report file (.txt in a supported encoding, or .pdf)."""
    return read_file(path).text


def read_file(path: str | Path) -> ReadText:
    """``read_text`` with what the decoding noticed (see ``ReadText``)."""
    path = Path(path)
    source = str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(source, "filen finns inte", "file not found", code="missing") from None
    except IsADirectoryError:
        raise InputError(source, "är en mapp, inte en fil", "is a folder, not a file", code="folder") from None
    except PermissionError:
        raise InputError(source, "saknar läsbehörighet", "permission denied", code="unreadable") from None
    except OSError as exc:
        sv, en = os_reason(exc)
        raise InputError(source, f"kan inte läsas ({sv})", f"cannot be read ({en})", code="unreadable") from None
    if not data.strip():
        raise InputError(source, "filen är tom", "the file is empty", code="empty")
    if data.lstrip()[:5] == b"%PDF-" or data.startswith(b"%PDF"):
        return read_pdf(data, source)
    return decode_file(data, source)


def read_pdf(data: bytes, source: str, *, read_columns: bool = True) -> ReadText:
    """A PDF by its geometry when its indicator tables' headers give their columns (every row then read by
    position). When none does, the text is read as a text file is: as the geometry writes it when it found
    the rows of those tables (page furniture set aside by its place, each row's name and cells as the parser
    reads them, ``pdf_geometry.text_rows``), else from the text layer (``auditor.input.pdf``), which also
    gives the refusals for scanned, encrypted and damaged files. The text layer is read too when it keeps
    what the geometry would lose: the spaces a text-like PDF (each line drawn as one run) prints for empty
    cells. ``read_columns`` false reads
    every indicator table as text (``benchmarks/pdf_matrix.py --text`` measures that fallback)."""
    # the PDF readers are imported only for a PDF: 15-20 ms of every text report's start
    from .pdf_geometry import read_layout

    layout = read_layout(data, read_columns)
    if layout is not None and layout.read_by_position:
        return ReadText(layout.text, pages=layout.pages, layout=layout)
    as_text = read_pdf_as_text(data, source, text_path=layout is not None and layout.unreadable > 0, layout=layout)
    if as_text.text_path and layout.text_rows and not keeps_empty_cells(as_text.text):
        # no table was read by position: the per-table note would say the others were
        return ReadText(layout.text, pages=layout.pages, layout=replace(layout, unreadable_at=[]), text_path=True)
    return as_text


def read_pdf_as_text(data: bytes, source: str, *, text_path: bool = False, layout=None) -> ReadText:
    """A PDF read from its text layer, like a text file (``benchmarks/pdf_matrix.py --text-layer``). With
    the geometry's ``layout``, the lines it found to be page furniture (by place and repetition, whatever
    their wording: a committee's name at a page break) are set aside in the text layer too."""
    # (imported only for a PDF, see read_pdf)
    from .pdf import furniture_lines, page_starts, pdf_page_texts
    from .pdf_geometry import PdfLayout

    pages = pdf_page_texts(data, source)
    text = "\n".join(pages) + "\n"
    starts = page_starts(pages)
    furniture = furniture_lines(pages, layout.furniture_by_page()) if layout is not None else set()
    known = PdfLayout(text, {}, furniture, starts) if furniture else None
    return ReadText(text, pages=starts, layout=known, text_path=text_path)


# A table row's value line with the spaces of empty cells: two spaces or more between its cells, or a space
# before its first (empty leading cells), and its period last.
_SPACED_ROW = re.compile(r"^(?: +\S|.*\S {2,}\S).*(?:19|20)\d\d *$", re.M)


def keeps_empty_cells(text: str) -> bool:
    """Does a PDF's text layer print a space for each empty cell of a table row, as the text parser reads
    them (a text-like PDF, each line drawn as one run)? Then it says more than the words' positions."""
    return _SPACED_ROW.search(text) is not None


def decode_text(data: bytes, source: str) -> str:
    return decode_file(data, source).text


def _cut_utf8(data: bytes) -> int | None:
    """Where ``data`` stops inside a UTF-8 character: the offset of that last, incomplete sequence when
    everything before it is valid UTF-8 with at least one non-ASCII character (so the file is UTF-8, not a
    Windows-1252 text that happens to end in "ä"); else None."""
    try:
        data.decode("utf-8")
        return None
    except UnicodeDecodeError as exc:
        if exc.reason != "unexpected end of data" or exc.end != len(data) or len(data) - exc.start > 3:
            return None
        start = exc.start
    head = data[:start]
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return start if not head.isascii() else None


def decode_file(data: bytes, source: str) -> ReadText:
    for magic, sv, en in BINARY_SIGNATURES:
        if data.startswith(magic):
            raise InputError(source, f"är {sv}, inte text eller PDF; {SAVE_AS[0]}",
                             f"is {en}, not text or PDF; {SAVE_AS[1]}", code="binary")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with BOM (Notepad's "Unicode")
        try:
            return ReadText(_check_decoded(data.decode("utf-16"), source))
        except UnicodeDecodeError:
            raise InputError(source, "trasig UTF-16-text; spara filen som UTF-8",
                             "broken UTF-16 text; save the file as UTF-8", code="encoding") from None
    if b"\x00" in data[:65536]:
        raise InputError(source, f"är en binärfil (innehåller NUL-tecken), inte text eller PDF; {SAVE_AS[0]}",
                         f"is a binary file (contains NUL bytes), not text or PDF; {SAVE_AS[1]}", code="binary")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    cut = _cut_utf8(data)
    if cut is not None:       # a file truncated by bytes: read what is there, the report is partial
        return ReadText(_check_decoded(data[:cut].decode("utf-8"), source), cut_mid_character=True)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise InputError(source, "okänd teckenkodning (varken UTF-8 eller Windows-1252); spara filen som UTF-8",
                             "unknown text encoding (neither UTF-8 nor Windows-1252); save the file as UTF-8",
                             code="encoding") from None
    return ReadText(_check_decoded(text, source))


def _check_decoded(text: str, source: str) -> str:
    mojibake = len(MOJIBAKE.findall(text))
    if mojibake >= 3 and mojibake * 2 >= len(SWEDISH.findall(text)):
        raise InputError(source, "fel teckenkodning ('Ã¤' i stället för 'ä': UTF-8 har lästs som Latin-1); "
                                 "spara filen som UTF-8 från originalet",
                         "wrong text encoding ('Ã¤' instead of 'ä': UTF-8 was read as Latin-1); "
                         "save the file as UTF-8 from the original", code="encoding")
    broken = len(C1_IN_WORD.findall(text))
    if broken >= 3 and broken > len(SWEDISH.findall(text)):
        raise InputError(source, "fel teckenkodning (å, ä, ö blir tecken som „ † ” mitt i ord: DOS- eller "
                                 "Mac-kodning?); spara filen som UTF-8",
                         "wrong text encoding (å, ä, ö come out as „ † ” inside words: DOS or Mac encoding?); "
                         "save the file as UTF-8", code="encoding")
    control = len(_CONTROL.findall(text, 0, 65536))
    if control > max(8, len(text[:65536]) // 100):
        raise InputError(source, f"är en binärfil (styrtecken), inte text eller PDF; {SAVE_AS[0]}",
                         f"is a binary file (control characters), not text or PDF; {SAVE_AS[1]}", code="binary")
    return text


def looks_like_report(text: str) -> bool:
    """Whether the text has the structure of an ILS-webb follow-up report: at least one goal label
    ("KF:s inriktningsmål:", "KF:s mål för verksamhetsområdet:", "Nämndmål:", "Enhetsmål:") or one of the
    indicator/activity table headers. A report cut short after its first label still qualifies."""
    return bool(REPORT_SIGNAL.search(text))


def check_report(text: str, source: str) -> str:
    """``text`` if it looks like a follow-up report, else ``InputError`` (code "not-report")."""
    if not looks_like_report(text):
        raise InputError(source, "ser inte ut som en uppföljningsrapport från ILS-webb (inga målrubriker som "
                                 "'KF:s mål för verksamhetsområdet:' eller 'Nämndmål:')",
                         "does not look like an ILS-webb follow-up report (no goal labels such as "
                         "'KF:s mål för verksamhetsområdet:' or 'Nämndmål:')", code="not-report")
    return text


def check_single_report(text: str, source: str) -> str:
    """``text`` if it holds one report, else ``InputError`` (code "several-reports"): two reports in one file
    would otherwise be merged silently (see ``auditor.input.report_starts``)."""
    start = second_report_start(text)
    if start is not None:
        shown = start.text if len(start.text) <= 60 else start.text[:59] + "…"
        raise InputError(source, f"filen innehåller mer än en rapport (en ny rapport börjar på rad {start.line}: "
                                 f"'{shown}'); dela upp den i en fil per rapport",
                         f"the file holds more than one report (another report starts on line {start.line}: "
                         f"'{shown}'); split it into one file per report", code="several-reports")
    return text


def read_report(path: str | Path) -> ReadText:
    """``read_file``, ``check_report`` and ``check_single_report``: the text of a file that is one
    follow-up report."""
    read = read_file(path)
    check_single_report(check_report(read.text, str(path)), str(path))
    return read


def expand_inputs(paths, own=None) -> list[Path]:
    """Files as given and the report files (*.txt, *.pdf) inside folders, recursively and sorted, without
    repeats. A missing path and a folder without any report file are input errors. ``own`` (an
    ``auditor.files.OwnOutputs``) leaves the command's own output files out of a folder, saying so."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        # os.path's tests, not Path's, which raise on a name no file system takes (too long): such a path is
        # missing, said in one line
        if os.path.isdir(p):
            found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in REPORT_SUFFIXES)
            if own is not None:
                found = [f for f in found if not own.skip(f)]
            if not found:
                raise InputError(str(p), "mappen innehåller inga rapporter (.txt eller .pdf)",
                                 "the folder contains no reports (.txt or .pdf)", code="folder-empty")
            out.extend(found)
        elif os.path.exists(p):
            out.append(p)
        elif p.suffix:
            raise InputError(str(p), "filen finns inte", "file not found", code="missing")
        else:
            raise InputError(str(p), "filen eller mappen finns inte", "no such file or folder", code="missing")
    seen: set[str] = set()
    unique = []
    for p in out:
        key = str(p.resolve())
        if key not in seen:
            seen.add(key)
            unique.append(p)
    return unique
