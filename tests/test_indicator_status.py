import sys
import types
from dataclasses import dataclass

from auditor.compare import _gap
from auditor.indicator_status import default_status, facts_status, status_fn

from .factories import sample_report


def test_without_the_engine_the_default_is_used():
    if "auditor.facts" not in sys.modules:
        try:
            import auditor.facts  # noqa: F401
        except ImportError:
            assert status_fn(None) is default_status


def test_engine_facts_are_adapted(monkeypatch):
    """The adapter reads the rules engine's indicator facts (auditor.facts.derive) once per report."""
    @dataclass
    class Fact:
        goal: str
        line: int
        figure: float
        figure_column: str
        target: float
        met: bool
        direction: str
        direction_basis: str
        direction_detail: str

    calls = []

    def derive(report, knowledge):
        calls.append(report.source)
        return types.SimpleNamespace(indicators=[Fact("g2", 30, 4.1, "outcome", 4.9, True, "lower", "name pattern",
                                                      "ekonomiskt bistånd")])
    fake = {"auditor.facts": types.SimpleNamespace(derive=derive),
            "auditor.knowledge": types.SimpleNamespace(load_knowledge=lambda dirs: ("k", dirs)),
            "auditor.engine": types.ModuleType("auditor.engine"),
            "auditor.engine.catalogue": types.SimpleNamespace(rule_dirs=lambda extra=(): extra + ("builtin",))}
    for name, module in fake.items():
        monkeypatch.setitem(sys.modules, name, module)
    status = facts_status()
    report = sample_report()
    goal = report.goals[1]
    first = status(report, goal, goal.indicators[0])
    assert first.met is True and first.direction == "lower"
    assert first.decided_by == "namnmönster: ekonomiskt bistånd"
    other = status(report, goal, goal.indicators[1])  # no fact for this row: the default answers
    assert other.decided_by.startswith("standard")
    assert calls == [report.source]


def test_gap_by_direction():
    assert _gap(5, 4, "lower") == 1 and _gap(3, 4, "lower") == 0
    assert _gap(3, 4, "higher") == 1 and _gap(-6, 5, "band") == 1
