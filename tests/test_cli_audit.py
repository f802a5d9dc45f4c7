"""The audit/rules/explain commands in-process; the parser is replaced by the fixture report so these
tests only exercise the command line, configuration, exit codes and outputs."""
from __future__ import annotations

import json

import pytest

from auditor.cli import main


@pytest.fixture()
def report_file(tmp_path, monkeypatch, fixture_report):
    path = tmp_path / "rapport.txt"
    path.write_text("placeholder\n", encoding="utf-8")

    def fake_parse(p):
        return fixture_report.model_copy(update={"source": str(p)})
    monkeypatch.setattr("auditor.parser.parse_file", fake_parse)
    monkeypatch.chdir(tmp_path)          # no configuration file is found above tmp_path's own
    return path


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_contract(report_file, capsys):
    code, out, _ = run(capsys, "audit", str(report_file), "--format", "json")
    doc = json.loads(out)
    assert doc["schema"] == "auditor.findings/1"
    rep = doc["reports"][0]
    assert set(rep) >= {"source", "committee", "unit", "report_kind", "year", "findings"}
    f = rep["findings"][0]
    assert set(f) >= {"rule", "severity", "line", "message", "goal", "evidence", "fingerprint"}
    assert [x["line"] for x in rep["findings"]] == sorted(x["line"] for x in rep["findings"])
    assert code == 1      # the fixture has error-level findings


def test_json_is_deterministic(report_file, capsys):
    _, first, _ = run(capsys, "audit", str(report_file), "--format", "json")
    _, second, _ = run(capsys, "audit", str(report_file), "--format", "json")
    assert first == second


def test_select_and_ignore(report_file, capsys):
    _, out, _ = run(capsys, "audit", str(report_file), "-f", "json", "--select", "IND")
    rules = {f["rule"] for f in json.loads(out)["reports"][0]["findings"]}
    assert rules and all(r.startswith("IND-") for r in rules)
    _, out, _ = run(capsys, "audit", str(report_file), "-f", "json", "--select", "IND", "--ignore",
                    "IND-NO-FORECAST,IND-NO-GENDER-SPLIT")
    rules = {f["rule"] for f in json.loads(out)["reports"][0]["findings"]}
    assert "IND-NO-FORECAST" not in rules and "IND-NO-GENDER-SPLIT" not in rules


def test_fail_on_levels(report_file, capsys):
    assert run(capsys, "audit", str(report_file), "-f", "json", "--select", "IND-NO-FORECAST")[0] == 0
    assert run(capsys, "audit", str(report_file), "-f", "json", "--select", "IND-NO-FORECAST",
               "--fail-on", "info")[0] == 1
    assert run(capsys, "audit", str(report_file), "-f", "json", "--select", "ACT-DEV-NO-ANALYSIS",
               "--fail-on", "warning")[0] == 1
    assert run(capsys, "audit", str(report_file), "-f", "json", "--select", "ACT-DEV-NO-ANALYSIS")[0] == 0


def test_unknown_rule_is_a_one_line_usage_error(report_file, capsys):
    code, out, err = run(capsys, "audit", str(report_file), "--select", "NOPE-RULE")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "NOPE-RULE" in err


def test_missing_file_is_exit_2(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "audit", str(tmp_path / "saknas.txt"))
    assert code == 2 and err.count("\n") == 1


def test_config_file(report_file, capsys):
    (report_file.parent / "auditor.toml").write_text(
        'select = ["IND-NO-FORECAST", "IND-GENDER-GAP-NO-ANALYSIS"]\nfail-on = "info"\n'
        '[rules.IND-NO-FORECAST]\nseverity = "warning"\n'
        '[rules.IND-GENDER-GAP-NO-ANALYSIS]\nmin_gap_points = 50\n', encoding="utf-8")
    code, out, _ = run(capsys, "audit", str(report_file), "-f", "json")
    findings = json.loads(out)["reports"][0]["findings"]
    assert {f["rule"] for f in findings} == {"IND-NO-FORECAST"}
    assert {f["severity"] for f in findings} == {"warning"}
    assert code == 1


def test_pyproject_tool_auditor(report_file, capsys):
    (report_file.parent / "pyproject.toml").write_text(
        '[project]\nname = "x"\n[tool.auditor]\nignore = ["GOAL", "SUM", "ACT", "IND"]\n', encoding="utf-8")
    code, out, _ = run(capsys, "audit", str(report_file), "-f", "json")
    assert json.loads(out)["reports"][0]["findings"] == [] and code == 0


def test_bad_config_is_exit_2(report_file, capsys):
    (report_file.parent / "auditor.toml").write_text('[rules.IND-NO-FORECAST]\nno_such_option = 1\n',
                                                     encoding="utf-8")
    code, _, err = run(capsys, "audit", str(report_file))
    assert code == 2 and "no_such_option" in err and err.count("\n") == 1


def test_explicit_config_and_no_config(report_file, capsys, tmp_path):
    cfg = tmp_path / "annan.toml"
    cfg.write_text('select = ["SUM-CLAIM-COUNT"]\n', encoding="utf-8")
    _, out, _ = run(capsys, "audit", str(report_file), "-f", "json", "--config", str(cfg))
    assert {f["rule"] for f in json.loads(out)["reports"][0]["findings"]} == {"SUM-CLAIM-COUNT"}
    (report_file.parent / "auditor.toml").write_text('select = ["SUM-CLAIM-COUNT"]\n', encoding="utf-8")
    _, out, _ = run(capsys, "audit", str(report_file), "-f", "json", "--no-config")
    assert len({f["rule"] for f in json.loads(out)["reports"][0]["findings"]}) > 1


def test_terminal_and_markdown(report_file, capsys, tmp_path):
    code, out, _ = run(capsys, "audit", str(report_file))
    assert "Exempelnämnden" in out and "GOAL-FULL-UNMET-IND" in out and "Barn och unga" in out
    target = tmp_path / "granskning.md"
    run(capsys, "audit", str(report_file), "-f", "md", "-o", str(target))
    md = target.read_text(encoding="utf-8")
    assert md.startswith("# ") and "| `GOAL-FULL-UNMET-IND` |" in md


def test_english(report_file, capsys):
    _, out, _ = run(capsys, "--lang", "en", "audit", str(report_file), "-f", "json", "--select", "IND-NO-FORECAST")
    assert json.loads(out)["reports"][0]["findings"][0]["message"].startswith("The indicator")


def test_folder_expansion(tmp_path, capsys, monkeypatch, fixture_report):
    for name in ("b.txt", "a.txt", "skip.json"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    monkeypatch.setattr("auditor.parser.parse_file", lambda p: fixture_report.model_copy(update={"source": str(p)}))
    monkeypatch.chdir(tmp_path)
    _, out, _ = run(capsys, "audit", str(tmp_path), "-f", "json")
    sources = [r["source"] for r in json.loads(out)["reports"]]
    assert [s.rsplit("/", 1)[-1] for s in sources] == ["a.txt", "b.txt"]


def test_user_rule_directory(report_file, capsys, tmp_path):
    rules = tmp_path / "egna"
    rules.mkdir()
    (rules / "goal_no_number.py").write_text('''"""Goals should carry a number.

**Why it matters.** Numbers make goals easy to refer to.

**Example.** A nämndmål without a number.
"""
from auditor.engine.dsl import AS, Goal, Rule

ID = "LOCAL-GOAL-NO-NUMBER"
SEVERITY = "info"
TITLE = {"sv": "Mål utan nummer", "en": "Goal without a number"}
MESSAGE = {"sv": "Målet saknar nummer.", "en": "The goal has no number."}
EXAMPLES = [{"expect": "fail", "report": {"goals": [{"title": "X"}]}},
            {"expect": "pass", "report": {"goals": [{"title": "X", "number": "1"}]}}]


@Rule(AS.goal << Goal(number=None))
def goal_without_number(engine, goal):
    engine.flag(ID, goal)
''', encoding="utf-8")
    _, out, _ = run(capsys, "audit", str(report_file), "-f", "json", "--rules", str(rules), "--select", "LOCAL")
    assert {f["rule"] for f in json.loads(out)["reports"][0]["findings"]} == {"LOCAL-GOAL-NO-NUMBER"}
    code, out, _ = run(capsys, "rules", "--rules", str(rules), "--format", "json")
    assert code == 0 and "LOCAL-GOAL-NO-NUMBER" in {r["id"] for r in json.loads(out)}


def test_rules_and_explain(capsys):
    code, out, _ = run(capsys, "rules")
    assert code == 0 and "GOAL-FULL-UNMET-IND" in out and "SUM-CLAIM-COUNT" in out
    code, out, _ = run(capsys, "explain", "goal-full-unmet-ind")
    assert code == 0 and "Why it matters" in out and "Exempel" in out
    code, out, _ = run(capsys, "explain", "NO-SUCH-RULE")
    assert code == 2


def test_explain_all_markdown(capsys):
    from auditor.engine.catalogue import load_catalogue

    code, out, _ = run(capsys, "explain", "--all", "--format", "md")
    assert code == 0 and out.count("\n### ") + out.startswith("### ") == len(load_catalogue())
