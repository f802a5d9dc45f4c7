"""Where the review, baseline and compare commands get their findings from.

A ``.json`` file written by ``auditor audit --format json`` (contract auditor.findings/1) is read as it is;
any other path is audited with the rules engine through ``audit_reports`` — the one function that connects
these commands to the engine.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from ..findings import SCHEMA, AuditResult
from ..files.json_document import read_document
from ..workflow.audit import audit_paths
from ..engine.config import load_config


def audit_reports(paths: list[str], args: Any, own=None) -> AuditResult:
    """Audit report files or folders (parse + rules) with the project's configuration, as ``auditor audit``
    does, so that baselines and review checks see the same findings. The one link to the rules engine."""
    config = load_config(getattr(args, "config", None))
    config.lang = getattr(args, "lang", None) or config.lang
    return audit_paths(paths, config, own=own)


def read_findings_json(path: Path) -> AuditResult:
    return read_document(path, SCHEMA, AuditResult, "a_findings_file")


def load_result(paths: list[str], args: Any, own=None) -> AuditResult:
    """Findings for ``paths`` in the order given: JSON findings files read, the rest audited together
    (``own``: the command's output files, see ``auditor.files.OwnOutputs``)."""
    result = AuditResult()
    pending: list[str] = []

    def flush() -> None:
        if pending:
            result.reports.extend(audit_reports(list(pending), args, own).reports)
            pending.clear()

    for raw in paths:
        path = Path(raw)
        if path.suffix.lower() == ".json" and path.is_file():
            flush()
            result.reports.extend(read_findings_json(path).reports)
        else:
            pending.append(raw)
    flush()
    return result
