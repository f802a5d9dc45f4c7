"""Read a JSON document of one of auditor's own schemas into its model, with errors a person can act on."""
from __future__ import annotations

import json
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from .errors import InputError

M = TypeVar("M", bound=BaseModel)


def read_document(path: str | Path, schema: str, model: type[M], what: tuple[str, str]) -> M:
    """The document at ``path`` (its "schema" must be ``schema``) as ``model``; ``what`` names the kind of
    file in Swedish and English for the messages ("en baslinje", "a baseline")."""
    path = Path(path)
    sv, en = what
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise InputError(str(path), f"är inte giltig JSON (rad {exc.lineno}, kolumn {exc.colno})",
                         f"is not valid JSON (line {exc.lineno}, column {exc.colno})") from exc
    except (OSError, ValueError) as exc:
        raise InputError(str(path), f"kan inte läsas som JSON: {exc}", f"cannot be read as JSON: {exc}") from exc
    if not isinstance(doc, dict) or doc.get("schema") != schema:
        raise InputError(str(path), f"är inte {sv} ({schema})", f"is not {en} ({schema})")
    try:
        return model.model_validate(doc)
    except ValidationError as exc:
        where, problem_sv, problem_en = _first_problem(exc)
        at = f"{where}: " if where else ""
        raise InputError(str(path), f"{sv} är felaktig: {at}{problem_sv}",
                         f"{en} is malformed: {at}{problem_en}") from exc


# pydantic's error types in words of both languages (its own messages are English only)
_PROBLEMS = {
    "missing": ("fältet saknas", "the field is missing"),
    "extra_forbidden": ("okänt fält", "unknown field"),
    "literal_error": ("otillåtet värde", "a value that is not allowed"),
    "enum": ("otillåtet värde", "a value that is not allowed"),
}


def _first_problem(exc: ValidationError) -> tuple[str, str, str]:
    """Where the first error is ("findings[0].fingerprint") and what it is, in Swedish and English."""
    error = exc.errors()[0]
    where = ""
    for part in error.get("loc", ()):
        where += f"[{part}]" if isinstance(part, int) else (f".{part}" if where else str(part))
    kind = error.get("type", "")
    if kind in _PROBLEMS:
        sv, en = _PROBLEMS[kind]
    elif kind.endswith("_type") or kind.endswith("_parsing"):
        sv, en = "fel typ av värde", "a value of the wrong type"
    else:
        sv, en = "ogiltigt värde", "an invalid value"
    return where, sv, en
