"""Extract the text layer of a PDF with pypdf, page by page, in the layout the parser expects.

pypdf has two extraction modes and neither alone gives the corpus layout:
- ``plain`` keeps each text run as printed, spaces included (cells joined by one space, one extra space per
  empty cell, the trailing space of a soft-wrapped line), but drops vertical gaps, so the blank lines that
  separate blocks disappear;
- ``layout`` keeps vertical gaps as blank lines but re-spaces each line from the glyph positions and strips
  trailing spaces, which destroys the spacing signals the parser reads.
So the text is taken from ``plain`` and the blank lines from ``layout``: where the non-blank lines of both
agree (whitespace-insensitively), a blank line is inserted wherever ``layout`` has a gap. Where they do not
(``layout`` orders the lines by height and joins a table row's cells, ``plain`` follows the content stream,
which may draw the page furniture first), the lines both print are aligned and a gap counts only between
two lines that follow each other in both.

Limits: a blank line that falls exactly on a page break is invisible in a PDF and is lost; text drawn as
images (scans) has no text layer and is refused; the order of text runs is the order of
the content stream (fine for ILS exports, wrong for PDFs that draw columns out of order); a table cell that
the PDF draws as one run keeps its inner spaces, but cells drawn at x positions with no space characters
between them come out without the extra spaces of empty cells.
"""
from __future__ import annotations

import io
import logging
import re
from difflib import SequenceMatcher

from ..words.errors import InputError

_WS = re.compile(r"\s+")


def pdf_to_text(data: bytes, source: str) -> str:
    return "\n".join(pdf_page_texts(data, source)) + "\n"


def page_starts(pages: list[str]) -> list[int]:
    """The line number that each page's text starts on in ``pdf_to_text``'s text."""
    starts, line = [], 1
    for text in pages:
        starts.append(line)
        line += text.count("\n") + 1
    return starts


def pdf_page_texts(data: bytes, source: str) -> list[str]:
    """Each page's text (without its last newline); refusals as ``pdf_to_text``."""
    from pypdf import PdfReader  # optional heavy: pypdf, only for a PDF

    pypdf_log = logging.getLogger("pypdf")
    level = pypdf_log.level
    pypdf_log.setLevel(logging.CRITICAL)  # pypdf warns on every oddity; one clear line is ours to print
    try:
        try:
            reader = PdfReader(io.BytesIO(data), strict=False)
            encrypted = reader.is_encrypted
        except Exception as exc:  # noqa: BLE001 - any failure to open the file means it is damaged
            raise _damaged(source, exc) from None
        if encrypted:
            _decrypt(reader, source)
        try:
            pages = list(reader.pages)
        except Exception as exc:  # noqa: BLE001
            raise _damaged(source, exc) from None
        texts, failed = [], 0
        for page in pages:
            try:
                texts.append(page_text(page))
            except Exception:  # noqa: BLE001 - one broken page should not lose the others
                failed += 1
                texts.append("")
        if pages and failed == len(pages):
            raise InputError(source, "PDF-filen är skadad (ingen sida gick att läsa)",
                             "the PDF is damaged (no page could be read)", code="pdf-damaged")
    finally:
        pypdf_log.setLevel(level)
    texts = [t.rstrip("\n") for t in texts]
    if not "".join(texts).strip():
        raise InputError(source, "PDF-filen saknar textlager (inskannad?); kör OCR eller exportera texten",
                         "the PDF has no text layer (scanned?); run OCR or export the text",
                         code="pdf-no-text")
    return texts


def _damaged(source: str, exc: Exception) -> InputError:
    detail = _WS.sub(" ", str(exc)).strip()[:80] or type(exc).__name__
    return InputError(source, f"PDF-filen är skadad och kan inte läsas ({detail})",
                      f"the PDF is damaged and cannot be read ({detail})", code="pdf-damaged")


def _decrypt(reader, source: str) -> None:
    """Open PDFs that are only protected against editing (empty user password); refuse the rest."""
    try:
        ok = reader.decrypt("")
    except Exception:  # noqa: BLE001 - e.g. AES without the optional crypto dependency
        ok = 0
    if not ok:
        raise InputError(source, "PDF-filen är krypterad (lösenordsskyddad); spara en kopia utan lösenord",
                         "the PDF is encrypted (password protected); save a copy without a password",
                         code="pdf-encrypted")


def page_text(page) -> str:
    """One page in the corpus layout: the plain text runs, with the blank lines of the layout mode."""
    plain = page.extract_text(extraction_mode="plain") or ""
    try:
        layout = page.extract_text(extraction_mode="layout") or ""
    except Exception:  # noqa: BLE001 - layout mode is best effort
        return plain
    return merge_blank_lines(plain, layout)


def merge_blank_lines(plain: str, layout: str) -> str:
    """Insert into ``plain`` one blank line wherever ``layout`` has a vertical gap between the same lines."""
    p_lines = plain.split("\n")
    content = [(i, _WS.sub(" ", l).strip()) for i, l in enumerate(p_lines) if l.strip()]
    gaps_after: set[int] = set()
    k = -1  # index into content of the last matched non-blank layout line
    gap = False
    for line in layout.split("\n"):
        norm = _WS.sub(" ", line).strip()
        if not norm:
            gap = True
            continue
        k += 1
        if k >= len(content) or _squash(content[k][1]) != _squash(norm):
            gaps_after = _aligned_gaps(content, layout)
            break
        if gap and k > 0:
            gaps_after.add(content[k - 1][0])
        gap = False
    else:
        if k != len(content) - 1:
            gaps_after = _aligned_gaps(content, layout)
    out = []
    for i, line in enumerate(p_lines):
        out.append(line)
        if i in gaps_after and (i + 1 >= len(p_lines) or p_lines[i + 1].strip()):
            out.append("")
    return "\n".join(out)


def _aligned_gaps(content: list[tuple[int, str]], layout: str) -> set[int]:
    """The plain lines after which ``layout`` has a gap, where the two modes do not print the same lines in
    the same order (layout mode orders the page's lines by height and joins a table row's cells into one
    line; plain mode follows the content stream): the lines both print are aligned, and a gap counts only
    between two lines that follow each other in both."""
    ordered: list[tuple[str, bool]] = []     # each layout line (squashed) and whether a gap stands above it
    gap = False
    for line in layout.split("\n"):
        squashed = _squash(line)
        if not squashed:
            gap = True
            continue
        ordered.append((squashed, gap))
        gap = False
    matcher = SequenceMatcher(None, [_squash(text) for _, text in content], [text for text, _ in ordered],
                              autojunk=False)
    out: set[int] = set()
    for a, b, size in matcher.get_matching_blocks():
        out.update(content[a + n - 1][0] for n in range(1, size) if ordered[b + n][1])
    return out


def _squash(text: str) -> str:
    return _WS.sub("", text)


def furniture_lines(pages: list[str], furniture: list[list[str]]) -> set[int]:
    """The line numbers (as ``pdf_to_text`` counts them) of the text layer's lines that are page furniture,
    given each page's furniture lines as the geometry found them (by place and repetition): a line made
    of those pieces only, white space aside (the text layer may join "Tjänsteutlåtande" and "Sid 2 (9)"
    into one line, or split them), each piece used once on its page (the committee's name stands in the
    page header and, once, in the report's title on the first page)."""
    out: set[int] = set()
    for first, text, pieces in zip(page_starts(pages), pages, furniture):
        left = [_squash(p) for p in pieces if _squash(p)]
        for k, line in enumerate(text.split("\n")):
            squashed = _squash(line)
            used = _made_of(squashed, left) if squashed and left else None
            if used is not None:
                out.add(first + k)
                for piece in used:
                    left.remove(piece)
    return out


def _made_of(text: str, pieces: list[str]) -> list[str] | None:
    """The pieces (each at most as often as listed) that ``text`` is made of, one after the other, or None."""
    if not text:
        return []
    for piece in set(pieces):
        if text.startswith(piece):
            rest = list(pieces)
            rest.remove(piece)
            tail = _made_of(text[len(piece):], rest)
            if tail is not None:
                return [piece, *tail]
    return None
