"""The audit of files: parse -> facts -> rules -> findings, one ``ReportAudit`` per input file.

``audit_file`` is a pure function of its input (file content and configuration), so a batch can run it
in a process pool, file by file; ``audit_paths`` expands folders and keeps the output order deterministic.
"""
from __future__ import annotations

from pathlib import Path

from .config import Config
from .errors import InputError
from .findings import AuditResult, ReportAudit
from .model import Report

INPUT_SUFFIXES = (".txt", ".pdf")


def audit_report_model(report: Report, config: Config | None = None) -> ReportAudit:
    """Audit an already parsed report."""
    from .engine import audit_report

    findings = audit_report(report, config)
    return ReportAudit(source=report.source, committee=report.committee, unit=report.unit,
                       report_kind=report.report_kind, year=report.year, findings=findings,
                       diagnostics=list(report.diagnostics), complete=report.complete, report=report)


def audit_file(path: str | Path, config: Config | None = None) -> ReportAudit:
    """Parse and audit one file. A file that cannot be read or parsed gives a ``ReportAudit`` with
    ``error`` set instead of raising, so one bad file does not stop a batch."""
    from .parser import parse_file

    try:
        report = parse_file(path)
    except InputError as exc:
        return ReportAudit(source=str(path), error=exc.message((config or Config()).lang))
    return audit_report_model(report, config)


def expand_paths(paths) -> list[Path]:
    """Files as given, and the *.txt / *.pdf files inside folders (recursively), sorted, without repeats."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in INPUT_SUFFIXES))
        elif p.exists():
            out.append(p)
        else:
            raise InputError(str(p), "filen eller mappen finns inte", "no such file or folder")
    seen, unique = set(), []
    for p in out:
        key = str(p.resolve())
        if key not in seen:
            seen.add(key)
            unique.append(p)
    return unique


def _audit_one(args):
    path, config = args
    return audit_file(path, config)


def audit_paths(paths, config: Config | None = None, jobs: int = 1) -> AuditResult:
    files = expand_paths(paths)
    config = config or Config()
    if jobs > 1 and len(files) > 1:
        from concurrent.futures import ProcessPoolExecutor
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            audits = list(pool.map(_audit_one, [(f, config) for f in files]))
    else:
        audits = [audit_file(f, config) for f in files]
    return AuditResult(reports=audits)
