"""Output safety for the terminal and Markdown outputs (HTML, SARIF and JUnit: tests/render/test_html.py and
tests/render/test_ci_formats.py): report text with rich markup, HTML, Markdown syntax, control characters and
very long lines is shown as text and cannot change the output's structure.

The Markdown is checked with a real CommonMark parser (markdown-it-py, which rich already depends on)
with GFM tables enabled.
"""
from __future__ import annotations

import re

import pytest

from auditor.workflow.audit import audit_report_model
from auditor.findings import AuditResult, ReportAudit
from auditor.parser import parse_text
from auditor.render import get_renderer

from factories import finding, sample_report
from synthetic import synthetic_report

MARKUP = "[bold red]RÖD[/] [link=https://evil.example]klick[/link] \\[/]"
HTML = '<script>alert("x")</script><img src=x onerror=alert(1)>'
MARKDOWN = "| kol | kol |\n# Rubrik\n```\n`tick` *fet* _kursiv_ [länk](javascript:alert(1)) ![bild](x.png) ~~bort~~ &amp;"
CONTROL = "\x1b[2J\x1b]0;titel\x07\x9b31m\x00\x08\x0c\x85\u2028slut\\"
NASTY = " ".join((MARKUP, HTML, MARKDOWN, CONTROL))
LONG = "ord " * 25_000 + "x" * 50_000        # 150 000 characters, with and without spaces

SGR = re.compile(r"\x1b\[[0-9;]*m")
CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def nasty_result(text: str = NASTY) -> AuditResult:
    report = sample_report(source="rapporter/" + text.replace("\n", " ")[:60] + ".txt",
                           committee="Nämnd " + text, title_suffix=" " + text)
    goal = report.goals[1]
    goal.title = goal.title + " " + text
    findings = [
        finding("GOAL-FULL-UNMET-IND", 20, "Meddelande " + text, goal=goal, source=report.source,
                evidence={"indicator": text, "analysis": text, "outcome": 3.0, "target": 4.0,
                          "items": [{"indicator": text, "line": 30, "outcome": 1.0}]}),
        finding("SUM-CLAIM-COUNT", 5, text, severity="warning", source=report.source,
                evidence={"claim": text}),
    ]
    audit = ReportAudit(source=report.source, committee=report.committee, unit=text, report_kind="VB",
                        year=2020, findings=findings, report=report, complete=False)
    broken = ReportAudit(source="trasig " + text[:40], error="trasig " + text)
    return AuditResult(reports=[audit, broken])


# ------------------------------------------------------------------------------------------------ terminal
@pytest.mark.parametrize("color", [False, True])
def test_terminal_shows_markup_as_text_and_no_control_sequences(color):
    out = get_renderer("terminal")(nasty_result(), {"lang": "sv", "color": color, "width": 100})
    plain = SGR.sub("", out)
    if not color:
        assert plain == out, "no escape sequences at all without colour"
    assert "\x1b" not in plain, "only rich's own colour codes (SGR) may reach the terminal"
    assert not CONTROLS.search(plain.replace("\n", "")), repr(CONTROLS.search(plain.replace("\n", "")))
    flat = " ".join(plain.split())
    assert "[bold red]RÖD[/]" in flat           # rich markup in report text stays literal
    assert "[link=https://evil.example]klick[/link]" in flat
    assert "<script>alert(" in flat
    assert "\x1b]8;" not in out                  # no hyperlink escape either


def test_terminal_wraps_very_long_lines_and_caps_messages():
    out = get_renderer("terminal")(nasty_result(LONG), {"lang": "sv", "color": False, "width": 100})
    assert max(len(line) for line in out.splitlines()) <= 100
    assert len(out) < 40_000, "a 150 000 character message is cut, not printed whole"


def test_terminal_audit_of_a_report_with_markup_in_its_text():
    text = synthetic_report(4).replace("Antal deltagare i feriejobb", "Antal [bold]deltagare[/bold] \x1b[31m<b>")
    text = text.replace("Sjukfrånvaro bland medarbetare", "Sjukfrånvaro [red]bland[/] medarbetare")
    audit = audit_report_model(parse_text(text, "rapport[1].txt"))
    out = get_renderer("terminal")(AuditResult(reports=[audit]), {"lang": "sv", "color": True})
    plain = SGR.sub("", out)
    assert "\x1b" not in plain and "rapport[1].txt" in plain


# ------------------------------------------------------------------------------------------------ Markdown
def _markdown_tokens(text: str):
    from markdown_it import MarkdownIt
    md = MarkdownIt("commonmark").enable("table").enable("strikethrough")
    return md, md.parse(text)


def test_markdown_keeps_report_text_as_text():
    out = get_renderer("md")(nasty_result(), {"lang": "sv"})
    md, tokens = _markdown_tokens(out)
    html = md.render(out)
    types = {t.type for t in tokens} | {c.type for t in tokens if t.children for c in t.children}
    assert "html_inline" not in types and "html_block" not in types, "no raw HTML from report text"
    assert not {"link_open", "image", "s_open", "fence", "code_block", "em_open"} & types, types
    assert "<script" not in html and "javascript:" not in html.replace("(javascript:alert(1))", "")
    assert '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;' in html
    assert "[bold red]RÖD[/]" in html


def test_markdown_headings_are_only_ours():
    out = get_renderer("md")(nasty_result(), {"lang": "sv"})
    _, tokens = _markdown_tokens(out)
    headings = [(t.tag, tokens[i + 1].content) for i, t in enumerate(tokens) if t.type == "heading_open"]
    # the document title, one heading per report, "Fynd per mål" and one per goal group of the first report
    # the batch overview, then per report: its heading, findings by goal, the goals
    assert [tag for tag, _ in headings] == ["h1", "h2", "h2", "h3", "h4", "h4", "h2"]
    assert not any(content.startswith("Rubrik") for _, content in headings)
    assert "\n# Rubrik" not in out and "\n```" not in out


def test_markdown_table_cells_stay_in_their_columns():
    out = get_renderer("md")(nasty_result(), {"lang": "sv"})
    _, tokens = _markdown_tokens(out)
    rows, cells = 0, 0
    for t in tokens:
        if t.type == "tr_open":
            rows += 1
        elif t.type in ("td_open", "th_open"):
            cells += 1
    # the batch overview (header and one row per report, five columns), then the report's summary
    # (header, two rules, total; four columns each)
    assert rows == 3 + 4 and cells == 3 * 5 + 4 * 4
    overview = True
    for line in out.splitlines():              # report text never opens a table row of its own
        if line.startswith("| Regel"):
            overview = False
        if line.startswith("|") and not overview:
            assert line.startswith(("| Regel", "| ---", "| `", "| **Totalt"))


def test_markdown_source_with_backticks_stays_one_code_span():
    result = nasty_result()
    result.reports[0].source = "a`b``c.txt"
    out = get_renderer("md")(result, {"lang": "sv"})
    md, tokens = _markdown_tokens(out)
    codes = [c.content for t in tokens if t.children for c in t.children if c.type == "code_inline"]
    assert "a`b``c.txt" in codes


def test_markdown_long_lines_are_cut():
    out = get_renderer("md")(nasty_result(LONG), {"lang": "sv"})
    lines = out.splitlines()
    assert max(len(line) for line in lines if line.startswith("#")) <= 320
    assert max(len(line) for line in lines) <= 2 * 2000 + 200     # message cut at 2000, escapes at most double
    assert len(out) < 30_000


def test_markdown_of_a_parsed_report_with_markup_in_its_text():
    text = synthetic_report(4).replace("Antal deltagare i feriejobb", "Antal | deltagare <i>`x`</i> # 3")
    audit = audit_report_model(parse_text(text, "r.txt"))
    out = get_renderer("md")(AuditResult(reports=[audit]), {"lang": "sv"})
    md, tokens = _markdown_tokens(out)
    types = {c.type for t in tokens if t.children for c in t.children}
    assert "html_inline" not in types and "<i>" not in md.render(out)
