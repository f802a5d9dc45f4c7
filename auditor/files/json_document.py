"""Read a JSON document of one of auditor's own schemas into its model, with errors a person can act on."""
from __future__ import annotations

import json
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from ..words.errors import os_reason, refusal
from ..words.catalogue import ERRORS

M = TypeVar("M", bound=BaseModel)


def read_document(path: str | Path, schema: str, model: type[M], what: str) -> M:
    """The document at ``path`` (its "schema" must be ``schema``) as ``model``; ``what`` is the catalogue's
    name of the kind of file for the messages ("a_baseline": "en baslinje", "a baseline")."""
    path = Path(path)
    named = ERRORS[what]
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise refusal("not_json", str(path), line=exc.lineno, column=exc.colno) from exc
    except (OSError, ValueError) as exc:
        raise refusal("json_unreadable", str(path), reason=os_reason(exc)) from exc
    if not isinstance(doc, dict) or doc.get("schema") != schema:
        raise refusal("not_document", str(path), what=named, schema=schema)
    try:
        return model.model_validate(doc)
    except ValidationError as exc:
        where, problem = _first_problem(exc)
        raise refusal("document_malformed", str(path), what=named, at=f"{where}: " if where else "",
                      problem=ERRORS[problem]) from exc


# pydantic's error types, named by the catalogue's words for them (its own messages are English only)
_PROBLEMS = {"missing": "json_missing", "extra_forbidden": "json_extra_forbidden", "literal_error": "json_not_allowed",
             "enum": "json_not_allowed"}


def _first_problem(exc: ValidationError) -> tuple[str, str]:
    """Where the first error is ("findings[0].fingerprint") and what it is (a catalogue key)."""
    error = exc.errors()[0]
    where = ""
    for part in error.get("loc", ()):
        where += f"[{part}]" if isinstance(part, int) else (f".{part}" if where else str(part))
    kind = error.get("type", "")
    if kind in _PROBLEMS:
        return where, _PROBLEMS[kind]
    if kind.endswith("_type") or kind.endswith("_parsing"):
        return where, "json_wrong_type"
    return where, "json_invalid"
