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
root that routes a fact by its class (``TypeRoutedMatcher``) and facts that hold only the fields patterns
read (``RecordFact``).
"""
from __future__ import annotations

import collections
import collections.abc


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
from experta.matchers.rete.check import TypeCheck  # noqa: E402
from experta.matchers.rete.nodes import BusNode  # noqa: E402
from experta.matchers.rete.token import Token  # noqa: E402
from experta.utils import freeze, unfreeze  # noqa: E402


class _TypeRoutedBus(BusNode):
    """The root of the rete network, handing a fact only to the patterns of its class.

    experta's root gives every fact to every first-level node, one per fact class that a pattern names
    (``type(fact) == class``), and each of them copies the token just to run that test: on a large report
    almost half the engine's node activations. Here the same test is one dict lookup by ``type(fact)``;
    the nodes that pass then get the token as their class's node would have passed it on, in the same
    order."""

    def _reset(self):
        self._routes: dict[type, list] = {}

    def _targets(self, fact_type: type) -> list:
        targets = self._routes.get(fact_type)
        if targets is None:
            targets = []
            for child in self.children:
                check = getattr(child.node, "matcher", None)
                if not isinstance(check, TypeCheck):
                    targets.append(child)             # not a type test: gets everything, as in experta
                elif check.fact_type is fact_type:    # that node passes its token on unchanged
                    targets.extend(child.node.children)
            self._routes[fact_type] = targets
        return targets

    def add(self, fact):
        token = _Token(Token.TagType.VALID, {fact}, {})
        for child in self._targets(type(fact)):
            child.callback(token)

    def remove(self, fact):
        token = _Token(Token.TagType.INVALID, {fact}, {})
        for child in self._targets(type(fact)):
            child.callback(token)


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
