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
