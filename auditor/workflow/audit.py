"""The audit of files: parse -> facts -> rules -> findings, one ``ReportAudit`` per input file.

``audit_file`` is a pure function of its input (file content and configuration), so a batch can run it
in a process pool, file by file; ``audit_paths`` expands folders and keeps the output order deterministic.

A batch never stops at a bad file: a missing, unreadable or unparsable file (or a folder without reports)
becomes a ``ReportAudit`` with ``error`` set, and the other files are still audited. Only a batch with
nothing to audit at all is an ``InputError``.
"""
from __future__ import annotations

import contextlib
import gc
import os
import signal
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any, Iterator, Literal

from ..engine.config import Config
from ..knowledge.kf_vote import Tally, votes
from ..words.errors import InputError
from ..findings import AuditResult, ReportAudit
from ..model import Report
from ..engine.audit import audit_facts
from ..parser import parse_file
from ..words import catalogue, word
from ..knowledge import load_knowledge
from ..knowledge.location import rule_dirs
from ..input.reader import expand_inputs
from .jobs import largest_first, workers_for

INPUT_SUFFIXES = (".txt", ".pdf")

# How much of the parsed model a ReportAudit keeps for the renderers (see auditor.render.MODEL_NEEDS):
# "full" the whole Report (HTML, spreadsheets, compare), "outline" the goal headings only (terminal,
# Markdown), "none" nothing (JSON, SARIF, JUnit, GitHub). Keeping less is what keeps a large batch's
# memory flat: a parsed report is hundreds of times larger than its findings, and with --jobs it would
# also be pickled back from the worker.
Keep = Literal["full", "outline", "none"]


def audit_report_model(report: Report, config: Config | None = None) -> ReportAudit:
    """Audit an already parsed report."""
    config = config or Config()
    facts, found = audit_facts(report, config)
    # a finding whose decisive cells are more likely misplaced than not is withheld, not dropped
    findings = [f for f in found if f.certainty >= config.min_confidence]
    withheld = [f for f in found if f.certainty < config.min_confidence]
    return ReportAudit(source=report.source, committee=report.committee, unit=report.unit,
                       report_kind=report.report_kind, year=report.year, findings=findings, withheld=withheld,
                       diagnostics=list(report.diagnostics), complete=report.complete, report=report,
                       indicator_status=facts.statuses)


def outline(report: Report) -> Report:
    """The report with only what goal headings need (id, parent, level, number, title, line, assessment)."""
    goals = [g.model_copy(update={"indicators": [], "activities": [], "sections": [], "analysis": None})
             for g in report.goals]
    return report.model_copy(update={"goals": goals, "narrative": [], "diagnostics": []})


def _keep(audit: ReportAudit, keep: Keep) -> ReportAudit:
    if audit.report is None or keep == "full":
        return audit
    audit.report = outline(audit.report) if keep == "outline" else None
    audit.indicator_status = {}        # only the full goal tree shows indicators
    return audit


def audit_file(path: str | Path, config: Config | None = None, keep: Keep = "full",
               strict: bool = False) -> ReportAudit:
    """Parse and audit one file. A file that cannot be read or parsed gives a ``ReportAudit`` with
    ``error`` set instead of raising, so one bad file does not stop a batch. An unexpected exception
    (a bug) is reported the same way, naming the file, unless ``strict`` (tests and fuzzing) re-raises it."""
    config = config or Config()
    lang = config.lang
    try:
        report = parse_file(path, kf_targets=known_kf_targets(config))
        audit = audit_report_model(report, config)
        audit.kf_votes = votes(report)
        return _keep(audit, keep)
    except InputError as exc:
        return ReportAudit(source=str(path), error=exc.message(lang))
    except Exception as exc:  # noqa: BLE001 - one file's bug must not stop the batch
        if strict:
            raise
        what = f"{type(exc).__name__}: {exc}"[:200]
        return ReportAudit(source=str(path), error=word(catalogue.COMMANDS, "internal_error_in_file", lang).format(
            path=path, what=what))


def known_kf_targets(config: Config) -> dict:
    """KF's targets from the knowledge files of the configured rule directories, and the batch's vote."""
    known = load_knowledge(rule_dirs(tuple(config.rule_dirs))).kf_targets
    return {**config.kf_targets, **known} if config.kf_targets else known


def _expand(paths, own=None) -> list[tuple[Path, InputError | None]]:
    """(path, None) for each file to audit, in order: files as given, the *.txt / *.pdf files inside folders
    (recursively, sorted), without repeats; (path, error) for a path that is missing or a folder without
    reports, so that the batch reports it and goes on. Raises ``InputError`` when nothing is left to audit,
    and when a file named is also the command's output (``own``: the files it writes, left out of folders)."""
    if own is not None:
        for raw in paths:
            own.refuse_named(raw)
    out: list[tuple[Path, InputError | None]] = []
    seen: set[str] = set()
    for raw in paths:
        try:
            items = [(p, None) for p in expand_inputs([raw], own)]
        except InputError as exc:
            items = [(Path(raw), exc)]
        for item, error in items:
            key = str(item.resolve())
            if key not in seen:
                seen.add(key)
                out.append((item, error))
    errors = [e for _, e in out if e is not None]
    if out and len(errors) == len(out):
        if len(errors) == 1:
            raise errors[0]
        raise InputError(None, "; ".join(e.message("sv") for e in errors),
                         "; ".join(e.message("en") for e in errors), code=errors[0].code)
    return out


def count_inputs(paths, own=None) -> int:
    """How many entries a batch of ``paths`` will have (files to audit and paths that fail), without
    reading any file; raises ``InputError`` like ``audit_paths`` when nothing is left to audit."""
    return len(_expand(paths, own))


def expand_paths(paths, own=None) -> list[Path]:
    """The files to audit (see ``_expand``)."""
    return [p for p, error in _expand(paths, own) if error is None]


def _warm(config: Config) -> None:
    """Import the parser and build the engine for ``config`` once: in the process about to fork its workers
    (they inherit it all, instead of each paying for it on its first report), and again, cheaply, in each
    worker (a fresh interpreter where processes are spawned)."""
    audit_report_model(Report(source="-"), config)
    known_kf_targets(config)


def _start_worker(config: Config) -> None:
    """Pool initializer: Ctrl-C is the parent's to handle; a worker that got it too would print its own
    traceback (the parent stops the workers itself). Then the engine is warmed."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _warm(config)


def _audit_one(args) -> tuple:
    """A worker's audit of one file, sent back as its KF-target votes (the parent counts them) and the rest
    already pickled: the parent parks those bytes as they are (``store.put_pickled``) instead of unpickling
    an audit only to pickle it again into the spool, and reads them once, when the report's turn comes."""
    import pickle     # (a worker's: a single report, audited in-process, is never pickled; see audit_stream)

    votes, audit = _votes_apart(*args)
    return votes, pickle.dumps(audit, protocol=pickle.HIGHEST_PROTOCOL)


def _votes_apart(path: Path, config: Config, keep: Keep) -> tuple:
    """The audit of one file and its KF-target votes, taken out of it: the batch counts the votes, and the
    audit is kept (or sent to the parent) without them."""
    audit = audit_file(path, config, keep)
    votes, audit.kf_votes = audit.kf_votes, None
    return votes, audit


class _InProcess:
    """Audits files in this process (one job, or a single file)."""

    def __enter__(self) -> "_InProcess":
        return self

    def __exit__(self, *exc) -> None:
        pass

    def audit(self, files: list[Path], config: Config, keep: Keep, progress=None) -> Iterator[tuple[int, Any]]:
        """(index in ``files``, votes, audit) for every file, in order."""
        for i, f in enumerate(files):
            votes, audit = _votes_apart(f, config, keep)
            if progress is not None:
                progress(i + 1, len(files), f)
            yield i, votes, audit


class _Pool:
    """A process pool that audits both passes of a batch (the first reading, then the doubtful reports read
    again with the batch's KF targets), so that the workers are started, and import and warm the engine,
    once. Ctrl-C (SIGINT to the whole process group, as a terminal sends it) reaches only the parent: while
    the parent starts the workers, a SIGINT is only noted, and acted on as soon as they are started (a
    forked worker inherits the note-taker, harmless until its initializer ignores SIGINT; where workers are
    spawned, a handler does not pass through exec, so they inherit "ignore" and a Ctrl-C in that moment is
    lost); on KeyboardInterrupt (or any error) the parent cancels what is queued and stops the workers
    before it re-raises."""

    def __init__(self, workers: int, config: Config) -> None:
        self._workers, self._config = workers, config
        self._pool = None

    def __enter__(self) -> "_Pool":
        # heavy: multiprocessing and the pool (~40 ms), imported only for a batch audited in parallel
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        _warm(self._config)
        forked = multiprocessing.get_start_method() == "fork"
        noted: list[int] = []
        try:
            previous = signal.signal(signal.SIGINT, (lambda signum, frame: noted.append(signum)) if forked
                                     else signal.SIG_IGN)
        except ValueError:                                        # not the main thread: nothing to inherit
            previous = None
        # Forked workers share the parent's warmed objects page by page until one is written; the collector
        # writes to every object it visits, so the parent's live objects are set aside for good (gc.freeze,
        # as the command line does once its modules are loaded: the engine warmed here lives as long), and
        # the workers' collections leave those pages shared.
        gc.collect()
        gc.freeze()
        try:
            self._pool = ProcessPoolExecutor(max_workers=self._workers, initializer=_start_worker,
                                             initargs=(self._config,))
            if forked:      # forked at the first task: now, while the parent's objects are set aside
                self._pool.submit(int)
        finally:
            if previous is not None:
                signal.signal(signal.SIGINT, previous)
        if noted:       # a Ctrl-C while the workers were started (once ignored, and the batch ran to its end)
            _stop(self._pool)
            raise KeyboardInterrupt
        return self

    def __exit__(self, kind, exc, tb) -> None:
        if kind is None:
            self._pool.shutdown()
        else:
            _stop(self._pool)

    def audit(self, files: list[Path], config: Config, keep: Keep, progress=None) -> Iterator[tuple[int, Any]]:
        """(index in ``files``, votes, pickled audit) as each audit arrives, in no set order, the largest files
        handed out first; each is let go as soon as it is handed on (a finished audit waiting for an earlier
        file's would otherwise be held)."""
        from concurrent.futures import as_completed

        index = {self._pool.submit(_audit_one, (files[i], config, keep)): i for i in largest_first(files)}
        done = 0
        for future in as_completed(list(index)):
            i = index.pop(future)
            votes, pickled = future.result()       # as_completed lets go of a future once it has handed it on
            done += 1
            if progress is not None:
                progress(done, len(files), files[i])
            yield i, votes, pickled


def _stop(pool) -> None:
    """Cancel the queued work and end the workers now (they would otherwise finish their current file)."""
    procs = list((getattr(pool, "_processes", None) or {}).values())
    manager = getattr(pool, "_executor_manager_thread", None)
    pool.shutdown(wait=False, cancel_futures=True)
    for proc in procs:
        with contextlib.suppress(Exception):
            proc.terminate()
    # Let the pool's manager thread see its workers gone and close its wake-up pipe now: left running, it
    # can close the pipe while the interpreter's exit hook writes to it, which prints a traceback
    # ("Bad file descriptor") after the one-line message (Python 3.11).
    if manager is not None:
        manager.join(timeout=10)


def audit_paths(paths, config: Config | None = None, jobs: int | str = 1, keep: Keep = "full", own=None,
                progress=None) -> AuditResult:
    """Audit files and folders, in the order of ``expand_paths`` (``own``: the command's output files, which
    are not audited). With ``jobs`` above 1 (or "auto" for a large batch, see ``jobs.workers_for``) the
    files are audited in a process pool, each worker parsing one report at a time and sending back only what
    ``keep`` asks for; the result is the same, byte for byte, whatever ``jobs`` is. ``progress(done, total,
    path)`` is called as each file of the first pass is audited (the review workspace shows it for a large
    folder)."""
    return AuditResult(reports=list(_audits(_expand(paths, own), config, jobs, keep, progress, _Held())))


def audit_stream(paths, config: Config | None = None, jobs: int | str = 1, keep: Keep = "none", own=None,
                 progress=None) -> Iterator[ReportAudit]:
    """``audit_paths``' reports one at a time, the same ones in the same order, for an output written report
    by report: each audit is parked on disk as it arrives (``Spool``) and read back when its turn comes, so
    the batch holds a few numbers per report, not the reports (a report with doubtful rows is read again once
    the whole batch has voted, so no report can be handed on before the first pass ends). A single report
    is not a batch: it is held in memory as it is, not pickled to disk and back (2-4 ms, and pickle's
    import). The paths are expanded at once: nothing to audit raises ``InputError`` here, before the caller
    writes anything."""
    items = _expand(paths, own)

    def audits() -> Iterator[ReportAudit]:
        if len(items) == 1:
            yield from _audits(items, config, jobs, keep, progress, _Held())
            return
        with Spool() as spool:
            yield from _audits(items, config, jobs, keep, progress, spool)
    return audits()


class _Held:
    """The batch's audits held in memory, by index (``audit_paths``); those a worker sent pickled are
    unpickled when taken out."""

    def __init__(self) -> None:
        self._audits: dict[int, ReportAudit | bytes] = {}

    def put(self, i: int, audit: ReportAudit) -> None:
        self._audits[i] = audit

    def put_pickled(self, i: int, pickled: bytes) -> None:
        self._audits[i] = pickled

    def get(self, i: int) -> ReportAudit:
        audit = self._audits.pop(i)
        if isinstance(audit, bytes):
            import pickle     # (sent by a worker: see _audit_one)
            return pickle.loads(audit)
        return audit


class Spool:
    """The batch's audits parked in an anonymous temporary file (gone when closed, or when the process ends
    however it ends), by index: ``put`` pickles an audit at the file's end (``put_pickled`` writes one a
    worker pickled), ``get`` reads it back."""

    def __enter__(self) -> "Spool":
        self._file = tempfile.TemporaryFile(prefix="auditor-batch-")
        self._at: dict[int, int] = {}
        return self

    def __exit__(self, *exc) -> None:
        self._file.close()

    def put(self, i: int, audit: ReportAudit) -> None:
        import pickle     # (a batch's: see audit_stream)
        self.put_pickled(i, pickle.dumps(audit, protocol=pickle.HIGHEST_PROTOCOL))

    def put_pickled(self, i: int, pickled: bytes) -> None:
        self._file.seek(0, os.SEEK_END)
        self._at[i] = self._file.tell()
        self._file.write(pickled)

    def get(self, i: int) -> ReportAudit:
        import pickle
        self._file.seek(self._at.pop(i))
        return pickle.load(self._file)


def _audits(items, config: Config | None, jobs: int | str, keep: Keep, progress, store) -> Iterator[ReportAudit]:
    """The audits of ``items`` (``_expand``'s) in their order, each put in ``store`` as it arrives and taken out
    when its turn comes; KF's consensus is counted as the reports arrive, and the reports with doubtful rows it
    settles are read again (``_revote``, by the same workers) before the first is handed on."""
    config = config or Config()
    files = [p for p, error in items if error is None]
    workers = workers_for(files, jobs)
    with (_Pool(workers, config) if workers > 1 else _InProcess()) as auditor:
        tally, doubtful = _first_pass(files, config, auditor, keep, progress, store)
        if len(files) > 1:
            _revote(files, tally, doubtful, config, auditor, keep, store)
    done = iter(range(len(files)))
    for p, error in items:
        yield ReportAudit(source=str(p), error=error.message(config.lang)) if error is not None \
            else store.get(next(done))


def _put(store, i: int, audit) -> None:
    if isinstance(audit, bytes):
        store.put_pickled(i, audit)
    else:
        store.put(i, audit)


def _first_pass(files: list[Path], config: Config, auditor, keep: Keep, progress, store) -> tuple[Tally, dict]:
    """Audit every file into ``store``: KF's votes counted, and the doubtful rows of each report that has
    some, by index (a function of its own, so that no local name holds the last audit afterwards)."""
    tally, doubtful = Tally(), {}
    for i, votes, audit in auditor.audit(files, config, keep, progress):
        if votes is not None:
            tally.add(votes)
            if votes.open:
                doubtful[i] = votes.open
        _put(store, i, audit)
    return tally, doubtful


def _revote(files: list[Path], tally: Tally, doubtful: dict, config: Config, auditor, keep: Keep, store) -> None:
    """KF sets one target per indicator for the whole city: where the batch's sure readings agree on one
    that a report's doubtful rows print, that report is read again knowing it (its new audit replaces the
    first in ``store``)."""
    agreed = tally.agreed(known_kf_targets(config))
    again = sorted(i for i, open_rows in doubtful.items() if open_rows & agreed.keys())
    if not again:
        return
    voted = replace(config, kf_targets={**config.kf_targets, **agreed})
    for k, _, audit in auditor.audit([files[i] for i in again], voted, keep):
        _put(store, again[k], audit)
