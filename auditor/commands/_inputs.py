"""Where the review, baseline and compare commands get their findings from.

A ``.json`` file written by ``auditor audit --format json`` (contract auditor.findings/1) is read as it is;
any other path is audited with the rules engine through ``audit_reports`` — the one function that connects
these commands to the engine.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..errors import InputError
from ..findings import SCHEMA, AuditResult


def audit_reports(paths: list[str], args: Any) -> AuditResult:
    """Audit report files or folders (parse + rules) with the project's configuration, as ``auditor audit``
    does, so that baselines and review checks see the same findings. The one link to the rules engine."""
    try:
        from ..audit import audit_paths  # the rules engine (issue 3)
        from ..config import load_config
    except ImportError as exc:
        raise InputError(None, "granskningsmotorn saknas i den här installationen; ange en JSON-fil från "
                               "auditor audit --format json",
                         "the audit engine is missing from this installation; pass a JSON file from "
                         "auditor audit --format json") from exc
    config = load_config(getattr(args, "config", None))
    config.lang = getattr(args, "lang", None) or config.lang
    return audit_paths(paths, config)


def read_findings_json(path: Path) -> AuditResult:
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(str(path), f"kan inte läsas som JSON: {exc}", f"cannot be read as JSON: {exc}") from exc
    if not isinstance(doc, dict) or doc.get("schema") != SCHEMA:
        raise InputError(str(path), f"är inte en fyndfil ({SCHEMA})", f"is not a findings file ({SCHEMA})")
    try:
        return AuditResult.model_validate(doc)
    except ValidationError as exc:
        raise InputError(str(path), f"felaktig fyndfil: {exc.errors()[0]['msg']}",
                         f"malformed findings file: {exc.errors()[0]['msg']}") from exc


def load_result(paths: list[str], args: Any) -> AuditResult:
    """Findings for ``paths`` in the order given: JSON findings files read, the rest audited together."""
    result = AuditResult()
    pending: list[str] = []

    def flush() -> None:
        if pending:
            result.reports.extend(audit_reports(list(pending), args).reports)
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
