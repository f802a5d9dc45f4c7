import sys
import types
from dataclasses import dataclass

from auditor.compare import _gap
from auditor.indicator_status import default_status, facts_status, status_fn

from ..factories import sample_report


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


def test_how_the_direction_was_decided_follows_the_language():
    """The engine's reason (and the default's) reads in the language of the output: spreadsheets, HTML."""
    from auditor.render.sheets import frames
    from ..factories import sample_result

    report = sample_report()
    rows = [(g, i) for g in report.goals for i in g.indicators]
    sv = [status_fn({"lang": "sv"})(report, g, i).decided_by for g, i in rows]
    en = [status_fn({"lang": "en"})(report, g, i).decided_by for g, i in rows]
    assert "namnmönster: sjukfrånvaro" in sv and "standardantagande" in sv
    assert "name pattern: sjukfrånvaro" in en and "default assumption" in en
    assert not any(word in text for text in en for word in ("namnmönster", "årsmål", "standard"))
    df = frames(sample_result(report), {"lang": "en"})["Indicators"]
    assert "name pattern: sjukfrånvaro" in set(df["How the direction was decided"])
    assert not any("namnmönster" in str(v) for v in df["How the direction was decided"])
    df = frames(sample_result(report), None)["Indikatorer"]
    assert "namnmönster: sjukfrånvaro" in set(df["Hur riktningen avgjordes"])


def test_the_default_says_higher_is_better_in_the_chosen_language():
    from auditor.indicator_status import default_status_for

    report = sample_report()
    goal = report.goals[1]
    assert default_status_for("sv") is default_status
    assert default_status(report, goal, goal.indicators[0]).decided_by == "standard: högre är bättre"
    assert default_status_for("en")(report, goal, goal.indicators[0]).decided_by == "default: higher is better"
