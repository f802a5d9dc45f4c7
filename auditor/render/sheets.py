"""``--format xlsx`` and ``--format csv``: tables for auditors, across every committee in the batch.

Two tables: *findings* (one row per finding, with its review decision) and *indicators* (one row per indicator
row of every goal: its figures, the target, whether it is met, the direction and how that was decided).
Numbers stay numbers, yes/no columns are booleans, lines are integers. The xlsx has one sheet per table with
fitted column widths, a frozen header and filters; its document properties carry a fixed date so the same
audit gives the same bytes. CSV is written for Swedish Excel by default (``;`` and decimal comma, UTF-8 with
BOM); ``--lang en`` gives ``,`` and a decimal point.
"""
from __future__ import annotations

import io
from datetime import datetime
from typing import Any

from ..files import write_folder
from ..findings import AuditResult
from ..words import catalogue, direction_reason, word
from ..words.findings import evidence_of, message_of
from .destination import is_folder_output
from .evidence import evidence_pairs
from .names import report_name
from .options import opt
from .safe_text import clean_text
from .tags import label

# The columns of each table, by key (their headers: ``catalogue.SHEET_COLUMNS``). The report's name comes first.
REPORT_COLUMNS = ("committee", "report_kind", "year", "source")
FINDING_COLUMNS = REPORT_COLUMNS + (
    "line", "rule", "severity", "goal_number", "goal", "message", "evidence", "confidence", "decision", "reason",
    "decided_by", "decided_on", "baseline", "fingerprint")
INDICATOR_COLUMNS = REPORT_COLUMNS + (
    "goal_number", "goal", "goal_level", "assessment", "indicator", "line", "outcome", "outcome_men",
    "outcome_women", "previous", "forecast", "target", "kf_target", "target_text", "unit", "period", "figure",
    "figure_column", "met", "direction", "direction_decided_by", "has_analysis", "columns_certain", "findings")
# A column's kind drives its pandas dtype and xlsx cell format: text unless named here.
KINDS = {"year": "int", "line": "int", "page": "int", "page_line": "int", "outcome": "num", "outcome_men": "num",
         "outcome_women": "num", "previous": "num", "forecast": "num", "target": "num", "kf_target": "num", "figure": "num",
         "met": "bool", "has_analysis": "bool", "columns_certain": "bool", "goal": "long", "message": "long",
         "evidence": "long", "reason": "long", "indicator": "long", "direction_decided_by": "long"}

TEXT_LIMIT = 32000  # Excel's cell limit is 32 767 characters
FIXED_DATE = datetime(2000, 1, 1)
def _text(x: Any) -> str | None:
    return clean_text(x, TEXT_LIMIT) if x not in (None, "") else None


def evidence_cell(evidence: dict, lang: str) -> str | None:
    """The evidence as the terminal and HTML show it, in the reader's language, as "label: value; ...";
    empty fields are left out, and the items a finding lists (each unmet indicator, ...) are one per line."""
    return _text("; ".join(f"{k}: {v}" for k, v in evidence_pairs(evidence, lang)))


def finding_rows(result: AuditResult, lang: str = "sv") -> list[dict]:
    rows = []
    for audit in result.reports:
        for f in sorted(audit.findings, key=lambda f: (f.line, f.rule, f.fingerprint)):
            review = f.review
            rows.append({
                "committee": report_name(audit), "report_kind": audit.report_kind, "year": audit.year,
                "source": _text(audit.source), "line": f.line, "page": f.page, "page_line": f.page_line,
                "rule": f.rule,
                "severity": label(f.severity, lang),
                "goal_number": _text(f.goal.number) if f.goal else None,
                "goal": _text(f.goal.title) if f.goal else None,
                "message": _text(message_of(f, lang)),
                "evidence": evidence_cell(evidence_of(f, lang), lang),
                "confidence": word(catalogue.CONFIDENCE, f.confidence, lang),
                "decision": label(review.decision, lang) if review else None,
                "reason": _text(review.reason) if review else None,
                "decided_by": _text(review.by) if review else None,
                "decided_on": _text(review.date) if review else None,
                "baseline": label(f.baseline, lang) if f.baseline else None,
                "fingerprint": f.fingerprint,
            })
    return rows


def indicator_rows(result: AuditResult, options: Any = None) -> list[dict]:
    lang = opt(options, "lang", "sv")
    rows = []
    for audit in result.reports:
        report = audit.report
        if report is None:
            continue
        rules_by_line: dict[int, set[str]] = {}
        for f in audit.findings:
            if f.rule.startswith("IND-"):
                rules_by_line.setdefault(f.line, set()).add(f.rule)
        for goal in report.goals:
            for ind in goal.indicators:
                st = audit.indicator_status.get((goal.id, ind.line))
                cells = ind.cells()
                unit = next((c.unit for c in cells.values() if c is not None and c.unit), None)
                target_text = None
                if ind.target is not None and ind.target.value is None:
                    target_text = ind.target.text
                row = {
                    "committee": report_name(audit), "report_kind": audit.report_kind, "year": audit.year,
                    "source": _text(audit.source), "goal_number": _text(goal.number), "goal": _text(goal.title),
                    "goal_level": label(goal.level, lang),
                    "assessment": label(goal.assessment, lang) if goal.assessment else None,
                    "indicator": _text(ind.name), "line": ind.line,
                    **dict(zip(("page", "page_line"), report.page_of(ind.line) or (None, None))),
                    **{name: (cell.value if cell is not None else None) for name, cell in cells.items()},
                    "target_text": _text(target_text), "unit": _text(unit), "period": _text(ind.period),
                    "figure": st.figure if st else None,
                    "figure_column": word(catalogue.FIGURE_COLUMNS, st.figure_column, lang) if st else None,
                    "met": st.met if st else None,
                    "direction": word(catalogue.DIRECTIONS, st.direction, lang) if st else None,
                    "direction_decided_by": _text(direction_reason(st, lang)) if st else None,
                    "has_analysis": bool(ind.analysis), "columns_certain": ind.columns_certain,
                    "findings": ", ".join(sorted(rules_by_line.get(ind.line, ()))) or None,
                }
                rows.append(row)
    return rows


def _frame(rows: list[dict], columns: tuple[str, ...], lang: str):
    import pandas as pd  # optional heavy: pandas (~300 ms), only for a spreadsheet
    df = pd.DataFrame(rows, columns=list(columns))
    for key in columns:
        kind = KINDS.get(key, "text")
        if kind == "int":
            df[key] = df[key].astype("Int64")
        elif kind == "num":
            df[key] = pd.to_numeric(df[key], errors="coerce").astype("float64")
        elif kind == "bool":
            df[key] = df[key].astype("boolean")
        else:
            df[key] = df[key].astype("object").where(df[key].notna(), None)
    df.columns = [word(catalogue.SHEET_COLUMNS, key, lang) for key in columns]
    return df


def column_sets(result: AuditResult) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The columns of the two tables: with the page and the line on it after ``line`` when a report of
    the batch is a PDF (an auditor looks the place up in the PDF), as before when all are text."""
    if not any(a.report is not None and a.report.pages or any(f.page is not None for f in a.findings)
               for a in result.reports):
        return FINDING_COLUMNS, INDICATOR_COLUMNS
    return tuple(_with_pages(c) for c in (FINDING_COLUMNS, INDICATOR_COLUMNS))


def _with_pages(columns: tuple[str, ...]) -> tuple[str, ...]:
    at = columns.index("line") + 1
    return columns[:at] + ("page", "page_line") + columns[at:]


def frames(result: AuditResult, options: Any = None) -> dict[str, Any]:
    """Sheet name -> DataFrame (findings, indicators), headers in the output language."""
    lang = opt(options, "lang", "sv")
    names = (word(catalogue.SHEETS, "findings", lang), word(catalogue.SHEETS, "indicators", lang))
    findings, indicators = column_sets(result)
    return {
        names[0]: _frame(finding_rows(result, lang), findings, lang),
        names[1]: _frame(indicator_rows(result, options), indicators, lang),
    }


def _width(series, header: str, kind: str) -> float:
    longest = max([len(header)] + [len(str(v)) for v in series.dropna().tolist()[:2000]])
    if kind == "long":
        return min(max(longest, 20), 60)
    if kind == "bool":
        return max(len(header), 6) + 2
    return min(longest + 2, 40)


def render_xlsx(result: AuditResult, options: Any = None) -> bytes:
    import pandas as pd  # optional heavy: pandas (~300 ms), only for a spreadsheet
    buffer = io.BytesIO()
    sheets = frames(result, options)
    specs = column_sets(result)
    with pd.ExcelWriter(buffer, engine="xlsxwriter",
                        engine_kwargs={"options": {"strings_to_numbers": False, "strings_to_formulas": False,
                                                   "strings_to_urls": False}}) as writer:
        book = writer.book
        book.set_properties({"title": "auditor", "author": "auditor", "created": FIXED_DATE})
        wrap = book.add_format({"text_wrap": True, "valign": "top"})
        top = book.add_format({"valign": "top"})
        # A format with optional decimals ("#,##0.##") leaves a bare separator after whole numbers ("22,"
        # in Swedish Excel): each figure gets the format of what it is, whole or with decimals.
        whole = book.add_format({"num_format": "#,##0", "valign": "top"})
        decimal = book.add_format({"num_format": "#,##0.0###", "valign": "top"})
        integer = book.add_format({"num_format": "0", "valign": "top"})
        for (name, df), columns in zip(sheets.items(), specs):
            df.to_excel(writer, sheet_name=name, index=False)
            sheet = writer.sheets[name]
            for i, kind in enumerate(KINDS.get(key, "text") for key in columns):
                fmt = {"long": wrap, "num": whole, "int": integer}.get(kind, top)
                sheet.set_column(i, i, _width(df.iloc[:, i], df.columns[i], kind), fmt)
                if kind == "num":
                    for row, value in enumerate(df.iloc[:, i].tolist(), start=1):
                        if value == value and value is not None and not float(value).is_integer():
                            sheet.write_number(row, i, value, decimal)
            sheet.freeze_panes(1, 0)
            if len(df.columns):
                sheet.autofilter(0, 0, max(len(df), 1), len(df.columns) - 1)
    return buffer.getvalue()


def _csv(df, lang: str) -> str:
    sep, decimal = (";", ",") if lang == "sv" else (",", ".")
    yes, no = word(catalogue.YES_NO, "yes", lang), word(catalogue.YES_NO, "no", lang)
    df = df.copy()
    for column in df.columns:
        if str(df[column].dtype) == "boolean":
            df[column] = df[column].map({True: yes, False: no}).astype("object")
    return "\ufeff" + df.to_csv(index=False, sep=sep, decimal=decimal, lineterminator="\n")


def render_csv(result: AuditResult, options: Any = None) -> str | None:
    """The findings table; ``options.table == "indicators"`` gives the indicators table instead. With
    ``options.output`` naming a folder (existing, or ending in a slash) both tables are written there."""
    lang = opt(options, "lang", "sv")
    sheets = list(frames(result, options).values())
    output = opt(options, "output")
    if is_folder_output("csv", output):
        names = (word(catalogue.SHEETS, "findings_file", lang), word(catalogue.SHEETS, "indicators_file", lang))
        write_folder(output, {name: _csv(df, lang) for name, df in zip(names, sheets)})
        return None
    return _csv(sheets[1] if opt(options, "table") == "indicators" else sheets[0], lang)
