"""JSON output: exactly the ``auditor.findings/1`` contract, sorted and without timestamps, so that two
runs over the same input give byte-identical files. Two keys outside the contract appear only when needed:
``error`` for a file that could not be audited, and ``complete: false`` with the parser's ``diagnostics``
(line, code, message) for a report that was only partly parsed (cut off, or no goals found)."""
from __future__ import annotations

import json

from ..findings import SCHEMA, AuditResult
from ..words.diagnostics import described
from ..words.findings import evidence_of, message_of
from .options import opt

REPORT_KEYS = ("source", "committee", "unit", "report_kind", "year")
FINDING_KEYS = ("rule", "severity", "line", "message", "goal", "evidence", "fingerprint")


def report_doc(audit, lang: str = "sv") -> dict:
    """The contract object of one audited report."""
    doc = {k: getattr(audit, k) for k in REPORT_KEYS}
    findings = sorted(audit.findings, key=lambda f: (f.line, f.rule, f.fingerprint))
    doc["findings"] = []
    for f in findings:
        item = f.model_dump(mode="json", context={"lang": lang})   # message and evidence worded in lang
        entry = {k: item[k] for k in FINDING_KEYS}
        if item.get("page"):               # a PDF report: the page and the line on it, next to the line
            entry = {**{k: entry[k] for k in ("rule", "severity", "line")}, "page": item["page"],
                     "page_line": item["page_line"], **{k: entry[k] for k in FINDING_KEYS[3:]}}
        if item["confidence"] != "high":    # the contract has no confidence key; keep it in the evidence
            entry["evidence"] = {**entry["evidence"], "confidence": item["confidence"]}
        # a reviewer's decision and the baseline state are added only when there is one
        if item.get("review"):
            entry["review"] = item["review"]
        if item.get("baseline"):
            entry["baseline"] = item["baseline"]
        doc["findings"].append(entry)
    if audit.withheld:                     # findings that rest on cells more likely misplaced than not
        doc["withheld"] = [{"rule": f.rule, "line": f.line, "message": message_of(f, lang), "certainty": f.certainty,
                            "evidence": evidence_of(f, lang), "fingerprint": f.fingerprint}
                           for f in sorted(audit.withheld, key=lambda f: (f.line, f.rule, f.fingerprint))]
    if audit.error:                        # only for a file that could not be audited at all
        doc["error"] = audit.error
    elif not audit.complete:               # only for a partial report: audited as far as it was parsed
        doc["complete"] = False
        doc["diagnostics"] = [{"line": d.line, "code": d.code,
                               "message": described(d, lang)}
                              for d in audit.diagnostics]
    return doc


def contract(result: AuditResult, lang: str = "sv") -> dict:
    out = {"schema": SCHEMA, "reports": [report_doc(audit, lang) for audit in result.reports]}
    if result.stale_reviews:
        out["stale_reviews"] = [s.model_dump(mode="json") for s in result.stale_reviews]
    return out


def _dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=1, sort_keys=False)


def render(result: AuditResult, options: dict | None = None) -> str:
    """``json.dumps(contract(result), indent=1)``, byte for byte, built one report at a time (see
    ``JsonParts``): with an indent the json module encodes in Python into a list of small chunks, which for a
    batch of hundreds of reports costs several times the size of the output; per report it stays small."""
    pieces: list[str] = []
    parts = JsonParts(pieces.append, opt(options, "lang", "sv"))
    for audit in result.reports:
        parts.add(audit)
    parts.close(result.stale_reviews)
    return "".join(pieces)


def stream(write, options: dict | None = None) -> "JsonParts":
    """The JSON output written report by report into ``write`` (``auditor.render.STREAMED``)."""
    return JsonParts(write, opt(options, "lang", "sv"))


class JsonParts:
    """The JSON output written one report at a time, as each report's audit arrives (``add``), into
    ``write``, and ended with the batch's stale review decisions (``close``): the same bytes as ``render``
    of the whole batch, without holding the batch."""

    def __init__(self, write, lang: str = "sv") -> None:
        self._write = write
        self._lang = lang
        self._reports = 0
        write('{\n "schema": ' + _dumps(SCHEMA) + ',\n "reports": [')

    def add(self, audit) -> None:
        # JSON text has no raw line breaks inside strings, so the report's lines can be indented as a block
        lines = _dumps(report_doc(audit, self._lang)).split("\n")
        self._write(("\n" if not self._reports else ",\n") + "\n".join("  " + line for line in lines))
        self._reports += 1

    def close(self, stale_reviews=()) -> None:
        end = "\n ]" if self._reports else "]"
        if stale_reviews:
            lines = _dumps([s.model_dump(mode="json") for s in stale_reviews]).split("\n")
            end += ',\n "stale_reviews": ' + "\n".join([lines[0]] + [" " + line for line in lines[1:]])
        self._write(end + "\n}\n")
