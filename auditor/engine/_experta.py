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
    AND, AS, EXISTS, FORALL, L, MATCH, NOT, OR, P, TEST, W, DefFacts, Fact, Field, KnowledgeEngine, Rule,
)
from experta.conditionalelement import ConditionalElement  # noqa: E402
from experta.matchers import ReteMatcher  # noqa: E402
from experta.matchers.rete.check import FeatureCheck, TypeCheck  # noqa: E402
from experta.matchers.rete.nodes import BusNode, FeatureTesterNode  # noqa: E402
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
    between bindings, as calls in one loop (``_alpha``); the first node that is not such a test (a join,
    a TEST, a rule's conflict set) gets the token experta would have given it."""

    def _reset(self):
        self._routes: dict[type, tuple] = {}

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

    def add(self, fact):
        _pass_down(self._targets(type(fact)), fact, {}, Token.TagType.VALID)

    def remove(self, fact):
        _pass_down(self._targets(type(fact)), fact, {}, Token.TagType.INVALID)


def _alpha(children) -> tuple:
    """The nodes below a fact's type test as steps ``(test, steps below, None)`` for a one-test node and
    ``(None, None, callback)`` for any other node, in experta's order."""
    return tuple((_test_of(child.node.matcher), _alpha(child.node.children), None)
                 if type(child.node) is FeatureTesterNode else (None, None, child.callback)
                 for child in children)


def _test_of(check):
    """``check`` as a call on a fact: a field's test reads the field itself (what ``FeatureCheck.__call__``
    does for a plain field name, without its logging); any other check is called as it is."""
    if type(check) is FeatureCheck and isinstance(check.what, str) and "__" not in check.what \
            and not check.what.isnumeric():
        what, test, expected = check.what, check.check, check.expected

        def field_test(fact):
            try:
                value = fact[what]
            except (IndexError, KeyError, TypeError):
                return False
            return test(value, expected)
        return field_test
    return check


def _pass_down(steps, fact, context: dict, tag) -> None:
    """``FeatureTesterNode._activate`` for each step: a test that fails stops its branch; a test that binds
    names adds them to the context unless one contradicts a name bound (or excluded) before."""
    for test, below, callback in steps:
        if test is None:
            callback(_Token(tag, {fact}, context))    # the node copies it, as every experta node does
            continue
        match = test(fact)
        if not match:
            continue
        if match is not True and isinstance(match, Mapping):
            for key, value in match.items():
                if isinstance(key, tuple):            # a negated binding
                    if key[1] in context and context[key[1]] == value:
                        break
                elif context.get(key, value) != value or ((False, key) in context
                                                          and context[(False, key)] == value):
                    break
            else:
                _pass_down(below, fact, {**context, **match}, tag)
            continue
        _pass_down(below, fact, context, tag)


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


class TypeRoutedMatcher(ReteMatcher):
    """experta's rete matcher with the root node above (an engine's ``__matcher__``)."""

    def __init__(self, engine):
        super(ReteMatcher, self).__init__(engine)     # experta's Matcher: not ReteMatcher's BusNode
        self.root_node = _TypeRoutedBus()
        self.build_network()


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
    "DefFacts", "Fact", "Field", "KnowledgeEngine", "RecordFact", "Rule", "TypeRoutedMatcher", "experta",
    "unfreeze",
]
