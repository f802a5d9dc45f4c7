"""A full review in headless Chromium against a real `auditor review serve`: filter, open a finding, read its
passage, dismiss it with a reason, reload (it persists), confirm another in a second page open at the same
time (neither is lost); then `auditor audit --review` honours both decisions exactly as decisions made with
`auditor review` on the command line."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import datetime as dt

import pytest

from conftest import ROOT, SCREENSHOTS

from .support import batch

pytestmark = pytest.mark.browser


@pytest.fixture()
def served(tmp_path):
    folder = batch(tmp_path / "rapporter")
    review = tmp_path / "review.yaml"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env.pop("AUDITOR_REVIEWER", None)
    proc = subprocess.Popen([sys.executable, "-m", "auditor", "review", "serve", str(folder), "--file", str(review),
                             "--port", "0", "--no-config"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, cwd=tmp_path, env=env)
    try:
        line = proc.stdout.readline()
        if not line.startswith("granskningsrummet: http://127.0.0.1:"):
            proc.terminate()
            pytest.fail(f"the workspace did not start: {line}{proc.stderr.read()}")
        yield line.split(": ", 1)[1].strip(), folder, review
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        proc.stdout.close()
        proc.stderr.close()


def picture(page, element, name: str) -> None:
    """A picture of a finding with the heading above it, for the README (copied to docs/ by hand): the whole
    page is captured, so the sticky filter bar stays at the top instead of covering the finding."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.evaluate("window.scrollTo(0, 0)")
    box = element.bounding_box()
    page.screenshot(path=str(SCREENSHOTS / name), full_page=True,
                    clip={"x": 0, "y": max(0, box["y"] - 56), "width": 1200, "height": box["height"] + 66})


def _audit_json(capsys, *argv) -> dict:
    from auditor.commands.cli import main
    capsys.readouterr()
    assert main(["audit", *argv, "--format", "json", "--no-config"]) in (0, 1)
    return json.loads(capsys.readouterr().out)


def test_full_review_in_two_browsers(served, browser, page, capsys):
    from playwright.sync_api import expect
    url, folder, review = served
    page.goto(url)
    assert page.locator("h1").inner_text() == "Granskningsrummet"
    page.click("text=Lövsjö stadsdelsnämnd – verksamhetsberättelse 2020")
    assert page.locator("h1").inner_text() == "Lövsjö stadsdelsnämnd – verksamhetsberättelse 2020"
    total = page.locator("article.finding").count()
    assert total >= 4

    # a second reviewer opens the same report now, before any decision
    other_context = browser.new_context(viewport={"width": 1200, "height": 900})
    other = other_context.new_page()
    other.goto(page.url)

    # filter by rule, then by severity
    page.select_option("#f-rule", "IND-UNMET-NO-ANALYSIS")
    assert page.locator("article.finding:visible").count() == 1
    assert page.locator("#shown").inner_text() == f"Visar 1 av {total}"
    page.select_option("#f-rule", "")
    page.select_option("#f-severity", "error")
    errors = page.locator("article.finding:visible")
    assert errors.count() >= 1 and all(errors.nth(i).get_attribute("data-severity") == "error"
                                       for i in range(errors.count()))
    page.select_option("#f-severity", "")

    # open a finding: its passage shows the report's own lines, its line marked
    target = page.locator('article.finding[data-rule="IND-UNMET-NO-ANALYSIS"]')
    target.locator(".head").click()
    passage = target.locator(".passage")
    assert passage.is_visible()
    hit = target.locator(".pl.hit .t").first.inner_text()
    line = int(target.locator(".pl.hit .n").first.inner_text())
    source = (folder / "example_vb.txt").read_text(encoding="utf-8").split("\n")
    assert hit == source[line - 1].rstrip()
    dismissed_fp = target.get_attribute("data-fingerprint")

    # dismiss it with a reason
    page.fill("#reviewer", "Anna Berg")
    target.locator('input[value="avfärdad"]').check()
    target.locator("textarea").fill("Årsmålet sänktes av nämnden i april")
    target.locator("button[type=submit]").click()
    expect(target.locator(".status")).to_have_text(re.compile(r"^Sparat: avfärdad av Anna Berg, \d{4}-\d\d-\d\d$"))
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    picture(page, target, "workspace.png")

    # the other page, still showing no decision, confirms another finding with the keyboard
    other.fill("#reviewer", "Bo Ek")
    other.locator("#f-severity").focus()
    other.keyboard.press("Escape")
    other.keyboard.press("j")
    confirmed_fp = other.locator("article.finding.current").get_attribute("data-fingerprint")
    first = other.locator(f'article.finding[data-fingerprint="{confirmed_fp}"]')
    assert confirmed_fp != dismissed_fp
    other.keyboard.press("c")
    other.keyboard.type("Analysen saknas mycket riktigt")
    other.keyboard.press("Enter")
    expect(first.locator(".status")).to_have_text(re.compile(r"^Sparat: bekräftad av Bo Ek"))

    # reload: both decisions persist, in both pages
    page.reload()
    other.reload()
    for p in (page, other):
        dismissed = p.locator(f'article.finding[data-fingerprint="{dismissed_fp}"]')
        confirmed = p.locator(f'article.finding[data-fingerprint="{confirmed_fp}"]')
        assert dismissed.get_attribute("data-decision") == "avfärdad"
        assert "Årsmålet sänktes av nämnden i april" in dismissed.locator(".state").inner_text()
        assert confirmed.get_attribute("data-decision") == "bekräftad"
    page.select_option("#f-decision", "avfärdad")
    assert page.locator("article.finding:visible").count() == 1
    page.goto(url)
    row = page.locator('tr[data-report="1"]')
    assert row.locator("td.dismissed").inner_text() == "1" and row.locator("td.confirmed").inner_text() == "1"
    assert all(u.startswith(url.rstrip("/")) for u in page.requests)          # nothing from elsewhere
    other_context.close()

    # `auditor audit --review` honours both exactly as decisions made on the command line
    from auditor.commands.cli import main
    report = str(folder / "example_vb.txt")
    served_audit = _audit_json(capsys, report, "--review", str(review))
    cli_review = review.parent / "cli-review.yaml"
    today = dt.date.today().isoformat()
    for fp, flag, reason, by in ((dismissed_fp, "--dismiss", "Årsmålet sänktes av nämnden i april", "Anna Berg"),
                                 (confirmed_fp, "--confirm", "Analysen saknas mycket riktigt", "Bo Ek")):
        assert main(["review", fp, flag, "--reason", reason, "--by", by, "--date", today, "--file", str(cli_review),
                     "--report", report]) == 0
    assert served_audit == _audit_json(capsys, report, "--review", str(cli_review))
    decided = {f["fingerprint"]: f["review"]["decision"] for f in served_audit["reports"][0]["findings"]
               if "review" in f}
    assert decided == {dismissed_fp: "avfärdad", confirmed_fp: "bekräftad"}


def test_hostile_text_runs_no_script_and_a_pdf_row_is_boxed(tmp_path, page):
    """One workspace over a report with hostile text and a drawn PDF: no script runs, and the PDF finding
    shows its page image in the browser."""
    from pdf_draw import draw_report, sans_font
    from auditor.parser import parse_file
    from .support import FIXTURES, HOSTILE_TITLE, hostile_report, serving, workspace
    folder = tmp_path / "rapporter"
    hostile = hostile_report(folder)
    paths = [hostile]
    if sans_font() is not None:
        paths.append(draw_report(parse_file(FIXTURES / "example_vb.txt"), folder / "lovsjo_vb.pdf"))
    ws = workspace(paths, folder / "auditor-review.yaml")
    with serving(ws) as url:
        dialogs = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(url + "report/0")
        for f in page.locator("article.finding .head").all():
            f.click()
            f.hover()
        assert page.evaluate("window.pwned === undefined")
        assert not dialogs
        assert page.locator("img[src=x]").count() == 0 and page.locator('a[href^="javascript:"]').count() == 0
        assert page.locator("h2", has_text="<script>window.pwned=1</script>").count() == 1
        assert HOSTILE_TITLE.split(">", 1)[1][:10] in page.locator("main").inner_text()
        if len(paths) == 1:
            return
        page.goto(url + "report/1")
        finding = page.locator('article.finding[data-rule^="IND-"]').first
        finding.locator(".head").click()
        image = finding.locator("figure.page img")
        image.scroll_into_view_if_needed()
        page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=image.element_handle())
        assert image.evaluate("img => img.naturalWidth") > 500
        assert "sida 1, rad" in finding.locator("figcaption").inner_text()
        picture(page, finding, "workspace-pdf.png")
        assert all(u.startswith(url.rstrip("/")) for u in page.requests)
