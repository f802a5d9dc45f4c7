"""JSON output: exactly the ``auditor.findings/1`` contract, sorted and without timestamps, so that two
runs over the same input give byte-identical files. Two keys outside the contract appear only when needed:
``error`` for a file that could not be audited, and ``complete: false`` with the parser's ``diagnostics``
(line, code, message) for a report that was only partly parsed (cut off, or no goals found)."""
from __future__ import annotations

import json

from ..findings import AuditResult

REPORT_KEYS = ("source", "committee", "unit", "report_kind", "year")
FINDING_KEYS = ("rule", "severity", "line", "message", "goal", "evidence", "fingerprint")


def contract(result: AuditResult, lang: str = "sv") -> dict:
    from ..diagnostics import MESSAGES, message

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
            doc["findings"].append(entry)
        if audit.error:                        # only for a file that could not be audited at all
            doc["error"] = audit.error
        elif not audit.complete:               # only for a partial report: audited as far as it was parsed
            doc["complete"] = False
            doc["diagnostics"] = [{"line": d.line, "code": d.code,
                                   "message": message(d.code, lang) if d.code in MESSAGES else d.message}
                                  for d in audit.diagnostics]
        reports.append(doc)
    return {"schema": "auditor.findings/1", "reports": reports}


def render(result: AuditResult, options: dict | None = None) -> str:
    from ._common import opt
    doc = contract(result, opt(options, "lang", "sv"))
    return json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=False) + "\n"
