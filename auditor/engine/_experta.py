"""The one module that imports experta; everything else imports the engine pieces from here.

experta 1.9.4 (the last release, 2019) pins ``frozendict==1.2``. That frozendict defines
``class frozendict(collections.Mapping)``, and ``collections.Mapping`` was removed in Python 3.10 (it
lives in ``collections.abc`` since 3.3), so ``import experta`` fails with AttributeError on any current
Python. experta only needs the class to be *defined*; nothing looks the alias up again afterwards.

So, for the duration of that single import, we alias ``collections.Mapping`` to
``collections.abc.Mapping`` and remove the alias again right after, leaving the standard library exactly
as we found it (other code must not start relying on a name that Python deleted on purpose). On a Python
that still has ``collections.Mapping`` nothing is touched.

Below the import, what the audit engine adds to experta for speed, with experta's matching unchanged: a rete
root that routes a fact by its class and runs the tests of single facts as plain calls
(``TypeRoutedMatcher``), and facts that hold only the fields patterns read (``RecordFact``).
"""
from __future__ import annotations

import collections
import collections.abc
from collections.abc import Mapping
import inspect
from contextlib import suppress
from functools import update_wrapper


def _import_experta():
    added = not hasattr(collections, "Mapping")
    if added:
        collections.Mapping = collections.abc.Mapping  # type: ignore[attr-defined]
    try:
        import experta  # inside the alias: the shim's one reason to import in a function
        from experta import fact as _fact  # noqa: F401  (forces frozendict in while the alias exists)
    finally:
        if added:
            del collections.Mapping  # type: ignore[attr-defined]
    return experta


experta = _import_experta()

# experta's package __init__ swallows ImportError, so a broken install shows up here, not later.
from experta import (  # noqa: E402
    AND, AS, EXISTS, FORALL, L, MATCH, NOT, OR, P, TEST, W, DefFacts, Fact, Field, KnowledgeEngine,
)
from experta import Rule as _ExpertaRule  # noqa: E402
from experta.conditionalelement import ConditionalElement  # noqa: E402
from experta.matchers import ReteMatcher  # noqa: E402
from experta.matchers.rete.check import FactCapture, FeatureCheck, SameContextCheck, TypeCheck, WhereCheck  # noqa: E402
from experta.matchers.rete.nodes import BusNode, FeatureTesterNode, OrdinaryMatchNode, WhereNode  # noqa: E402
from experta.matchers.rete.token import Token  # noqa: E402
from experta.utils import freeze, unfreeze  # noqa: E402


class _TypeRoutedBus(BusNode):
    """The root of the rete network, handing a fact only to the patterns of its class, and running the
    tests of single facts (experta's alpha network) as plain calls.

    experta's root gives every fact to every first-level node, one per fact class that a pattern names
    (``type(fact) == class``), and each of them copies the token just to run that test: here that is one
    dict lookup by ``type(fact)``. Below it, experta passes a fact down a chain of one-test nodes
    (``FeatureTesterNode``: a field's literal, predicate or binding), each copying the token, checking its
    arguments and logging: on a large report nine in ten of the engine's node activations, for ten tests
    per fact. Here the same tests run in the same order, with the same bindings and the same conflicts
    between bindings, as calls in one loop (``_alpha``), and so does a rule's ``TEST`` of what one fact
    bound; the first node that is neither (a join, a rule's conflict set) gets the token experta would have
    given it."""

    def _reset(self):
        self._routes: dict[type, tuple] = {}
        # id(fact) -> (fact, the calls its pass below this root makes): made by ``reaches`` before the fact
        # was declared, replayed by ``add`` when it is
        self._ready: dict[int, tuple] = {}

    def _targets(self, fact_type: type) -> tuple:
        targets = self._routes.get(fact_type)
        if targets is None:
            children = []
            for child in self.children:
                check = getattr(child.node, "matcher", None)
                if not isinstance(check, TypeCheck):
                    children.append(child)            # not a type test: gets everything, as in experta
                elif check.fact_type is fact_type:    # that node passes its token on unchanged
                    children.extend(child.node.children)
            targets = self._routes[fact_type] = _alpha(children)
        return targets

    def reaches(self, fact) -> bool:
        """Whether ``fact`` passes the tests of some pattern of its class as far as a node that joins facts or
        holds a rule's activations. One that does not can take part in no activation, of any rule, ever:
        experta would only number it and test it, so a caller may leave it undeclared. The calls a fact that
        does reach makes are kept, and its declaration (``add``) makes them instead of testing it again: the
        tests are of this fact alone, so running them before it is declared changes nothing; the tokens are
        made when it is declared, as experta makes them."""
        calls: list = []
        _pass_down(self._targets(type(fact)), fact, {}, lambda callback, _, context: calls.append((callback, context)))
        if calls:
            self._ready[id(fact)] = (fact, calls)
        return bool(calls)

    def add(self, fact):
        ready = self._ready.pop(id(fact), None)
        if ready is not None and ready[0] is fact:
            for callback, context in ready[1]:
                callback(_Token(Token.TagType.VALID, {fact}, context))
            return
        _pass_down(self._targets(type(fact)), fact, {}, _valid)

    def remove(self, fact):
        _pass_down(self._targets(type(fact)), fact, {}, _invalid)


def _valid(callback, fact, context) -> None:
    callback(_Token(Token.TagType.VALID, {fact}, context))      # the node copies it, as every experta node does


def _invalid(callback, fact, context) -> None:
    callback(_Token(Token.TagType.INVALID, {fact}, context))


# The kinds of step in ``_alpha``'s steps.
_NODE, _LITERAL, _BIND, _CAPTURE, _CHECK, _TEST = range(6)


def _alpha(children) -> tuple:
    """The nodes below a fact's type test as steps ``(kind, a, b, steps below)``, in experta's order: a
    node that is not a one-test node is ``(_NODE, its callback)``; a test is ``(_LITERAL, field, value)``
    (``field=value``), ``(_BIND, field, name)`` (``field=MATCH.name``), ``(_CAPTURE, name)``
    (``AS.name << Pattern``) or, any other check, ``(_CHECK, check)``, called as experta calls it. A
    ``TEST`` of the names bound so far (a ``WhereNode`` right below them) is ``(_TEST, test, names)``."""
    return tuple(_step(child.node.matcher, _alpha(child.node.children))
                 if type(child.node) is FeatureTesterNode else
                 (_TEST, child.node.matcher.test, tuple(child.node.matcher.parameters),
                  _alpha(child.node.children))
                 if type(child.node) is WhereNode and type(child.node.matcher) is WhereCheck else
                 (_NODE, child.callback, None, None)
                 for child in children)


def _step(check, below: tuple) -> tuple:
    if type(check) is FactCapture:
        return (_CAPTURE, check.bind, None, below)
    if type(check) is FeatureCheck and isinstance(check.what, str) and "__" not in check.what \
            and not check.what.isnumeric():       # a plain field: FeatureCheck.__call__ reads fact[what]
        how = check.expected
        if type(how) is L and how.__bind__ is None:
            return (_LITERAL, check.what, how.value, below)
        if type(how) is W and how.__bind__ is not None:
            return (_BIND, check.what, how.__bind__, below)
    return (_CHECK, check, None, below)


def _pass_down(steps, fact, context: dict, emit) -> None:
    """``FeatureTesterNode._activate`` for each step, without copying the token at each node: a test that
    fails stops its branch; a name bound joins the context unless it contradicts a name bound (or
    excluded with ``~``) before. Where the tests end at a node, ``emit(node's callback, fact, context)``."""
    for kind, a, b, below in steps:
        if kind == _NODE:
            emit(a, fact, context)
            continue
        if kind == _TEST:                         # WhereCheck.__call__: the test of the names it asks for
            if a(**{name: context.get(name) for name in b}):
                _pass_down(below, fact, context, emit)
            continue
        if kind == _CAPTURE:
            match = {a: fact}
        elif kind == _CHECK:
            match = a(fact)
            if not match:
                continue
            if match is True or not isinstance(match, Mapping):
                _pass_down(below, fact, context, emit)
                continue
        else:
            try:
                value = fact[a]
            except (IndexError, KeyError, TypeError):  # a field the fact lacks fails the test
                continue
            if kind == _LITERAL:
                if b == value:
                    _pass_down(below, fact, context, emit)
                continue
            match = {b: value}
        if _agrees(match, context):
            _pass_down(below, fact, {**context, **match}, emit)


def _agrees(match: dict, context: dict) -> bool:
    """Whether the names a test binds agree with the context: what ``FeatureTesterNode._activate`` checks
    before it adds them."""
    for key, value in match.items():
        if isinstance(key, tuple):                    # a name excluded with ``~``
            if key[1] in context and context[key[1]] == value:
                return False
        elif context.get(key, value) != value or ((False, key) in context and context[(False, key)] == value):
            return False
    return True


class _Token(Token):
    """experta's token without the checks of its arguments: every node copies the token it is given, and
    those checks (a type test of each fact, an abstract-class test of the context, a second copy of the
    facts) took a quarter of the engine's time. The root above makes these from a declared fact, and a copy
    of one is one; the tokens that join nodes make stay experta's own."""

    __slots__ = ()

    def __new__(cls, tag, data, context):
        return tuple.__new__(cls, (tag, data, context))

    def copy(self):
        return tuple.__new__(_Token, (self[0], self[1].copy(), self[2].copy()))


class _IndexedJoin(OrdinaryMatchNode):
    """experta's join of two patterns, which tries every token on the other side for each token that
    arrives: here the other side's tokens are also kept by the value of a name both sides bind (a goal's
    id), and only those with the arriving token's value are tried, in the order experta tries them; any
    other token would fail experta's test on that name. On the largest report a goal assessed "helt" meets
    42 unmet indicators and 42 deviating activities this way, where a handful share its id. Where the sides
    share no name, a token lacks it, its value cannot be a dict key, or a left token holds a name excluded
    with ``~`` (which experta's test refuses), every token is tried, as in experta."""

    def _reset(self):
        super()._reset()
        self._name: str | bool | None = None      # None: not chosen yet; False: none, every token is tried
        self._index: tuple[dict, dict] = ({}, {})  # left, right: value of the name -> tokens in memory order

    def _activate_left(self, token):
        self._join(token, self.left_memory, self.right_memory, 0)

    def _activate_right(self, token):
        self._join(token, self.right_memory, self.left_memory, 1)

    def _join(self, token, own: list, other: list, side: int) -> None:
        """``OrdinaryMatchNode.__activation``: the token joins its side's memory (or leaves it), then every
        token of the other side that matches it makes a joined token for the children."""
        info, valid = token.to_info(), token.is_valid()
        if valid:
            own.append(info)
        else:
            with suppress(ValueError):
                own.remove(info)
        if self._name is None:
            if self.left_memory and self.right_memory:
                self._choose()
        elif self._name:
            self._file(info, token.context, side, valid)
        if not other:
            return
        if self._name and self._indexable(token.context, side):
            candidates = self._index[1 - side].get(token.context[self._name], ())
        else:
            candidates = other
        is_left = side == 0
        for other_data, other_context in candidates:
            other_context = dict(other_context)
            left, right = (token.context, other_context) if is_left else (other_context, token.context)
            if self.matcher(left, right):
                context = {k: v for k, v in token.context.items() if isinstance(k, str)}
                for k, v in other_context.items():
                    if not isinstance(k, tuple):     # an excluded name is not needed further on
                        context[k] = v
                joined = Token(token.tag, token.data | other_data, context)
                for child in self.children:
                    child.callback(joined)

    def _indexable(self, context, side: int) -> bool:
        name = self._name
        if name not in context or (side == 0 and any(isinstance(k, tuple) for k in context)):
            return False
        try:
            hash(context[name])
        except TypeError:
            return False
        return True

    def _file(self, info, context, side: int, valid: bool) -> None:
        """Keep ``info``, just added to its side's memory or taken from it, in that side's index."""
        if not self._indexable(context, side):
            self._name, self._index = False, ({}, {})
            return
        bucket = self._index[side].setdefault(context[self._name], [])
        if valid:
            bucket.append(info)
        else:
            with suppress(ValueError):
                bucket.remove(info)

    def _choose(self) -> None:
        """The name to look tokens up by, once both sides hold a token: one both sides' first tokens bind
        (the first in sorted order), if every token of both sides binds it to a value that can be a key."""
        left, right = dict(self.left_memory[0].context), dict(self.right_memory[0].context)
        shared = sorted(k for k in left if isinstance(k, str) and k in right)
        self._name = shared[0] if shared else False
        for side, memory in enumerate((self.left_memory, self.right_memory)):
            for info in memory if self._name else ():
                context = dict(info.context)
                if not self._indexable(context, side):
                    self._name, self._index = False, ({}, {})
                    return
                self._index[side].setdefault(context[self._name], []).append(info)


def _index_joins(node, seen: set) -> None:
    """Make each of experta's joins below ``node`` whose test is the plain agreement of names an
    ``_IndexedJoin`` (same node, same memories and children: only how the other side is searched changes)."""
    for child in node.children:
        below = child.node
        if id(below) in seen:
            continue
        seen.add(id(below))
        if type(below) is OrdinaryMatchNode and isinstance(below.matcher, SameContextCheck):
            below.__class__ = _IndexedJoin
            below._reset()
        _index_joins(below, seen)


class MemberCachingEngine(KnowledgeEngine):
    """experta's engine, finding its rules and its ``DefFacts`` among its members once per class.

    experta walks every member of the engine (``inspect.getmembers``) to find them, at every ``reset`` for
    its ``DefFacts``: the weighing of a report's findings resets an engine for each reading it runs. The
    members are the class's, so their names are kept per class; each is still fetched from the engine and
    bound to it, as experta does, in the same (sorted) order."""

    def _get_by_type(self, wanted_type):
        key = (type(self), wanted_type)
        names = _MEMBER_NAMES.get(key)
        if names is None:
            names = _MEMBER_NAMES[key] = tuple(name for name, obj in inspect.getmembers(self)
                                               if isinstance(obj, wanted_type))
        for name in names:
            obj = getattr(self, name)
            obj.ke = self
            yield obj


_MEMBER_NAMES: dict[tuple[type, type], tuple[str, ...]] = {}


class Rule(_ExpertaRule):
    """experta's ``Rule``, whose copies with other conditions (``new_conditions``, one or more per rule each
    time a network is built) take the names the action accepts from the rule they copy: experta wraps the
    same function again and works its signature out anew, a fifth of building a network."""

    def new_conditions(self, *args):
        obj = self.__class__(*args, salience=self.salience)
        if self._wrapped:
            obj._wrapped = self._wrapped
            obj._wrapped_args = self._wrapped_args
            update_wrapper(obj, self._wrapped)
        return obj


class TypeRoutedMatcher(ReteMatcher):
    """experta's rete matcher with the root node and the joins above (an engine's ``__matcher__``)."""

    def __init__(self, engine):
        super(ReteMatcher, self).__init__(engine)     # experta's Matcher: not ReteMatcher's BusNode
        self.root_node = _TypeRoutedBus()
        self.build_network()
        _index_joins(self.root_node, set())


# Values experta's freeze() returns as they are: a fact made of them needs no call per value.
_IMMUTABLE = frozenset({str, int, float, bool, type(None)})


class RecordFact(Fact):
    """A fact made from a record (a dataclass instance) with only the fields that patterns match.

    Building, checking and hashing a fact costs per field, and the rules' patterns read a handful of a
    record's 10-40 fields. ``record`` keeps the whole record for what is written about a finding, and a
    field that was left out is read from it (``fact["title"]``), so a rule's action sees every field."""

    record = None

    @classmethod
    def from_record(cls, record, fields):
        """The fact of ``record`` holding ``fields`` (frozen as ``Fact.update`` would freeze them)."""
        fact = cls()
        values = {}
        for name in fields:
            value = getattr(record, name)
            values[name] = value if type(value) in _IMMUTABLE else freeze(value)
        dict.update(fact, values)          # Fact.update: the same, one dispatched call per value
        fact.record = record
        return fact

    def __missing__(self, key):
        if key in getattr(self.record, "__dataclass_fields__", ()):
            return getattr(self.record, key)
        return super().__missing__(key)


__all__ = [
    "AND", "AS", "EXISTS", "FORALL", "L", "MATCH", "NOT", "OR", "P", "TEST", "W",
    "DefFacts", "Fact", "Field", "KnowledgeEngine", "MemberCachingEngine", "RecordFact", "Rule", "TypeRoutedMatcher",
    "experta",
    "unfreeze",
]
