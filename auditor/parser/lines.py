"""Lines of the input text, with their 1-based numbers and the whitespace the PDF extraction left.

Whitespace carries meaning in these texts: leading spaces on a table value line stand for empty cells,
and a trailing space at the end of a wrapped line means "the next line continues after a space" while its
absence means the word was cut ("kvinn" / "or/"). So the raw text is kept next to the stripped one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass


_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")


@dataclass(slots=True)
class Line:
    no: int            # 1-based line number in the input
    raw: str           # the line as read, without the newline (tabs and NBSP turned into spaces)
    text: str          # stripped

    @property
    def blank(self) -> bool:
        return not self.text

    @property
    def indent(self) -> int:
        return len(self.raw) - len(self.raw.lstrip(" "))

    @property
    def ends_with_space(self) -> bool:
        return self.raw.endswith(" ")


def name_lines(lines: list[str]) -> list[str]:
    """A table name's printed lines, as whoever writes this layout must print them: a line that starts with a
    figure ("14 dagar") goes on the line before, or the parser reads it as a line of values."""
    out: list[str] = []
    for line in lines:
        if out and line[:1].isdigit():
            out[-1] += " " + line
        else:
            out.append(line)
    return out


def split_lines(text: str) -> list[Line]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\t", " ").replace("\u00a0", " ").replace("\u202f", " ")
    # Control characters other than the whitespace above carry no text; drop them so that they can
    # neither break a regex nor reach a renderer.
    text = _CONTROL.sub("", text)
    out = []
    for i, raw in enumerate(text.split("\n"), start=1):
        out.append(Line(i, raw, raw.strip()))
    if out and out[-1].raw == "" and text.endswith("\n"):
        out.pop()  # the newline that ends the last line does not start another one
    return out


def join_wrapped(parts: list[Line]) -> str:
    """Join lines of one wrapped cell or sentence: a line that ends in a space continues after a space,
    one that does not was cut inside a word (or after a slash or hyphen) and continues directly."""
    text = ""
    for i, line in enumerate(parts):
        piece = line.raw.strip()
        if not piece:
            continue
        if not text:
            text = piece
        elif parts[i - 1].ends_with_space or _needs_space(text, piece):
            text += " " + piece
        else:
            text += piece
    return " ".join(text.split())


def _needs_space(before: str, after: str) -> bool:
    # Files written without trailing spaces at all: fall back on the characters themselves.
    # a number never runs straight into a word ("2020" / "Tertial"), nor a word into a number
    return before[-1].isdigit() != after[0].isdigit() and after[0] not in "%,.)"
