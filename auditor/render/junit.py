"""``--format junit``: JUnit XML for CI test-report viewers.

One ``<testsuite>`` per committee (report file), one ``<testcase>`` per rule in it. A test case fails when
the rule has findings that gate (severity at or above ``--fail-on``, not dismissed, not in the baseline); the
failure text lists them. Findings that do not gate are listed in the case's ``<system-out>``, so a reviewer
still sees them and their decisions. A report that could not be read is a suite with one ``<error>`` case.
"""
from __future__ import annotations

from typing import Any
from xml.etree import ElementTree as ET

from ..findings import AuditResult, Finding, ReportAudit
from ..triage.gate import gates
from ..words import catalogue, counted, texts
from ..words.findings import evidence_of, message_of
from .counts import rule_ids
from .evidence import evidence_pairs
from .names import report_label
from .options import opt
from .order import sorted_findings
from .safe_text import clean_text
from .tags import label
from . import written_whole

MESSAGE_LIMIT = 500


def _line(audit: ReportAudit, f: Finding, lang: str) -> str:
    parts = [f"{audit.source}:{f.line}: [{label(f.severity, lang)}] {f.rule}: {message_of(f, lang)}"]
    if f.goal is not None and not f.evidence.get("goal"):   # else the evidence names the goal
        goal = " ".join(x for x in (f.goal.number, f.goal.title) if x)
        parts.append(f"    {texts(catalogue.CI, lang)['goal']}: {goal}")
    for key, value in evidence_pairs(evidence_of(f, lang), lang):   # localised; empty fields left out
        parts.append(f"    {key}: " + value.replace("\n", "\n        "))
    if f.review is not None:
        parts.append(f"    {label(f.review.decision, lang)}: {f.review.reason} ({f.review.by}, {f.review.date})")
    if f.baseline == "unchanged":
        parts.append(f"    {label('unchanged', lang)}")
    parts.append(f"    {texts(catalogue.CI, lang)['fingerprint']}: {f.fingerprint}")
    return "\n".join(parts)


def _suite(audit: ReportAudit, ids: list[str], lang: str, fail_on: str, uncertain: bool) -> tuple[ET.Element, int, int, int]:
    """A report's ``<testsuite>`` and its tests, failures and errors."""
    suite = ET.Element("testsuite", name=clean_text(report_label(audit)))
    tests = failures = errors = 0
    classname = clean_text(audit.source)
    if audit.error:
        case = ET.SubElement(suite, "testcase", name="read", classname=classname)
        err = ET.SubElement(case, "error", message=clean_text(audit.error, MESSAGE_LIMIT), type="InputError")
        err.text = clean_text(audit.error)
        tests, errors = 1, 1
    else:
        by_rule: dict[str, list[Finding]] = {}
        for f in audit.findings:
            by_rule.setdefault(f.rule, []).append(f)
        for rule in ids:
            tests += 1
            case = ET.SubElement(suite, "testcase", name=clean_text(rule), classname=classname)
            findings = sorted_findings(by_rule.get(rule, []))
            failing = [f for f in findings if gates(f, fail_on, uncertain)]
            passing = [f for f in findings if not gates(f, fail_on, uncertain)]
            if failing:
                failures += 1
                first = failing[0]
                w = texts(catalogue.CI, lang)
                summary = f"{counted(w['findings'], len(failing))}, {w['first_at_line']} {first.line}: {message_of(first, lang)}"
                node = ET.SubElement(case, "failure", message=clean_text(summary, MESSAGE_LIMIT), type=clean_text(rule))
                node.text = clean_text("\n\n".join(_line(audit, f, lang) for f in failing))
            if passing:
                out = ET.SubElement(case, "system-out")
                out.text = clean_text("\n\n".join(_line(audit, f, lang) for f in passing))
    suite.set("tests", str(tests))
    suite.set("failures", str(failures))
    suite.set("errors", str(errors))
    suite.set("skipped", "0")
    return suite, tests, failures, errors


def _failing_rules(audit: ReportAudit, fail_on: str, uncertain: bool) -> int:
    """How many of a readable report's test cases fail: its rules with a finding that gates."""
    return len({f.rule for f in audit.findings if gates(f, fail_on, uncertain)})


def build_junit(result: AuditResult, options: Any = None) -> ET.Element:
    lang = opt(options, "lang", "sv")
    fail_on = opt(options, "fail_on", "error")
    uncertain = opt(options, "fail_on_uncertain", False)
    ids = rule_ids(result, options)
    root = ET.Element("testsuites", name="auditor")
    total_tests = total_failures = total_errors = 0
    for audit in result.reports:
        suite, tests, failures, errors = _suite(audit, ids, lang, fail_on, uncertain)
        root.append(suite)
        total_tests += tests
        total_failures += failures
        total_errors += errors
    root.set("tests", str(total_tests))
    root.set("failures", str(total_failures))
    root.set("errors", str(total_errors))
    return root


def render_junit(result: AuditResult, options: Any = None) -> str:
    """The indented XML of ``build_junit``, built as a batch's output is written (see ``JunitParts``)."""
    return written_whole(two_pass(options), result)


def two_pass(options: Any = None) -> "JunitParts":
    """The JUnit output of a batch read twice (``auditor.render.TWO_PASS``)."""
    return JunitParts(options)


class JunitParts:
    """The XML written with one report's ``<testsuite>`` in memory at a time: ``scan`` each report in the
    batch's order first (the root carries the batch's totals, and every suite has a case per rule the batch
    reports on), keeping counts and rule ids; then ``write`` reads the reports again, in the same order, and
    writes each suite as ``ET.indent`` places it in the whole tree."""

    def __init__(self, options: Any = None) -> None:
        self._lang = opt(options, "lang", "sv")
        self._fail_on = opt(options, "fail_on", "error")
        self._uncertain = opt(options, "fail_on_uncertain", False)
        self._ids: set[str] = set(opt(options, "rule_ids") or ())
        self._readable = self._failures = self._errors = 0

    def scan(self, audit: ReportAudit) -> None:
        if audit.error:
            self._errors += 1
            return
        self._readable += 1
        self._ids.update(f.rule for f in audit.findings)
        self._failures += _failing_rules(audit, self._fail_on, self._uncertain)

    def write(self, write, audits, stale_reviews=()) -> None:
        ids = sorted(self._ids)
        root = ET.Element("testsuites", name="auditor", tests=str(self._readable * len(ids) + self._errors),
                          failures=str(self._failures), errors=str(self._errors))
        count = self._readable + self._errors
        if not count:
            ET.indent(root, space="  ")
            write('<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n")
            return
        start = ET.tostring(root, encoding="unicode")            # <testsuites ... />: its attributes, escaped
        write('<?xml version="1.0" encoding="UTF-8"?>\n' + start[:-len(" />")] + ">\n  ")
        for k, audit in enumerate(audits):
            suite = _suite(audit, ids, self._lang, self._fail_on, self._uncertain)[0]
            ET.indent(suite, space="  ", level=1)
            suite.tail = "\n  " if k < count - 1 else "\n"
            write(ET.tostring(suite, encoding="unicode"))
        write("</testsuites>\n")
