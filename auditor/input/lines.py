"""Lines of the input text, with their 1-based numbers and the whitespace the PDF extraction left.

Whitespace carries meaning in these texts: leading spaces on a table value line stand for empty cells,
and a trailing space at the end of a wrapped line means "the next line continues after a space" while its
absence means the word was cut ("kvinn" / "or/"). So the raw text is kept next to the stripped one. Many
extraction tools print no trailing spaces at all: in such a document a line's end says nothing
(``Line.blind_end``), and a wrapped line goes on after a space unless its characters show a cut.
"""
from __future__ import annotations

import operator
import re
import unicodedata
from dataclasses import dataclass
from itertools import compress, repeat


_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")


@dataclass(slots=True)
class Line:
    no: int            # 1-based line number in the input
    raw: str           # the line as read, without the newline (tabs and NBSP turned into spaces)
    text: str          # stripped
    blind_end: bool = False   # the document prints no trailing spaces: this line's end tells nothing

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


# Typographic ligatures that PDF fonts print and extraction tools pass on ("ﬁnns"), spelled out; and the
# soft hyphen, an invisible break point some tools keep (the word goes on directly on the next line).
_SPELLED_OUT = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
                              "\ufb05": "st", "\ufb06": "st", "\u00ad": None})
_TO_SPELL_OUT = "".join(map(chr, _SPELLED_OUT))


def normalise(text: str) -> str:
    """The text in composed form ("å" as one character: some tools print "a" and a combining ring, which
    no pattern would match), ligatures spelled out, soft hyphens dropped. Line breaks are kept."""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    # translate() looks up every character; most texts hold none of these, which one search tells
    return text.translate(_SPELLED_OUT) if any(c in text for c in _TO_SPELL_OUT) else text


def split_lines(text: str) -> list[Line]:
    return lines_and_texts(text)[0]


def lines_and_texts(text: str) -> tuple[list[Line], str]:
    """``split_lines``, and the lines' stripped texts each after a line break (``joined_texts``), made from
    the texts at hand."""
    text = normalise(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\t", " ").replace("\u00a0", " ").replace("\u202f", " ")
    raws = text.split("\n")
    # Control characters other than the whitespace above carry no text; drop them so that they can
    # neither break a regex nor reach a renderer. They are never printable, and most lines are: only the
    # others are searched (a search of the whole text takes longer than the test of every line).
    printable = list(map(str.isprintable, raws))
    if not all(printable):
        for i in compress(range(len(raws)), map(operator.not_, printable)):
            raws[i] = _CONTROL.sub("", raws[i])
    texts = list(map(str.strip, raws))
    blind = not _shows_trailing_spaces(raws, texts)
    if len(raws) > 1 and raws[-1] == "":
        # the newline that ends the last line does not start another one
        raws.pop()
        texts.pop()
    out = list(map(Line, range(1, len(raws) + 1), raws, texts, repeat(blind)))
    return out, "\n" + "\n".join(texts)


def joined_texts(lines: list[Line]) -> str:
    """The lines' stripped texts, each after a line break: the form in which the whole text is searched at
    once for the few lines worth a closer look (a test per line costs more than one search)."""
    return "\n" + "\n".join([line.text for line in lines])


def line_indexes(joined: str, breaks) -> list[int]:
    """The index of the line that follows each line break at ``breaks`` (positions in ``joined``, in the
    form of ``joined_texts``, ascending)."""
    found: list[int] = []
    index, counted = -1, 0
    for k in breaks:
        index += joined.count("\n", counted, k + 1)
        counted = k + 1
        found.append(index)
    return found


def lines_holding(joined: str, words) -> list[int]:
    """Indexes of the lines that hold one of ``words``, in order, in ``joined`` (``joined_texts``): each word
    found in the whole text at once, where a test of every line would cost more."""
    breaks: set[int] = set()
    for word in words:
        k = joined.find(word)
        while k >= 0:
            breaks.add(joined.rfind("\n", 0, k))
            k = joined.find("\n", k)          # on at the next line: a line counts once
            k = joined.find(word, k) if k >= 0 else -1
    return line_indexes(joined, sorted(breaks))


# a line break before a decimal digit or any character beyond ASCII: the only characters but 0-9 that
# str.isdigit may call digits ("²") are among the latter
_DIGIT_OR_BEYOND_ASCII = re.compile("\n[0-9\x80-\U0010ffff]")


def lines_starting_with_digit(joined: str) -> list[int]:
    """Indexes of the lines whose text starts with a character that ``str.isdigit`` calls a digit, in
    ``joined`` (``joined_texts``): one search of the whole text, and a test of the few characters found."""
    return line_indexes(joined, [m.start() for m in _DIGIT_OR_BEYOND_ASCII.finditer(joined)
                                 if joined[m.start() + 1].isdigit()])


def shows_trailing_spaces(raws: list[str]) -> bool:
    """Whether the document's line ends carry its wrapping: a text that continues after a space ends its
    line with one. A document where (next to) no line does was printed without them."""
    return _shows_trailing_spaces(raws, [raw.strip() for raw in raws])


def _shows_trailing_spaces(raws: list[str], texts: list[str]) -> bool:
    """``shows_trailing_spaces``, given each line stripped."""
    filled = len(texts) - texts.count("")
    # the lines that end in a space, less the blank ones among them (counted without a loop in Python: this
    # reads every line)
    blank_raws = compress(raws, map(operator.not_, texts))
    ends = sum(map(str.endswith, raws, repeat(" "))) - sum(map(str.endswith, blank_raws, repeat(" ")))
    return ends * 200 >= filled and ends > 0


def join_wrapped(parts: list[Line], cut=None) -> str:
    """Join lines of one wrapped cell or sentence: a line that ends in a space continues after a space,
    one that does not was cut inside a word (or after a slash or hyphen) and continues directly. Where
    line ends tell nothing (``Line.blind_end``), a line continues after a space unless it ends in a slash
    or a hyphen (columns are cut at words; a word too long for its column is the exception), or ``cut``
    (text so far, next line) says that the next line ends a known word ("Faststäl" / "ls 2025")."""
    if len(parts) == 1:
        return " ".join(parts[0].raw.split())    # most cells and names: one line, nothing to join
    return _join_lines(parts, cut)


def _join_lines(parts: list[Line], cut) -> str:
    """``join_wrapped`` a line at a time (the one-line case gives what this loop gives, as
    tests/parser/test_line_pass_shortcuts.py holds)."""
    text = ""
    for i, line in enumerate(parts):
        piece = line.raw.strip()
        if not piece:
            continue
        if not text:
            text = piece
        elif _needs_space(parts[i - 1], text, piece) and not (parts[i - 1].blind_end and cut and cut(text, piece)):
            text += " " + piece
        else:
            text += piece
    return " ".join(text.split())


_AFTER_SUSPENDED_HYPHEN = {"och", "eller", "samt", "respektive"}


def _needs_space(prev: Line, before: str, after: str) -> bool:
    if prev.ends_with_space:
        return True
    if prev.blind_end:
        if before[-1] == "-":       # "vård-" / "och omsorg" keeps its space, "LSS-" / "boende" none
            return after.split(" ", 1)[0].lower() in _AFTER_SUSPENDED_HYPHEN
        return before[-1] != "/" and after[0] not in ",.)"
    # a number never runs straight into a word ("2020" / "Tertial"), nor a word into a number
    return before[-1].isdigit() != after[0].isdigit() and after[0] not in "%,.)"
