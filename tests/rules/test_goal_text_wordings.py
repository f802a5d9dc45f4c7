"""GOAL-TEXT-CONTRADICTS reads the degree a goal's analysis states however the analysis names the goal:
"målet", by its level ("nämndmålet", "enhetsmålet", "verksamhetsområdesmålet") or in full ("kommunfullmäktiges
mål för verksamhetsområdet", "målet för verksamhetsområdet"). The sentences are written for these tests."""
from __future__ import annotations

import pytest

from auditor.workflow.audit import audit_report_model
from auditor.prose.counts import stated_degree
from auditor.model import Goal, Report
from auditor.words.findings import message_of

# (how the analysis names the goal, the level it is written under)
NAMES = [
    ("kommunfullmäktiges mål för verksamhetsområdet", "verksamhetsomradesmal"),
    ("Kommunfullmäktiges mål för verksamhetsområdet", "verksamhetsomradesmal"),
    ("KF:s mål för verksamhetsområdet", "verksamhetsomradesmal"),
    ("målet för verksamhetsområdet", "verksamhetsomradesmal"),
    ("verksamhetsområdesmålet", "verksamhetsomradesmal"),
    ("nämndmålet", "namndmal"),
    ("enhetsmålet", "enhetsmal"),
    ("målet", "namndmal"),
]
# sentence frames: {name} is the goal's name, {d} the degree word; degree the frame states
FRAMES = [
    ("Förvaltningen gör bedömningen att {name} uppfylls {d} för året.", None),
    ("Vår samlade bedömning är att {name} {d} uppnås i år, trots färre deltagare i vårens kurser.", None),
    ("Sammantaget bedöms {name} kunna uppfyllas {d} när hösten har räknats in.", None),
    ("Enheten bedömer att {name}\nkommer att uppnås {d} under året.", None),     # broken over two lines
    ("Förvaltningen bedömer att {name} inte uppfylls eftersom lokalerna blev försenade.", "inte"),
]


def _goal_report(level: str, marker: str, analysis: str) -> Report:
    parents = {"verksamhetsomradesmal": [("g1", "inriktningsmal", None)],
               "namndmal": [("g1", "inriktningsmal", None), ("g2", "verksamhetsomradesmal", "g1")],
               "enhetsmal": [("g1", "inriktningsmal", None), ("g2", "verksamhetsomradesmal", "g1"),
                             ("g3", "namndmal", "g2")]}[level]
    goals = [Goal(id=gid, parent=parent, level=lvl, number=None, title=f"Överordnat mål {gid}", line=i + 1)
             for i, (gid, lvl, parent) in enumerate(parents)]
    goals.append(Goal(id="gx", parent=parents[-1][0], level=level, number=None,
                      title="Fler besökare hittar till biblioteken i Lövsjö", line=40, assessment=marker,
                      analysis=analysis, analysis_line=44))
    return Report(source="lovsjo.txt", committee="Lövsjö stadsdelsnämnd", report_kind="VB", year=2024,
                  goals=goals)


def _findings(report: Report) -> list:
    from auditor.engine.config import Config
    config = Config()
    config.select = ["GOAL-TEXT-CONTRADICTS"]
    return audit_report_model(report, config).findings


@pytest.mark.parametrize("name,level", NAMES, ids=[n for n, _ in NAMES])
@pytest.mark.parametrize("frame,fixed", FRAMES, ids=[f"frame{i}" for i in range(len(FRAMES))])
def test_each_name_and_wording_is_read(name, level, frame, fixed):
    for word in (["helt", "delvis"] if fixed is None else ["-"]):
        sentence = frame.format(name=name, d=word)
        stated = stated_degree(f"Besöken ökade under våren. {sentence} Arbetet fortsätter.", 44, level=level)
        expected = fixed or word
        assert stated is not None and stated[0] == expected, sentence
        # the goal marked with another degree gets the finding; marked with the same one it does not
        other = "delvis" if expected != "delvis" else "helt"
        found = _findings(_goal_report(level, other, sentence))
        assert [f.rule for f in found] == ["GOAL-TEXT-CONTRADICTS"], sentence
        assert found[0].line == 40 and f"anger att det uppfylls {expected}:" in message_of(found[0], "sv")
        assert _findings(_goal_report(level, expected, sentence)) == [], sentence


def test_the_reported_case():
    """The wording of the issue: a goal marked delvis whose analysis says the KF goal is met in full."""
    analysis = ("Förvaltningen gör bedömningen att kommunfullmäktiges mål för verksamhetsområdet uppfylls helt. "
                "Samtliga nämndmål har nått sina årsmål.")
    found = _findings(_goal_report("verksamhetsomradesmal", "delvis", analysis))
    assert [f.rule for f in found] == ["GOAL-TEXT-CONTRADICTS"]


@pytest.mark.parametrize("sentence", [
    "Förvaltningen bedömer att två av tre nämndmål uppfylls delvis.",          # a count, not the goal itself
    "Förvaltningen gör bedömningen att nämndmålet i huvudsak uppnås.",           # vague: no degree
    "Målet för verksamhetsområdet handlar om fler besökare, vilket uppfylls helt i norr.",  # no assessment
])
def test_sentences_that_state_no_degree(sentence):
    assert stated_degree(sentence, 1) is None


@pytest.mark.parametrize("name,own,other", [
    ("verksamhetsområdesmålet", "verksamhetsomradesmal", "namndmal"),
    ("kommunfullmäktiges mål för verksamhetsområdet", "verksamhetsomradesmal", "enhetsmal"),
    ("nämndmålet", "namndmal", "enhetsmal"),
    ("enhetsmålet", "enhetsmal", "namndmal"),
])
def test_a_name_of_another_level_is_not_the_goal_itself_when_the_level_is_known(name, own, other):
    sentence = f"Förvaltningen bedömer att {name} uppfylls delvis."
    assert stated_degree(sentence, 1, level=own)[0] == "delvis"
    assert stated_degree(sentence, 1, level=other) is None
    assert stated_degree(f"Förvaltningen bedömer att målet uppfylls delvis.", 1, level=other)[0] == "delvis"
