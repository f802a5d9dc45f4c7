"""What the report's prose says about an indicator's own figures: the ``claims`` of each indicator.

A claim is one sentence's statement about the indicator's outcome, forecast, annual target or
previous-year outcome for the report's period, about whether the indicator reached its target, or
about its trend against the previous year (``trend``: up, down or same; "en förbättring" and "har
försämrats" are read as better or worse and become up or down once the row's direction is known).

Where claims are read:

- the indicator's own analysis (every sentence is about the row, unless it names another indicator);
- a goal's analysis, under a line that repeats an indicator's name as a heading (district reports walk
  through their indicators this way), or in a sentence that names exactly one indicator, or that speaks
  of "indikatorn" when the goal has exactly one indicator of its own;
- the report's other prose (summary), only in sentences that name exactly one indicator.

Left out, to keep the claims right when they are used: figures about a sub-group (one sex, "varav ..."),
the city or the country, another period (another year, a month, the same period last year in a tertial
report), changes ("ökat med 3 procentenheter"), sentences about several indicators, hedged statements
("det är osäkert om årsmålet nås") and counts in words. The reading never looks at the table, so that
the claims are independent evidence for placing the row's cells (placement.py) and for the IND-TEXT-*
rules.
"""
from __future__ import annotations

import bisect
import functools
import os
import re
from dataclasses import dataclass

from ..model import Goal, Indicator, ProseClaim, Report
from .sentences import sentences

# ------------------------------------------------------------------------------------------- text

# A number as prose writes it: "1 272", "66,75", "0"; the unit, if any, right after it.
NUM = r"(?P<n>\d{1,3}(?:[ \u00a0]\d{3})+(?![\d,])|\d+(?:,\d+)?)(?P<u>\s*(?:%|procent\b))?"
_WORD = re.compile(r"[a-zåäöéü0-9]+")
_DEFINITE = {"andelen": "andel", "antalet": "antal", "indexet": "index"}
_DEFINITE_FORMS = tuple(_DEFINITE)
_PARENTHESIS = re.compile(r"\([^)]*\)")


def _num(text: str) -> float:
    return float(text.replace(" ", "").replace("\u00a0", "").replace(",", "."))


_DASH = re.compile(r"\s*-\s*")     # (compiled once: re.sub with a pattern's text looks it up in re's cache each call)


def _norm(text: str) -> str:
    return _DASH.sub("-", " ".join(text.lower().split())).rstrip(" .:;,")


@functools.lru_cache(maxsize=16384)
def _words(text: str) -> list[str]:
    # cached (names and sentences are split again and again); callers only read the list
    low = text.lower()
    words = _WORD.findall(low)
    if _holds_any(low, _DEFINITE_FORMS):     # (most texts hold none: then no word is mapped)
        return [_DEFINITE.get(w, w) for w in words]
    return words


# ---------------------------------------------------------------------------------- naming indicators

class _Names:
    """Which indicators a sentence names: the indicator's name, or a long enough start of it, word by word
    (the definite form "Andelen ..." and a definite ending on a word count as the same word)."""

    def __init__(self, indicators: list[Indicator]):
        # (built once per report: the indexes are what make naming cheap, so building them must be too)
        self.full: dict[str, list[Indicator]] = {}
        self.owners: dict[str, list[Indicator]] = {}
        self.variants: dict[str, str] = {}     # a name without its parenthetical tail -> the name
        for ind in indicators:
            key = _norm(ind.name)
            self.full.setdefault(key, []).append(ind)
            self.owners.setdefault(key, []).append(ind)
            short = _norm(_PARENTHESIS.sub(" ", key))
            if short and short != key:
                self.variants.setdefault(short, key)
        self.stems: dict[str, set[str]] = {}
        for key in self.full:
            for w in _words(key):
                if len(w) >= 5 and w not in _STOP:
                    self.stems.setdefault(w[:6], set()).add(key)
        self.by_first = self._phrase_index()
        self.firsts = {k[0] for k in self.by_first}
        # the keys of the one-word phrases and of the longer ones: a sentence with neither among its words
        # names nothing (most sentences; ``_find_named`` tells so with two set tests)
        self.singles = {k[0] for k in self.by_first if len(k) == 1}
        self.pairs = {k for k in self.by_first if len(k) == 2}
        # the same keys as text to look for in the lower-cased sentence, the pairs by their first word: a word's
        # start is in the text it is a word of, so a sentence that holds neither names nothing, and four in
        # five are told so without being split into words (``_may_name``)
        self._single_texts = tuple(sorted(self.singles))
        seconds: dict[str, set[str]] = {}
        for a, b in self.pairs:
            seconds.setdefault(a, set()).add(b)
        self._pair_texts = tuple((a, tuple(sorted(bs))) for a, bs in sorted(seconds.items()))
        self._named: dict[str, frozenset[str]] = {}
        self._lows: dict[str, str] = {}     # a sentence lower-cased once for both ways of naming
        # the names that open with "andel"/"antal", with their words, in name order (named_in_other_words)
        self.by_opening: dict[str, list[tuple[str, list[str]]]] = {}
        for key in self.full:
            words = _words(key)
            if words[:1] in (["andel"], ["antal"]):
                self.by_opening.setdefault(words[0], []).append((key, words))
        # which of those names hold a word of one stem with a given word (``_stem_same``): the names of each
        # of their words, and the words in order, where the words that a given word opens stand together
        self._exact: dict[str, set[str]] = {}
        for named in self.by_opening.values():
            for key, words in named:
                for n in words:
                    self._exact.setdefault(n, set()).add(key)
        self._in_order = sorted(self._exact)
        self._holding: dict[str, set[str]] = {}

    def _phrase_index(self) -> dict[tuple[str, ...], list[tuple[tuple[str, ...], tuple[int, ...], str]]]:
        """Every phrase that names an indicator, by its first two words cut to six letters (``_key``): the
        name, the name without its parenthetical tail, and the long starts of the name. The starts of one
        name are one entry, (the name's words, the lengths of its starts that name it, longest first, the
        name), so that a sentence is compared with the name once (``_find_named``)."""
        shorts: dict[str, list[str]] = {}
        for short, key in self.variants.items():
            shorts.setdefault(key, []).append(short)
        by_first: dict[tuple[str, ...], list[tuple[tuple[str, ...], tuple[int, ...], str]]] = {}
        for key in self.full:
            words = tuple(_words(key))
            if not words:
                continue
            phrases = {words}
            phrases.update(tuple(_words(v)) for v in shorts.get(key, ()) if _words(v))
            # a long name is often cut short in the prose: its first four or more words, ending on a word
            # that carries meaning, name it too
            for k in range(len(words) - 1, 3, -1):
                if len(words[k - 1]) >= 5 and len(" ".join(words[:k])) >= 25:
                    phrases.add(words[:k])
            starts: dict[tuple[tuple[str, ...], tuple[str, ...]], set[int]] = {}
            for phrase in phrases:
                base = words if words[:len(phrase)] == phrase else phrase
                starts.setdefault((_key(phrase), base), set()).add(len(phrase))
            for (first, base), lengths in starts.items():
                by_first.setdefault(first, []).append((base, tuple(sorted(lengths, reverse=True)), key))
        return by_first

    def named(self, sentence: str) -> frozenset[str]:
        """The names (normalised) of the indicators the sentence names; more than one means several. A
        sentence is often asked about more than once (its own row, then the goal's indicators)."""
        got = self._named.get(sentence)
        if got is None:
            got = self._named[sentence] = frozenset(self._find_named(sentence))
        return got

    def _may_name(self, low: str) -> bool:
        """The lower-cased sentence holds one of the one-word keys or both words of a two-word key, each as
        text: what every sentence that ``_find_named`` finds a name in holds (a key is the start of a word,
        "andel" also of "andelen")."""
        for k in self._single_texts:
            if k in low:
                return True
        for a, bs in self._pair_texts:
            if a in low:
                for b in bs:
                    if b in low:
                        return True
        return False

    def _lower(self, sentence: str) -> str:
        low = self._lows.get(sentence)
        if low is None:
            low = self._lows[sentence] = sentence.lower()
        return low

    def _find_named(self, sentence: str) -> set[str]:
        if not self._may_name(self._lower(sentence)):
            return set()
        words = _words(sentence)
        stems = [w[:6] for w in words]
        if self.singles.isdisjoint(stems) and self.pairs.isdisjoint(zip(stems, stems[1:])):
            return set()
        spans: list[tuple[int, int, set[str]]] = []
        get, firsts = self.by_first.get, self.firsts
        for i in range(len(words)):
            if stems[i] not in firsts:
                continue
            one, two = get((stems[i],)), get(tuple(stems[i:i + 2])) if i + 1 < len(words) else None
            if not one and not two:
                continue
            for base, lengths, key in (*(one or ()), *(two or ())):
                # the longest start of the name that the words from here match (a shorter one that matches
                # too would lie inside it, and the longest match wins below)
                matched = _matching(words, i, base)
                n = next((n for n in lengths if n <= matched), 0)
                if not n or (n <= 2 and i > 0 and words[i - 1] in _QUALIFIERS):
                    continue    # "den korta sjukfrånvaron" is not "Sjukfrånvaro"
                spans.append((i, i + n, {key}))
        if not spans:
            return set()
        # the longest match wins over the ones inside it; equal spans name several indicators at once
        spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
        keep: list[tuple[int, int, set[str]]] = []
        for s in spans:
            if keep and s[0] >= keep[-1][0] and s[1] <= keep[-1][1]:
                if (s[0], s[1]) == keep[-1][:2]:
                    keep[-1][2].update(s[2])
                continue
            keep.append(s)
        out: set[str] = set()
        for _, _, keys in keep:
            out |= keys
        return out

    def named_in_other_words(self, sentence: str) -> frozenset[str]:
        """The one indicator a sentence names in words of its own: "andelen med långvarigt ekonomiskt
        bistånd" for "Andel vuxna med långvarigt ekonomiskt bistånd jämfört med …" -- "andelen"/"antalet"
        and at least two words of meaning, every one of them a word of that name and of no other name
        that opens the same way. Empty when none or several fit."""
        low = self._lower(sentence)
        if "andel" not in low and "antal" not in low:
            return frozenset()      # (the words are not split: those two are no word where they are no text)
        words = _words(sentence)
        if "andel" not in words and "antal" not in words:
            return frozenset()
        out: set[str] = set()
        for i, w in enumerate(words):
            if w not in ("andel", "antal"):
                continue
            phrase = []
            for x in words[i + 1:i + 8]:
                if x in _PHRASE_END:
                    break
                if len(x) >= 4 and x not in _STOP:
                    phrase.append(x)
            if len(phrase) < 2:
                continue
            fits = self._fitting(w, phrase)
            if len(fits) == 1:
                out.add(fits[0])
        return frozenset(out) if len(out) == 1 else frozenset()

    def _fitting(self, opening: str, phrase: list[str]) -> list[str]:
        """The names opening with ``opening`` that hold a word of one stem with every word of ``phrase``."""
        # the names every word's set holds, then in name order (a test of each name against each set, in a
        # generator, cost more than the rest of the naming together: some hundred names open with "andel")
        common = set.intersection(*(self._holding_word(p) for p in phrase))
        return [name for name, _ in self.by_opening.get(opening, ()) if name in common] if common else []

    def _holding_word(self, p: str) -> set[str]:
        """The names with a word of one stem with ``p``: the same word, a longer one that ``p`` (five letters
        or more) opens, or a shorter one (five letters or more) that opens ``p``."""
        got = self._holding.get(p)
        if got is None:
            got = set(self._exact.get(p, ()))
            if len(p) >= 5:
                # the longer words that ``p`` opens follow it in alphabetical order
                at = bisect.bisect_right(self._in_order, p)
                while at < len(self._in_order) and self._in_order[at].startswith(p):
                    got |= self._exact[self._in_order[at]]
                    at += 1
                for k in range(5, len(p)):
                    got |= self._exact.get(p[:k], set())
            self._holding[p] = got
        return got

    def closest(self, sentence: str) -> tuple[int, set[str]]:
        """For a sentence whose subject is "Andelen …" or "Antalet …": the names that share the most words
        of meaning with the subject's first words, and how many. Used to tell that a sentence under one
        indicator's heading is about another one ("Andelen personer med …" under "Andel vuxna med …")."""
        words = _words(sentence)[:8]
        if not words or not ({"andel", "antal"} & set(words[:2])):
            return 0, set()
        counts: dict[str, int] = {}
        for stem in {w[:6] for w in words if len(w) >= 5 and w not in _STOP}:
            for key in self.stems.get(stem, ()):
                counts[key] = counts.get(key, 0) + 1
        if not counts:
            return 0, set()
        best = max(counts.values())
        return best, {k for k, v in counts.items() if v == best}


_STOP = {"andel", "antal", "andelar", "jämfört", "samtliga", "förvaltningens", "under", "inom", "genom", "efter",
         "trots", "utifrån", "avseende", "gällande", "fortsatt", "fortsätter"}
_QUALIFIERS = {"den", "det", "de", "korta", "långa", "mellanlånga", "totala", "kortare", "längre"}
# a part of a measure named by its length ("den korta sjukfrånvaron", "de långa väntetiderna")
_PART_MEASURE = re.compile(r"\b(?:den|det|de)\s+(?:(?:korta|långa|mellanlånga|kortare|längre)(?:\s+och\s+|\s*,\s*))*"
                           r"(kort|lång|mellanlång)(?:a|are)\b")


def _part_measure(sentence: str, name: str) -> bool:
    """The sentence speaks of a part of a measure by its length, and the indicator's name is not that part
    (outside the row's own analysis a sentence naming "sjukfrånvaron" may go on about its long part)."""
    low_name = name.lower()
    return any(m.group(1) not in low_name for m in _PART_MEASURE.finditer(sentence.lower()))


_DEFINITE_END = re.compile(r"(?:en|et|na|n|t)$")


def _subject_is_named(sentence: str, name: str) -> bool:
    """The sentence's first word (after "Att") is the indicator's measure under another compound:
    "Korttidsfrånvaron har ökat" under "Sjukfrånvaro dag 1-14" (the two share their head, "frånvaro")."""
    words = _words(sentence)[:2]
    first = words[1] if words[:1] == ["att"] and len(words) > 1 else (words[0] if words else "")
    if len(first) < 7:
        return False
    base = _DEFINITE_END.sub("", first)
    for w in _words(name):
        if len(w) >= 7 and w not in _STOP and (base == w or first == w or
                                               (len(os.path.commonprefix([base[::-1], w[::-1]])) >= 7)):
            return True
    return False


# where a noun phrase after "andelen"/"antalet" ends: a verb, or a word that opens what is said of it
_PHRASE_END = {"har", "hade", "är", "var", "ligger", "låg", "uppgår", "uppgick", "ökar", "ökade", "minskar", "minskade",
               "blev", "kommer", "bedöms", "beräknas", "i", "under", "jämfört", "sedan", "till", "från", "inte", "ej",
               "når", "nådde", "fortsätter", "fortsatt", "vilket", "samt", "men"}


def _stem_same(a: str, b: str) -> bool:
    """Two words of one stem: equal, or the shorter (five letters or more) opens the longer ("inköp",
    "inköpta"; not "personer", "personal")."""
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= 5 and long_.startswith(short)


def _key(words) -> tuple[str, ...]:
    """Index key of a phrase: its first two words cut to six letters (a definite ending may follow)."""
    return tuple([w[:6] for w in words[:2]])


def _matching(words: list[str], at: int, name: tuple[str, ...]) -> int:
    """How many words of ``name``, from its first, the words from ``at`` on match (``_same``)."""
    n = 0
    for text_word, name_word in zip(words[at:at + len(name)], name):
        if not _same(text_word, name_word):
            break
        n += 1
    return n


def _same(text_word: str, name_word: str) -> bool:
    return text_word == name_word or (len(name_word) >= 4 and text_word.startswith(name_word)
                                      and len(text_word) - len(name_word) <= 2)


# ----------------------------------------------------------------------------- what a sentence says

_SEVERAL = re.compile(r"\bindikatorerna\b|\bsamtliga indikatorer|\bbåda indikator|\brespektive\b|"
                      r"\b(?:två|tre|fyra|fem|sex|sju|åtta|nio|tio|\d+) (?:av [\w ]{0,20}?)?indikatorer")


class _Gated:
    """A pattern with the words one of which every match of it holds (read off its alternatives): it is tried
    only on a text that holds one. A pattern that opens with a word boundary is tried at every position of the
    text, a word test runs in C; most clauses hold none of a filter's words."""

    def __init__(self, pattern: str, words: tuple[str, ...]):
        self.pattern = re.compile(pattern)
        self.words = words

    def search(self, text: str) -> re.Match | None:
        return self.pattern.search(text) if _holds_any(text, self.words) else None

    def findall(self, text: str) -> list:
        return self.pattern.findall(text) if _holds_any(text, self.words) else []

    def fullmatch(self, text: str) -> re.Match | None:
        return self.pattern.fullmatch(text) if _holds_any(text, self.words) else None


def _holds_any(text: str, words: tuple[str, ...]) -> bool:
    for w in words:        # a loop of `in` tests beats any() over a generator
        if w in text:
            return True
    return False


_HEDGE = _Gated(r"\bosäker|\bsvårt att\b|\brisk|\bkan komma att\b|\bhade\b[^.]{0,40}\b(?:nått|uppnått|klarat)\b|"
                r"\bskulle\b|\bmöjligen\b|\beventuellt\b|\bpreliminärt\b|\bsannolikt\b",
                ("osäker", "svårt att", "risk", "kan komma att", "hade", "skulle", "möjligen", "eventuellt",
                 "preliminärt", "sannolikt"))
_SUBGROUP = _Gated(r"\b(?:kvinnor|män|flickor|pojkar|tjejer|killar|kvinnorna|männen|flickorna|pojkarna|"
                   r"varav|bland|\w*enheten|\w*enheterna|förskolan|skolan|stadsdelsområden|distrikt\w*)\b",
                   ("kvinnor", "män", "flickor", "pojkar", "tjejer", "killar", "varav", "bland", "enhete", "skolan",
                    "stadsdelsområden", "distrikt"))
# ("i snitt", "i genomsnitt" after a figure says what kind of figure it is, not whose)
# (one word boundary in front of all the words: a look-behind tried at every position cost seven times more)
_ELSEWHERE = _Gated(r"\b(?:staden\b|stadens\b|riket\b|nationell\w*|övriga\b|kommunfullmäktige\w*|kf\b|region\w*|"
                    r"jämförbara\b|(?<!\bi )(?:genom)?snitt\w*)",
                    ("staden", "riket", "nationell", "övriga", "kommunfullmäktige", "kf", "region", "jämförbara",
                     "snitt"))
_MONTH = _Gated(r"\b(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|"
                r"december|vecka|veckor|månad\w*|sommar\w*|hösten|våren|kvartal\w*)\b",
                ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
                 "november", "december", "vecka", "veckor", "månad", "sommar", "hösten", "våren", "kvartal"))
_SAME_TIME = re.compile(r"\bsamma (?:period|tid|tidpunkt|månad)")
_TERTIAL = _Gated(r"\b(?:tertial|t)\s?([123])\b", ("1", "2", "3"))
_YEAR = _Gated(r"\b(?:19|20)\d\d\b", ("19", "20"))

_UTFALL = r"(?:(?:årets|periodens|förvaltningens|nämndens|det totala)\s+)?(?:utfall(?:et)?|resultat(?:et)?|värde(?:t)?)"
_ABOUT = r"(?:\s+(?:för|gällande|avseende|om|på)\s+(?![\d])(?:(?:tertial\s+|T)\d|(?:19|20)\d\d|[^,;.\d]){0,70}?)?"
_VERB_OUT = r"(?:uppgår|uppgick|landade|landar|hamnade|hamnar|ligger|låg|blev|var|är)"
_TO = r"(?:\s+(?:i\s+år|för\s+perioden|totalt|nu|därmed))?\s+(?:till|på)?\s*(?:ca\.?\s+|cirka\s+|totalt\s+)?"
_PREV = r"(?:föregående|förra|fjolårets|tidigare)"

_FIGURES: list[tuple[str, re.Pattern]] = [
    ("previous", re.compile(_PREV + r"\s+års\s+(?:utfall|resultat|värde|nivå)\w*\s+(?:som\s+)?(?:var\s+|låg\s+på\s+|"
                            r"uppgick\s+till\s+|på\s+|om\s+)?" + NUM)),
    ("previous", re.compile(r"\b" + _PREV + r"\s+år(?:et)?\s+(?:då|när)\s+(?:utfallet|resultatet|andelen|antalet|"
                            r"indexet|värdet)?\s*(?:var|låg på|uppgick till)\s+" + NUM)),
    ("previous", re.compile(r"\b" + _PREV + r"\s+år(?:et)?\s+(?:då|när)\s+" + NUM)),
    ("previous", re.compile(r"\b(?P<y>(?:19|20)\d\d)\s+års\s+(?:utfall|resultat|värde)\w*\s+(?:som\s+)?(?:var\s+|"
                            r"låg\s+på\s+|uppgick\s+till\s+|på\s+)" + NUM)),
    ("previous", re.compile(r"\blåg\s+på\s+" + NUM + r"\s+(?:under|för|år)\s+(?P<y>(?:19|20)\d\d)\b")),
    ("forecast", re.compile(r"\bprognos(?:en)?(?:\s+för\s+(?:helåret|året|hela året))?\s+(?:är|blir|om|på|landar\s+på|"
                            r"uppgår\s+till|ligger\s+på)\s+(?:ca\.?\s+|cirka\s+)?" + NUM)),
    ("forecast", re.compile(r"\bprognos(?:en)?\s+är\s+att\s+[^,;.]{0,40}?\b(?:landa|hamna|uppgå|bli|ligga)\s+(?:på|till)\s+"
                            r"(?:ca\.?\s+|cirka\s+)?" + NUM)),
    ("forecast", re.compile(r"\bprognos(?:en)?\s+(?:ändras|justeras|höjs|sänks)\s+från\s+[\d ,]+\S*(?:\s+\w+)?\s+till\s+" + NUM)),
    ("forecast", re.compile(r"\b(?:beräknas|prognostiseras|förväntas)\s+(?:att\s+)?(?:uppgå\s+till|landa\s+på|bli|hamna\s+på)\s+"
                            r"(?:ca\.?\s+|cirka\s+)?" + NUM)),
    ("target", re.compile(r"(?<![\w:])(?:årsmål(?:et)?|målvärdet|målet)\s+(?:om|på|är|var|låg\s+på|ligger\s+på|att)\s+"
                          r"(?:totalt\s+|ett\s+[\w-]+\s+på\s+)?" + NUM)),
    ("outcome", re.compile(r"\b" + _UTFALL + _ABOUT + r"\s+" + _VERB_OUT + _TO + NUM)),
    ("outcome", re.compile(r"\b" + _UTFALL + _ABOUT + r"\s+(?:om|på)\s+" + NUM)),
]
# words one of which a pattern of each kind needs, to skip it cheaply; the previous year's patterns each
# need their own ("års" alone, in every "årsmål", would let all five search most sentences)
_NEEDS = {"forecast": ("prognos", "beräknas", "förväntas"),
          "target": ("mål",),
          "outcome": ("utfall", "resultat", "värde")}
_PREV_NEEDS = (("föregående", "förra", "fjol", "tidigare"), ("föregående", "förra", "fjol", "tidigare"),
               ("föregående", "förra", "fjol", "tidigare"), ("utfall", "resultat", "värde"), ("låg",))
_FIGURES_NEEDING = [(kind, pattern, _PREV_NEEDS[i] if kind == "previous" else _NEEDS[kind])
                    for i, (kind, pattern) in enumerate(_FIGURES)]
# "… har ökat från 80 till 81": the first figure is the previous year's, the second this year's
_FROM_TO = re.compile(r"\bfrån\s+(?P<a>\d{1,3}(?:[ \u00a0]\d{3})+|\d+(?:,\d+)?)(?P<au>\s*(?:%|procent\b))?"
                      r"(?:\s+\w+)?\s*(?:\((?P<y>(?:19|20)\d\d)\))?\s+(?:(?:föregående|förra)\s+år(?:et)?\s+)?"
                      r"till\s+(?P<b>\d{1,3}(?:[ \u00a0]\d{3})+|\d+(?:,\d+)?)(?P<bu>\s*(?:%|procent\b))?")
# a name or "andelen" as the subject of a plain statement of its level: "Andelen … uppgår i år till 0,99 procent"
_LEVEL = re.compile(r"\b(?:uppgår|uppgick|ligger|låg|landade|hamnade)\s+(?:nu\s+|i\s+år\s+|totalt\s+|"
                    r"för\s+perioden\s+(?:\w+\s+till\s+\w+\s+)?|"
                    r"i\s+tertial\s+\d\s+|under\s+året\s+|därmed\s+)?(?:till|på)\s+(?:ca\.?\s+|cirka\s+)?" + NUM)
_UP_DOWN = re.compile(r"\b(?:ökat|ökade|ökad|ökar|höjt|höjde|minskat|minskade|minskar|sjunkit|sjönk|höjts|sänkts|förbättrat|försämrats)\b")

_ANCHOR = r"(?:årsmål(?:et)?|målvärdet|\bmålet(?!\s+med\b)(?:\s+för\s+indikatorn)?|indikatorn|nämndindikatorn)"
_GOAL_WORDS = re.compile(r"nämndmål|enhetsmål|verksamhetsområdesmål|inriktningsmål|mål för verksamhetsområdet|"
                         r"förväntade? resultat|aktivitet|\bmålen\b|\bmål\b(?! ?om| ?på| ?att)")
_MET_FALSE = re.compile(
    r"\b(?:uppnås|uppfylls|nås|uppnåtts|uppfyllts|uppfyllas|uppnå|nå)\s+(?:endast\s+|bara\s+|därmed\s+)?delvis\b|"
    r"\bdelvis\s+(?:att\s+)?(?:uppnås|uppfylls|nås|uppfyllas)\b|"
    r"\b(?:inte|ej)\s+(?:har\s+|kommer\s+att\s+|att\s+|kunnat\s+|kunna\s+|lyckats\s+)*(?:uppnås|uppnåtts|nås|nåtts|uppfylls|"
    r"uppfyllts|uppfyllas|uppnå|nå)\b|"
    # the reports' own slip: "målet har tyvärr inte uppfyllt" (for "uppfyllts")
    r"\b(?:årsmålet|målet|målvärdet)\b[^,;.]{0,30}?\bhar\s+(?:\w+\s+)?(?:inte|ej)\s+(?:uppfyllt|uppnått|nått)\b(?!\s+\w*mål)|"
    r"\b(?:uppnås|uppfylls|nås|uppnåddes|nåddes|uppfylldes|uppnåtts)\s+(?:därmed\s+|dock\s+|ännu\s+)?(?:inte|ej)\b|"
    r"\b(?:når|nådde|uppnår|uppnådde|klarar|klarade)\s+(?:därmed\s+|dock\s+|ändå\s+|fortfarande\s+)?(?:inte|ej)\b|"
    r"\b(?:har|hade)\s+(?:inte|ej)\s+(?:uppnått|nått|klarat|uppfyllt)\b")
# "Resultatet ligger under både nämndens och kommunfullmäktiges årsmål": below the target, which is a miss
# only where higher is better (a sick-leave rate below its target meets it): read as "below", and made a
# met claim once the row's direction is known (``settle_trends``). An explicit verdict in the same sentence
# ("uppnås inte") says it whatever the direction.
_BELOW = re.compile(
    r"\b(?:ligger|låg|är|var|hamnade|hamnar|landade|landar)\s+(?:\w+\s+)?under\s+(?:både\s+)?"
    r"(?:(?:nämndens|kommunfullmäktiges|kf:s|förvaltningens|det\s+uppsatta|årets)\s+(?:och\s+)?){1,2}(?:års)?mål(?:et|värdet)?\b|"
    r"\bunder\s+(?:årsmålet|målet|målvärdet)\b")
# (Each alternative of the next two patterns opens with its first letter, outside any group, and a word boundary
# that it needs is checked behind that letter: re skips ahead to a pattern's possible first letters only where
# every alternative opens with one, and tries a pattern that opens with "\b" or a class like "\s" at every
# position of the sentence. tests/parser/test_claims_gates.py holds each to its plain form, the one in the
# comment above it.)
_MET_TRUE_VERDICT = (r"(?:\s+(?:om|på)\s+(?:totalt\s+)?[\d ,]+(?:\s*(?:%|procent|[\w-]+)){0,4})?\s+(?:har\s+|kommer\s+att\s+|"
                     r"bedöms\s+|beräknas\s+)?(?:uppnås|nås|uppfylls|uppfyllas|uppnåtts|nåtts|uppfyllts|uppnåddes|nåddes)\b"
                     r"(?!\s+(?:delvis|inte|ej)\b)(?:\s+helt)?")
_MET_TRUE_REACHES = (r"\s+(?:därmed\s+|även\s+|också\s+)?(?:(?:förvaltningens|nämndens|uppsatt|det\s+uppsatta|"
                     r"sitt|årets)\s+)?(?:årsmål(?:et)?|målvärdet|målet)\b(?!\s+med\b)")
_MET_TRUE_FULFILLED = r"\s+(?:sitt\s+)?(?:års)?mål(?:et)?\b(?!\s+med\b)"
# _ANCHOR + _MET_TRUE_VERDICT | \b(?:når|nådde|uppnår|uppnådde|har\s+uppnått|har\s+nått|överträffar|överträffade|
# klarar|klarade|räknar\s+med\s+att\s+nå) + _MET_TRUE_REACHES | \b(?:har\s+)?uppfyllt + _MET_TRUE_FULFILLED
_MET_TRUE = re.compile(
    r"[åminuhökr](?:(?:(?<=å)rsmål(?:et)?|(?<=m)ålvärdet|(?<=\bm)ålet(?!\s+med\b)(?:\s+för\s+indikatorn)?|(?<=i)ndikatorn|"
    r"(?<=n)ämndindikatorn)" + _MET_TRUE_VERDICT +
    r"|(?<=\b[nuhökr])(?:(?<=n)år|(?<=n)ådde|(?<=u)ppnår|(?<=u)ppnådde|(?<=h)ar\s+uppnått|(?<=h)ar\s+nått|(?<=ö)verträffar|"
    r"(?<=ö)verträffade|(?<=k)larar|(?<=k)larade|(?<=r)äknar\s+med\s+att\s+nå)" + _MET_TRUE_REACHES +
    r"|(?<=\bh)ar\s+uppfyllt" + _MET_TRUE_FULFILLED + r"|(?<=\bu)ppfyllt" + _MET_TRUE_FULFILLED + ")")
# "39 % av förskolorna når årsmålet", "ingen av de tre ...": a share of the units, not the indicator
_PART_OF = re.compile(r"\b(?:\d+|en|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio)\s*(?:%|procent)?\s+av\b|\b(?:ingen|inga|någon|några|flera|hälften)\s+av\b|"
                      r"\bde\s+flesta\b")
_MET_ANCHOR = re.compile(_ANCHOR + r"|\bnår\b|\buppnår\b")
_NAMED_TARGET = re.compile(r"årsmål|målvärde|indikatorn")
_JAN_TO = re.compile(r"januari\s+(?:till|–|-)")
_NOT_LEVEL_UNIT = re.compile(r"\s*(?:procentenhet|gånger|år\b|dagar|veckor|timmar|kronor|tkr|mnkr)")
_PREV_YEARS_BEFORE = re.compile(_PREV + r"\s+års\s*$")
_FOR_CITY = re.compile(r"\S+\s+(?:för|gällande|avseende)\s+(?:staden|riket)")
_NEGATION = re.compile(r"\b(?:inte|ej|icke|aldrig|delvis)\b")
_GENERIC_MAL = re.compile(r"\bmålet\b(?!\s+för\s+indikatorn)")

_TREND_UP = re.compile(r"\b(?:har\s+|hade\s+)?(?:ökat|ökade|ökar|höjts|höjt|stigit|steg)\b|\ben\s+ökning\b|"
                       r"\bhar\s+ökad\b|\ben\s+ökad\s+(?:andel|antal)\b|\btrots\s+ökningen\b|"
                       r"\b(?:fortsatt|fortsätter)\s+(?:att\s+)?öka\b|"
                       r"\bhögre\s+(?:jämfört\s+med|än)\s+(?:föregående|förra)")
_TREND_DOWN = re.compile(r"\b(?:har\s+|hade\s+)?(?:minskat|minskade|minskar|sjunkit|sjönk|sänkts|sänkt)\b|"
                         r"\bhar\s+minskad\b|\ben\s+minskad\s+(?:andel|antal)\b|\btrots\s+minskningen\b|"
                         r"\b(?:fortsatt|fortsätter)\s+(?:att\s+)?minska\b|"
                         r"\ben\s+(?:minskning|sänkning|tillbakagång)\b|\blägre\s+(?:jämfört\s+med|än)\s+(?:föregående|förra)")
_TREND_SAME = re.compile(r"\b(?:på\s+)?samma\s+nivå\s+som\s+(?:föregående|förra)|\boförändrat?\b|"
                         r"\b(?:detsamma|samma)\s+som\s+(?:föregående|förra)")
_TREND_BETTER = re.compile(r"\ben\s+(?:\w+\s+)?förbättring\b|\bhar\s+förbättrats\b|\bpositiv\s+utveckling\b")
_TREND_WORSE = re.compile(r"\ben\s+(?:\w+\s+)?försämring\b|\bhar\s+försämrats\b")
# a trend is the indicator's only when the sentence speaks of its figure, not of something else that rose
_TREND_SUBJECT = re.compile(r"^(?:att\s+)?(?:(?:årets|periodens|förvaltningens)\s+)?(?:utfallet|resultatet|indexet|värdet)\b|"
                            r"^(?:årets|periodens|förvaltningens|nämndens)\s+(?:\w+\s+)?(?:utfall|resultat|index|värde)\b|"
                            r"^förvaltningen\s+har\s+(?:höjt|sänkt|förbättrat|försämrat|ökat|minskat)\s+"
                            r"(?:sitt|sina|det)\s+(?:utfall|resultat|index|värde)\b|"
                            r"^(?:att\s+)?(?:andelen|antalet)\b|^jämfört med (?:föregående|förra) år har (?:utfallet|resultatet|"
                            r"indexet|andelen|antalet)\b|^(?:utfallet|resultatet)\s+(?:för|gällande|om|på)\b")
_TREND_NOT = _Gated(r"\b(?:spridning\w*|skillnad\w*|\w*kostnad\w*|behov\w*|efterfrågan|antalet\s+(?:ärenden|"
                    r"anmälningar|ansökningar|besök|placeringar))\b",
                    ("spridning", "skillnad", "kostnad", "behov", "efterfrågan", "antalet"))
# a cause before the change ("det beror på att antalet sökande har ökat", "kan förklaras av att … ökat"): the
# change is the cause's, not the indicator's; after it ("Att resultatet har sjunkit beror på …") the change
# is what is explained. "bidragit till" works the other way round: what follows it is the effect.
_CAUSE_BEFORE = re.compile(r"\bförklar\w*\b|\bberor\b|\btros\b|\bkan\b")
_CAUSE_AFTER = re.compile(r"\bbidra\w*\s+till\b")
# (a decimal comma ends no clause; a main clause after a fronted subordinate one opens with its verb: "Även om andelen har ökat | är det
# osäkert om …")
# (first letters first, as _MET_TRUE: [;:]|,(?!\d)|\s(?:och|men|samt|medan|varav|vilket|eftersom|då|än|trots att|
# även om)\s|\s(?=(?:är|var|blir|blev)\s+det\s))
_CLAUSE_JOINS = r"(?:och|men|samt|medan|varav|vilket|eftersom|då|än|trots att|även om)\s"
_CLAUSE_VERB_FIRST = r"(?=(?:är|var|blir|blev)\s+det\s)"
_CLAUSE = re.compile(r"[;:,\s](?:(?<=[;:])|(?<=,)(?!\d)|(?<=\s)" + _CLAUSE_JOINS + r"|(?<=\s)" + _CLAUSE_VERB_FIRST + ")")


# The one test every sentence must pass to say anything (a figure, a target, a trend): most prose says
# nothing of the kind, and the splitter leaves out what fails it before it makes a sentence of it
# (``sentences(…, _maybe)``). It is a test of the sentence as it stands in the text: no word it looks for
# holds a space, so the line breaks and runs of spaces that the sentence loses change nothing.
_MAYBE_WORDS = ("mål", "indikatorn", "ök", "minsk", "sjunk", "sjönk", "sänk", "höj", "förbättr", "försämr", "samma",
                "oförändr", "lägre", "högre")


def _maybe(sentence: str) -> bool:
    """A digit or one of ``_MAYBE_WORDS`` in the sentence (the digits first: half the chunks a report's prose is
    split into hold none, and the words are looked for in the lower-cased sentence)."""
    return _has_digit(sentence) or _holds_any(sentence.lower(), _MAYBE_WORDS)


def _many_figures(low: str) -> bool:
    """More than ``MAX_FIGURES`` figures (``_FIGURE_WORD``) in the text. Each holds a digit: a text of Latin-1
    letters with no more digits than that is told so by counting the ten (most read sentences), without
    splitting it into figures."""
    if _latin1(low) and sum(map(low.count, _ASCII_DIGITS)) <= MAX_FIGURES:
        return False
    return len(_FIGURE_WORD.findall(low)) > MAX_FIGURES


def _latin1(text: str) -> bool:
    """Every letter of the text is a Latin-1 one (then its only digits are the ten)."""
    if text.isascii():
        return True
    try:
        text.encode("latin-1")      # a copy of the bytes where the text is stored one byte a letter
    except UnicodeEncodeError:
        return False
    return True


def _has_digit(text: str) -> bool:
    """``\\d`` in the text, looked for in the cheapest order: the ten digits with plain searches (a regular
    expression steps through a text a letter at a time), then the digits of other scripts, which no text of
    Latin-1 letters can hold."""
    # (a loop of `in` tests beats one regex alternation here)
    if _holds_any(text, _ASCII_DIGITS):
        return True
    return not _latin1(text) and _DIGIT.search(text) is not None


_ASCII_DIGITS = tuple("0123456789")


_DIGIT = re.compile(r"\d")
# a figure claim has a number shortly after one of its anchor words: one search tells which sentences to read
_FIGURE_NEAR = re.compile(r"(?:utfall|resultat|värde|mål|prognos|beräknas|förväntas|föregående|förra|fjol|års|låg|"
                          r"från|uppg|ligg|land|hamna)[^.\d]{0,70}\d")
_INTENTIONS = ("Beskrivning", "Förväntat resultat")
_FIGURE_WORD = re.compile(r"\d+(?:[ ,.]\d+)*")     # "1 272", "66,75" and a section number "1.2" are one figure each
MAX_FIGURES = 8
_INDIKATORN = re.compile(r"\b(?:nämnd)?indikatorn\b", re.I)


@dataclass(frozen=True)
class Statement:
    """One thing a sentence says about one indicator (``kind`` also "trend", with value up/down/same/better/worse)."""

    line: int
    kind: str
    value: float | bool | str
    text: str


@dataclass
class _Context:
    kind: str | None
    year: int | None


def _group_words(name: str) -> list[str]:
    """The words of an indicator's name that name a group ("Andel flickor som …"): for that indicator, the
    group is its own subject, not a sub-group."""
    return sorted({w.lower() for w in _SUBGROUP.findall(name.lower())})


@functools.lru_cache(maxsize=4096)
def _own_group_pattern(name: str) -> re.Pattern | None:
    """The group words of an indicator's name and their definite forms, as one pattern (None: none)."""
    words = _group_words(name)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) + r"(?:na|en)?" for w in words) + r")\b", re.I) \
        if words else None


def _as_own(sentence: str, name: str) -> str:
    """The sentence with the group words of the indicator's own name (and their definite forms) made
    neutral, so that the sub-group filters leave them alone."""
    pattern = _own_group_pattern(name)
    return pattern.sub("personer", sentence) if pattern is not None else sentence


_ATT_OM_PA = re.compile(r"\b(?:att|om|på)\b")


def _part_of(sentence: str, m: re.Match) -> bool:
    """The met claim's clause is about a share of the units ("39 % av förskolorna når årsmålet", "årsmålet
    nås av två av sju enheter"), not about a target that is itself a share ("når inte målet att 70 procent
    av de uppmärksammade personerna …")."""
    left, right = _clause_bounds(sentence, m.start(), m.end())
    if _PART_OF.search(sentence, left, m.start()):
        return True
    after = sentence[m.end():right]
    share = _PART_OF.search(after)
    return share is not None and not _ATT_OM_PA.search(after[:share.start()])


def _clause_edges(sentence: str, start: int, end: int) -> tuple[int, int, int]:
    """Where the clause around sentence[start:end] begins (between commas and joining words), where the clause
    before it begins, and where both end, from one scan (the figure and trend filters read both: a period is
    often named in the clause before, "jämfört med T1 då utfallet låg på ...")."""
    bounds = [m.end() for m in _CLAUSE.finditer(sentence, 0, start)]
    m = _CLAUSE.search(sentence, end)
    return (bounds[-1] if bounds else 0), (bounds[-2] if len(bounds) > 1 else 0), (m.start() if m else len(sentence))


def _clause_bounds(sentence: str, start: int, end: int) -> tuple[int, int]:
    """Where the clause around sentence[start:end] begins and ends."""
    left, _, right = _clause_edges(sentence, start, end)
    return left, right


def _clause_at(sentence: str, start: int, end: int) -> str:
    """The clause around sentence[start:end]."""
    left, right = _clause_bounds(sentence, start, end)
    return sentence[left:right]


def _other_period(clause: str, ctx: _Context, allow_previous_year: bool = False) -> bool:
    for y in _YEAR.findall(clause):
        y = int(y)
        if ctx.year is None or (y != ctx.year and not (allow_previous_year and y == ctx.year - 1)):
            return True
    if _MONTH.search(clause) and not _JAN_TO.search(clause):
        return True
    if ctx.kind in ("T1", "T2"):
        if _SAME_TIME.search(clause):
            return True
        for t in _TERTIAL.findall(clause):
            if f"T{t}" != ctx.kind:
                return True
    elif _TERTIAL.search(clause):
        return True
    return False


def _figure_ok(sentence: str, m: re.Match, group: str, ctx: _Context, previous: bool = False) -> bool:
    after = sentence[m.end(group):m.end(group) + 20]
    if _NOT_LEVEL_UNIT.match(after):
        return False
    left, wider_left, right = _clause_edges(sentence, m.start(), m.end())
    clause = sentence[left:right]
    if _SUBGROUP.search(clause) or _ELSEWHERE.search(clause):
        return False
    return not _other_period(sentence[wider_left:right], ctx, allow_previous_year=previous)


def _figures(sentence: str, ctx: _Context) -> tuple[list[tuple[str, float]], int]:
    """The figures the sentence states, and how many of them (the first ones) it states whatever its
    subject: the rest are plain statements of a level ("ligger på 81 %"), which are the indicator's only
    when the sentence's subject is known to be its name."""
    out: list[tuple[str, float]] = []
    taken: list[tuple[int, int]] = []

    def add(kind: str, m: re.Match, group: str, previous: bool = False) -> None:
        span = m.span(group)
        if any(a <= span[0] < b for a, b in taken):
            return
        if _figure_ok(sentence, m, group, ctx, previous):
            out.append((kind, _num(m.group(group))))
            taken.append(span)

    low = sentence      # lower-cased already: only _read calls this, with its lower-cased sentence
    unstated: list[re.Match] = []     # "har ökat från 61 % till 64 %" with no period: the subject decides
    for m in (_FROM_TO.finditer(sentence) if "från" in low else ()):
        before = sentence[max(0, m.start() - 80):m.start()]
        if _UP_DOWN.search(before) and "prognos" not in before:
            if not (m.group("y") or re.search(r"föregående|förra|" + str((ctx.year or 0) - 1), sentence)):
                if ctx.kind == "VB":   # an annual report's change is against the year before
                    unstated.append(m)
                continue
            y = m.group("y")
            if y and ctx.year and int(y) != ctx.year - 1:
                continue
            add("previous", m, "a", previous=True)
            add("outcome", m, "b", previous=True)
    for kind, pattern, needs in _FIGURES_NEEDING:
        if not _holds_any(low, needs):
            continue
        for m in pattern.finditer(sentence):
            y = m.groupdict().get("y")
            if y and (ctx.year is None or int(y) != ctx.year - 1):
                continue
            if kind == "previous" and ctx.kind in ("T1", "T2") and _SAME_TIME.search(sentence):
                continue
            if kind == "outcome" and _PREV_YEARS_BEFORE.search(sentence, 0, m.start()):
                continue
            if kind == "outcome" and _FOR_CITY.match(sentence, m.start()):
                continue
            add(kind, m, "n", previous=(kind == "previous"))
    plain = len(out)
    for m in unstated:
        add("previous", m, "a", previous=True)
        add("outcome", m, "b", previous=True)
    if "uppg" in low or "ligg" in low or "låg" in low or "land" in low or "hamna" in low:
        for m in _LEVEL.finditer(sentence):
            add("outcome", m, "n")
    return out, plain


_FIGURE_KINDS = ("outcome", "forecast", "target", "previous")
# what makes a lone figure something other than the row's level: a target, a forecast, another year, a
# comparison, a change, a share of something else
_NOT_PLAIN = re.compile(r"mål|prognos|föregående|förra|fjol|tidigare|jämför|snitt|\bfrån\b|procentenhet|ökning|"
                        r"minskning|\bper\b|\bmer än\b|\bmindre än\b|\bfler\b|\bfärre\b|\btotalt\b|\blika\b|\binför\b|"
                        + _UP_DOWN.pattern)
# "svarsfrekvensen uppgick till 70 %": the subject in front of the verb names the figure; "i dagsläget är
# 500 …" is no subject (a preposition before it)
_SUBJECT_VERB = re.compile(r"(?:^|(?P<before>\S+)\s+)(?P<subject>[a-zåäöé]+)\s+(?:uppgick|uppgår|ligger|låg|landade|"
                           r"landar|hamnade|hamnar|blev|var|är)\s+(?:\w+\s+){0,2}?(?:till\s+|på\s+)?$")
_PREPOSITION = {"i", "under", "vid", "för", "efter", "på", "inom", "till", "sedan", "per"}
_FIGURE_SUBJECT = ("andel", "antal", "resultat", "utfall", "värde", "index", "nivå")
# a figure given roughly or as a bound is no statement of the level
_ROUGHLY = re.compile(r"(?:\bcirka|\bca\.?|\bdrygt|\bnästan|\böver|\bunder|\bknappt|\bminst|\bmax|\bhögst|\bomkring|"
                      r"\brunt|\bupp till)\s*$")
_COUNT_WORD = re.compile(r"\b(?:två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|tjugo|trettio|hundra|tusen)\b")
_PLAIN_NUMBER = re.compile(r"(?<![\d,.])(?P<n>\d{1,3}(?:[ \u00a0]\d{3})+(?![\d,])|\d+(?:,\d+)?)(?![\d.])"
                           r"(?P<u>\s*(?:%|procent\b))?(?:\s+(?P<w>[a-zåäöé]+))?")
_DATE_WORD = re.compile(r"(?:vecka|v\.|dag|kl\.?|klockan|sidan|sida|kapitel|§|nr)\s*$")


def _plain_figure(sentence: str, name: str, ctx: _Context) -> float | None:
    """The one figure a sentence of the row's own analysis states in the row's unit ("72 procent av
    brukarna har svarat att de är nöjda", "i dagsläget är 500 ungdomar anställda, varav …"), read as its
    outcome: a share for an "Andel …" row, a count of the name's own things for an "Antal …" row
    ("500 ungdomar" for "Antal ungdomar som …"). Nothing when the sentence also speaks of a target, a
    forecast, another period, a comparison, a change, or a sub-group or another place in the figure's
    clause (the name's own words aside: "i stadens verksamheter" for a row about the city's units)."""
    name_words = [w for w in _words(name) if len(w) >= 4]
    kind = {"andel": "%", "antal": "count"}.get(next(iter(_words(name)), ""))
    if kind is None:
        return None
    low = sentence.lower()
    body = low.split(" varav ")[0]     # "varav 258 flickor": parts of the figure, not others
    if _NOT_PLAIN.search(body) or _HEDGE.search(body) or _SEVERAL.search(body):
        return None
    found = []
    for m in _PLAIN_NUMBER.finditer(body):
        if _YEAR.fullmatch(m.group("n")) or _DATE_WORD.search(body, 0, m.start()) \
                or (m.group("w") and _MONTH.fullmatch(m.group("w"))):
            continue
        found.append(m)
    if kind == "%":     # a share competes only with other shares; a count with every other count
        found = [m for m in found if m.group("u")]
    if len(found) != 1 or (kind == "count" and _COUNT_WORD.search(body)):
        return None
    m = found[0]
    if _ROUGHLY.search(body, 0, m.start()):
        return None
    verb = _SUBJECT_VERB.search(body, 0, m.start())
    if verb is not None:
        # the subject before the verb (unless a preposition makes it an adverbial: "i dagsläget är …"), and
        # a definite noun after it ("uppgick svarsfrekvensen till 70 %")
        subjects = [] if verb.group("before") in _PREPOSITION else [verb.group("subject")]
        subjects += [w for w in body[verb.end("subject"):m.start()].split()[1:] if len(w) >= 6 and
                     _DEFINITE_END.search(w)]
        if any(not (w.startswith(_FIGURE_SUBJECT) or any(_same(w, x) or _same(x, w) for x in name_words))
               for w in subjects):
            return None     # the sentence names another measure as the figure's subject
    if kind == "%":
        if not m.group("u"):
            return None
    elif m.group("u") or "," in m.group("n") or not (m.group("w") and any(_same(m.group("w"), w) or _same(w, m.group("w"))
                                                                           for w in name_words)):
        return None
    clause = _clause_at(body, m.start(), m.end())
    neutral = _as_own(" ".join(w for w in clause.split() if _words(w)[:1] not in ([x] for x in name_words)), name)
    if _SUBGROUP.search(neutral) or _ELSEWHERE.search(neutral) or _other_period(clause, ctx):
        return None
    return _num(m.group("n"))


_MET_VERBS = ("uppnå", "nå", "uppfyll", "överträff", "klara", "under")
# each verdict pattern with the words one of which every match of it holds (its verbs and negations, read off
# its alternatives), so that a sentence meets only the patterns it can match: a pattern that opens with a
# word boundary is tried at every position of the sentence, a word test runs in C
_MET_NOT = ((_MET_FALSE, False, ("delvis", "inte", "ej")), (_BELOW, "below", ("under",)))
_MET_TRUE_NEEDS = ("nås", "når", "nått", "nådd", "uppfyll", "överträff", "klara", "räknar")


def _met(sentence: str) -> tuple[bool | str | None, bool | str | None]:
    """What the sentence says about reaching the annual target, read two ways: when it is known to be
    about this indicator ("specific": a bare "målet" is then its target), and when it is not (in a goal's
    own words a bare "målet" is the goal). "below": the figure lies below the target (``_BELOW``)."""
    low = sentence      # lower-cased already: only _read calls this, with its lower-cased sentence
    if not _holds_any(low, _MET_VERBS) or _HEDGE.search(sentence):
        return None, None
    found: set[bool | str] = set()
    general: set[bool | str] = set()
    for pattern, said, needs in _MET_NOT:
        if not _holds_any(low, needs):
            continue
        for m in pattern.finditer(sentence):
            clause = _clause_at(sentence, m.start(), m.end())
            if _GOAL_WORDS.search(clause) or not _MET_ANCHOR.search(clause + " " + sentence) \
                    or _part_of(sentence, m):
                continue
            found.add(said)
            if _NAMED_TARGET.search(clause):
                general.add(said)
    for m in (_MET_TRUE.finditer(sentence) if _holds_any(low, _MET_TRUE_NEEDS) else ()):
        clause = _clause_at(sentence, m.start(), m.end())
        if _GOAL_WORDS.search(clause) or _NEGATION.search(sentence[max(0, m.start() - 30):m.end() + 12]) \
                or _part_of(sentence, m):
            continue
        found.add(True)
        if not _GENERIC_MAL.search(m.group(0)):
            general.add(True)
    for said in (found, general):
        if len(said) > 1 and False in said:
            said.discard("below")        # "uppnås inte, utfallet ligger under årsmålet": the verdict says it
    return (next(iter(found)) if len(found) == 1 else None), (next(iter(general)) if len(general) == 1 else None)


_TREND_WORDS = ("ök", "minsk", "sjunk", "sjönk", "sänk", "höj", "stig", "steg", "förbättr", "försämr", "samma",
                "oförändr", "lägre", "högre", "positiv utveckling", "tillbakagång")


# each trend pattern with the words one of which every match holds, to skip the search cheaply
_TRENDS = (("same", _TREND_SAME, ("samma", "oförändr")),
           ("up", _TREND_UP, ("ök", "höj", "stig", "steg", "högre")),
           ("down", _TREND_DOWN, ("minsk", "sjunk", "sjönk", "sänk", "lägre", "tillbakagång")),
           ("better", _TREND_BETTER, ("förbättr", "positiv utveckling")),
           ("worse", _TREND_WORSE, ("försämr",)))


def _trend(sentence: str, ctx: _Context) -> str | None:
    """The trend the sentence states, if its subject is the indicator (see ``_Reading.trend_subject``)."""
    low = sentence      # lower-cased already: only _read calls this, with its lower-cased sentence
    if not _holds_any(low, _TREND_WORDS):
        return None
    found: dict[str, re.Match] = {}
    for value, pattern, needs in _TRENDS:
        if not _holds_any(low, needs):
            continue
        m = pattern.search(sentence)
        if m:
            found[value] = m
    if len(found) != 1:
        return None
    (value, m), = found.items()
    # what the sentence says elsewhere (a cause, a doubt about the target, a twelve-month average) is not
    # about the change: the filters read the change's own clause (and the one before it, for a period)
    left, wider_left, right = _clause_edges(sentence, m.start(), m.end())
    clause = sentence[left:right]
    if _TREND_NOT.search(clause) or _SUBGROUP.search(clause) or _ELSEWHERE.search(clause) or _HEDGE.search(clause):
        return None
    if _CAUSE_BEFORE.search(sentence, left, m.start()) or _CAUSE_AFTER.search(sentence, m.end(), right):
        return None
    if _other_period(sentence[wider_left:right], ctx, allow_previous_year=True):
        return None
    return value


@dataclass(frozen=True)
class _Reading:
    """What a sentence says, read once for every way it may be taken: ``named``, its subject is known to be
    the indicator's name (then a plain "ligger på 81 %" and a trend are the indicator's); ``specific``, the
    sentence is known to be about the indicator (then a bare "målet" is its target)."""

    figures: tuple[tuple[str, float], ...] = ()
    plain: int = 0                      # figures[:plain] hold whatever the subject
    met_specific: bool | None = None
    met_general: bool | None = None
    trend: str | None = None
    trend_subject: bool = False         # the sentence's own subject is a figure ("Utfallet har ökat")

    def statements(self, line: int, text: str, named: bool, specific: bool) -> list[Statement]:
        out = [Statement(line, kind, value, text) for kind, value in self.figures[:None if named else self.plain]]
        met = self.met_specific if specific else self.met_general
        if met is not None:
            out.append(Statement(line, "met", met, text))
        if self.trend is not None and (named or self.trend_subject):
            out.append(Statement(line, "trend", self.trend, text))
        return out


_NOTHING = _Reading()


def _read(sentence: str, ctx: _Context) -> _Reading:
    # the patterns are written in lower case and read the lower-cased sentence (faster than ignoring case)
    low = sentence.lower()
    # which of the three readings the sentence may give, by the words each needs (most read sentences hold
    # a figure or a word of one of them, few give anything): a sentence that may give none is done
    near = _has_digit(low) and _FIGURE_NEAR.search(low) is not None     # (it ends on a digit)
    may_met = ("mål" in low or "indikatorn" in low) and _holds_any(low, _MET_VERBS)
    may_trend = _holds_any(low, _TREND_WORDS)
    if not (near or may_met or may_trend):
        return _NOTHING
    if ("indikator" in low or "respektive" in low) and _SEVERAL.search(low):
        return _NOTHING
    if _many_figures(low):
        return _NOTHING     # a table printed as running text ("Nyckeltal Snitt 2024 T1 2024 …"), not a sentence
    figures, plain = _figures(low, ctx) if near else ([], 0)
    met = _met(low) if may_met else (None, None)
    trend = _trend(low, ctx) if may_trend else None
    return _Reading(tuple(figures), plain, *met, trend,
                    trend is not None and _TREND_SUBJECT.search(low) is not None)


# --------------------------------------------------------------------------------- where to read

def _blocks(text: str, first_line: int, names: _Names) -> list[tuple[int, str, str | None]]:
    """Split a goal's analysis at the lines that are headings: (first line, text, indicator name or None).
    A heading stands between two sentences, ends none itself and is followed by a line that starts one;
    one that names exactly one indicator (also over two lines, or without its parenthetical tail) opens
    that indicator's part, a short other one ("Uppnådda resultat") closes it."""
    lines = text.split("\n")
    nonblank = [i for i, t in enumerate(lines) if t.strip()]
    nxt = {a: b for a, b in zip(nonblank, nonblank[1:])}

    def opens_sentence(k: int | None) -> bool:
        return k is None or lines[k].strip()[:1].isupper()

    blocks: list[tuple[int, str, str | None]] = []
    start, current, prev_ends = 0, None, True
    heading_at, heading_text = -1, ""
    for pos, k in enumerate(nonblank):
        if k < start:
            continue
        raw = lines[k].strip()
        ends = raw[-1] in ".!?:;,"
        key, span = None, 0
        if current is not None and pos and nonblank[pos - 1] == heading_at and not ends \
                and _heading_name(heading_text + " " + raw, names) == current:
            # the rest of the heading's name on a line of its own ("… inom socialpsykiatrin och" / "LSS")
            start, heading_at, heading_text = k + 1, k, heading_text + " " + raw
            continue
        if prev_ends and raw[0].isupper():
            if opens_sentence(nxt.get(k)):
                key = _heading_name(raw, names)
                span = k + 1 if key or (len(raw) <= 80 and not ends) else 0
            if not span and not ends and k in nxt and opens_sentence(nxt.get(nxt[k])):
                key = _heading_name(raw + " " + lines[nxt[k]], names)
                span = nxt[k] + 1 if key else 0
        if span:
            if k > start:
                blocks.append((first_line + start, "\n".join(lines[start:k]), current))
            current, start, prev_ends = key, span, True
            heading_at, heading_text = span - 1, " ".join(lines[i].strip() for i in range(k, span))
            continue
        prev_ends = raw[-1] in ".!?:"
    if start < len(lines):
        blocks.append((first_line + start, "\n".join(lines[start:]), current))
    return blocks


def _heading_name(text: str, names: _Names) -> str | None:
    """The indicator a heading line names: it names exactly one, and is little more than its name (a
    sentence that mentions the name is no heading)."""
    if ". " in text:
        return None
    found = names.named(text)
    if len(found) != 1:
        return None
    key = next(iter(found))
    return key if len(_words(text)) <= len(_words(key)) + 2 else None


def _pick(key: str, names: _Names, near: list[Indicator]) -> Indicator:
    """The indicator of that name: the one under the goal at hand if the name is used more than once."""
    owners = names.owners[key]
    for ind in owners:
        if any(ind is n for n in near):
            return ind
    return owners[0]


def read_report(report: Report) -> list[tuple[Indicator, Statement]]:
    """Every statement the report's prose makes about one indicator's own figures, with its indicator."""
    indicators = [ind for g in report.goals for ind in g.indicators]
    if not indicators:
        return []
    names = _Names(indicators)
    ctx = _Context(report.report_kind, report.year)
    children: dict[str | None, list[Goal]] = {}
    for g in report.goals:
        children.setdefault(g.parent, []).append(g)

    under: dict[int, list[Indicator]] = {}

    def below(goal: Goal) -> list[Indicator]:
        # asked once for a goal's analysis and once per section of it: worked out once (callers only read it)
        out = under.get(id(goal))
        if out is None:
            out, stack = list(goal.indicators), list(children.get(goal.id, []))
            while stack:
                g = stack.pop()
                out.extend(g.indicators)
                stack.extend(children.get(g.id, []))
            under[id(goal)] = out
        return out

    out: list[tuple[Indicator, Statement]] = []

    def elsewhere(sentence: str, key: str) -> bool:
        """The sentence's subject is more like another indicator's name than like ``key``."""
        best, keys = names.closest(sentence)
        return best >= 2 and key not in keys

    readings: dict[str, _Reading] = {}

    def read(line: int, text: str, named: bool, specific: bool) -> list[Statement]:
        # a sentence is often taken more than once (the widest reading, then the stricter one): read it once
        reading = readings.get(text)
        if reading is None:
            reading = readings[text] = _read(text, ctx)
        return reading.statements(line, text, named, specific)

    def take(ind: Indicator | None, line: int, sentence: str, named: bool, specific: bool,
             said: list[Statement], own: bool = False) -> None:
        if ind is None:
            return
        if not own and _part_measure(sentence, ind.name):
            return      # "den långa sjukfrånvaron" beside "sjukfrånvaron": which one the figure is of is unsure
        if not (named and specific):    # the stricter reading
            said = read(line, _as_own(sentence, ind.name), named, specific)
        out.extend((ind, Statement(s.line, s.kind, s.value, sentence)) for s in said)

    def said(line: int, sentence: str, ind: Indicator | None = None) -> list[Statement]:
        """What the sentence would say if it were about one indicator (the widest reading): naming is
        the costly part, so it is only looked at for sentences that say something. With ``ind``: read
        as about that indicator, whose own name may name a group ("Andel flickor som …")."""
        return read(line, _as_own(sentence, ind.name) if ind is not None else sentence, True, True)

    def said_of_group(line: int, sentence: str, near: list[Indicator]) -> tuple[Indicator | None, list[Statement]]:
        """A sentence that says nothing for a group word may still name an indicator about that group."""
        if not _SUBGROUP.search(sentence.lower()):
            return None, []
        named = names.named(sentence)
        if len(named) != 1:
            return None, []
        ind = _pick(next(iter(named)), names, near)
        return (ind, said(line, sentence, ind)) if _group_words(ind.name) else (None, [])

    for goal in report.goals:
        for ind in goal.indicators:
            if not ind.analysis or ind.analysis_line is None:
                continue
            own = _norm(ind.name)
            for line, sentence in sentences(ind.analysis, ind.analysis_line, _maybe):
                found = said(line, sentence, ind)
                before = len(out)
                if found:
                    named = names.named(sentence)
                    if named - {own} or (not named and elsewhere(sentence, own)):
                        continue    # about another indicator, or several
                    # in the row's own analysis "Andelen …"/"Antalet …" opening the sentence is the row's figure
                    opening = [w for w in _words(sentence)[:2] if w != "att"][:1]
                    subject = own in named or opening == _words(own)[:1] in (["andel"], ["antal"]) \
                        or _subject_is_named(sentence, own)
                    take(ind, line, sentence, subject, True, found, own=True)
                if _DIGIT.search(sentence) and not any(s.kind in _FIGURE_KINDS for _, s in out[before:]):
                    # a lone figure in the row's unit, said of nothing else, is the row's
                    figure = _plain_figure(sentence, ind.name, ctx)
                    if figure is not None and not (names.named(sentence) - {own}):
                        out.append((ind, Statement(line, "outcome", figure, sentence)))
        if not goal.analysis or goal.analysis_line is None:
            continue
        near = below(goal)
        sole = goal.indicators[0] if len(goal.indicators) == 1 else None
        for first, text, heading in _blocks(goal.analysis, goal.analysis_line, names):
            for line, sentence in sentences(text, first, _maybe):
                if heading is None and not (sole is not None and _INDIKATORN.search(sentence)):
                    # only a sentence that names an indicator can say something here
                    named = names.named(sentence) or names.named_in_other_words(sentence)
                    if len(named) == 1:
                        ind = _pick(next(iter(named)), names, near)
                        found = said(line, sentence, ind)
                        if found:
                            take(ind, line, sentence, True, True, found)
                    continue
                found = said(line, sentence)
                if not found:
                    ind, found = said_of_group(line, sentence, near)
                    if found:
                        take(ind, line, sentence, True, True, found)
                    continue
                named = names.named(sentence)
                if len(named) > 1:
                    continue
                if named:
                    take(_pick(next(iter(named)), names, near), line, sentence, True, True, found)
                elif heading is not None and not elsewhere(sentence, heading):
                    take(_pick(heading, names, near), line, sentence, False, True, found)
                elif sole is not None and _INDIKATORN.search(sentence):
                    take(sole, line, sentence, False, False, found)
    # the summary and other prose outside the goals, and a goal's sections that report ("Jämställdhetsanalys",
    # with "Särskilda redovisningar" after it), not those that state intentions ("Beskrivning", "Förväntat
    # resultat": "sjukfrånvaron minskar" there is a wish): only a sentence that names exactly one indicator
    loose = [(para.text, para.line, indicators) for para in report.narrative]
    for goal in report.goals:
        for section in goal.sections:
            if section._text_line is not None and section.label not in _INTENTIONS:
                # split at its headings ("Särskilda redovisningar"), which end no sentence of their own
                loose += [(text, first, below(goal)) for first, text, _ in _blocks(section.text, section._text_line,
                                                                                    names)]
    for text, first, near in loose:
        for line, sentence in sentences(text, first, _maybe):
            named = names.named(sentence) or names.named_in_other_words(sentence)
            if len(named) != 1:
                continue
            ind = _pick(next(iter(named)), names, near)
            found = said(line, sentence, ind)
            if found:
                take(ind, line, sentence, True, True, found)
    return out


def read_claims(report: Report) -> dict[int, list[ProseClaim]]:
    """The claims of ``auditor.report/1`` per indicator (by ``id()``), in text order, trends included as
    far as they are up, down or same (a better/worse needs the row's direction: ``settle_trends``). Every
    trend as read is also kept on its indicator (``Indicator._trends``) for the IND-TEXT-TREND rule."""
    out: dict[int, list[ProseClaim]] = {}
    trends: dict[int, list[Statement]] = {}
    below: dict[int, list[Statement]] = {}
    seen: set[tuple] = set()
    for ind, s in read_report(report):
        key = (id(ind), s.line, s.kind, s.value)
        if key in seen:
            continue
        seen.add(key)
        if s.kind == "trend":
            trends.setdefault(id(ind), []).append(s)
        if s.kind == "met" and s.value == "below":
            below.setdefault(id(ind), []).append(s)
        elif s.kind != "trend" or s.value in ("up", "down", "same"):
            out.setdefault(id(ind), []).append(ProseClaim(line=s.line, kind=s.kind, value=s.value, text=s.text))
    for goal in report.goals:
        for ind in goal.indicators:
            ind._trends = sorted(trends.get(id(ind), []), key=lambda s: s.line)
            ind._below = sorted(below.get(id(ind), []), key=lambda s: s.line)
    for claims in out.values():
        claims.sort(key=lambda c: c.line)
    return out


def settle_trends(ind: Indicator, direction: str) -> None:
    """Add to the row's claims the trends stated as better or worse ("en förbättring"), as up or down by
    the row's direction (from a target's words, the name, or the default), once its cells are placed. The
    IND-TEXT-TREND rule reads the trends as read (``_trends``) and speaks only on a direction not assumed.
    A figure said to lie below its target (``_below``) is added as met or not met the same way."""
    if direction not in ("higher", "lower"):
        return
    added = [ProseClaim(line=s.line, kind="trend", value="up" if (s.value == "better") == (direction == "higher")
                        else "down", text=s.text)
             for s in ind._trends if s.value in ("better", "worse")]
    # below the target: not met where higher is better, met where lower is
    added += [ProseClaim(line=s.line, kind="met", value=direction == "lower", text=s.text) for s in ind._below]
    if added:
        have = {(c.line, c.kind, c.value) for c in ind.claims}
        ind.claims = sorted([*ind.claims, *(c for c in added if (c.line, c.kind, c.value) not in have)],
                            key=lambda c: c.line)
