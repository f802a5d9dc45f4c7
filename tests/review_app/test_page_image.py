"""For a PDF report the workspace shows the page region of each finding as an image with the row boxed: the
box is drawn around the words the geometry read the row from."""
from __future__ import annotations

import io

import pytest

from .support import FIXTURES, client, workspace


@pytest.fixture(scope="module")
def pdf_workspace(tmp_path_factory):
    from auditor.parser import parse_file
    from pdf_draw import draw_report, sans_font
    if sans_font() is None:
        pytest.skip("no TrueType font to draw the PDF with")
    folder = tmp_path_factory.mktemp("pdf")
    path = draw_report(parse_file(FIXTURES / "example_vb.txt"), folder / "lovsjo_vb.pdf")
    return workspace([path], folder / "auditor-review.yaml")


def _boxed(png: bytes) -> tuple[int, int, int, int]:
    """The pixel rectangle drawn in the box colour."""
    from PIL import Image
    from auditor.review_app.page_image import BOX_COLOR
    image = Image.open(io.BytesIO(png)).convert("RGB")
    width, height = image.size
    pixels = image.load()
    hits = [(x, y) for y in range(height) for x in range(width) if pixels[x, y] == BOX_COLOR]
    assert hits, "no box drawn"
    xs, ys = [x for x, _ in hits], [y for _, y in hits]
    return min(xs), min(ys), max(xs), max(ys)


def test_indicator_finding_shows_its_page_with_the_row_boxed(pdf_workspace):
    from auditor.input.pdf_geometry.words import read_pages
    from auditor.review_app.page_image import PAD, SCALE, region_for
    from auditor.review_app.passage import source_text

    ws = pdf_workspace
    audit = ws.result.reports[0]
    f = next(f for f in audit.findings if f.rule.startswith("IND-") and f.evidence.get("indicator"))
    assert f.page is not None
    c = client(ws)
    html = c.get("/report/0").text
    assert f'src="/report/0/image/{f.fingerprint}.png"' in html
    response = c.get(f"/report/0/image/{f.fingerprint}.png")
    assert response.status_code == 200 and response.headers["content-type"] == "image/png"
    x0, y0, x1, y1 = _boxed(response.content)

    # back from pixels to points on the page
    _, layout = source_text(audit.source)
    page_no, *_ = layout.boxes[f.line]
    pages = read_pages((open(audit.source, "rb")).read())
    page = pages[page_no - 1]
    region = region_for(layout.boxes[f.line], page_no, page.height)
    box = (x0 / SCALE + PAD, y0 / SCALE + region.top + PAD, x1 / SCALE - PAD, y1 / SCALE + region.top - PAD)
    slack = 1.5
    name_words = f.evidence["indicator"].split()
    on_row = [w for w in page.words if w.text in name_words and box[1] - slack <= w.top <= box[3] + slack]
    assert len(on_row) >= len(name_words) // 2 + 1, "the box is not on the row's name"
    for w in on_row:
        assert box[0] - slack <= w.x0 and w.x1 <= box[2] + slack and w.bottom <= box[3] + slack
    # the row's words are all inside, and the box is no taller than the row plus its padding
    assert box[3] - box[1] < 80


def test_finding_without_a_row_box_shows_the_whole_page(pdf_workspace):
    from PIL import Image
    ws = pdf_workspace
    audit = ws.result.reports[0]
    c = client(ws)
    for f in audit.findings:
        response = c.get(f"/report/0/image/{f.fingerprint}.png")
        assert response.status_code == 200
        assert Image.open(io.BytesIO(response.content)).size[0] > 500


def test_text_reports_have_no_page_image(tmp_path):
    from .support import batch
    folder = batch(tmp_path / "r", "example_vb.txt")
    ws = workspace([folder], folder / "auditor-review.yaml")
    c = client(ws)
    f = ws.result.reports[0].findings[0]
    assert c.get(f"/report/0/image/{f.fingerprint}.png").status_code == 404
    assert "/image/" not in c.get("/report/0").text
