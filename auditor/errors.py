"""Errors a person can act on. The CLI prints ``message(lang)`` on one line and exits with code 2."""
from __future__ import annotations


class InputError(Exception):
    """Bad input: a file that cannot be read as a follow-up report, or a bad command line."""

    def __init__(self, source: str | None, sv: str, en: str | None = None, code: str = "input") -> None:
        super().__init__(en or sv)
        self.source = source
        self.sv = sv
        self.en = en or sv
        self.code = code

    def message(self, lang: str = "sv") -> str:
        text = self.en if lang == "en" else self.sv
        return f"{self.source}: {text}" if self.source else text
