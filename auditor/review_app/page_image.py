"""A PDF page region as a PNG with the finding's row boxed, rendered with pypdfium2 (PDFium, the PDF engine of
Chromium).

The box comes from the geometry reader (``PdfLayout.boxes``: where each written line's words stand, a table
row's lines carrying the whole row), so it is drawn around the very words the finding was read from. The
image shows the full width of the page and a band above and below the row; without a box (a PDF read from
its text layer) it shows the whole page the line is on.
"""
from __future__ import annotations

import io
from dataclasses import dataclass

SCALE = 2.0            # pixels per point: sharp on a high-density screen, about 1200 px for an A4 width
MARGIN = 110.0         # points of the page shown above and below the row
PAD = 3.0              # points between the words and the box
BOX_COLOR = (214, 0, 90)
BOX_WIDTH = 3          # pixels


@dataclass(frozen=True)
class Region:
    page: int                                       # 1-based
    top: float                                      # points from the page's top edge: the part shown
    bottom: float
    box: tuple[float, float, float, float] | None   # x0, top, x1, bottom in points from the top-left corner


def region_for(box: tuple[int, float, float, float, float] | None, page: int, height: float) -> Region:
    """The part of the page to show for a row at ``box`` (page, x0, top, x1, bottom), or for a whole page."""
    if box is None:
        return Region(page, 0.0, height, None)
    number, x0, top, x1, bottom = box
    return Region(number, max(0.0, top - MARGIN), min(height, bottom + MARGIN), (x0, top, x1, bottom))


def render_region(pdf_path: str, box: tuple[int, float, float, float, float] | None,
                  page: int | None = None) -> tuple[bytes, Region] | None:
    """The PNG of the region around ``box`` (or of page ``page`` when there is no box), and the region drawn;
    None when the page does not exist."""
    import pypdfium2 as pdfium  # optional heavy: PDFium, only for a PDF
    from PIL import ImageDraw

    pdf = pdfium.PdfDocument(pdf_path)
    try:
        number = box[0] if box is not None else page
        if number is None or not 1 <= number <= len(pdf):
            return None
        pdf_page = pdf[number - 1]
        width, height = pdf_page.get_size()
        region = region_for(box, number, height)
        # crop: points cut from the left, bottom, right and top edges
        bitmap = pdf_page.render(scale=SCALE, crop=(0, height - region.bottom, 0, region.top))
        image = bitmap.to_pil().convert("RGB")
        if region.box is not None:
            x0, top, x1, bottom = region.box
            ImageDraw.Draw(image).rectangle(
                [(x0 - PAD) * SCALE, (top - region.top - PAD) * SCALE,
                 (x1 + PAD) * SCALE, (bottom - region.top + PAD) * SCALE],
                outline=BOX_COLOR, width=BOX_WIDTH)
        out = io.BytesIO()
        image.save(out, format="PNG", optimize=False)
        return out.getvalue(), region
    finally:
        pdf.close()
