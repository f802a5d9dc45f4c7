"""``--format sarif``: SARIF 2.1.0 for code-scanning viewers.

One run per audit; one result per finding, located at the report file and the finding's line. The finding's
fingerprint goes into ``partialFingerprints`` so viewers track it across runs; a dismissed finding carries an
``accepted`` suppression with the reviewer's reason; with a baseline, ``baselineState`` says new or unchanged.
No timestamps: the same audit gives the same bytes.
"""
from __future__ import annotations

import json
import os
from pathlib import Path, PurePath
from typing import Any
from urllib.parse import quote

from .. import __version__
from ..findings import AuditResult, Finding, ReportAudit
from ..words.findings import evidence_of, message_of
from .counts import rule_ids
from .names import report_name
from .options import opt
from .safe_text import clean_data, clean_text
from . import written_whole

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT_KEY = "auditor/v1"


def _location(source: str) -> dict[str, str]:
    """The report file as an artifact location. A relative path is a URI reference relative to
    ``%SRCROOT%`` (the folder the audit ran in: forward slashes, spaces and odd characters escaped); an
    absolute one, or one that climbs out of that folder (``../``), is an absolute ``file://`` URI without a
    base, since a viewer resolving it under %SRCROOT% would look in the wrong place."""
    path = PurePath(source)
    if path.is_absolute() or ".." in path.parts:
        return {"uri": Path(os.path.abspath(source)).as_uri()}
    return {"uri": quote(path.as_posix(), safe="/-._~"), "uriBaseId": "%SRCROOT%"}


def _result(audit: ReportAudit, f: Finding, index: dict[str, int], lang: str) -> dict:
    properties: dict[str, Any] = {"committee": report_name(audit), "confidence": f.confidence}
    if f.goal is not None:
        properties["goal"] = f.goal.model_dump()
    if f.evidence:
        properties["evidence"] = evidence_of(f, lang)
    result: dict[str, Any] = {
        "ruleId": f.rule,
        "ruleIndex": index[f.rule],
        "level": LEVEL[f.severity],
        "message": {"text": clean_text(message_of(f, lang)) or f.rule},
        "locations": [{"physicalLocation": {
            "artifactLocation": _location(audit.source),
            "region": {"startLine": max(f.line, 1)},
        }}],
    }
    if f.fingerprint:
        result["partialFingerprints"] = {FINGERPRINT_KEY: f.fingerprint}
    if f.baseline:
        result["baselineState"] = f.baseline
    if f.review is not None:
        properties["review"] = f.review.model_dump()
        if f.dismissed:
            result["suppressions"] = [{"kind": "external", "status": "accepted",
                                       "justification": f"{f.review.reason} ({f.review.by}, {f.review.date})"}]
    result["properties"] = properties
    return result


def _notification(audit: ReportAudit) -> dict:
    # the error already names the file ("a.txt: filen är tom")
    text = audit.error if audit.error.startswith(audit.source) else f"{audit.source}: {audit.error}"
    return {"level": "error", "message": {"text": text},
            "locations": [{"physicalLocation": {"artifactLocation": _location(audit.source)}}]}


def _sorted(findings) -> list[Finding]:
    return sorted(findings, key=lambda f: (f.line, f.rule, f.fingerprint))


def _run(ids: list[str], artifacts: list, results: list, notifications: list, stale_reviews, options: Any) -> dict:
    titles: dict[str, str] = opt(options, "rule_titles", {})
    rules = []
    for rule in ids:
        entry: dict[str, Any] = {"id": rule}
        if titles.get(rule):
            entry["shortDescription"] = {"text": titles[rule]}
        rules.append(entry)
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "auditor", "version": __version__, "rules": rules}},
        "artifacts": artifacts,
        "results": results,
        "columnKind": "unicodeCodePoints",
    }
    if notifications:
        # a file that could not be read was not audited: the run did not do all it was asked to
        run["invocations"] = [{"executionSuccessful": False, "toolExecutionNotifications": notifications}]
    if stale_reviews:
        run["properties"] = {"staleReviews": [s.model_dump() for s in stale_reviews]}
    return run


def build_sarif(result: AuditResult, options: Any = None) -> dict:
    ids = rule_ids(result, options)
    index = {rule: i for i, rule in enumerate(ids)}
    lang = opt(options, "lang", "sv")
    results = []
    notifications = []
    artifacts = []
    for audit in result.reports:
        artifacts.append({"location": _location(audit.source)})
        if audit.error:
            notifications.append(_notification(audit))
        for f in _sorted(audit.findings):
            results.append(_result(audit, f, index, lang))
    run = _run(ids, artifacts, results, notifications, result.stale_reviews, options)
    return clean_data({"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]})


def _dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2, sort_keys=False)


def render_sarif(result: AuditResult, options: Any = None) -> str:
    """``json.dumps(build_sarif(result, options), indent=2)``, built as a batch's output is written (see
    ``SarifParts``)."""
    return written_whole(two_pass(options), result)


def two_pass(options: Any = None) -> "SarifParts":
    """The SARIF output of a batch read twice (``auditor.render.TWO_PASS``)."""
    return SarifParts(options)


# The line where a run's results stand, as json.dumps writes an empty list at that depth (a string value
# holding these characters would have its quotes escaped, so only the key itself can give this line).
_RESULTS = '\n      "results": [],\n'


class SarifParts:
    """The SARIF output written with one report's results in memory at a time: ``scan`` each report in the
    batch's order first (the rule list, indexed by the results, and the artifacts come before the results,
    so what they need is kept: rule ids, locations, errors), then ``write`` reads the reports again, in the
    same order, and writes the document around their results: the bytes of ``build_sarif`` dumped whole."""

    def __init__(self, options: Any = None) -> None:
        self._options = options
        self._lang = opt(options, "lang", "sv")
        self._ids: set[str] = set(opt(options, "rule_ids") or ())
        self._artifacts: list[dict] = []
        self._notifications: list[dict] = []

    def scan(self, audit: ReportAudit) -> None:
        self._artifacts.append({"location": _location(audit.source)})
        if audit.error:
            self._notifications.append(_notification(audit))
        self._ids.update(f.rule for f in audit.findings)

    def write(self, write, audits, stale_reviews=()) -> None:
        ids = sorted(self._ids)
        index = {rule: i for i, rule in enumerate(ids)}
        run = _run(ids, self._artifacts, [], self._notifications, stale_reviews, self._options)
        head, tail = _dumps(clean_data({"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]})).split(_RESULTS)
        write(head + '\n      "results": [')
        written = 0
        for audit in audits:
            for f in _sorted(audit.findings):
                lines = _dumps(clean_data(_result(audit, f, index, self._lang))).split("\n")
                write(("\n" if not written else ",\n") + "\n".join("        " + line for line in lines))
                written += 1
        write(("\n      ]" if written else "]") + ",\n" + tail + "\n")
