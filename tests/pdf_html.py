"""Draw a report model the way a web application would: an HTML report printed to PDF by a browser
(headless Chromium through Playwright's ``page.pdf()``), for the tests of the geometry reader.

The browser lays the page out by its own rules, which are not ``pdf_draw``'s: table cells are vertically
centred by default (``<td>`` and ``<th>`` sit in the middle of their row), a ``<th>`` is centred
horizontally, a table's ``<thead>`` is printed again at the top of every page the table goes on to,
header and cell texts wrap wherever the column's width makes them, and the fonts are TrueType subsets that
the browser embeds. The page furniture is the browser's header and footer template: the committee,
``Tjänsteutlåtande`` and ``Sid 3 (12)`` at the top, the address band at the bottom.
"""
from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

from auditor.model import Report, Value

from pdf_draw import KIND_TITLES, LABELS, MARKERS

CHROMIUM = "/usr/bin/chromium"


@dataclass
class HtmlStyle:
    header_valign: str = "middle"    # the browser's default for <th>
    header_align: str = "center"     # the browser's default for <th>
    valign: str = "middle"           # the browser's default for <td>
    number_align: str = "right"
    orientation: str = "portrait"    # "portrait", "landscape" or "mixed" (the tables on pages across)
    font: str = "DejaVu Sans"        # or "Liberation Sans" (both TrueType, embedded by the browser)
    forecast: bool = True
    name_width: float = 30.0         # per cent of the table's width


def _v(v: Value | None) -> str:
    return html.escape(" ".join(v.text.split())) if v is not None else ""


def _head(text: str) -> str:
    # "män/pojkar" may break after its slash, as ILS prints it
    return html.escape(text).replace("/", "/<wbr>")


def report_html(report: Report, style: HtmlStyle) -> str:
    year = report.year
    cols = ["outcome", "outcome_men", "outcome_women", "previous"] + (["forecast"] if style.forecast else []) \
        + ["target", "kf_target"]
    heads = {"outcome": "Periodens utfall", "outcome_men": "Utfall män/pojkar",
             "outcome_women": "Utfall kvinnor/flickor", "previous": f"Utfall VB {year - 1 if year else ''}",
             "forecast": "Prognos helår", "target": "Årsmål", "kf_target": "KF:s årsmål"}
    each = (100.0 - style.name_width - 11.0) / len(cols)
    out = [f"""<!doctype html><html lang="sv"><head><meta charset="utf-8"><style>
@page {{ size: A4 {'landscape' if style.orientation == 'landscape' else 'portrait'}; }}
{'@page across { size: A4 landscape; }' if style.orientation == 'mixed' else ''}
body {{ font-family: '{style.font}'; font-size: 9pt; }}
h1 {{ font-size: 13pt; margin: 0 0 4pt; }} h2 {{ font-size: 11pt; }} h3 {{ font-size: 10pt; }}
p {{ margin: 0 0 6pt; }}
.across {{ page: across; }}
table {{ width: 100%; border-collapse: collapse; font-size: 7pt; margin: 4pt 0 10pt; }}
th {{ vertical-align: {style.header_valign}; text-align: {style.header_align}; font-weight: normal;
      padding: 2pt 3pt; }}
td {{ vertical-align: {style.valign}; padding: 2pt 3pt; text-align: {style.number_align}; }}
td.name, td.text {{ text-align: left; }}
td.analysis {{ text-align: left; font-size: 9pt; }}
tr {{ break-inside: avoid; }}
</style></head><body>"""]
    if report.committee:
        out.append(f"<h1>{html.escape(report.committee)}</h1>")
    title = " ".join(str(x) for x in (KIND_TITLES.get(report.report_kind or "", ""), year or "") if x)
    if title:
        out.append(f"<h1>{html.escape(title)}</h1>")
    for para in report.narrative:
        if para.section == "summary":
            out.append(f"<p>{html.escape(para.text)}</p>")
    out.append("<h2>Uppföljning av Kommunfullmäktiges inriktningsmål</h2>")
    for goal in report.goals:
        number = (goal.number or "") + ("." if goal.number and goal.level == "inriktningsmal" else "")
        label = f"{LABELS[goal.level]} {number} {goal.title}".replace("  ", " ")
        out.append(f"<h3>{html.escape(label)}</h3>")
        if goal.assessment:
            out.append(f"<p>{MARKERS[goal.assessment]}</p>")
        for section in goal.sections:
            out.append(f"<p>{html.escape(section.label)}</p><p>{html.escape(section.text)}</p>")
        if goal.analysis and goal.analysis.strip():
            out.append(f"<p>Analys</p><p>{html.escape(goal.analysis)}</p>")
        across = ' class="across"' if style.orientation == "mixed" else ""
        if goal.indicators:
            out.append(f"<div{across}><table><colgroup><col style='width:{style.name_width}%'>"
                       + "".join(f"<col style='width:{each:.1f}%'>" for _ in cols)
                       + "<col style='width:11%'></colgroup><thead><tr><th>Indikator</th>"
                       + "".join(f"<th>{_head(heads[c])}</th>" for c in cols) + "<th>Period</th></tr></thead><tbody>")
            for ind in goal.indicators:
                cells = ind.cells()
                out.append(f"<tr><td class='name'>{html.escape(ind.name)}</td>"
                           + "".join(f"<td>{_v(cells.get(c))}</td>" for c in cols)
                           + f"<td>{html.escape(ind.period or '')}</td></tr>")
                if ind.analysis and ind.analysis.strip():
                    out.append(f"<tr><td class='analysis' colspan='{len(cols) + 2}'><p>Analys</p>"
                               f"<p>{html.escape(ind.analysis)}</p></td></tr>")
            out.append("</tbody></table></div>")
        if goal.activities:
            out.append(f"<div{across}><table><colgroup><col style='width:64%'><col style='width:12%'>"
                       "<col style='width:12%'><col style='width:12%'></colgroup><thead><tr><th>Aktivitet</th>"
                       "<th>Startdatum</th><th>Slutdatum</th><th>Avvikelse</th></tr></thead><tbody>")
            for act in goal.activities:
                out.append(f"<tr><td class='text'>{html.escape(act.text)}</td>"
                           f"<td>{act.start.isoformat() if act.start else ''}</td>"
                           f"<td>{act.end.isoformat() if act.end else ''}</td>"
                           f"<td>{'Avvikelse' if act.deviation else ''}</td></tr>")
                if act.analysis and act.analysis.strip():
                    out.append(f"<tr><td class='analysis' colspan='4'><p>Analys</p>"
                               f"<p>{html.escape(act.analysis)}</p></td></tr>")
            out.append("</tbody></table></div>")
    out.append("</body></html>")
    return "\n".join(out)


def _furniture(report: Report, style: HtmlStyle) -> tuple[str, str]:
    font = f"font-family: '{style.font}'; font-size: 8pt; width: 100%; margin: 0 15mm;"
    committee = html.escape(report.committee or "Nämnden")
    header = (f"<div style=\"{font} display: flex; justify-content: space-between;\"><span>{committee}</span>"
              "<span>Tjänsteutlåtande<br>Sid <span class='pageNumber'></span> (<span class='totalPages'></span>)"
              "</span></div>")
    footer = (f"<div style=\"{font} display: flex; justify-content: space-between;\"><span>Box 8310, 104 20 "
              "Stockholm<br>start.stockholm</span><span>08-508 10 000</span></div>")
    return header, footer


def print_report(report: Report, path: str | Path, style: HtmlStyle | None = None, browser=None) -> Path:
    """Print ``report`` as HTML to a PDF at ``path`` with headless Chromium (``browser``: a Playwright
    browser to reuse; else one is started for this call)."""
    style = style or HtmlStyle()
    path = Path(path)
    if browser is None:
        from playwright.sync_api import sync_playwright

        from conftest import CHROMIUM_ARGS, _chromium
        with sync_playwright() as p:
            b = p.chromium.launch(executable_path=_chromium() or CHROMIUM, args=CHROMIUM_ARGS)
            try:
                return print_report(report, path, style, b)
            finally:
                b.close()
    page = browser.new_page()
    try:
        page.set_content(report_html(report, style), wait_until="load")
        header, footer = _furniture(report, style)
        page.pdf(path=str(path), format="A4", landscape=style.orientation == "landscape",
                 prefer_css_page_size=True, display_header_footer=True, header_template=header,
                 footer_template=footer, margin={"top": "28mm", "bottom": "26mm", "left": "20mm", "right": "20mm"})
    finally:
        page.close()
    return path
