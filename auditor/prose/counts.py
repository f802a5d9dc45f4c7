"""Read Swedish count claims ("tre av fem indikatorer uppnås helt och två delvis") and degree statements
("Förvaltningen bedömer att målet uppfylls delvis") out of prose.

This is plain text analysis with no knowledge of the report's goals: ``find_claims(text, line)`` returns
what a text *says*. The parts of the report a count may be about are found by
``auditor.facts.count_readings``, and whether it fits them is decided by ``auditor.policy.counts``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .sentences import each_sentence

# -------------------------------------------------------------------------------------------- numbers

_UNITS = {"en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8, "nio": 9}
_TEENS = {"tio": 10, "elva": 11, "tolv": 12, "tretton": 13, "fjorton": 14, "femton": 15, "sexton": 16,
          "sjutton": 17, "arton": 18, "aderton": 18, "nitton": 19}
_TENS = {"tjugo": 20, "trettio": 30, "fyrtio": 40, "femtio": 50, "sextio": 60, "sjuttio": 70, "åttio": 80,
         "nittio": 90}


def _word_numbers() -> dict[str, int]:
    words = {k: v for k, v in _UNITS.items() if k not in ("en", "ett")}
    words.update(_TEENS)
    for tens, tv in _TENS.items():
        words[tens] = tv
        for unit, uv in _UNITS.items():
            words[tens + unit] = tv + uv
    return words


NUMBER_WORDS = _word_numbers()
_NUMBER_WORD_RE = re.compile(r"\b(" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")\b")

# what a count is about; the first matching alternative wins, so longer phrases come first (each needs a
# word of _CLAIM_SUBJECT)
LEVEL_PATTERNS: tuple[tuple[str, str], ...] = (
    (r"inriktningsmål\w*", "inriktningsmal"),
    (r"verksamhetsområdesmål\w*", "verksamhetsomradesmal"),
    (r"mål\w*\s+för\s+verksamhetsområde\w*", "verksamhetsomradesmal"),
    (r"verksamhetsområde(?:t|na|nas|ts)?\b", "verksamhetsomradesmal"),
    (r"nämndmål\w*", "namndmal"),
    (r"enhetsmål\w*", "enhetsmal"),
    (r"\w*indikator\w*", "indikator"),
    (r"aktivitet\w*", "aktivitet"),
)
_LEVEL_RE = re.compile("|".join(f"(?P<L{i}>{p})" for i, (p, _) in enumerate(LEVEL_PATTERNS)))

_DEGREE_WORDS = {"helt": "helt", "delvis": "delvis", "inte": "inte", "ej": "inte", "icke": "inte",
                 "approx": "approx"}
_VERB_RE = re.compile(r"^(uppfyll\w*|uppnå\w*|nås|nåtts|nått|når|nådda|klara[st]?|klarat)$")

_TOKEN_RE = re.compile(r"(?P<num>\d+(?:[.,]\d+)?)(?P<unit>\s*(?:%|procent\b|kr\b|kronor\b|st\b|timmar\b|dagar\b|år\b))?"
                       r"|[\wåäö:]+|[.,;]")


def _normalise(text: str) -> str:
    t = " " + re.sub(r"\s+", " ", text.lower()) + " "
    t = re.sub(r"\b(inte|ej) helt\b", " delvis ", t)
    t = re.sub(r"\bfullt ut\b|\bi sin helhet\b", " helt ", t)
    t = re.sub(r"\bi (?:allt )?väsentligt\b|\bi huvudsak\b|\bi stort sett\b|\bi hög grad\b", " approx ", t)
    t = re.sub(r"\b(?:den|det) andra\b", " 1 ", t)
    t = re.sub(r"\b(?:båda|bägge)\b", " alla 2 ", t)
    t = re.sub(r"\bsamtliga\b", " alla ", t)
    t = re.sub(r"\b(?:ingen|inget|inga) av\b", " 0 av ", t)
    # "nämndens 25 mål" / "nämndens mål" is a count of nämndmål
    t = re.sub(r"\bnämndens\s+(\S+\s+)?mål(?:en)?\b", lambda m: f" {m.group(1) or ''}nämndmål ", t)
    # "en"/"ett" are numbers only where they are counted ("en av", "ett uppfylls", "en är ej uppnådd")
    t = re.sub(r"\b(?:en|ett)\b(?=\s+(?:av\b|uppfylls\b|uppfyllas\b|uppnås\b|uppnår\b|nås\b|når\b|är\b|bedöms\b"
               r"|delvis\b|helt\b|inte\b|ej\b))", " 1 ", t)
    t = _NUMBER_WORD_RE.sub(lambda m: str(NUMBER_WORDS[m.group(1)]), t)
    return t


@dataclass
class _Part:
    count: int | None
    total: int | None = None
    group: bool = False
    level: str | None = None
    inherited_level: str | None = None
    degree: str | None = None
    verb: bool = False

    def resolved_degree(self) -> str | None:
        if self.degree == "approx":
            return None
        return self.degree or ("helt" if self.verb else None)


@dataclass
class Claim:
    """What one sentence (or two adjacent ones) says about how many goals/indicators/activities reach what."""

    line: int
    text: str
    about: str                     # inriktningsmal | verksamhetsomradesmal | namndmal | enhetsmal | indikator | aktivitet
    helt: int | None = None
    delvis: int | None = None
    inte: int | None = None
    total: int | None = None
    all: str | None = None         # "samtliga nämndmål uppnås helt" -> all="helt" (no number printed)
    lines: list[int] = field(default_factory=list)

    def stated(self) -> dict[str, int]:
        return {k: v for k, v in (("helt", self.helt), ("delvis", self.delvis), ("inte", self.inte)) if v is not None}


# Cheap test before the full reading (most prose is no claim): a claim names what it counts and how it went.
# The full reading, after _normalise, needs a _LEVEL_RE level and a _CLAIM_VERB verb; _normalise makes no
# verb and no level word except "nämndmål" out of "nämndens ... mål", so a text that lacks the verb or all
# the _CLAIM_SUBJECT words holds no claim. (A new level pattern or a new _normalise rule must keep this true.)
_CLAIM_SUBJECT = ("inriktningsmål", "verksamhetsområde", "nämndmål", "nämndens", "enhetsmål", "indikator",
                  "aktivitet")
_CLAIM_VERB = re.compile(r"\b(?:uppfyll|uppnå|nås\b|nåtts\b|nått\b|når\b|nådd)")


def _maybe_claim(text: str) -> bool:
    """Both what a claim counts and how it went, in any order (plain searches, the rarer first: one pattern
    with ``.*?`` between them backtracks over the whole text)."""
    return any(word in text for word in _CLAIM_SUBJECT) and bool(_CLAIM_VERB.search(text))


def _parse_sentence(sentence: str) -> list[tuple[str, _Part | None, list[_Part]]]:
    """Return claims of one sentence as (about, -, parts)."""
    if not _maybe_claim(sentence.lower()):
        return []
    t = _normalise(sentence)
    if not _LEVEL_RE.search(t) or not _CLAIM_VERB.search(t):
        return []
    if len(re.findall(r"\d+", t)) > 8:      # a table that lost its layout, not a sentence
        return []
    tokens = []
    pos = 0
    while pos < len(t):
        m = _LEVEL_RE.match(t, pos)
        if m:
            level = LEVEL_PATTERNS[int(m.lastgroup[1:])][1]
            tokens.append(("LEVEL", level))
            pos = m.end()
            continue
        m = _TOKEN_RE.match(t, pos)
        if not m:
            pos += 1
            continue
        word = m.group(0)
        pos = m.end()
        if m.group("num") and not m.group("unit") and m.group("num").isdigit():
            n = int(word)
            tokens.append(("NUM", n) if n < 1000 else ("WORD", word))
        elif word in _DEGREE_WORDS:
            tokens.append(("DEG", _DEGREE_WORDS[word]))
        elif _VERB_RE.match(word):
            tokens.append(("VERB", word))
        else:
            tokens.append(("WORD", word))

    parts: list[_Part] = []
    part_at: list[int] = []              # token index where each part starts
    current_level: str | None = None
    open_part: _Part | None = None
    for i, (kind, val) in enumerate(tokens):
        prev = tokens[i - 1] if i else ("", None)
        prev2 = tokens[i - 2] if i > 1 else ("", None)
        if kind == "NUM":
            if prev in (("WORD", "dessa"), ("WORD", "dem")) or prev2 == ("WORD", "dessa"):
                continue                 # "dessa två indikatorer": points back, counts nothing new
            after_av = prev == ("WORD", "av") or (prev[0] == "WORD" and (str(prev[1]).endswith("s") or prev[1] == "de")
                                                 and prev2 == ("WORD", "av"))
            if after_av and open_part is not None and open_part.total is None and not open_part.group:
                open_part.total = val
                continue
            group = prev in (("WORD", "alla"), ("WORD", "de"))
            open_part = _Part(count=val, total=val if group else None, group=group,
                              inherited_level=current_level)
            parts.append(open_part)
            part_at.append(i)
        elif kind == "WORD" and val == "alla" and (i + 1 >= len(tokens) or tokens[i + 1][0] != "NUM"):
            open_part = _Part(count=None, group=True, inherited_level=current_level)
            parts.append(open_part)
            part_at.append(i)
        elif kind == "LEVEL":
            current_level = val
            if open_part is not None and open_part.level is None:
                open_part.level = val
    # the degree of each part: the degree word next to its first verb ("uppfylls delvis", "är ej uppnådd",
    # "uppnår årsmålet helt"), a verb alone meaning "helt", or -- elliptically, "och två delvis" -- a degree
    # word right after the count
    for n, part in enumerate(parts):
        start = part_at[n]
        end = part_at[n + 1] if n + 1 < len(parts) else len(tokens)
        seg = tokens[start + 1:end]
        verbs = [j for j, (kind, _) in enumerate(seg) if kind == "VERB"]
        if ("DEG", "approx") in seg[:verbs[0] + 1 if verbs else 3]:
            part.degree = "approx"       # "i huvudsak", "i stort sett": no exact degree
        elif verbs:
            v = verbs[0]
            part.verb = True
            for j in (v + 1, v - 1, v + 2, v - 2):
                if 0 <= j < len(seg) and seg[j][0] == "DEG":
                    part.degree = seg[j][1]
                    break
        else:
            for j in range(min(3, len(seg))):
                if seg[j][0] == "DEG":
                    part.degree = seg[j][1]
                    break
    # group consecutive parts by what they are about
    out: list[tuple[str, _Part | None, list[_Part]]] = []
    for part in parts:
        about = part.level or part.inherited_level
        if about is None:
            continue
        if out and out[-1][0] == about:
            out[-1][2].append(part)
        else:
            out.append((about, None, [part]))
    return out


def _claim_from_parts(about: str, parts: list[_Part], line: int, text: str) -> Claim | None:
    claim = Claim(line=line, text=text, about=about, lines=[line])
    useful = False
    for part in parts:
        degree = part.resolved_degree()
        if part.total is not None and claim.total is None:
            claim.total = part.total
            useful = True
        if degree is None:
            continue
        if part.count is None:           # "samtliga nämndmål uppnås helt"
            claim.all = degree
            useful = True
            continue
        setattr(claim, degree, (getattr(claim, degree) or 0) + part.count)
        useful = True
    return claim if useful else None


def find_claims(text: str | None, line: int) -> list[Claim]:
    """All count claims in ``text`` (whose first line is ``line``), in order."""
    if not text or not _maybe_claim(text.lower()):
        return []
    claims: list[Claim] = []
    previous_sentence_claim: Claim | None = None
    for read in each_sentence(text, line, lambda chunk: _maybe_claim(chunk.lower())):
        if read is None:                 # no claim in it
            previous_sentence_claim = None
            continue
        sline, sentence = read
        found = []
        for about, _, parts in _parse_sentence(sentence):
            claim = _claim_from_parts(about, parts, sline, sentence)
            if claim is not None:
                found.append(claim)
        # "Tre av nio indikatorer uppnås. Sex av indikatorerna uppnås delvis." is one claim in two sentences
        if (len(found) == 1 and previous_sentence_claim is not None and found[0].total is None
                and found[0].all is None and found[0].about == previous_sentence_claim.about
                and not set(found[0].stated()) & set(previous_sentence_claim.stated())):
            prev = previous_sentence_claim
            for k, v in found[0].stated().items():
                setattr(prev, k, v)
            prev.text = f"{prev.text} {sentence}"
            prev.lines.append(sline)
            previous_sentence_claim = None
            continue
        claims.extend(found)
        previous_sentence_claim = found[-1] if found else None
    return claims


# ------------------------------------------------------------------------------ degree statements

# How an analysis names the goal it assesses, after ``_normalise`` (lower case): "målet", the goal by its
# level ("nämndmålet", "enhetsmålet", "verksamhetsområdesmålet", "inriktningsmålet"), or by its full name
# ("kommunfullmäktiges mål för verksamhetsområdet", "KF:s mål för verksamhetsområdet", "målet för
# verksamhetsområdet"). Each alternative's group says which level the name is specific to.
_GOAL_NAME = (r"(?:(?:kommunfullmäktiges|kf:s|nämndens)\s+)?"
              r"(?:(?P<vo_full>mål(?:et)?\s+för\s+verksamhetsområdet)"
              r"|(?P<named>inriktnings|verksamhetsområdes|nämnd|enhets)?målet)\b")
_NAMED_LEVEL = {"inriktnings": "inriktningsmal", "verksamhetsområdes": "verksamhetsomradesmal",
                "nämnd": "namndmal", "enhets": "enhetsmal"}
_GOAL_NAME_RE = re.compile(r"\b" + _GOAL_NAME)

_STATE_RE = re.compile(
    r"\b" + _GOAL_NAME +
    r"(?:\s+(?:för\s+\S+\s+)?(?:bedöms|beräknas|förväntas|anses|kommer|kan|att|därmed|därför|sammantaget|som|vara|i\s+år|under\s+året|år\s+\d{4}))*"
    r"\s+(?:(?P<pre>helt|delvis|inte|ej|approx)\s+)?(?:att\s+)?(?:kunna\s+)?"
    r"(?P<verb>uppfyll\w*|uppnå\w*|nås|nått|är\s+(?:helt|delvis|inte|ej)\s+(?:uppfyllt|uppnått))"
    r"(?:\s+(?P<post>helt|delvis|inte|ej|approx))?")


def stated_degree(text: str | None, line: int = 0, level: str | None = None) -> tuple[str, str, int] | None:
    """The degree of fulfilment a goal's analysis explicitly states for the goal itself, with the sentence
    and its line: ``("delvis", "Förvaltningen bedömer att målet uppfylls delvis.", 12)``; None if it states
    none. Only sentences that make an assessment ("bedömer", "bedömning", "sammantaget") and count nothing
    are read, so "tre av fem mål uppfylls delvis" is not mistaken for the goal's own degree.

    The goal may be named "målet", by its level ("nämndmålet", "enhetsmålet", "verksamhetsområdesmålet")
    or in full ("kommunfullmäktiges mål för verksamhetsområdet", "målet för verksamhetsområdet"). With
    ``level`` (the goal's own level) a name specific to another level is not read as the goal itself: a
    committee goal's analysis that says "verksamhetsområdesmålet uppfylls helt" speaks of its parent."""
    if not text or "mål" not in text.lower():
        return None
    for read in each_sentence(text, line, _may_assess):
        if read is None:
            continue
        sline, sentence = read
        t = _normalise(sentence)
        if not re.search(r"\bbedöm\w*|\bsammantag\w*|\bsammanfattningsvis\b", t):
            continue
        if re.search(r"\b\d+\s+(?:av\s+)?\S*(?:mål|indikator)", t):
            continue
        for m in _STATE_RE.finditer(t):
            if level is not None and _named_level(m) not in (None, level):
                continue
            verb = m.group("verb")
            inner = re.search(r"är\s+(helt|delvis|inte|ej)\s", verb + " ")
            word = m.group("pre") or (inner.group(1) if inner else None) or m.group("post") or "helt"
            degree = _DEGREE_WORDS[word]
            if degree == "approx":
                break
            return degree, sentence, sline
    return None


def _may_assess(sentence: str) -> bool:
    """Does the sentence name the goal and make an assessment? (Whitespace may be line breaks: the patterns
    read any run of it as one.)"""
    low = sentence.lower()
    return bool(_GOAL_NAME_RE.search(low)) and bool(re.search(r"bedöm|sammantag|sammanfattningsvis", low))


def _named_level(m: re.Match) -> str | None:
    """The level a goal name is specific to (None for plain "målet")."""
    if m.group("vo_full"):
        return "verksamhetsomradesmal"
    return _NAMED_LEVEL.get(m.group("named") or "")
