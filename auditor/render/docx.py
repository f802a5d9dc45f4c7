"""``--format docx``: the audit as a Word document, since the audit office writes its memos in Word.

Per committee: a heading, the source, a summary table (findings per rule by severity, dismissed ones counted
apart as everywhere, and the decisions), then the findings by goal, each with its place, message, evidence
and decision; decisions whose finding has gone are listed at the end. Written with python-docx in the
reader's language and typography: the document and its styles are marked Swedish (sv-SE; en-GB with
``--lang en``), quotation marks are typographic (”…” in Swedish, “…” in English), an en dash separates
ranges and parts of a title.

The same input gives the same bytes: the document properties carry a fixed date and the package is written
with fixed member times (a .docx is a zip file, and zip members otherwise carry the time of writing).
"""
from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections import Counter
from typing import Any

from ..findings import AuditResult, Finding, ReportAudit
from ..words import by_lang, catalogue, place, severity_label
from ..words.findings import message_of
from .evidence import evidence_lines, withheld_lines
from .headings import goal_heading
from .location import location
from .names import report_title
from .options import opt
from .order import SEVERITY_ORDER, goal_groups, sorted_findings
from .safe_text import clean_text
from .tags import label

W = by_lang(catalogue.WORKSPACE)
FIXED_DATE = dt.datetime(2000, 1, 1)
ZIP_TIME = (2000, 1, 1, 0, 0, 0)
LANGUAGE = {"sv": "sv-SE", "en": "en-GB"}
QUOTES = {"sv": ("”", "”", "’", "’"), "en": ("“", "”", "‘", "’")}
# Columns of the summary table after the rule: its findings by severity (dismissed ones apart), then the
# decisions. The spreadsheets' Fynd sheet holds the same figures, one row per finding.
DECISION_KEYS = ("dismissed", "confirmed", "total")


_NUMBER_SPACE = re.compile(r"(?<=\d) (?=\d{3}(?!\d)|[%‰]|(?:st|kr|tkr|mnkr|mdkr|GWh|MWh|kWh|år|dagar|timmar)\b)")


def typography(text: str, lang: str) -> str:
    """Straight quotes made typographic, a spaced hyphen made an en dash, and a no-break space between a
    number and its digit groups, per cent sign or unit, in the reader's language."""
    opening, closing, inner_open, inner_close = QUOTES.get(lang, QUOTES["sv"])
    text = re.sub(r'"([^"\n]*)"', lambda m: f"{opening}{m.group(1)}{closing}", text)
    text = re.sub(r"(?<!\w)'([^'\n]+)'(?!\w)", lambda m: f"{inner_open}{m.group(1)}{inner_close}", text)
    text = re.sub(r"(?<=\w)'(?=\w)", "’", text)
    # a number is not parted from its digit groups, its per cent sign or its unit at a line break
    text = _NUMBER_SPACE.sub("\u00a0", text)
    return text.replace(" - ", " – ")


def summary_rows(audit: ReportAudit) -> list[tuple[str, Counter]]:
    """Per rule a counter: by severity the findings not dismissed, "dismissed", "confirmed" and "total"."""
    rows: dict[str, Counter] = {}
    for f in audit.findings:
        c = rows.setdefault(f.rule, Counter())
        c["total"] += 1
        if f.dismissed:
            c["dismissed"] += 1
        else:
            c[f.severity] += 1
        if f.review is not None and f.review.decision == "bekräftad":
            c["confirmed"] += 1
    return sorted(rows.items())


class _Writer:
    def __init__(self, lang: str) -> None:
        import docx  # optional heavy: python-docx, only for --format docx
        self.lang = lang if lang in W else "sv"
        self.w = W[self.lang]
        self.doc = docx.Document()
        self._language()

    def _language(self) -> None:
        """Mark the default run language and every style's, so spelling and hyphenation follow the reader."""
        from docx.oxml.ns import qn  # optional heavy: python-docx, only for --format docx
        from docx.oxml import OxmlElement
        code = LANGUAGE[self.lang]
        styles = self.doc.styles.element
        for rpr in styles.iter(qn("w:rPr")):
            for old in rpr.findall(qn("w:lang")):
                rpr.remove(old)
            lang = OxmlElement("w:lang")
            lang.set(qn("w:val"), code)
            lang.set(qn("w:eastAsia"), code)
            rpr.append(lang)
        props = self.doc.core_properties
        props.language = code
        props.author = "auditor"
        props.title = self.w["document_title"]
        props.created = props.modified = props.last_printed = FIXED_DATE
        props.revision = 1

    def text(self, value: Any, limit: int | None = 2000) -> str:
        return typography(clean_text(value, limit), self.lang)

    def heading(self, text: str, level: int) -> None:
        self.doc.add_heading(self.text(text, 300), level=level)

    def paragraph(self, text: str = "", style: str | None = None, bold_lead: str | None = None):
        p = self.doc.add_paragraph(style=style)
        if bold_lead:
            p.add_run(self.text(bold_lead)).bold = True
        if text:
            p.add_run(self.text(text))
        return p

    def table(self, header: list[str], rows: list[list[str]], numeric_from: int = 1) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH  # optional heavy: python-docx, only for --format docx
        table = self.doc.add_table(rows=1, cols=len(header))
        table.style = "Table Grid"
        for cell, value in zip(table.rows[0].cells, header):
            cell.text = ""
            cell.paragraphs[0].add_run(self.text(value)).bold = True
        for values in rows:
            cells = table.add_row().cells
            for i, (cell, value) in enumerate(zip(cells, values)):
                cell.text = self.text(value)
                if i >= numeric_from:
                    cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        self.doc.add_paragraph()

    def report(self, audit: ReportAudit, rule_titles: dict[str, str]) -> None:
        w, lang = self.w, self.lang
        self.heading(report_title(audit, lang), 1)
        self.paragraph(audit.source, bold_lead=f"{w['source']}: ")
        if audit.error:
            self.paragraph(audit.error, bold_lead=f"{w['unreadable']}: ")
            return
        rows = summary_rows(audit)
        if not rows:
            self.paragraph(w["no_findings"])
        else:
            self.heading(w["summary_heading"], 2)
            header = [w["rule"]] + [severity_label(s, lang) for s in SEVERITY_ORDER] + \
                     [w["dismissed"], w["confirmed"], w["total"]]
            body, total = [], Counter()
            for rule, c in rows:
                total.update(c)
                body.append([rule] + [_count(c, k) for k in (*SEVERITY_ORDER, *DECISION_KEYS)])
            body.append([w["total"]] + [_count(total, k) for k in (*SEVERITY_ORDER, *DECISION_KEYS)])
            self.table(header, body)
            self.heading(w["by_goal"], 2)
            for goal, found in goal_groups(audit):
                self.heading(goal_heading(goal, lang), 3)
                for f in sorted_findings(found):
                    self.finding(f, rule_titles)
        held = withheld_lines(audit, lang)
        if held:
            self.heading(w["withheld"], 2)
            self.paragraph(held[0])
            for line in held[1:]:
                self.paragraph(line, style="List Bullet")

    def finding(self, f: Finding, rule_titles: dict[str, str]) -> None:
        w, lang = self.w, self.lang
        where = location(f, lang) or place(f.line, lang)
        title = rule_titles.get(f.rule)
        lead = f"{severity_label(f.severity, lang)} · {f.rule} · {where}"
        p = self.paragraph(f" – {title}" if title else "", bold_lead=lead)
        p.paragraph_format.keep_with_next = True
        self.paragraph(message_of(f, self.lang))
        for line in evidence_lines(f, lang):
            self.paragraph(line, style="List Bullet")
        if f.review is not None:
            r = f.review
            decided = w["decided"].format(decision=label(r.decision, lang), by=r.by, date=r.date, reason=r.reason)
        else:
            decided = w["no_decision"]
        self.paragraph(decided, bold_lead=f"{w['reviewed_by']}: ")
        fp = self.paragraph(f"{w['fingerprint']}: {f.fingerprint}")
        fp.runs[0].font.size = _points(8)

    def stale(self, result: AuditResult) -> None:
        if not result.stale_reviews:
            return
        w = self.w
        self.heading(w["stale"], 1)
        self.paragraph(w["stale_text"])
        for s in result.stale_reviews:
            what = " ".join(x for x in (s.rule, s.source) if x)
            self.paragraph(f"{s.fingerprint} {what}: {label(s.review.decision, self.lang)}, {s.review.by}, "
                           f"{s.review.date}: {s.review.reason}", style="List Bullet")

    def bytes(self) -> bytes:
        raw = io.BytesIO()
        self.doc.save(raw)
        return _fixed_times(raw.getvalue())


def _count(c: Counter, key: str) -> str:
    return str(c.get(key, 0)) if c.get(key) else ""


def _points(n: float):
    from docx.shared import Pt  # optional heavy: python-docx, only for --format docx
    return Pt(n)


def _fixed_times(data: bytes) -> bytes:
    """The package again with every member's time fixed, in the same order and compression."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            dst.writestr(info, src.read(item.filename))
    return out.getvalue()


def render_docx(result: AuditResult, options: Any = None) -> bytes:
    lang = opt(options, "lang", "sv")
    writer = _Writer(lang)
    writer.heading(writer.w["document_title"], 0)
    titles = opt(options, "rule_titles", {}) or {}
    for audit in result.reports:
        writer.report(audit, titles)
    writer.stale(result)
    return writer.bytes()
