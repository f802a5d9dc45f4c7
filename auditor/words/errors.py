"""Errors a person can act on. The CLI prints ``message(lang)`` on one line and exits with code 2."""
from __future__ import annotations

import errno
import re

from .catalogue import ERRORS, OS_REASONS

# Line breaks and other control characters (from file names or library messages) would break the promise of
# one line per error, and could move the cursor of a terminal: they are shown as a space or "?".
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
_BREAKS = re.compile(r"[\r\n\t]+")


def one_line(text: str) -> str:
    return _CONTROL.sub("?", _BREAKS.sub(" ", text)).strip()


class InputError(Exception):
    """Bad input: a file that cannot be read as a follow-up report, or a bad command line.

    ``code`` names the case for programs and tests: missing, folder, folder-empty, empty, unreadable,
    binary, encoding, not-report, pdf-no-text, pdf-encrypted, pdf-damaged, usage, config, ...
    """

    def __init__(self, source: str | None, sv: str, en: str | None = None, code: str = "input") -> None:
        super().__init__(en or sv)
        self.source = source
        self.sv = sv
        self.en = en or sv
        self.code = code

    def message(self, lang: str = "sv") -> str:
        text = self.en if lang == "en" else self.sv
        return one_line(f"{self.source}: {text}" if self.source else text)


def refusal(message_id: str, source: str | None = None, /, code: str = "input", **values) -> InputError:
    """The ``InputError`` whose words are ``catalogue.ERRORS[message_id]``, filled in with ``values`` (a value
    given as a (Swedish, English) pair is taken in each language)."""
    sv, en = refusal_words(message_id, **values)
    return InputError(source, sv, en, code=code)


def refusal_words(message_id: str, /, **values) -> tuple[str, str]:
    """``catalogue.ERRORS[message_id]`` filled in with ``values``, as a (Swedish, English) pair: a refusal or
    a part of one (a value given as a pair is taken in each language)."""
    sv, en = ((text.format(**{k: v[i] if isinstance(v, tuple) else v for k, v in values.items()}))
              for i, text in enumerate(ERRORS[message_id]))
    return sv, en


def os_reason(exc: BaseException) -> tuple[str, str]:
    """Why a file could not be read or written, as a (Swedish, English) pair for a refusal's ``reason``: the
    operating system's reason by its errno, a name the system cannot take (a NUL byte), text that is not
    UTF-8; the system's own words (``strerror``) only for an errno this catalogue does not name."""
    if isinstance(exc, UnicodeDecodeError):
        return "texten är inte UTF-8", "the text is not UTF-8"
    if isinstance(exc, ValueError):          # os functions refuse a name with a NUL byte with a ValueError
        return "ogiltigt filnamn", "invalid file name"
    name = errno.errorcode.get(getattr(exc, "errno", None) or -1)
    if name in OS_REASONS:
        return OS_REASONS[name]
    said = one_line(str(getattr(exc, "strerror", None) or exc or type(exc).__name__))
    return said, said
