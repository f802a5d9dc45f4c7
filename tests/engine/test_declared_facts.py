"""The runner declares each fact with only the fields that the selected rules' patterns read (and its key),
and only facts of the classes they name; a rule's action and the finding still see the whole record."""
from __future__ import annotations

import dataclasses

import pytest

from auditor.engine.config import Config
from auditor.engine import dsl
from auditor.engine.audit import audit_report
from auditor.engine.catalogue import load_catalogue, pattern_fields
from auditor.engine.runner import _engine_for, _layout
from auditor.facts import ActivityFact, GoalFact, ReportFact
from auditor.parser import parse_text
from auditor.words.findings import message_of

LOCAL_RULE = '''\
"""A local rule whose action reads fields that no pattern names."""
from auditor.engine.dsl import AS, Goal, Report, Rule

ID = "LOCAL-TITLE-SEEN"
SEVERITY = "info"
TITLE = {"sv": "Titel", "en": "Title"}
MESSAGE = {"sv": "{title} i {seen_in}", "en": "{title} in {seen_in}"}


@Rule(AS.goal << Goal(assessment="helt"), AS.report << Report())
def helt_goal(engine, goal, report):
    engine.flag(ID, goal, seen_in=report["source"] + ": " + goal["title"])
'''

REPORT = """Nämndmål: Parkerna är trygga
Uppfylls helt
Analys
Parkerna är trygga.
"""


def test_a_fact_holds_the_fields_it_is_given_and_reads_the_others_from_its_record():
    record = dataclasses.replace(_goal(), children_not_helt=(("1.1", "Barn", "delvis", 7),))
    fact = dsl.Goal.from_record(record, ("key", "assessment"))
    assert dict(fact) == {"key": record.key, "assessment": "helt"}
    assert fact["title"] == "Parkerna är trygga" and fact["children_not_helt"] == record.children_not_helt
    assert fact.record is record
    with pytest.raises(KeyError):
        fact["no_such_field"]
    hash(fact)


def test_a_dict_value_is_frozen_as_experta_freezes_it():
    from auditor.facts import ClaimFact
    claim = ClaimFact(key="c", line=1, text="t", where="goal", goal="g", about="indicators", helt=1, delvis=None,
                      inte=None, total=2, all=None, scope="own_indicators",
                      actual={"met": 1, "n": 2})
    fact = dsl.Claim.from_record(claim, ("key", "actual"))
    hash(fact)
    assert fact["actual"] == {"met": 1, "n": 2} and claim.actual == {"met": 1, "n": 2}


def test_the_builtin_rules_declare_what_their_patterns_read():
    catalogue = load_catalogue()
    specs = list(catalogue)
    engine = _engine_for(specs)
    read = pattern_fields(r for s in specs for r in s.rules)
    fact_class, fields = _layout(engine, ActivityFact)
    assert fact_class is dsl.Activity
    assert set(fields) == read[dsl.Activity] | {"key"} and "text" not in fields
    assert _layout(engine, ReportFact) is None          # no built-in rule matches the report


def test_an_action_and_a_message_see_fields_no_pattern_reads(tmp_path):
    rules = tmp_path / "egna"
    rules.mkdir()
    (rules / "local_title.py").write_text(LOCAL_RULE, encoding="utf-8")
    config = Config(rule_dirs=[str(rules)], select=["LOCAL"])
    findings = audit_report(parse_text(REPORT, "rapport.txt"), config)
    assert [message_of(f, "sv") for f in findings] == ["Parkerna är trygga i rapport.txt: Parkerna är trygga"]
    assert findings[0].evidence["goal"] == "Parkerna är trygga"


def _goal() -> GoalFact:
    return GoalFact(key="namndmal||parkerna är trygga", id="g1", parent=None, level="namndmal", number=None,
                    title="Parkerna är trygga", line=1, assessment="helt", has_analysis=True,
                    analysis_excerpt="Parkerna är trygga.", states=None, states_sentence=None, states_line=None,
                    level_analysis_share=1.0, level_goals_assessed=1, children_assessed=0, children_helt=0)


def _fixture_reports():
    from pathlib import Path
    from auditor.parser import parse_file
    root = Path(__file__).resolve().parents[2] / "fixtures"
    return [parse_file(p) for p in sorted(root.glob("*.txt")) if p.stem in ("example_vb", "quirk_row_after_analysis")]


@pytest.mark.parametrize("select", [["IND-NO-FORECAST", "GOAL-FULL-UNMET-IND"], ["GOAL-CLAIM-COUNT"], ["IND-TEXT-MET"]])
def test_only_the_fact_kinds_a_selected_rule_matches_are_derived_and_the_findings_are_the_same(select):
    """Claims and figure claims (most of the facts' time) are read only for a rule that matches them: the
    selected rules find the same as they do among all rules."""
    from auditor.engine.audit import audit_facts
    from auditor.engine.runner import record_kinds
    catalogue = load_catalogue()
    chosen = Config(select=select)
    kinds = record_kinds([catalogue[r] for r in chosen.enabled(catalogue)])
    assert ("ClaimFact" in kinds) == ("GOAL-CLAIM-COUNT" in select)
    assert ("FigureClaimFact" in kinds) == ("IND-TEXT-MET" in select)
    claims = figure_claims = 0
    for report in _fixture_reports():
        facts, findings = audit_facts(report, chosen)
        all_facts, all_findings = audit_facts(report, Config())
        assert all_facts.claims and all_facts.figure_claims                   # there is something to leave out
        assert [f.model_dump() for f in findings] == [f.model_dump() for f in all_findings if f.rule in select]
        assert facts.statuses == all_facts.statuses                            # the outputs' rows as before
        claims, figure_claims = claims + len(facts.claims), figure_claims + len(facts.figure_claims)
    assert bool(claims) == ("ClaimFact" in kinds) and bool(figure_claims) == ("FigureClaimFact" in kinds)


def test_every_kind_is_derived_for_all_rules():
    from auditor.engine.runner import record_kinds
    catalogue = load_catalogue()
    assert record_kinds([catalogue[r] for r in Config().enabled(catalogue)]) >= {"ClaimFact", "FigureClaimFact"}


def _fired(report, leave_out: bool) -> tuple[list, int]:
    """Every ``flag`` the rules make on ``report``, in order, on an engine of their own, with the facts that
    no selected rule can match left out (``runner.declare``) or every fact declared as experta would; and
    how many facts were declared."""
    from auditor.engine.runner import declare, engine_class
    from auditor.facts import derive
    from auditor.knowledge import builtin_knowledge
    catalogue = load_catalogue()
    config = Config()
    specs = [catalogue[r] for r in config.enabled(catalogue)]
    facts = derive(report, builtin_knowledge())
    engine = engine_class(specs)()
    engine.flags = {}
    calls = []

    def flag(rule_id, subject, *items, message=None, **evidence):
        calls.append((rule_id, subject["key"], [i["key"] for i in items], message, repr(sorted(evidence.items()))))

    engine.flag = flag
    engine.reset()
    params = [dsl.Params(rule=spec.id, **config.parameters(spec)) for spec in specs]
    if leave_out:
        declared = len(declare(engine, params, facts.all()))
    else:
        every = [layout[0].from_record(r, layout[1]) for r in facts.all()
                 if (layout := _layout(engine, type(r))) is not None]
        engine.declare(*params, *every)
        declared = len(every)
    engine.run()
    return calls, declared


def _all_fixture_reports():
    from pathlib import Path
    from auditor.parser import parse_file
    root = Path(__file__).resolve().parents[2] / "fixtures"
    return [parse_file(p) for p in sorted(root.glob("*.txt"))]


def _same_firing(reports) -> None:
    left_out = fired = 0
    for report in reports:
        (calls, some), (every_call, every) = _fired(report, True), _fired(report, False)
        assert calls == every_call, report.source
        left_out, fired = left_out + every - some, fired + len(calls)
    assert left_out and fired          # facts were left out, and rules fired all the same


def test_the_facts_no_rule_can_match_are_left_out_and_the_rules_fire_as_with_every_fact():
    """``runner.declare`` leaves out the facts that fail the tests of their own fields in every pattern: the
    rules fire on the same facts, in the same order, with the same words, as when every fact is declared."""
    _same_firing(_all_fixture_reports())


def test_the_corpus_reports_fire_as_with_every_fact(corpus):
    from auditor.parser import parse_file
    _same_firing([parse_file(p) for p in sorted(corpus.glob("*.txt"))])
