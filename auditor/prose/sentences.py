"""The sentences of a prose text, each with the source line it starts on: the one splitter that the
claims reader (``claims``) and the count and degree statements (``counts``) use.

A sentence ends at ". ", "! " or "? " before a capital, a digit or a quote, or at the text's end; a
full stop inside a sentence ("t.ex. fler", "ca. 40") ends none. A bullet ("•") starts a statement of its
own, also after a heading that ends no sentence ("Utmaningar" / "• Andelen har ökat ..."). The text keeps
its source's line structure (``cursor.join_text``), so a sentence's line is the text's first line plus the
line breaks before it.
"""
from __future__ import annotations

import re
from typing import Callable, Iterator

# The match starts at the mark itself, not after it (no look-behind), so that re can skip ahead to the marks;
# all four marks open it as one character class, because re skips ahead only to a class or a literal that
# opens the whole pattern (an alternation of "[.!?]…" and "•…" is tried at every position: twice the time).
# A bullet ends its statement whatever follows it.
_END = re.compile(r"[.!?•](?:(?<=•)\s*|\s+(?=[A-ZÅÄÖ0-9\"”•])|\s*$)")
# The same ends in a text with no "!", "?" or "•" (nearly all of a report's prose): a pattern that opens with one
# literal character is skipped ahead to it by a plain scan, two and a half times faster than by a class of four.
_FULL_STOP_END = re.compile(r"\.(?:\s+(?=[A-ZÅÄÖ0-9\"”•])|\s*$)")


def _ends(text: str) -> Iterator[re.Match]:
    """The ends of the text's sentences (``_END``'s matches)."""
    if "!" in text or "?" in text or "•" in text:
        return _END.finditer(text)
    return _FULL_STOP_END.finditer(text)


def sentences(text: str, first_line: int,
              wanted: Callable[[str], bool] | None = None) -> list[tuple[int, str]]:
    """The sentences of ``text`` (whose first line is ``first_line``), whitespace made single spaces.
    With ``wanted``, a test of a sentence as it stands in the text (line breaks and all), only the
    sentences that pass it: the others are not made into strings (the claims reader splits all of a
    report's prose, and about half of it holds no figure and none of the words it looks for).
    (``each_sentence`` in one loop, without the places of the skipped sentences.)"""
    out = []
    start = 0
    counted, breaks = 0, 0     # line breaks before ``counted``, kept as the text is walked (not recounted)
    for m in _ends(text):
        at = m.start()
        # a bullet's mark is no part of either statement; a full stop is part of its sentence
        end = at if text[at] == "•" else at + 1
        chunk = text[start:end]
        start = m.end()
        if wanted is not None and not wanted(chunk):
            continue
        rest = chunk.lstrip()
        if rest:
            pos = end - len(rest)
            breaks += text.count("\n", counted, pos)
            counted = pos
            out.append((first_line + breaks, " ".join(rest.split())))
    chunk = text[start:]
    rest = chunk.lstrip()
    if rest and (wanted is None or wanted(chunk)):
        breaks += text.count("\n", counted, len(text) - len(rest))
        out.append((first_line + breaks, " ".join(rest.split())))
    return out


def each_sentence(text: str, first_line: int,
                  wanted: Callable[[str], bool] | None = None) -> Iterator[tuple[int, str] | None]:
    """The sentences of ``sentences``, one by one. With ``wanted``, a test of a sentence as it stands in
    the text (line breaks and all): a sentence that fails it is None, and its line and words are not worked
    out (most prose holds nothing a reader looks for, so it is skipped cheaply)."""
    start = 0
    counted, breaks = 0, 0     # line breaks before ``counted``, kept as the text is walked (not recounted)
    for m in _ends(text):
        # a bullet's mark is no part of either statement; a full stop is part of its sentence
        chunk = text[start:m.start() + (0 if text[m.start()] == "•" else 1)]
        at, start = start, m.end()
        got = _one(text, chunk, at, wanted)
        if got is False:
            continue
        if got is not None:
            pos, sentence = got
            breaks += text.count("\n", counted, pos)
            counted = pos
            yield first_line + breaks, sentence
        else:
            yield None
    if start < len(text):
        got = _one(text, text[start:], start, wanted)
        if got not in (False, None):
            pos, sentence = got
            breaks += text.count("\n", counted, pos)
            yield first_line + breaks, sentence
        elif got is None:
            yield None


def _one(text: str, chunk: str, at: int, wanted) -> tuple[int, str] | None | bool:
    """(position, sentence) of a chunk; False for an empty one, None for one that ``wanted`` skips."""
    if not chunk.strip():
        return False
    if wanted is not None and not wanted(chunk):
        return None
    return at + len(chunk) - len(chunk.lstrip()), " ".join(chunk.split())
