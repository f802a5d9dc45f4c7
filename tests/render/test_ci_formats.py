import json
import re
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from auditor.findings import AuditResult, Review, ReportAudit
from auditor.render import get_renderer
from auditor.render.github import escape_data, escape_property

from ..factories import audit_of, finding, sample_report, sample_result

CONTROL = "ok\x00\x01\x08\x0b\x0c\x0e\x1f\x7f\x85\ud800\ufffe\uffff end"


def dirty_result() -> AuditResult:
    report = sample_report()
    goal = report.goals[1]
    f = finding("GOAL-FULL-UNMET-IND", 20, "Meddelande " + CONTROL + " <tag> & ]]> \"q\"\nrad två",
                goal=goal, source=report.source, evidence={"text" + CONTROL: "värde " + CONTROL, "n": 1.5})
    long = finding("IND-NO-FORECAST", 30, "x" * 100_000, severity="warning", goal=goal, source=report.source)
    return AuditResult(reports=[audit_of(report, [f, long])])


# --- SARIF -----------------------------------------------------------------------------------------------

def validate_sarif(doc, schema):
    import jsonschema
    jsonschema.Draft4Validator(schema).validate(doc)


def test_sarif_is_valid_against_the_official_schema(sarif_schema):
    result = sample_result()
    result.reports[0].findings[0].review = Review(decision="avfärdad", reason="ok", by="A", date="2025-01-01")
    for f in result.reports[0].findings:
        f.baseline = "unchanged"
    for f in result.reports[1].findings:
        f.baseline = "new"
    text = get_renderer("sarif")(result, {"rule_titles": {"GOAL-FULL-UNMET-IND": "Helt uppfyllt mål, ouppfylld indikator"}})
    doc = json.loads(text)
    validate_sarif(doc, sarif_schema)
    run = doc["runs"][0]
    assert doc["version"] == "2.1.0" and run["tool"]["driver"]["name"] == "auditor"
    assert len(run["results"]) == 8
    first = run["results"][0]
    assert first["locations"][0]["physicalLocation"]["region"]["startLine"] == 20
    assert first["partialFingerprints"]["auditor/v1"]
    levels = {r["ruleId"]: r["level"] for r in run["results"]}
    assert levels["IND-NO-GENDER-SPLIT"] == "note" and levels["GOAL-NO-ANALYSIS"] == "warning"
    suppressed = [r for r in run["results"] if "suppressions" in r]
    assert len(suppressed) == 1 and suppressed[0]["suppressions"][0]["status"] == "accepted"
    assert sorted(r["baselineState"] for r in run["results"]) == ["new"] * 4 + ["unchanged"] * 4
    rule_ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert all(rule_ids[r["ruleIndex"]] == r["ruleId"] for r in run["results"])


def test_sarif_with_dirty_text_and_unreadable_report_is_valid(sarif_schema):
    result = dirty_result()
    result.reports.append(ReportAudit(source="trasig fil.pdf", error="kan inte läsas " + CONTROL))
    text = get_renderer("sarif")(result, None)
    text.encode("utf-8")  # no lone surrogates
    doc = json.loads(text)
    validate_sarif(doc, sarif_schema)
    assert "\x00" not in text and "\\u0000" not in text and "\\u0001" not in text
    assert doc["runs"][0]["artifacts"][1]["location"]["uri"] == "trasig%20fil.pdf"
    assert doc["runs"][0]["invocations"][0]["toolExecutionNotifications"][0]["level"] == "error"


def test_sarif_unreadable_file_named_once_and_run_not_successful(tmp_path, sarif_schema, capsys):
    from auditor.commands.cli import main
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_bytes((Path(__file__).resolve().parents[2] / "fixtures" / "example_t1.txt").read_bytes())
    main(["audit", str(empty), str(good), "--format", "sarif", "--no-config"])
    doc = json.loads(capsys.readouterr().out)
    validate_sarif(doc, sarif_schema)
    invocation = doc["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert [n["message"]["text"] for n in invocation["toolExecutionNotifications"]] == [f"{empty}: filen är tom"]
    clean = json.loads(get_renderer("sarif")(sample_result(), None))
    assert "invocations" not in clean["runs"][0]


def test_sarif_empty_result_is_valid(sarif_schema):
    validate_sarif(json.loads(get_renderer("sarif")(AuditResult(), None)), sarif_schema)


# --- JUnit -----------------------------------------------------------------------------------------------

def test_junit_one_case_per_committee_and_rule():
    result = sample_result()
    xml = get_renderer("junit")(result, {"rule_ids": ["GOAL-FULL-UNMET-IND", "GOAL-FULL-ACT-DEV",
                                                     "GOAL-NO-ANALYSIS", "IND-NO-GENDER-SPLIT", "SUM-CLAIM-COUNT"]})
    root = ET.fromstring(xml.encode())
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["Skärholmens stadsdelsnämnd VB 2020", "Farsta stadsdelsnämnd VB 2020"]
    cases = suites[0].findall("testcase")
    assert [c.get("name") for c in cases] == ["GOAL-FULL-ACT-DEV", "GOAL-FULL-UNMET-IND", "GOAL-NO-ANALYSIS",
                                              "IND-NO-GENDER-SPLIT", "SUM-CLAIM-COUNT"]
    failing = {c.get("name") for c in cases if c.find("failure") is not None}
    assert failing == {"GOAL-FULL-ACT-DEV", "GOAL-FULL-UNMET-IND"}  # default --fail-on error
    assert suites[0].get("tests") == "5" and suites[0].get("failures") == "2"
    assert root.get("tests") == "10" and root.get("failures") == "4"
    failure = cases[1].find("failure")
    assert "rad 20" in failure.get("message")
    assert "reports/skarholmen_vb2020.txt:20:" in failure.text and "fingeravtryck:" in failure.text
    assert "Målet saknar analys" in cases[2].find("system-out").text  # a warning: shown, not failing


def test_junit_fail_on_warning_and_dismissed_findings():
    result = sample_result(sample_report())
    for f in result.reports[0].findings:
        if f.rule == "GOAL-FULL-ACT-DEV":
            f.review = Review(decision="avfärdad", reason="Avvikelsen gäller tidplanen", by="B", date="2025-01-01")
    root = ET.fromstring(get_renderer("junit")(result, {"fail_on": "warning"}).encode())
    cases = {c.get("name"): c for c in root.iter("testcase")}
    assert cases["GOAL-NO-ANALYSIS"].find("failure") is not None
    assert cases["GOAL-FULL-ACT-DEV"].find("failure") is None
    assert "avfärdad: Avvikelsen gäller tidplanen" in cases["GOAL-FULL-ACT-DEV"].find("system-out").text


def test_junit_evidence_is_localised_without_empty_fields():
    report = sample_report()
    f = finding("IND-UNMET-NO-ANALYSIS", 40, "når inte årsmålet", goal=report.goals[1], source=report.source,
                evidence={"indicator": "Antal aspiranter", "unit": "st", "forecast": 20.5, "target": 33,
                          "compared": "forecast", "direction": "lower", "analysis": "", "gap_unit": None,
                          "items": [{"line": 40, "indicator": "A"}, {"line": 41, "indicator": "B"}]})
    root = ET.fromstring(get_renderer("junit")(AuditResult(reports=[audit_of(report, [f])]), None).encode())
    text = root.find(".//failure").text
    assert "    indikator: Antal aspiranter\n" in text and "    prognos: 20,5 st\n" in text
    assert "    jämförs: prognos\n" in text and "    riktning: lägre är bättre\n" in text
    assert "    gäller: rad 40: A\n        rad 41: B\n" in text and "fingeravtryck: " in text
    assert "mål: 1.1 I Stockholm" in text
    for raw in ("analysis", "gap_unit", "compared", "direction:", "forecast", "None"):
        assert raw not in text
    en = ET.fromstring(get_renderer("junit")(AuditResult(reports=[audit_of(report, [f])]), {"lang": "en"}).encode())
    assert "    direction: lower is better\n" in en.find(".//failure").text


def test_junit_is_well_formed_with_dirty_text():
    result = dirty_result()
    result.reports.append(ReportAudit(source="trasig.pdf", error="fel " + CONTROL))
    xml = get_renderer("junit")(result, {"fail_on": "info"})
    xml.encode("utf-8")
    root = ET.fromstring(xml.encode())  # would raise on characters XML 1.0 forbids
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", xml)
    assert root.find(".//error") is not None
    assert "<tag> & ]]>" in "".join(root.itertext())


# --- GitHub annotations ----------------------------------------------------------------------------------

def test_github_annotations():
    lines = get_renderer("github")(sample_result(sample_report()), None).splitlines()
    assert len(lines) == 4
    assert lines[0].startswith("::error file=reports/skarholmen_vb2020.txt,line=20,title=GOAL-FULL-ACT-DEV (error)::")
    assert any(line.startswith("::warning ") for line in lines)
    assert any(line.startswith("::notice ") for line in lines)


def test_github_escaping_prevents_command_injection():
    assert escape_data("100%\r\n::x") == "100%25%0D%0A::x"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"
    report = sample_report(source="rapporter/a,b:c.txt")
    f = finding("GOAL-NO-ANALYSIS", 80, "slut\n::error file=x::falsk\r\n%0A", goal=report.goals[3], source=report.source)
    out = get_renderer("github")(AuditResult(reports=[audit_of(report, [f])]), None)
    assert out.count("\n") == 1 and out.startswith("::error file=rapporter")  # one command, one line
    assert "file=rapporter/a%2Cb%3Ac.txt" in out
    assert "slut%0A::error file=x::falsk%0D%0A%250A" in out


def test_github_dismissed_and_baseline_become_notices():
    result = sample_result(sample_report())
    a, b = result.reports[0].findings[:2]
    a.review = Review(decision="avfärdad", reason="godtas", by="C", date="2025-02-02")
    b.baseline = "unchanged"
    lines = get_renderer("github")(result, None).splitlines()
    dismissed = next(line for line in lines if a.fingerprint in line)
    known = next(line for line in lines if b.fingerprint in line)
    assert dismissed.startswith("::notice ") and "[avfärdad: godtas (C, 2025-02-02)]" in dismissed
    assert known.startswith("::notice ") and "[i baslinjen]" in known


def test_github_dirty_and_long_text():
    out = get_renderer("github")(dirty_result(), None)
    assert out.count("\n") == 2
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", out)
    assert max(len(line) for line in out.splitlines()) < 5000


# --- determinism -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["sarif", "junit", "github", "csv", "xlsx"])
def test_same_input_same_bytes(fmt):
    render = get_renderer(fmt)
    assert render(sample_result(), None) == render(sample_result(), None)
