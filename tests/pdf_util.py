"""Make PDFs with a text layer from report texts (fpdf2), for the PDF tests.

Each text line becomes one line of a monospaced font at a fixed line pitch, so that the PDF's text layer
holds exactly the characters of the line, spaces included. A blank line is either left empty (a vertical
gap, as in a real PDF) or drawn as a single space (``blank_as_space``), which keeps the line structure
through extractors that ignore vertical gaps.
"""
from __future__ import annotations

from pathlib import Path

UNICODE_FONTS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
    "/usr/share/fonts/dejavu/DejaVuSansMono.ttf",
    "/usr/share/fonts/TTF/DejaVuSansMono.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf",
    "/Library/Fonts/Courier New.ttf",
    "C:/Windows/Fonts/cour.ttf",
)
# Core PDF fonts only know latin-1: these are the non-latin-1 characters the fixtures use.
LATIN1_FALLBACK = {"–": "-", "—": "-", "•": "-", "’": "'", "”": '"', "“": '"', "…": "..."}


def unicode_font() -> str | None:
    return next((f for f in UNICODE_FONTS if Path(f).is_file()), None)


def pdf_safe(text: str, font: str | None) -> str:
    """The text as the chosen font can draw it (unchanged with a Unicode font)."""
    if font:
        return text
    for a, b in LATIN1_FALLBACK.items():
        text = text.replace(a, b)
    return text.encode("latin-1", "replace").decode("latin-1")


def new_pdf(font: str | None, fallback: str, size: float, **page):
    """An fpdf document without automatic page breaks, writing in ``font`` (a TrueType file, which can
    write every letter) or in the built-in ``fallback`` (Latin-1 only)."""
    from fpdf import FPDF

    pdf = FPDF(**page)
    pdf.set_auto_page_break(False)
    if font:
        pdf.add_font("Own", fname=font)
        pdf.set_font("Own", size=size)
    else:
        pdf.set_font(fallback, size=size)
    return pdf


def text_to_pdf(text: str, path: str | Path, *, lines_per_page: int = 64, blank_as_space: bool = False,
                encrypt_password: str | None = None, font: str | None = "auto") -> Path:
    font = unicode_font() if font == "auto" else font
    pdf = new_pdf(font, "Courier", 7, format="A4")
    if encrypt_password:
        pdf.set_encryption(owner_password="owner-" + encrypt_password, user_password=encrypt_password)
    lines = pdf_safe(text, font).split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    for i, line in enumerate(lines):
        if i % lines_per_page == 0:
            pdf.add_page()
            pdf.set_xy(10, 10)
        if line.strip() or (blank_as_space and line == ""):
            pdf.set_xy(10, 10 + (i % lines_per_page) * 4.2)
            pdf.cell(0, 4, line if line.strip() else " ")
        elif line:  # whitespace-only line: keep its spaces
            pdf.set_xy(10, 10 + (i % lines_per_page) * 4.2)
            pdf.cell(0, 4, line)
    path = Path(path)
    pdf.output(str(path))
    return path
