"""Review decisions: a reviewer confirms (``bekräftad``) or dismisses (``avfärdad``) a finding.

Decisions live in a plain YAML file beside the reports (``auditor-review.yaml``), keyed by the finding's
fingerprint, so they survive re-runs and edits elsewhere in the report::

    schema: auditor.review/1
    decisions:
      3f9c2a1b7d4e5f60:
        decision: avfärdad
        reason: Årsmålet ändrades av nämnden i april; indikatorn når det nya målet.
        by: Anna Berg
        date: '2025-05-12'
        rule: GOAL-FULL-UNMET-IND        # context for the person reading the file
        source: reports/farsta_t1_2025.txt
        line: 412

``apply_reviews`` attaches each decision to its finding (every output shows it; dismissed findings stop
gating CI) and returns the decisions whose finding has disappeared: those are stale.
"""
from __future__ import annotations

import contextlib
import datetime as _dt
import hashlib
import os
import re
from pathlib import Path, PurePath
from typing import Iterable

from pydantic import ConfigDict, ValidationError

from ..words.errors import one_line, os_reason, refusal, refusal_words as _words
from ..findings import AuditResult, Decision, Review, StaleReview
from ..files import write_file

SCHEMA = "auditor.review/1"
DEFAULT_NAME = "auditor-review.yaml"
DECISIONS: tuple[str, ...] = ("bekräftad", "avfärdad")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# A finding's fingerprint: the first 16 hex digits of a SHA-256 (auditor.findings.fingerprint).
FINGERPRINT = re.compile(r"^[0-9a-f]{16}$")

HEADER = """\
# auditor review decisions (auditor.review/1), one entry per finding fingerprint.
# decision: bekräftad (confirmed) or avfärdad (dismissed); dismissed findings no longer fail CI.
# Edit by hand or with: auditor review FINGERPRINT --confirm|--dismiss --reason TEXT --by NAME
"""


class ReviewEntry(Review):
    """A decision as stored in the file, with optional context copied from the finding."""

    # (built when first used: an audit without a review file never makes one)
    model_config = ConfigDict(extra="forbid", defer_build=True)
    rule: str | None = None
    source: str | None = None
    line: int | None = None
    message: str | None = None

    def decision_only(self) -> Review:
        return Review(decision=self.decision, reason=self.reason, by=self.by, date=self.date)


def find_review_file(paths: Iterable[str | Path]) -> Path | None:
    """The review file beside the reports: ``auditor-review.yaml`` in the folder of the first input (or in
    the input itself when it is a folder), else in the current folder."""
    for raw in paths:
        p = Path(raw)
        # os.path's tests, not Path's: on a name no file system takes (too long) they say False, and the
        # input itself is then refused in one line where it is read
        folder = p if os.path.isdir(p) else p.parent
        if os.path.isfile(folder / DEFAULT_NAME):
            return folder / DEFAULT_NAME
        break
    here = Path(DEFAULT_NAME)
    return here if here.is_file() else None


def load_reviews(path: str | Path) -> dict[str, ReviewEntry]:
    """The decisions in ``path``; an absent file holds none."""
    import yaml  # optional: PyYAML (~12 ms), only when a YAML file is read or written
    path = Path(path)
    try:
        if path.is_dir():
            raise refusal("review_file_is_folder", str(path), code="config")
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:     # a folder, no permission, a name too long or with a NUL byte
        raise refusal("review_file_unreadable", str(path), code="config", reason=os_reason(exc)) from None
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        at = _words("at_line", line=where.line + 1) if where is not None else ("", "")
        problem = one_line(str(getattr(exc, "problem", None) or type(exc).__name__))
        raise refusal("review_file_not_yaml", str(path), code="config", at=at, problem=problem) from None
    if not isinstance(data, dict):
        raise refusal("review_file_not_mapping", str(path))
    schema = data.pop("schema", SCHEMA)
    if schema != SCHEMA:
        raise refusal("review_file_schema", str(path), schema=schema, expected=SCHEMA)
    decisions = data.get("decisions") or {}
    if not isinstance(decisions, dict):
        raise refusal("review_decisions_not_mapping", str(path))
    out: dict[str, ReviewEntry] = {}
    for fp, entry in decisions.items():
        if isinstance(entry, dict) and entry.get("date") is not None:
            entry = {**entry, "date": str(entry["date"])}  # YAML reads an unquoted date as a date
        try:
            out[str(fp)] = ReviewEntry.model_validate(entry)
        except ValidationError as exc:
            raise refusal("review_decision_invalid", str(path), code="config", fingerprint=fp,
                          problem=_problem(exc.errors()[0])) from None
    return out


def _problem(error: dict) -> tuple[str, str]:
    """One validation problem of a stored decision in words of our own, Swedish and English (pydantic's
    messages are English only and name its internals)."""
    field = ".".join(str(x) for x in error.get("loc", ())) or "beslutet"
    kind = error.get("type", "")
    if not error.get("loc") or kind in ("model_type", "dict_type", "model_attributes_type"):
        return _words("decision_not_mapping")
    if kind == "missing":
        return _words("field_missing", field=field)
    if kind == "extra_forbidden":
        return _words("field_unknown", field=field)
    if kind == "literal_error":
        return _words("field_decision", field=field, decisions=_either(DECISIONS))
    if kind.startswith("int"):
        return _words("field_int", field=field)
    if kind.startswith("string"):
        return _words("field_text", field=field)
    return _words("field_invalid", field=field)


def _either(options) -> tuple[str, str]:
    return " eller ".join(options), " or ".join(options)


def dump_reviews(entries: dict[str, ReviewEntry]) -> str:
    import yaml  # optional: PyYAML (~12 ms), only when a YAML file is read or written
    decisions = {fp: entries[fp].model_dump(exclude_none=True) for fp in sorted(entries)}
    body = yaml.safe_dump({"schema": SCHEMA, "decisions": decisions}, allow_unicode=True, sort_keys=False,
                          width=100, default_flow_style=False)
    return HEADER + body


def save_reviews(path: str | Path, entries: dict[str, ReviewEntry]) -> None:
    write_file(path, dump_reviews(entries), "--file")


def checked_fingerprint(text: str) -> str:
    """``text`` as a fingerprint (16 hex digits, lower case); raises ``InputError`` for anything else, so that
    a mistyped or shortened fingerprint is not stored as a decision that can never match a finding."""
    fp = (text or "").strip().lower()
    if not FINGERPRINT.match(fp):
        raise refusal("not_fingerprint", code="usage", text=text)
    return fp


def checked_date(text: str) -> str:
    """``text`` as a decision date: a real calendar date written YYYY-MM-DD; raises ``InputError``
    otherwise (2025-13-45 is refused, not stored)."""
    value = (text or "").strip()
    try:
        if not _DATE.match(value):
            raise ValueError(value)
        _dt.date.fromisoformat(value)
    except ValueError:
        raise refusal("not_date", code="usage", text=text) from None
    return value


def stale_subject(rule: str | None, source: str | None) -> str:
    """" (RULE file)" for a stale decision, or "" when the decision names neither."""
    what = " ".join(x for x in (rule, source) if x)
    return f" ({what})" if what else ""


@contextlib.contextmanager
def locked(path: str | Path):
    """Hold an exclusive lock on the review file's folder while a decision is read, merged and written: two
    reviewers writing at once (two browsers on the workspace, or the workspace and this command) each re-read
    the file under the lock and change only their own fingerprint, so neither loses a decision. The folder is
    locked, not the file, because the file is replaced by a rename on every write (and no lock file is left)."""
    try:
        import fcntl  # POSIX only: absent on Windows
    except ImportError:                      # no advisory locks on this system: a single writer is assumed
        yield
        return
    try:
        fd = os.open(Path(path).parent, os.O_RDONLY)
    except OSError:                          # the folder's absence or permissions are refused when writing
        yield
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def version_of(entry: Review | None) -> str:
    """A short tag of a decision as a reviewer saw it ("" for none): the workspace sends back the tag it
    showed, and a decision that changed meanwhile is a conflict, not silently overwritten."""
    if entry is None:
        return ""
    raw = "\x1f".join((entry.decision, entry.reason, entry.by, entry.date))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:12]


def set_decision(path: str | Path, fingerprint: str, decision: Decision, reason: str, by: str, date: str,
                 context: dict | None = None, expected: str | None = None) -> ReviewEntry:
    """Add or change the decision for ``fingerprint``; returns the stored entry. With ``expected`` (the
    ``version_of`` the decision the reviewer saw), a decision someone else made or changed in the meantime
    is refused with a conflict (``InputError`` with code "conflict") naming who decided what."""
    if decision not in DECISIONS:
        raise refusal("decision_value", decisions=_either(DECISIONS))
    date = checked_date(date)
    if not reason.strip() or not by.strip():
        raise refusal("decision_needs_reason")
    with locked(path):
        entries = stored_decisions(path)
        old = entries.get(fingerprint)
        if expected is not None and version_of(old) != expected:
            raise _conflict(path, fingerprint, old)
        keep = {k: getattr(old, k) for k in ("rule", "source", "line", "message")} if old else {}
        keep.update({k: v for k, v in (context or {}).items() if v is not None})
        entry = ReviewEntry(decision=decision, reason=reason.strip(), by=by.strip(), date=date, **keep)
        entries[fingerprint] = entry
        save_reviews(path, entries)
    return entry


# a decision as the verb of "NAME har redan … fyndet" / "NAME has already … the finding"
_PAST = {"bekräftad": ("bekräftat", "confirmed"), "avfärdad": ("avfärdat", "dismissed")}


def _conflict(path, fingerprint: str, current: ReviewEntry | None):
    if current is None:
        return refusal("decision_conflict_removed", str(path), code="conflict", fingerprint=fingerprint)
    return refusal("decision_conflict", str(path), code="conflict", fingerprint=fingerprint, by=current.by,
                   decision=_PAST[current.decision], date=current.date, reason=current.reason)


def stored_decisions(path: str | Path) -> dict[str, ReviewEntry]:
    """The decisions a review file holds before it is rewritten. Standard output (``-``), a device or a
    FIFO holds none to keep: the new file is written into it (reading a FIFO would wait for a writer)."""
    p = Path(path)
    if str(path) == "-" or (p.exists() and not p.is_file() and not p.is_dir()):
        return {}
    return load_reviews(path)


def remove_decision(path: str | Path, fingerprint: str) -> bool:
    with locked(path):
        entries = stored_decisions(path)
        if entries.pop(fingerprint, None) is None:
            return False
        save_reviews(path, entries)
    return True


def _same_source(a: str, audited: set[str], names: set[str]) -> bool:
    posix = PurePath(a).as_posix()
    return posix in audited or PurePath(a).name in names


def apply_reviews(result: AuditResult, entries: dict[str, ReviewEntry]) -> list[StaleReview]:
    """Attach decisions to findings; record and return the stale ones (decision kept, finding gone).

    A decision that names its source file is only judged stale when that file was audited in this run, so
    one review file can serve a folder of reports audited a few at a time."""
    reviewer = Reviewer(entries)
    for audit in result.reports:
        reviewer.apply(audit)
    result.stale_reviews = reviewer.stale()
    return result.stale_reviews


class Reviewer:
    """``apply_reviews`` one report at a time (``apply``), for an output written report by report; ``stale``
    at the end. It holds the decisions met and the audited files' names."""

    def __init__(self, entries: dict[str, ReviewEntry]) -> None:
        self._entries = entries
        self._seen: set[str] = set()
        self._audited: set[str] = set()

    def apply(self, audit) -> None:
        for finding in audit.findings:
            entry = self._entries.get(finding.fingerprint)
            if entry is not None:
                finding.review = entry.decision_only()
                self._seen.add(finding.fingerprint)
        if not audit.error:
            self._audited.add(PurePath(audit.source).as_posix())

    def stale(self) -> list[StaleReview]:
        names = {PurePath(s).name for s in self._audited}
        return [StaleReview(fingerprint=fp, review=entry.decision_only(), rule=entry.rule, source=entry.source)
                for fp, entry in sorted(self._entries.items())
                if fp not in self._seen and (entry.source is None or _same_source(entry.source, self._audited, names))]
