"""Declarative domain knowledge the facts are derived with: indicator directions and who counts as people.

The data lives beside the rules (``rules/directions.yaml``, ``rules/people.yaml``) so an auditor edits it
without touching code; a user rules directory (``--rules DIR``) may hold files of the same names, whose
entries come *before* the built-in ones (so they win) and whose lists extend them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..words.errors import InputError, os_reason, refusal
from . import parsed_cache
from .location import rule_dirs

if TYPE_CHECKING:
    from ..model import Indicator


@dataclass(frozen=True)
class NamePattern:
    regex: re.Pattern
    direction: str
    why: str | None = None


@dataclass
class Knowledge:
    fallback: str = "higher"
    target_words: dict[str, list[re.Pattern]] = field(default_factory=dict)
    names: list[NamePattern] = field(default_factory=list)
    not_measured: list[re.Pattern] = field(default_factory=list)
    subject_words: list[str] = field(default_factory=list)
    subject_stop: re.Pattern = re.compile(r"\b(som|per|i)\b")
    people_patterns: list[re.Pattern] = field(default_factory=list)
    people_exclude: list[re.Pattern] = field(default_factory=list)
    subject_forms: list[re.Pattern] = field(default_factory=list)
    subject_form_exclude: list[re.Pattern] = field(default_factory=list)
    gender_words: re.Pattern = re.compile(r"\b(kvinnor|män|flickor|pojkar)\b")
    gender_topic: re.Pattern = re.compile(r"\bkön\b")
    discussion_cues: re.Pattern = re.compile(r"\bskillnad\w*\b")
    subject_word_re: re.Pattern | None = None
    # the same words, for a search that only asks whether one ends a word: without the leading \w*, which the
    # engine tries again at every letter of every word (the same answer, several times faster)
    subject_word_in: re.Pattern | None = None
    young_words: list[str] = field(default_factory=list)
    young_word_re: re.Pattern | None = None
    # KF's annual targets: (year, indicator name as ``kf_key`` gives it) -> the cell as printed
    kf_targets: dict[tuple[int, str], str] = field(default_factory=dict)
    # each list above as one alternation (``any_of``): one search tells whether any of its patterns hits, so
    # the list is walked (for the first hit, whose pattern is reported) only when one does
    people_exclude_any: re.Pattern | None = None
    people_patterns_any: re.Pattern | None = None
    subject_forms_any: re.Pattern | None = None
    subject_form_exclude_any: re.Pattern | None = None
    target_words_any: re.Pattern | None = None
    names_any: re.Pattern | None = None
    # the name patterns' answer for each indicator name met in this process: a report's rows are asked about
    # two or three times (placing the row, settling its trends, the target facts), the name alone decides it
    name_directions: dict[str, tuple[str, str, str | None] | None] = field(default_factory=dict, repr=False,
                                                                          compare=False)

    def finish(self) -> "Knowledge":
        words = sorted(set(self.subject_words), key=len, reverse=True)
        self.subject_word_re = re.compile(r"\w*(?:" + "|".join(map(re.escape, words)) + r")\b", re.I) if words \
            else re.compile(r"(?!)")
        self.subject_word_in = re.compile(r"(?:" + "|".join(map(re.escape, words)) + r")\b", re.I) if words \
            else re.compile(r"(?!)")
        young = sorted(set(self.young_words), key=len, reverse=True)
        # searched only (does one of the words end a word?): no leading \w*, as subject_word_in
        self.young_word_re = re.compile(r"(?:" + "|".join(map(re.escape, young)) + r")\b", re.I) if young \
            else re.compile(r"(?!)")
        self.people_exclude_any = any_of(self.people_exclude)
        self.people_patterns_any = any_of(self.people_patterns)
        self.subject_forms_any = any_of(self.subject_forms)
        self.subject_form_exclude_any = any_of(self.subject_form_exclude)
        self.target_words_any = any_of([p for pats in self.target_words.values() for p in pats])
        self.names_any = any_of([entry.regex for entry in self.names])
        return self


_NEVER = re.compile(r"(?!)")
# what would change meaning inside a bigger pattern: a group referred to by number (\1, (?(1)…)) or by name
_REFERS_TO_GROUP = re.compile(r"\\[1-9]|\(\?\(|\(\?P=")


def any_of(patterns: list[re.Pattern]) -> re.Pattern | None:
    """One pattern that searches (or fullmatches) wherever one of ``patterns`` does, or None when they cannot
    be joined faithfully (mixed flags, group references, clashing group names): then each is tried alone."""
    if not patterns:
        return _NEVER
    flags = {p.flags for p in patterns}
    if len(flags) != 1 or any(_REFERS_TO_GROUP.search(p.pattern) for p in patterns):
        return None
    try:
        return re.compile("|".join(f"(?:{p.pattern})" for p in patterns), flags.pop())
    except re.error:
        return None


def _hits(joined: re.Pattern | None, text: str) -> bool:
    """Whether one of the joined patterns may hit ``text`` (always, when they could not be joined)."""
    return joined is None or joined.search(text) is not None


def _compile(pattern: str, where: Path) -> re.Pattern:
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise refusal("bad_pattern", str(where), code="config", pattern=pattern, reason=exc) from None


def _read_yaml(path: Path) -> dict:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise _unreadable(path, os_reason(exc)) from None
    data = parsed_cache.load(path, raw)      # as parsed before, when these bytes were read before
    if data is None:
        data = _parse_yaml(path, raw)
        parsed_cache.store(path, raw, data)
    if not isinstance(data, dict):
        raise refusal("knowledge_not_mapping", str(path), code="config")
    return data


def _parse_yaml(path: Path, raw: bytes):
    import yaml  # optional: PyYAML (~12 ms), only when no parsed copy of these bytes is kept (parsed_cache)
    # libyaml's loader when PyYAML was built with it: ten times faster than the pure-Python one
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        # line ends as a text file reads them (universal newlines)
        text = raw.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
        return yaml.load(text, Loader=loader) or {}
    except (UnicodeDecodeError, yaml.YAMLError) as exc:
        raise _unreadable(path, exc if isinstance(exc, yaml.YAMLError) else os_reason(exc)) from None


def _unreadable(path: Path, reason) -> InputError:
    error = refusal("knowledge_unreadable", str(path), reason=reason)     # its first line says what
    return InputError(str(path), error.sv.splitlines()[0], error.en.splitlines()[0], code="config")


@lru_cache(maxsize=16)
def load_knowledge(dirs: tuple[str, ...]) -> Knowledge:
    """Merge ``directions.yaml`` and ``people.yaml`` of ``dirs``; earlier directories win."""
    k = Knowledge()
    seen_fallback = False
    seen_single: set[str] = set()
    for d in dirs:
        path = Path(d) / "directions.yaml"
        if path.is_file():
            data = _read_yaml(path)
            if "fallback" in data and not seen_fallback:
                k.fallback = str(data["fallback"])
                seen_fallback = True
            for direction, pats in (data.get("target_words") or {}).items():
                k.target_words.setdefault(direction, []).extend(_compile(p, path) for p in pats or [])
            k.not_measured.extend(_compile(p, path) for p in data.get("not_measured") or [])
            for entry in data.get("names") or []:
                k.names.append(NamePattern(_compile(entry["pattern"], path), entry["direction"], entry.get("why")))
        path = Path(d) / "kf_targets.yaml"
        if path.is_file():
            for (year, name), cell in read_kf_targets(path).items():
                k.kf_targets.setdefault((year, name), cell)
        path = Path(d) / "people.yaml"
        if path.is_file():
            data = _read_yaml(path)
            k.subject_words.extend(str(w) for w in data.get("subject_words") or [])
            k.young_words.extend(str(w) for w in data.get("young_words") or [])
            k.people_patterns.extend(_compile(p, path) for p in data.get("name_patterns") or [])
            k.people_exclude.extend(_compile(p, path) for p in data.get("exclude_patterns") or [])
            k.subject_forms.extend(_compile(p, path) for p in data.get("subject_forms") or [])
            k.subject_form_exclude.extend(_compile(p, path) for p in data.get("subject_form_exclude") or [])
            for key in ("subject_stop", "gender_words", "gender_topic", "discussion_cues"):
                if data.get(key) and key not in seen_single:
                    setattr(k, key, _compile(data[key], path))
                    seen_single.add(key)
    return k.finish()


def builtin_knowledge() -> Knowledge:
    """The shipped knowledge alone (the parser's view: it knows no user rule directories)."""
    return load_knowledge(rule_dirs())


_SUBJECT_RE = re.compile(r"^\s*(?:andel(?:en)?|antal(?:et)?)\s+(?:av\s+)?", re.I)


def about_people(name: str, k: Knowledge) -> tuple[bool, str | None, str | None]:
    """(about people?, what decided it: "excluded by pattern" | "name pattern" | "subject" | None, the pattern
    or the subject)."""
    low = name.lower()
    if _hits(k.people_exclude_any, low):
        for pat in k.people_exclude:
            if pat.search(low):
                return False, "excluded by pattern", pat.pattern
    if _hits(k.people_patterns_any, low):
        for pat in k.people_patterns:
            if pat.search(low):
                return True, "name pattern", pat.pattern
    if not _SUBJECT_RE.match(low) and _owner_names_people(low, k):
        return True, "subject", low.split()[0]
    whole = _SUBJECT_RE.sub("", low)
    subject = whole
    m = k.subject_stop.search(subject)
    if m:
        subject = subject[:m.start()]
    hit = k.subject_word_in.search(subject)
    if hit or _head_names_people(subject, k):
        return True, "subject", subject.strip()
    # "hyresgäster och besökare": each part joined by "och" has a head of its own
    joined = whole
    for m in k.subject_stop.finditer(whole):
        if m.group(0) != "och":
            joined = whole[:m.start()]
            break
    parts = [p for p in re.split(r"\boch\b", joined) if p.strip()]
    if len(parts) > 1 and any(k.subject_word_in.search(p) or _head_names_people(p, k) for p in parts):
        return True, "subject", joined.strip()
    return False, None, None


_GENITIVE = ("arnas", "ernas", "ornas", "nas", "ens", "ns", "s")


def _owner_names_people(name: str, k: Knowledge) -> bool:
    """A name that opens with its owner in the genitive names people when the owner does: "Brukarens
    upplevelse av …", "Lärarnas syn på …" (not "Näringslivets nöjdhet", "Förvaltningens …")."""
    first = re.findall(r"\w+", name)[:1]
    if not first or not first[0].endswith("s") or len(first[0]) < 5:
        return False
    word = first[0]
    for ending in _GENITIVE:
        if not word.endswith(ending):
            continue
        base = word[:-len(ending)]
        # the plural or definite ending taken off with the genitive: "lärar|nas" is "lärare", "elev|ernas" "elever"
        for whole in (base, base + "e", base + "er", base + "ar"):
            if k.subject_word_re.fullmatch(whole) or (whole != base and _head_names_people(whole, k)):
                return True
    return False


def _head_names_people(subject: str, k: Knowledge) -> bool:
    """The subject's head, its last word, names people by its form ("lärare", "arbetslösa", "studerande")."""
    words = re.findall(r"\w+", subject)
    if not words:
        return False
    head = words[-1]
    if k.subject_forms_any is not None and k.subject_form_exclude_any is not None:
        return k.subject_forms_any.fullmatch(head) is not None and k.subject_form_exclude_any.fullmatch(head) is None
    return any(p.fullmatch(head) for p in k.subject_forms) and not any(p.fullmatch(head) for p in k.subject_form_exclude)


def about_young(basis: str | None, detail: str | None, k: Knowledge) -> bool:
    """Whether an indicator about people (``about_people``'s basis and detail) is about children or young
    people: its subject has one of the ``young_words`` ("barn", "elever", "förskolebarn", "unga")."""
    return basis == "subject" and bool(detail) and bool(k.young_word_re.search(detail))


def decide_direction(ind: Indicator, k: Knowledge) -> tuple[str, str, str | None]:
    """(direction, basis, detail): which way is better for this indicator, and what decided it."""
    return direction_of(ind.name, (("Årsmål", ind.target.text if ind.target else ""),
                                   ("KF:s årsmål", ind.kf_target.text if ind.kf_target else "")), k)


def direction_of(name: str, texts, k: Knowledge) -> tuple[str, str, str | None]:
    """``decide_direction`` from a name and the texts of the target cells (``(column, text)`` pairs): also
    for a row whose cells are not placed yet, whose printed texts can only stand in the target columns."""
    for column, text in texts:
        text = text or ""
        if not _hits(k.target_words_any, text):
            continue
        for direction in ("band", "lower", "higher"):
            for pat in k.target_words.get(direction, []):
                if pat.search(text):
                    return direction, "target text", f"{column} \"{text.strip()}\""
    return _name_direction(name, k) or (k.fallback, "fallback", None)


_NAMES_KEPT = 4096    # a long batch meets many names; the memo is emptied rather than grown past this


def _name_direction(name: str, k: Knowledge) -> tuple[str, str, str | None] | None:
    """The first name pattern that ``name`` hits, as ``direction_of`` reports it; None when none does."""
    try:
        return k.name_directions[name]
    except KeyError:
        pass
    found = None
    if _hits(k.names_any, name):
        for entry in k.names:
            if entry.regex.search(name):
                found = entry.direction, "name pattern", entry.regex.pattern
                break
    if len(k.name_directions) >= _NAMES_KEPT:
        k.name_directions.clear()
    k.name_directions[name] = found
    return found


def kf_key(name: str) -> str:
    """An indicator's name as KF-target knowledge keys it: case, spacing (extractions join wrapped words
    differently) and a closing full stop ignored."""
    return "".join(name.lower().split()).rstrip(".")


def read_kf_targets(path: Path) -> dict[tuple[int, str], str]:
    """The entries of a ``kf_targets.yaml``: (year, ``kf_key`` of the name) -> the target as printed."""
    data = _read_yaml(path)
    targets = data.get("targets") or {}
    if not isinstance(targets, dict):
        raise refusal("kf_targets_not_mapping", str(path), code="config")
    out: dict[tuple[int, str], str] = {}
    for year, entries in targets.items():
        if not isinstance(entries, dict) or not str(year).isdigit():
            raise refusal("kf_targets_year", str(path), code="config", year=year)
        for name, cell in entries.items():
            out[(int(year), kf_key(str(name)))] = str(cell)
    return out

