"""The document's own words, for joining a name that a narrow column cut inside a word.

Where the extraction prints trailing spaces, a line that ends without one was cut inside a word. Where it
prints none (``Line.blind_end``), the line's end says nothing, and "funktionsnedsättni" / "ng" would read as
two words. The document itself says which words exist: a word inside a line (not its first or last, which
may be pieces) and every word of a line of running prose (wide enough never to cut one). Two pieces are one
word when together they are such a word and they are not both words on their own ("för" / "skolan" stay two
words even though the prose says "förskolan").
"""
from __future__ import annotations

import re

from ..input.lines import Line

_WORD = re.compile(r"[^\W\d_]+")
_LAST_WORD = re.compile(r"[^\W\d_]+$")
# a prose line: long enough that its words were wrapped whole
PROSE_LINE = 60


class Lexicon:
    def __init__(self, lines: list[Line]):
        words: set[str] = set()
        for line in lines:
            found = _WORD.findall(line.text)
            words.update(w.lower() for w in (found if len(line.text) >= PROSE_LINE else found[1:-1]))
        self.words = words

    def cut(self, text: str, piece: str) -> bool:
        """``piece`` goes on the word that ``text`` ends with."""
        left, right = _LAST_WORD.search(text), _WORD.match(piece)
        if left is None or right is None:
            return False            # the text ends with no letter (a slash, a figure): not a cut word
        head, tail = left.group().lower(), right.group().lower()
        return head + tail in self.words and not (head in self.words and tail in self.words)
