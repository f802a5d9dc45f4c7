"""What a reader sees: the pages loaded in headless Chromium."""
from pathlib import Path

import pytest

from auditor.findings import AuditResult, Review
from auditor.render.html import render_pages

from ..conftest import SCREENSHOTS
from ..factories import audit_of, finding, sample_report, sample_result

pytestmark = pytest.mark.browser


def write(tmp_path: Path, result: AuditResult, options=None) -> Path:
    for name, html in render_pages(result, options).items():
        (tmp_path / name).write_text(html, encoding="utf-8")
    return tmp_path


def shown(page) -> int:
    return page.locator("li.finding:visible").count()


def test_reader_sees_headings_counts_and_filters(tmp_path, page):
    result = sample_result()
    result.reports[0].findings[1].review = Review(decision="avfärdad", reason="Godtas", by="Anna",
                                                  date="2025-03-01")
    folder = write(tmp_path, result)
    page.goto((folder / "skarholmen-vb2020.html").as_uri())
    assert page.locator("h1").inner_text() == "Granskning av Skärholmens stadsdelsnämnd VB 2020"
    assert page.locator("#count-total").inner_text() == "4"
    assert page.locator("#count-error").inner_text() == "1"      # the dismissed error counts as dismissed
    assert page.locator("#count-dismissed").inner_text() == "1"
    assert shown(page) == 4
    assert page.locator("h3", has_text="1.1 I Stockholm är människor självförsörjande").is_visible()

    page.select_option("#filter-rule", "GOAL-NO-ANALYSIS")
    assert shown(page) == 1
    assert page.locator("#shown-count").inner_text() == "1"
    assert page.locator("li.finding:visible .rule").inner_text() == "GOAL-NO-ANALYSIS"

    page.select_option("#filter-rule", "")
    page.uncheck(".filter-severity[value=error]")
    assert shown(page) == 2
    page.check(".filter-severity[value=error]")
    page.uncheck("#filter-dismissed")
    assert shown(page) == 3
    page.check("#filter-dismissed")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "report.png"), full_page=True)

    page.click("text=Alla nämnder")
    assert page.locator("h1").inner_text() == "Granskning av uppföljningsrapporter"
    assert page.locator("#reports tbody tr").count() == 2
    page.screenshot(path=str(SCREENSHOTS / "index.png"), full_page=True)
    assert all(url.startswith("file://") for url in page.requests)


def test_script_in_report_text_shows_as_text(tmp_path, page):
    report = sample_report(title_suffix=' <script>window.pwned = 1</script><img src=x onerror="window.pwned=2">')
    f = finding("GOAL-NO-ANALYSIS", 80, "<script>window.pwned = 3</script>", goal=report.goals[3],
                source=report.source)
    folder = write(tmp_path, AuditResult(reports=[audit_of(report, [f])]))
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto((folder / "skarholmen-vb2020.html").as_uri())
    assert page.evaluate("window.pwned === undefined")
    assert not dialogs
    heading = page.locator("#goal-g1 h3").first.inner_text()
    assert "<script>window.pwned = 1</script>" in heading
    assert page.locator("li.finding .msg").inner_text() == "<script>window.pwned = 3</script>"
    assert all(url.startswith("file://") for url in page.requests)


def test_print_shows_every_finding_and_hides_the_filters(tmp_path, page):
    folder = write(tmp_path, sample_result(sample_report()))
    page.goto((folder / "skarholmen-vb2020.html").as_uri())
    page.select_option("#filter-rule", "GOAL-NO-ANALYSIS")
    assert shown(page) == 1
    page.emulate_media(media="print")
    assert shown(page) == 4
    assert not page.locator("#filters").is_visible()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")


def test_english_page(tmp_path, page):
    folder = write(tmp_path, sample_result(sample_report()), {"lang": "en"})
    page.goto((folder / "skarholmen-vb2020.html").as_uri())
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text().startswith("Audit of ")
    assert "Showing 4 of 4" in page.locator("#shown").inner_text()


def test_filters_fit_a_narrow_window(tmp_path, page):
    """At 420 px (a phone, a narrow side panel) the filter bar wraps and nothing is wider than the window,
    even with the long rule titles in the rule menu."""
    titles = {"GOAL-NO-ANALYSIS": "Bedömt mål saknar analys där rapportmallen förväntar sig en analys av målet",
              "GOAL-FULL-UNMET-IND": "Målet bedöms uppfyllt helt trots att en egen indikator inte når årsmålet",
              "IND-GENDER-GAP-NO-ANALYSIS": "Skillnad mellan kvinnor och män analyseras inte"}
    folder = write(tmp_path, sample_result(sample_report()), {"rule_titles": titles})
    page.set_viewport_size({"width": 420, "height": 800})
    page.goto((folder / "skarholmen-vb2020.html").as_uri())
    assert page.evaluate("document.documentElement.scrollWidth") <= 420
    for selector in ("#filters", "#filter-rule", "#shown", "#filter-dismissed"):
        box = page.locator(selector).bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 420, selector
    page.select_option("#filter-rule", "GOAL-NO-ANALYSIS")
    assert shown(page) == 1


# Where each character of an element's text starts a line: a break is between two characters whose tops
# differ. Returns the characters just before each break.
_BREAKS = """el => {
  const text = el.firstChild, out = [];
  let top = null;
  for (let i = 0; i < text.length; i++) {
    const range = document.createRange();
    range.setStart(text, i); range.setEnd(text, i + 1);
    const t = range.getBoundingClientRect().top;
    if (top !== null && t > top + 1) out.push(text.data[i - 1]);
    top = t;
  }
  return out;
}"""


def test_index_rule_ids_break_only_at_hyphens(tmp_path, page):
    """In a narrow window the committees × rules table's headers wrap, but a rule id breaks only after one
    of its hyphens (GOAL-FULL-|UNMET-|IND), never inside a word."""
    folder = write(tmp_path, sample_result(sample_report(), sample_report(source="b.txt", committee="B-nämnd")))
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto((folder / "index.html").as_uri())
    headers = page.locator("#matrix th.rule-id")
    assert headers.count() >= 3
    wrapped = 0
    for i in range(headers.count()):
        breaks = headers.nth(i).evaluate(_BREAKS)
        assert all(c == "-" for c in breaks), (headers.nth(i).inner_text(), breaks)
        wrapped += bool(breaks)
    assert wrapped, "no header wrapped: the window is not narrow enough to test anything"
