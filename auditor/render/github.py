"""``--format github``: GitHub Actions workflow commands, one annotation per finding.

``::error file=reports/x.txt,line=155,title=GOAL-FULL-UNMET-IND::message``. Values are escaped as the
runner expects (``%``, CR and LF everywhere; ``:`` and ``,`` in properties too), so report text can neither end
the command early nor start a new one. Findings that do not gate (dismissed, already in the baseline) are
written as notices with their decision, so a reviewer sees them without the job failing on them.
"""
from __future__ import annotations

from pathlib import PurePath
from typing import Any

from ..findings import AuditResult
from ..triage.gate import gates
from ..words import catalogue, word
from ..words.findings import message_of
from .names import report_name
from .options import opt
from .order import sorted_findings
from .safe_text import clean_text
from .tags import label

LEVEL = {"error": "error", "warning": "warning", "info": "notice"}
MESSAGE_LIMIT = 4000


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, **props: Any) -> str:
    parts = ",".join(f"{k}={escape_property(clean_text(v))}" for k, v in props.items() if v not in (None, ""))
    return f"::{level}{' ' + parts if parts else ''}::{escape_data(clean_text(message, MESSAGE_LIMIT))}"


def render_github(result: AuditResult, options: Any = None) -> str:
    pieces: list[str] = []
    parts = stream(pieces.append, options)
    for audit in result.reports:
        parts.add(audit)
    parts.close()
    return "".join(pieces)


def stream(write, options: Any = None) -> "GithubParts":
    """The annotations written report by report into ``write`` (``auditor.render.STREAMED``)."""
    return GithubParts(write, options)


class GithubParts:
    """One line per annotation, each report's as its audit arrives (``add``); nothing after the last."""

    def __init__(self, write, options: Any = None) -> None:
        self._write = write
        self._lang = opt(options, "lang", "sv")
        self._fail_on = opt(options, "fail_on", "error")
        self._uncertain = opt(options, "fail_on_uncertain", False)

    def add(self, audit) -> None:
        lines = _annotations(audit, self._lang, self._fail_on, self._uncertain)
        if lines:
            self._write("".join(line + "\n" for line in lines))

    def close(self, stale_reviews=()) -> None:
        """Stale review decisions are for standard error's notes; the annotations end with the last report's."""


def _annotations(audit, lang: str, fail_on: str, uncertain: bool) -> list[str]:
    file = PurePath(audit.source).as_posix()
    if audit.error:
        return [command("error", audit.error, file=file, title="auditor")]
    lines: list[str] = []
    for f in sorted_findings(audit.findings):
        level = LEVEL[f.severity]
        note = ""
        if f.review is not None:
            note = f"[{label(f.review.decision, lang)}: {f.review.reason} ({f.review.by}, {f.review.date})] "
        if f.baseline == "unchanged":
            note += f"[{label('unchanged', lang)}] "
        if not gates(f, fail_on, uncertain) and (f.dismissed or f.baseline == "unchanged"):
            level = "notice"
        goal = ""
        if f.goal is not None:
            goal = "\n" + word(catalogue.CI, "goal_heading", lang) + " ".join(
                x for x in (f.goal.number, f.goal.title) if x)
        message = f"{note}{message_of(f, lang)}{goal}\n{report_name(audit)} · {f.fingerprint}"
        lines.append(command(level, message, file=file, line=f.line, title=f"{f.rule} ({f.severity})"))
    return lines
