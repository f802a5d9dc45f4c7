"""JSON output: exactly the ``auditor.findings/1`` contract, sorted and without timestamps, so that two
runs over the same input give byte-identical files."""
from __future__ import annotations

import json

from ..findings import AuditResult

REPORT_KEYS = ("source", "committee", "unit", "report_kind", "year")
FINDING_KEYS = ("rule", "severity", "line", "message", "goal", "evidence", "fingerprint")


def contract(result: AuditResult) -> dict:
    reports = []
    for audit in result.reports:
        doc = {k: getattr(audit, k) for k in REPORT_KEYS}
        findings = sorted(audit.findings, key=lambda f: (f.line, f.rule, f.fingerprint))
        doc["findings"] = []
        for f in findings:
            item = f.model_dump(mode="json")
            entry = {k: item[k] for k in FINDING_KEYS}
            if item["confidence"] != "high":    # the contract has no confidence key; keep it in the evidence
                entry["evidence"] = {**entry["evidence"], "confidence": item["confidence"]}
            # a reviewer's decision and the baseline state are added only when there is one
            if item.get("review"):
                entry["review"] = item["review"]
            if item.get("baseline"):
                entry["baseline"] = item["baseline"]
            doc["findings"].append(entry)
        if audit.error:                        # only for a file that could not be audited at all
            doc["error"] = audit.error
        reports.append(doc)
    out = {"schema": "auditor.findings/1", "reports": reports}
    if result.stale_reviews:
        out["stale_reviews"] = [s.model_dump(mode="json") for s in result.stale_reviews]
    return out


def render(result: AuditResult, options: dict | None = None) -> str:
    return json.dumps(contract(result), ensure_ascii=False, indent=1, sort_keys=False) + "\n"
