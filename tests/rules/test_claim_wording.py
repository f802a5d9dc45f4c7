"""Count-claim findings speak one language: the facts keep counts and scopes as structured values, and the
message and evidence word them in Swedish or English."""
from __future__ import annotations

import re

import pytest

from auditor.policy.counts import judged, verdict
from auditor.words.claims import actual_text, scope_text, short_title, stated_text
from auditor.engine.config import Config
from auditor.engine.audit import audit_report
from auditor.engine.examples import build_report
from auditor.facts import derive
from auditor.knowledge import load_knowledge
from auditor.render.evidence import evidence_lines, evidence_pairs
from auditor.words.findings import evidence_of, message_of

LONG = "Skärholmens förskolebarn når sin fulla potential i en trygg förskola med hög pedagogisk kvalitet"
ROWS = [{"name": "Andel A", "outcome": "90 %", "target": "80 %"}, {"name": "Andel B", "outcome": "90 %", "target": "80 %"},
        {"name": "Andel C", "outcome": "70 %", "target": "80 %"}, {"name": "Andel D", "outcome": "60 %", "target": "80 %"}]
GOAL_CLAIM = {"goals": [{"title": LONG, "assessment": "delvis", "indicators": ROWS,
                         "analysis": "Bedömningen grundar sig på att tre av fyra indikatorer är delvis uppnådda."}]}
SUMMARY_CLAIM = {"summary": ["Av nämndmålen bedöms två uppnås helt och ett delvis."],
                 "goals": [{"level": "namndmal", "title": "Parkerna är trygga", "assessment": "helt"},
                           {"level": "namndmal", "title": "Gatorna är trygga", "assessment": "delvis"},
                           {"level": "namndmal", "title": "Torgen är trygga", "assessment": "delvis"}]}

SWEDISH = re.compile(r"\b(helt|delvis|inte|av|totalt|samtliga|uppnådda|ej|hela rapporten|målets|undermålen|"
                     r"påstående|anger|jämfört|faktiskt)\b", re.I)
ENGLISH = re.compile(r"\b(total|fully|partly|met|of|the|states|shows|compared|actual|claim|whole)\b", re.I)


def findings(spec, rule, lang):
    return audit_report(build_report(spec), Config(select=[rule]))


def without_quotes(text: str) -> str:
    return re.sub(r'"[^"]*"', '""', text)


def test_claim_facts_are_structured():
    facts = derive(build_report(GOAL_CLAIM), load_knowledge(()))
    (claim,) = facts.claims
    assert verdict(claim).consistent is False and claim.delvis == 3 and claim.total == 4
    claim = judged(claim)
    assert claim.scope == "own_indicators" and claim.scope_number is None and claim.scope_title == LONG
    assert claim.actual == {"met": 2, "not_met": 2, "unknown": 0, "n": 4}
    assert not hasattr(claim, "stated_counts")


@pytest.mark.parametrize("spec, rule", [(GOAL_CLAIM, "GOAL-CLAIM-COUNT"), (SUMMARY_CLAIM, "SUM-CLAIM-COUNT")])
def test_claim_findings_speak_one_language(spec, rule):
    (sv,) = findings(spec, rule, "sv")
    (en,) = findings(spec, rule, "en")
    assert sv.fingerprint == en.fingerprint and sv.evidence == en.evidence
    for text in [message_of(sv, "sv"), *evidence_lines(sv, "sv"), *(v for _, v in evidence_pairs(evidence_of(sv, "sv"), "sv"))]:
        assert not ENGLISH.search(without_quotes(text)), text
    for text in [message_of(en, "en"), *evidence_lines(en, "en"), *(v for _, v in evidence_pairs(evidence_of(en, "en"), "en"))]:
        assert not SWEDISH.search(without_quotes(text)), text


def test_the_summary_claim_reads_well_in_both_languages():
    (sv,) = findings(SUMMARY_CLAIM, "SUM-CLAIM-COUNT", "sv")
    (en,) = findings(SUMMARY_CLAIM, "SUM-CLAIM-COUNT", "en")
    assert message_of(sv, "sv") == ("Sammanfattningen anger 2 helt, 1 delvis, men hela rapporten visar 1 helt, 2 delvis (av 3): "
                          "\"Av nämndmålen bedöms två uppnås helt och ett delvis.\"")
    assert message_of(en, "en") == ("The summary states 2 fully met, 1 partly met, but the count for the whole report is "
                          "1 fully met, 2 partly met (of 3): \"Av nämndmålen bedöms två uppnås helt och ett delvis.\"")
    assert evidence_lines(sv, "sv") == ["påstående: \"Av nämndmålen bedöms två uppnås helt och ett delvis.\", anger 2 helt, "
                                        "1 delvis, jämfört med hela rapporten, faktiskt 1 helt, 2 delvis (av 3)"]
    assert evidence_lines(en, "en")[0].startswith("claim: \"Av nämndmålen")


def test_a_scope_is_named_by_number_or_by_a_title_cut_at_a_word():
    (sv,) = findings(GOAL_CLAIM, "GOAL-CLAIM-COUNT", "sv")
    (en,) = findings(GOAL_CLAIM, "GOAL-CLAIM-COUNT", "en")
    assert "målets egna indikatorer (Skärholmens förskolebarn når sin fulla…) visar 2 uppnådda, 2 ej uppnådda (av 4)" \
        in message_of(sv, "sv")
    assert "the goal's own indicators (Skärholmens förskolebarn når sin fulla…) is 2 met, 2 not met (of 4)" \
        in message_of(en, "en")
    assert scope_text("own_indicators", "1.3", LONG, "sv") == "målets egna indikatorer (1.3)"
    assert scope_text("subtree", None, LONG, "en") == "the goals under \"Skärholmens förskolebarn når sin fulla…\""


def test_short_title():
    assert short_title(LONG) == "Skärholmens förskolebarn når sin fulla…"
    assert short_title("Kort titel") == "Kort titel"
    assert short_title("a" * 50) == "a" * 40 + "…"
    exact = "ord " * 10
    assert short_title(exact.strip() + " mer") == exact.strip() + "…"     # the word ending at the limit stays
    assert short_title("Trygghet, delaktighet och inflytande för alla invånare", 24) == "Trygghet, delaktighet…"


def test_counts_in_words():
    assert stated_text({"helt": 3, "delvis": 6, "total": 9}, "sv") == "3 helt, 6 delvis (av 9)"
    assert stated_text({"helt": 3, "delvis": 6, "total": 9}, "en") == "3 fully met, 6 partly met (of 9)"
    assert stated_text({"all": "helt"}, "sv") == "samtliga helt" and stated_text({"all": "helt"}, "en") == "all fully met"
    assert stated_text({"total": 4}, "sv") == "totalt 4" and stated_text({"total": 4}, "en") == "4 in total"
    assert actual_text({"met": 3, "not_met": 2, "unknown": 1, "n": 6}, "en") == "3 met, 2 not met, 1 without assessment (of 6)"
    assert actual_text({"helt": 0, "delvis": 0, "inte": 0, "unknown": 2, "n": 2}, "sv") == "2 utan bedömning (av 2)"
    assert actual_text({"activities": 1}, "sv") == "1 aktivitet" and actual_text({"activities": 4}, "en") == "4 activities"
