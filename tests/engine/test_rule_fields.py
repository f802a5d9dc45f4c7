"""A rule's patterns are checked against the declared fields of the facts when the catalogue loads: a
misspelled field (``Indicator(mett=False)``) would otherwise load, run and silently find nothing."""
from __future__ import annotations

import dataclasses

import pytest

from auditor.commands.cli import main
from auditor.engine import dsl
from auditor.engine.catalogue import _patterns, _record_class, check_patterns, fact_fields, load_catalogue
from auditor.engine.dsl import AS, EXISTS, FORALL, MATCH, NOT, OR, TEST, Activity, Goal, Indicator, Params, Rule
from auditor.words.errors import InputError

RULE_MODULE = '''\
"""A local rule with a typo in a pattern."""
from auditor.engine.dsl import AS, MATCH, Goal, Indicator, Params, Rule

ID = "LOCAL-TYPO"
SEVERITY = "warning"
TITLE = {{"sv": "Stavfel", "en": "Typo"}}
MESSAGE = {{"sv": "Stavfel", "en": "Typo"}}
PARAMETERS = {{"min_share": 0.5}}


@Rule(AS.goal << Goal(id=MATCH.goal_id, assessment="helt"),
      {pattern})
def unmet_indicator_under_full_goal(engine, goal):
    engine.flag(ID, goal)
'''


def _rules_dir(tmp_path, pattern: str):
    folder = tmp_path / "egna"
    folder.mkdir()
    (folder / "local_typo.py").write_text(RULE_MODULE.format(pattern=pattern), encoding="utf-8")
    return folder


def test_every_builtin_rule_names_only_declared_fields(catalogue):
    known = fact_fields()
    assert set(known) == set(dsl.FACT_TYPES.values())
    for spec in catalogue:
        patterns = [p for rule in spec.rules for p in _patterns(rule)]
        assert patterns, spec.id
        check_patterns(spec.id, spec.rules, spec.parameters, spec.path)   # what loading did: no error


def test_field_lists_come_from_the_dataclasses():
    for name, fact_class in dsl.FACT_TYPES.items():
        record = _record_class(name)      # the dataclass the runner declares these facts from
        assert record.__name__ == name and dataclasses.is_dataclass(record)
        assert fact_fields()[fact_class] == {f.name for f in dataclasses.fields(record)}
    assert "met" in fact_fields()[Indicator] and "mett" not in fact_fields()[Indicator]


@pytest.mark.parametrize("lang,expected", [
    ("sv", "auditor: {path}: regeln LOCAL-TYPO (unmet_indicator_under_full_goal) matchar Indicator(mett=…), "
           "men Indicator har inget fält 'mett'; menade du 'met'?"),
    ("en", "auditor: {path}: rule LOCAL-TYPO (unmet_indicator_under_full_goal) matches Indicator(mett=…), "
           "but Indicator has no field 'mett'; did you mean 'met'?"),
])
def test_a_misspelled_field_in_a_user_rule_is_a_one_line_error(tmp_path, monkeypatch, capsys, lang, expected):
    monkeypatch.chdir(tmp_path)
    folder = _rules_dir(tmp_path, "AS.indicator << Indicator(goal=MATCH.goal_id, mett=False)")
    report = tmp_path / "rapport.txt"
    report.write_text("placeholder\n", encoding="utf-8")
    code = main(["--lang", lang, "audit", str(report), "--rules", str(folder)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.strip().splitlines() == [expected.format(path=folder / "local_typo.py")]


@pytest.mark.parametrize("lang,words", [("sv", ["LOCAL-TYPO", "Params(min_shar=…)", "ingen parameter 'min_shar'",
                                                 "menade du 'min_share'?"]),
                                        ("en", ["LOCAL-TYPO", "Params(min_shar=…)", "no parameter 'min_shar'",
                                                "did you mean 'min_share'?"])])
def test_a_misspelled_parameter_is_an_error_too(tmp_path, monkeypatch, capsys, lang, words):
    monkeypatch.chdir(tmp_path)
    folder = _rules_dir(tmp_path, "Params(rule=ID, min_shar=MATCH.share)")
    code = main(["--lang", lang, "rules", "--rules", str(folder)])
    err = capsys.readouterr().err
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert all(w in err for w in words), err


def _error(*conditions, parameters=None) -> InputError:
    @Rule(*conditions)
    def a_rule(engine):
        pass
    with pytest.raises(InputError) as caught:
        check_patterns("X-RULE", [a_rule], parameters or {}, "x_rule.py")
    assert caught.value.code == "rules"
    return caught.value


@pytest.mark.parametrize("conditions,field", [
    ((Indicator(mett=False),), "mett"),
    ((AS.i << Indicator(mett=False),), "mett"),
    ((Goal(id=MATCH.g), NOT(Indicator(goal=MATCH.g, mett=False))), "mett"),
    ((Goal(id=MATCH.g), ~Activity(goal=MATCH.g, deviaton=True)), "deviaton"),
    ((EXISTS(Goal(levle="x")),), "levle"),
    ((OR(Goal(assessment="helt"), Goal(asessment="delvis")),), "asessment"),
    ((Goal(assessment="helt") | Goal(asessment="delvis"),), "asessment"),
    ((FORALL(Goal(id=MATCH.g), Indicator(goal=MATCH.g, mett=True)),), "mett"),
    ((Goal(id=MATCH.g), NOT(EXISTS(OR(Indicator(goal=MATCH.g), Activity(goal=MATCH.g, txt="x"))))), "txt"),
    ((Params(rule="X-RULE", min_gap=MATCH.m), TEST(lambda m: m > 0)), "min_gap"),
])
def test_patterns_are_checked_through_every_nesting(conditions, field):
    error = _error(*conditions)
    assert f"no field {field!r}" in error.en or f"no parameter {field!r}" in error.en
    assert "X-RULE" in error.sv and "x_rule.py" in error.message("sv") and "a_rule" in error.en


def test_good_patterns_pass():
    @Rule(AS.goal << Goal(id=MATCH.g, assessment="helt"),
          NOT(EXISTS(Indicator(goal=MATCH.g, met=False) | Activity(goal=MATCH.g, deviation=True))),
          FORALL(Indicator(goal=MATCH.g), Indicator(goal=MATCH.g, has_analysis=True)),
          Params(rule="X-RULE", limit=MATCH.limit), TEST(lambda limit: limit > 0))
    def fine(engine, goal):
        pass
    check_patterns("X-RULE", [fine], {"limit": 1}, "x_rule.py")


def test_a_newly_registered_fact_type_is_covered(monkeypatch):
    """The field lists come from dsl.FACT_TYPES and the dataclasses, so a new fact type needs no edit here."""
    from auditor import facts

    @dataclasses.dataclass(frozen=True)
    class BudgetClaimFact:
        key: str
        stated: float | None

    class BudgetClaim(dsl.Fact):
        pass
    monkeypatch.setattr(facts, "BudgetClaimFact", BudgetClaimFact, raising=False)
    monkeypatch.setitem(dsl.FACT_TYPES, "BudgetClaimFact", BudgetClaim)
    assert fact_fields()[BudgetClaim] == {"key", "stated"}
    assert "no field 'stat'" in _error(BudgetClaim(stat=1)).en
    check_patterns("X-RULE", [Rule(BudgetClaim(stated=1))(lambda engine: None)], {}, "x_rule.py")


def test_the_same_user_rule_spelled_right_loads(tmp_path):
    folder = _rules_dir(tmp_path, "AS.indicator << Indicator(goal=MATCH.goal_id, met=False)")
    assert "LOCAL-TYPO" in load_catalogue((str(folder),))
