import collections
import subprocess
import sys


def test_experta_imports_and_leaves_collections_untouched():
    from auditor.engine import _experta
    assert _experta.KnowledgeEngine is not None
    assert _experta.Rule is not None
    assert not hasattr(collections, "Mapping")


def test_fresh_interpreter_can_import_the_shim():
    code = ("import collections; from auditor.engine._experta import KnowledgeEngine, Fact, Rule, MATCH; "
            "import frozendict; print(hasattr(collections, 'Mapping'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ("True" if sys.version_info < (3, 10) else "False")


def test_a_minimal_engine_runs():
    from auditor.engine._experta import MATCH, Fact, KnowledgeEngine, Rule

    class Seen(KnowledgeEngine):
        hits: list = []

        @Rule(Fact(n=MATCH.n))
        def record(self, n):
            self.hits.append(n)

    e = Seen()
    e.reset()
    e.declare(Fact(n=3))
    e.run()
    assert e.hits == [3]


def test_the_type_routed_matcher_fires_what_experta_fires():
    """Routing facts by class at the root and running the tests of single facts as plain calls
    and looking joined tokens up by a name both sides bind (TypeRoutedMatcher) gives the activations, in
    the order, that experta's own network gives, with joins (and a retraction from one), negation, EXISTS,
    tests (of one fact and after a join), a base-class pattern, facts that no pattern names, a name bound
    twice in one pattern (equal, and unequal with ``~``), predicates, alternatives and a field a fact
    lacks."""
    from auditor.engine._experta import (
        AS, EXISTS, MATCH, NOT, TEST, L, P, Fact, KnowledgeEngine, Rule, TypeRoutedMatcher,
    )

    class A(Fact):
        pass

    class B(Fact):
        pass

    class C(Fact):
        pass

    class D(Fact):
        pass

    class Rules(KnowledgeEngine):
        def __init__(self):
            super().__init__()
            self.fired = []

        @Rule(AS.a << A(k=MATCH.k), B(k=MATCH.k, ok=True))
        def joined(self, a, k):
            self.fired.append(("joined", k))

        @Rule(A(k=MATCH.k), NOT(B(k=MATCH.k)))
        def alone(self, k):
            self.fired.append(("alone", k))

        @Rule(B(k=MATCH.k), TEST(lambda k: k > 1), EXISTS(A()))
        def big(self, k):
            self.fired.append(("big", k))

        @Rule(Fact(k=MATCH.k))
        def plain(self, k):
            self.fired.append(("plain", k))

        @Rule(D(k=MATCH.k, j=MATCH.k))
        def same(self, k):
            self.fired.append(("same", k))

        @Rule(D(k=MATCH.k, j=~MATCH.k))
        def differ(self, k):
            self.fired.append(("differ", k))

        @Rule(D(k=P(lambda v: v > 1) & MATCH.k, j=L(2) | L(3), missing=L(None)))
        def lacking(self, k):
            self.fired.append(("lacking", k))

        @Rule(D(k=P(lambda v: v > 1) & MATCH.k, j=L(2) | L(3)))
        def picked(self, k):
            self.fired.append(("picked", k))

        @Rule(D(k=MATCH.k, j=MATCH.j), TEST(lambda k, j: k + j > 5))
        def tested(self, k):
            self.fired.append(("tested", k))

        @Rule(AS.b << B(k=MATCH.k), A(k=MATCH.k))
        def paired(self, b, k):
            self.fired.append(("paired", k, b["ok"]))

    class Routed(Rules):
        __matcher__ = TypeRoutedMatcher

    facts = [A(k=1), A(k=2), A(k=3), B(k=2, ok=True), C(k=1), Fact(k=9), D(k=1, j=1), D(k=2, j=3), D(k=3, j=2),
             D(k=4, j=4)]
    runs = []
    for engine_class in (Rules, Routed):
        engine = engine_class()
        for _ in range(2):                 # and again after reset()
            engine.fired = []
            engine.reset()
            engine.declare(*[f.copy() for f in facts])
            b3 = engine.declare(B(k=3, ok=False))
            engine.run()
            engine.retract(b3)             # a retraction goes through the root too: A(k=3) is alone now
            engine.run()
            runs.append(engine.fired)
    assert runs[0] == runs[1] == runs[2] == runs[3]
    assert sorted(runs[0]) == [("alone", 1), ("alone", 3), ("big", 2), ("big", 3), ("differ", 2), ("differ", 3),
                               ("joined", 2), ("paired", 2, True), ("paired", 3, False), ("picked", 2), ("picked", 3),
                               ("plain", 9), ("same", 1), ("same", 4), ("tested", 4)]


def test_a_rule_copied_with_other_conditions_calls_its_action_as_experta_s_copy_does():
    """The shim's Rule copies the names its action accepts instead of reading the function's signature
    again: for every built-in rule, and an action that takes ``**kwargs``, the copy is experta's own."""
    from auditor.engine._experta import MATCH, Fact, Rule, _ExpertaRule
    from auditor.engine.catalogue import load_catalogue

    @Rule(Fact(n=MATCH.n))
    def takes_anything(engine, **kwargs):
        pass

    rules = [r for spec in load_catalogue() for r in spec.rules] + [takes_anything]
    for rule in rules:
        conditions = tuple(rule)[:1]
        ours, theirs = rule.new_conditions(*conditions), _ExpertaRule.new_conditions(rule, *conditions)
        assert type(ours) is type(rule) and tuple(ours) == tuple(theirs) == conditions
        assert ours._wrapped is theirs._wrapped and ours.salience == theirs.salience
        assert ours._wrapped_args == theirs._wrapped_args and ours.__name__ == theirs.__name__
        assert ours == theirs and hash(ours) == hash(theirs)
    assert takes_anything.new_conditions()._wrapped_args == []


def test_an_engine_finds_its_rules_and_deffacts_as_experta_does():
    """MemberCachingEngine looks its members up by the names found once per class: the same objects, in the
    same order, bound to the engine asking, as experta's walk of every member."""
    from auditor.engine._experta import DefFacts, KnowledgeEngine, Rule
    from auditor.engine.catalogue import load_catalogue
    from auditor.engine.runner import engine_class

    specs = list(load_catalogue())
    for chosen in (specs, specs[:1], specs):         # the second engine of a class finds them by name
        engine = engine_class(chosen)()
        for kind in (Rule, DefFacts):
            ours = list(engine._get_by_type(kind))
            assert ours and ours == list(KnowledgeEngine._get_by_type(engine, kind))
            assert all(member.ke is engine for member in ours)
        assert len(engine.get_rules()) == sum(len(spec.rules) for spec in chosen)
