"""``--format html``: one self-contained page per committee and an index page for a batch.

Pages carry their CSS and JavaScript inline and a Content-Security-Policy that forbids any network access,
so a page can be mailed or attached to a case as it is. Jinja2 autoescapes every value; no template marks
report text as safe.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from .. import __version__
from ..files import write_folder
from ..findings import AuditResult, Finding, ReportAudit
from ..model import Goal
from ..triage.gate import gates
from ..words import by_lang, catalogue, counted, direction_reason, number
from ..words.diagnostics import described
from ..words.findings import evidence_of, message_of
from .counts import rule_ids, severity_counts
from .destination import html_needs_folder, is_folder_output
from .evidence import evidence_pairs
from .headings import grouped_item
from .location import location
from .names import page_names, report_label, report_name
from .options import opt
from .order import signal_first, sorted_findings
from .safe_text import clean_text
from .tags import label

UI: dict[str, dict[str, str]] = by_lang(catalogue.HTML)

EVIDENCE_LIMIT = 2000


@dataclass
class FindingView:
    rule: str
    rule_title: str
    severity: str
    severity_label: str
    line: int
    message: str
    evidence: list[tuple[str, str]]
    fingerprint: str
    low_confidence: bool
    decision: str | None
    decision_label: str | None
    review_reason: str | None
    review_by: str | None
    review_date: str | None
    baseline_label: str | None
    gating: bool
    where: str | None = None      # "sida 12, rad 30" for a PDF report (render/location.py)


@dataclass
class IndicatorView:
    name: str
    line: int
    figure: str
    figure_column: str | None
    target: str
    met: bool | None
    direction: str | None
    decided_by: str | None
    analysis: bool


@dataclass
class GoalView:
    id: str
    number: str | None
    title: str
    level_label: str
    line: int
    assessment: str | None
    assessment_label: str
    analysis: str | None
    indicators: list[IndicatorView]
    met: int
    not_met: int
    undecided: int
    activities: int
    deviations: list[tuple[str, int]]
    findings: list[FindingView]
    children: list["GoalView"] = field(default_factory=list)


@functools.lru_cache(maxsize=1)
def _environment():
    """One environment per process: building it compiles the templates (~20 ms), which a batch, a review
    loop or a test run should pay once."""
    import jinja2  # optional heavy: Jinja2 (~140 ms), only where a page is rendered
    return jinja2.Environment(
        loader=jinja2.PackageLoader("auditor", "templates"),
        autoescape=True,  # every template and every value: report text never reaches the page unescaped
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )


def _cell(cell) -> str:
    return clean_text(cell.text) if cell is not None else ""


class _Builder:
    def __init__(self, options: Any) -> None:
        self.lang = opt(options, "lang", "sv")
        if self.lang not in UI:
            self.lang = "sv"
        self.fail_on = opt(options, "fail_on", "error")
        self.uncertain = opt(options, "fail_on_uncertain", False)
        self.rule_titles: dict[str, str] = opt(options, "rule_titles", {})

    def finding(self, f: Finding) -> FindingView:
        review = f.review
        return FindingView(
            rule=clean_text(f.rule), rule_title=clean_text(self.rule_titles.get(f.rule, "")),
            severity=f.severity, severity_label=label(f.severity, self.lang), line=f.line,
            where=location(f, self.lang),
            message=clean_text(message_of(f, self.lang)),
            evidence=[(clean_text(k), clean_text(v, EVIDENCE_LIMIT)) for k, v in evidence_pairs(evidence_of(f, self.lang), self.lang)],
            fingerprint=clean_text(f.fingerprint), low_confidence=f.confidence == "low",
            decision=review.decision if review else None,
            decision_label=label(review.decision, self.lang) if review else None,
            review_reason=clean_text(review.reason) if review else None,
            review_by=clean_text(review.by) if review else None,
            review_date=clean_text(review.date) if review else None,
            baseline_label=label(f.baseline, self.lang) if f.baseline else None,
            gating=gates(f, self.fail_on, self.uncertain),
        )

    def goal(self, audit: ReportAudit, goal: Goal, by_goal: dict[str, list[Finding]]) -> GoalView:
        indicators = []
        for ind in goal.indicators:
            st = audit.indicator_status.get((goal.id, ind.line))
            target = st.target if st else None
            indicators.append(IndicatorView(
                name=clean_text(ind.name), line=ind.line, figure=number(st.figure, self.lang) if st and st.figure is not None else "",
                figure_column=st.figure_column if st else None,
                target=number(target, self.lang) if target is not None else _cell(ind.target),
                met=st.met if st else None, direction=st.direction if st else None,
                decided_by=clean_text(direction_reason(st, self.lang)) if st else None,
                analysis=bool(ind.analysis)))
        return GoalView(
            id=clean_text(goal.id), number=clean_text(goal.number) or None, title=clean_text(goal.title),
            level_label=label(goal.level, self.lang), line=goal.line, assessment=goal.assessment,
            assessment_label=label(goal.assessment, self.lang),
            analysis=clean_text(goal.analysis, 600) if goal.analysis else None,
            indicators=indicators,
            met=sum(1 for i in indicators if i.met is True),
            not_met=sum(1 for i in indicators if i.met is False),
            undecided=sum(1 for i in indicators if i.met is None),
            activities=len(goal.activities),
            deviations=[(clean_text(a.text, 120), a.line) for a in goal.activities if a.deviation],
            findings=[self.finding(f) for f in sorted_findings(by_goal.get(goal.id, []))],
        )

    def info_groups(self, audit: ReportAudit) -> tuple[list[dict], set[str]]:
        """A rule's repeated info findings as one entry each (``signal_first``), and their fingerprints."""
        _, groups = signal_first(audit)
        out, taken = [], set()
        for rule, findings in groups:
            out.append({"rule": clean_text(rule), "title": clean_text(self.rule_titles.get(rule, "")),
                        "severity_label": label("info", self.lang), "count": len(findings),
                        "rows": [(self.finding(f), clean_text(grouped_item(f, self.lang))) for f in findings]})
            taken.update(f.fingerprint for f in findings)
        return out, taken

    def tree(self, audit: ReportAudit, leave: set[str] = frozenset()) -> tuple[list[GoalView], list[FindingView]]:
        """The goal tree with its findings, but for those in ``leave`` (shown grouped elsewhere)."""
        report = audit.report
        by_goal: dict[str, list[Finding]] = {}
        loose: list[Finding] = []
        known = {g.id for g in report.goals} if report else set()
        for f in audit.findings:
            if f.fingerprint in leave:
                continue
            if f.goal is not None and f.goal.id in known:
                by_goal.setdefault(f.goal.id, []).append(f)
            else:
                loose.append(f)
        roots: list[GoalView] = []
        if report is not None:
            views = {g.id: self.goal(audit, g, by_goal) for g in report.goals}
            for g in report.goals:
                parent = views.get(g.parent) if g.parent else None
                (parent.children if parent is not None else roots).append(views[g.id])
        return roots, [self.finding(f) for f in sorted_findings(loose)]


def _stale_views(stale, lang: str) -> list[dict]:
    return [{"fingerprint": clean_text(s.fingerprint), "rule": clean_text(s.rule), "source": clean_text(s.source),
             "decision": label(s.review.decision, lang), "reason": clean_text(s.review.reason),
             "by": clean_text(s.review.by), "date": clean_text(s.review.date)} for s in stale]


def _page_context(audit: ReportAudit, builder: _Builder, index_name: str | None, stale=()) -> dict:
    info_groups, grouped = builder.info_groups(audit)
    roots, loose = builder.tree(audit, grouped)
    findings = audit.findings
    rules = sorted({f.rule for f in findings})
    return {
        "lang": builder.lang, "t": UI[builder.lang], "title": report_label(audit), "name": report_name(audit),
        "audit": audit, "source": clean_text(audit.source), "error": clean_text(audit.error) or None,
        # a dismissed finding is counted as dismissed, not under its severity (as in every output)
        "counts": severity_counts(f for f in findings if not f.dismissed), "total": len(findings),
        "dismissed": sum(1 for f in findings if f.dismissed),
        "rules": [(r, clean_text(builder.rule_titles.get(r, ""))) for r in rules],
        "severity_labels": [(s, label(s, builder.lang)) for s in ("error", "warning", "info")],
        "roots": roots, "loose": loose, "info_groups": info_groups, "index_name": index_name,
        "diagnostics": [(d.line, clean_text(d.code), clean_text(described(d, builder.lang), 500))
                        for d in audit.diagnostics],
        "complete": audit.complete, "version": _version(), "stale": _stale_views(stale, builder.lang),
    }


def _version() -> str:
    return __version__


def render_pages(result: AuditResult, options: Any = None) -> dict[str, str]:
    """File name -> HTML for every page: one per report, plus ``index.html`` when the batch has more than one."""
    env = _environment()
    builder = _Builder(options)
    names = page_names(result)
    batch = len(result.reports) > 1 or opt(options, "index", False)
    page = env.get_template("report.html.j2")
    def stale_for(audit: ReportAudit) -> list:
        if len(result.reports) == 1:
            return result.stale_reviews
        return [s for s in result.stale_reviews if s.source and PurePath(s.source).name == PurePath(audit.source).name]
    pages = {name: page.render(**_page_context(audit, builder, "index.html" if batch else None, stale_for(audit)))
             for name, audit in zip(names, result.reports)}
    if batch:
        pages["index.html"] = env.get_template("index.html.j2").render(**_index_context(result, names, builder))
    return pages


def _index_context(result: AuditResult, names: list[str], builder: _Builder) -> dict:
    rules = rule_ids(result, None)
    rows = []
    for name, audit in zip(names, result.reports):
        per_rule = {r: 0 for r in rules}
        for f in audit.findings:
            per_rule[f.rule] += 1
        rows.append({
            "href": name, "name": report_name(audit), "kind": " ".join(str(x) for x in (audit.report_kind, audit.year) if x),
            "source": clean_text(audit.source), "error": clean_text(audit.error) or None,
            "counts": severity_counts(f for f in audit.findings if not f.dismissed),
            "dismissed": sum(1 for f in audit.findings if f.dismissed),
            "per_rule": [per_rule[r] for r in rules],
        })
    totals = severity_counts(f for a in result.reports for f in a.findings if not f.dismissed)
    stale = _stale_views(result.stale_reviews, builder.lang)
    return {"lang": builder.lang, "t": UI[builder.lang], "rows": rows, "rules": rules, "totals": totals,
            "reports_line": counted(UI[builder.lang]["n_reports"], len(rows)),
            "stale": stale, "version": _version()}


def render_html(result: AuditResult, options: Any = None) -> str | None:
    """The registry entry. With ``options.output`` (a folder) it writes every page there, with the index
    page even for a single report, and returns None; without, it returns the single report's page (a batch
    needs a folder)."""
    output = opt(options, "output")
    if is_folder_output("html", output):
        options = {**(options if isinstance(options, dict) else vars(options or {})), "index": True}
        write_folder(output, render_pages(result, options))
        return None
    if len(result.reports) != 1:
        raise html_needs_folder()
    return next(iter(render_pages(result, options).values()))
