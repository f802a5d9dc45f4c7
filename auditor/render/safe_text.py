"""Report text made safe for any output: what PDF extraction leaves behind (control characters, line and
paragraph separators) is dropped before a renderer writes it."""
from __future__ import annotations

import re
from typing import Any

# Characters that XML 1.0 forbids (C0 controls other than tab/newline/return, lone surrogates, U+FFFE/U+FFFF)
# plus DEL and the C1 controls, which are legal but only ever appear as PDF extraction debris.
_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def clean_text(text: Any, limit: int | None = None) -> str:
    """Report text made safe for any output: control characters dropped, the Unicode line and paragraph
    separators turned into spaces, optionally cut to ``limit``."""
    if text is None:
        return ""
    text = _BAD_CHARS.sub("", str(text)).replace("\u2028", " ").replace("\u2029", " ")
    if limit is not None and len(text) > limit:
        text = text[: limit - 1] + "…"
    return text


def clean_data(obj: Any) -> Any:
    """``clean_text`` applied to every string (keys too) in nested dicts and lists."""
    if isinstance(obj, str):
        return clean_text(obj)
    if isinstance(obj, dict):
        return {clean_text(k): clean_data(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [clean_data(v) for v in obj]
    return obj
