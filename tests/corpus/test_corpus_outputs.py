"""Every format on the four corpus reports (built from the gold annotations), so sizes and real text are covered."""
import io
import json
from xml.etree import ElementTree as ET

import pytest

from auditor.render import get_renderer
from auditor.render.html import render_pages

from ..gold import load_result

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def gold(corpus):
    return load_result(corpus)


def test_html_pages_for_the_corpus(gold, tmp_path):
    result = gold
    pages = render_pages(result, None)
    assert len(pages) == len(result.reports) + 1
    for audit, html in zip(result.reports, pages.values()):
        assert html.count('class="finding ') == len(audit.findings)
        assert html.count('class="goal"') == len(audit.report.goals)


@pytest.mark.browser
def test_corpus_page_in_the_browser(gold, tmp_path, page):
    from ..conftest import SCREENSHOTS
    result = gold
    for name, html in render_pages(result, None).items():
        (tmp_path / name).write_text(html, encoding="utf-8")
    first = result.reports[0]
    page.goto((tmp_path / "000-ea26225594ac6763.html").as_uri())
    assert page.locator("#count-total").inner_text() == str(len(first.findings))
    page.select_option("#filter-rule", "GOAL-FULL-UNMET-IND")
    n = sum(f.rule == "GOAL-FULL-UNMET-IND" for f in first.findings)
    assert page.locator("li.finding:visible").count() == n
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "corpus-000.png"))


def test_ci_formats_for_the_corpus(gold, sarif_schema):
    import jsonschema
    result = gold
    total = sum(len(a.findings) for a in result.reports)
    doc = json.loads(get_renderer("sarif")(result, None))
    jsonschema.Draft4Validator(sarif_schema).validate(doc)
    assert len(doc["runs"][0]["results"]) == total
    root = ET.fromstring(get_renderer("junit")(result, None).encode())
    assert len(root.findall("testsuite")) == len(result.reports)
    assert len(get_renderer("github")(result, None).splitlines()) == total


def test_spreadsheets_for_the_corpus(gold):
    import openpyxl
    result = gold
    wb = openpyxl.load_workbook(io.BytesIO(get_renderer("xlsx")(result, None)))
    indicators = sum(len(g.indicators) for a in result.reports for g in a.report.goals)
    assert wb["Fynd"].max_row == 1 + sum(len(a.findings) for a in result.reports)
    assert wb["Indikatorer"].max_row == 1 + indicators
    header = [c.value for c in wb["Indikatorer"][1]]
    met = [r[header.index("Når målet")].value for r in wb["Indikatorer"].iter_rows(min_row=2)]
    assert met.count(False) > 0 and met.count(True) > met.count(False)
