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
    except (OSError, ValueError) as exc:
        raise InputError(str(path), f"kan inte läsas som JSON: {exc}", f"cannot be read as JSON: {exc}") from exc
    if not isinstance(doc, dict) or doc.get("schema") != schema:
        raise InputError(str(path), f"är inte {sv} ({schema})", f"is not {en} ({schema})")
    try:
        return model.model_validate(doc)
    except ValidationError as exc:
        raise InputError(str(path), f"{sv} är felaktig: {exc.errors()[0]['msg']}",
                         f"{en} is malformed: {exc.errors()[0]['msg']}") from exc
