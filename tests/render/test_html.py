import re

import pytest

from auditor.words.errors import InputError
from auditor.findings import Review
from auditor.render import get_renderer
from auditor.render.html import render_pages

from ..factories import audit_of, finding, sample_report, sample_result

NASTY = '<script>alert("x")</script> & "quotes" \'apos\''


def nasty_result():
    report = sample_report(title_suffix=" " + NASTY, committee="Nämnd <b>fet</b>")
    report.goals[1].indicators[0].name += " <img src=x onerror=alert(1)>"
    goal = report.goals[1]
    findings = [finding("GOAL-FULL-UNMET-IND", 20, "Meddelande " + NASTY, goal=goal, source=report.source,
                        evidence={"indicator": "<iframe src='http://evil'>", "text": "a\x00b\x1bc\x7fd"}),
                finding("X-LONG", 21, "ord" * 5000, goal=report.goals[0], source=report.source)]
    return audit_of(report, findings)


def test_report_text_is_escaped_everywhere():
    from auditor.findings import AuditResult
    html = render_pages(AuditResult(reports=[nasty_result()]))["skarholmen-vb2020.html"]
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert "<img src=x" not in html and "<iframe" not in html and "<b>fet</b>" not in html
    assert "Nämnd &lt;b&gt;fet&lt;/b&gt;" in html
    # only our own script block exists
    assert len(re.findall(r"<script", html)) == 1


def test_control_characters_are_dropped_and_long_text_kept_wrappable():
    from auditor.findings import AuditResult
    html = render_pages(AuditResult(reports=[nasty_result()]))["skarholmen-vb2020.html"]
    assert "\x00" not in html and "\x1b" not in html and "\x7f" not in html
    assert "abcd" in html
    assert "ord" * 5000 in html
    assert "overflow-wrap: anywhere" in html


def test_page_is_self_contained():
    pages = render_pages(sample_result())
    for html in pages.values():
        assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
        assert "<link" not in html and "@import" not in html and "url(" not in html
        assert "default-src 'none'" in html


def test_page_shows_tree_assessments_and_findings():
    html = render_pages(sample_result())["skarholmen-vb2020.html"]
    assert '<html lang="sv">' in html
    assert "Granskning av Skärholmens stadsdelsnämnd VB 2020" in html
    assert "Uppfylls helt" in html and "Uppfylls delvis" in html and "Uppfylls inte" in html
    assert html.count('class="finding ') == 4
    # findings sit inside their goal's section: goal 1.1 (g2) holds the GOAL-FULL-* findings
    section = html[html.index('id="goal-g2"'):html.index('id="goal-g3"')]
    assert "GOAL-FULL-UNMET-IND" in section and "GOAL-FULL-ACT-DEV" in section
    assert "rad 20" in html and "indicator_line" in html
    assert "1 med avvikelse" in html


def test_english_ui():
    html = render_pages(sample_result(sample_report()), {"lang": "en"})["skarholmen-vb2020.html"]
    assert '<html lang="en">' in html
    assert "Audit of Skärholmens stadsdelsnämnd" in html and "Fully met" in html and "Showing" in html


def test_decisions_and_baseline_are_shown():
    result = sample_result(sample_report())
    f = result.reports[0].findings[0]
    f.review = Review(decision="avfärdad", reason="Målet ändrat <i>", by="Anna", date="2025-03-01")
    f.baseline = "unchanged"
    html = render_pages(result)["skarholmen-vb2020.html"]
    assert "avfärdad" in html and "Målet ändrat &lt;i&gt;" in html and "Anna" in html and "i baslinjen" in html
    assert 'data-decision="avfärdad"' in html


def test_index_page_for_a_batch(tmp_path):
    result = sample_result()
    assert get_renderer("html")(result, {"output": str(tmp_path / "out")}) is None
    files = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert files == ["farsta-vb2020.html", "index.html", "skarholmen-vb2020.html"]
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert 'href="skarholmen-vb2020.html"' in index and "Farsta stadsdelsnämnd" in index
    assert "GOAL-FULL-UNMET-IND" in index  # the committees × rules table


def test_batch_without_output_folder_is_a_usage_error():
    with pytest.raises(InputError):
        get_renderer("html")(sample_result(), {})
    assert get_renderer("html")(sample_result(sample_report()), {}).startswith("<!DOCTYPE html>")


def test_unreadable_report_and_report_without_model():
    from auditor.findings import AuditResult, ReportAudit
    result = AuditResult(reports=[ReportAudit(source="x.pdf", error="kan inte läsas <här>"),
                                  ReportAudit(source="y.txt", findings=sample_result().reports[0].findings)])
    pages = render_pages(result)
    assert "kan inte läsas &lt;här&gt;" in pages["x.html"]
    assert pages["y.html"].count('class="finding ') == 4  # no goal tree: all under "other findings"


def test_deterministic():
    assert render_pages(sample_result()) == render_pages(sample_result())


def test_stale_decisions_are_listed():
    from auditor.findings import StaleReview
    result = sample_result(sample_report())
    result.stale_reviews = [StaleReview(fingerprint="dead", rule="GOAL-NO-ANALYSIS", source="x.txt",
                                        review=Review(decision="avfärdad", reason="<gammalt>", by="Bo", date="2025-01-01"))]
    html = render_pages(result)["skarholmen-vb2020.html"]
    assert "Inaktuella granskningsbeslut" in html and "dead" in html and "&lt;gammalt&gt;" in html
    batch = sample_result()
    batch.stale_reviews = result.stale_reviews
    assert "dead" in render_pages(batch)["index.html"]
