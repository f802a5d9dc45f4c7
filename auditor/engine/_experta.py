"""The one module that imports experta; everything else imports the engine pieces from here.

experta 1.9.4 (the last release, 2019) pins ``frozendict==1.2``. That frozendict defines
``class frozendict(collections.Mapping)``, and ``collections.Mapping`` was removed in Python 3.10 (it
lives in ``collections.abc`` since 3.3), so ``import experta`` fails with AttributeError on any current
Python. experta only needs the class to be *defined*; nothing looks the alias up again afterwards.

So, for the duration of that single import, we alias ``collections.Mapping`` to
``collections.abc.Mapping`` and remove the alias again right after, leaving the standard library exactly
as we found it (other code must not start relying on a name that Python deleted on purpose). On a Python
that still has ``collections.Mapping`` nothing is touched.
"""
from __future__ import annotations

import collections
import collections.abc


def _import_experta():
    added = not hasattr(collections, "Mapping")
    if added:
        collections.Mapping = collections.abc.Mapping  # type: ignore[attr-defined]
    try:
        import experta
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

__all__ = [
    "AND", "AS", "EXISTS", "FORALL", "L", "MATCH", "NOT", "OR", "P", "TEST", "W",
    "DefFacts", "Fact", "Field", "KnowledgeEngine", "Rule", "experta",
]
