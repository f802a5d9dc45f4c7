"""Evidence lines read as a reviewer would write them, in the reader's language: the relative gender gap as a
percentage (and not at all on % indicators, where the rule works in percentage points), why a row is about
people as `om personer: namnmönster '…'`, yes/no in English."""
from __future__ import annotations

from auditor.engine.config import Config
from auditor.engine.audit import audit_report
from auditor.engine.catalogue import load_catalogue
from auditor.engine.examples import build_report
from auditor.findings import Finding
from auditor.render.evidence import evidence_lines, evidence_pairs
from auditor.words.findings import evidence_of, message_of

CATALOGUE = load_catalogue()


def example(rule: str, index: int, lang: str):
    (finding,) = audit_report(build_report(CATALOGUE[rule].examples[index]["report"]), Config(select=[rule]))
    return finding


def text(finding, lang: str) -> str:
    return "\n".join(evidence_lines(finding, lang)) + "\n" + "\n".join(f"{k} {v}" for k, v in
                                                                     evidence_pairs(evidence_of(finding, lang), lang))


def test_percent_gap_is_in_points_without_a_relative_gap():
    sv, en = example("IND-GENDER-GAP-NO-ANALYSIS", 0, "sv"), example("IND-GENDER-GAP-NO-ANALYSIS", 0, "en")
    assert "(skillnad 8 procentenheter)" in message_of(sv, "sv") and "(gap 8 percentage points)" in message_of(en, "en")
    assert "procentenheter" not in message_of(en, "en")
    assert "gap_relative" not in sv.evidence and "relativ skillnad" not in text(sv, "sv")
    assert "relative gap" not in text(en, "en")


def test_relative_gap_is_a_percentage():
    sv, en = example("IND-GENDER-GAP-NO-ANALYSIS", 1, "sv"), example("IND-GENDER-GAP-NO-ANALYSIS", 1, "en")
    assert sv.evidence["gap_relative"] == 0.25          # the machine formats keep the share
    assert "relativ skillnad 25 %" in evidence_lines(sv, "sv")[0]
    assert "relative gap 25 %" in evidence_lines(en, "en")[0]
    assert "0,25" not in text(sv, "sv")


def test_about_people_reads_as_a_reason():
    sick = [ex for ex in CATALOGUE["IND-NO-GENDER-SPLIT"].examples
            if ex["expect"] == "fail" and ex["report"]["goals"][0]["indicators"][0]["name"] == "Sjukfrånvaro"]
    index = CATALOGUE["IND-NO-GENDER-SPLIT"].examples.index(sick[0])
    sv, en = example("IND-NO-GENDER-SPLIT", index, "sv"), example("IND-NO-GENDER-SPLIT", index, "en")
    assert sv.evidence["about_people"] == {"basis": "name pattern", "detail": "sjukfrånvaro"}
    assert "om personer: namnmönster 'sjukfrånvaro'" in evidence_lines(sv, "sv")[0]
    assert "about people: name pattern 'sjukfrånvaro'" in evidence_lines(en, "en")[0]
    assert ("om personer", "namnmönster 'sjukfrånvaro'") in evidence_pairs(evidence_of(sv, "sv"), "sv")
    children = audit_report(build_report({"goals": [{"title": "Barnen mår bra", "assessment": "helt", "indicators": [
        {"name": "Andel barn som lever i familjer med ekonomiskt bistånd", "outcome": "4,1 %", "target": "4,9 %"}]}]}),
        Config(select=["IND-NO-GENDER-SPLIT"]))
    assert "om personer: subjekt 'barn'" in evidence_lines(children[0], "sv")[0]


def test_yes_and_no_follow_the_language():
    sv, en = example("ACT-DEV-NO-ANALYSIS", 0, "sv"), example("ACT-DEV-NO-ANALYSIS", 0, "en")
    assert "avvikelse ja" in evidence_lines(sv, "sv")[0]
    assert "deviation yes" in evidence_lines(en, "en")[0] and " ja" not in text(en, "en")


def test_old_evidence_strings_still_read():
    """Findings loaded from an earlier findings file carry about_people as one string."""
    f = Finding(rule="IND-NO-GENDER-SPLIT", severity="info", line=1, message="m", fingerprint="0" * 16,
                evidence={"about_people": "name pattern sjukfrånvaro"})
    assert evidence_lines(f, "sv") == ["om personer: namnmönster sjukfrånvaro"]
