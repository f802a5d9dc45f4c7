"""Small promises to a new user (issue 16, item 4), one test each: a missing review file is an error, counts
have the right number, a TOML mistake is worded in the user's language, a misspelt key gets a suggestion,
SARIF locations resolve, --table is never ignored, piped tables are not clipped at 80 columns, rule ids in
the HTML index break only at hyphens, and children are girls and boys."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from auditor.commands.cli import main
from auditor.words import catalogue, counted, word

ROOT = Path(__file__).resolve().parents[2]
T1 = ROOT / "fixtures" / "example_t1.txt"
VB = ROOT / "fixtures" / "example_vb.txt"


@pytest.fixture(autouse=True)
def _here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


def _one_line(capsys) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("auditor: "), err
    return err


def test_review_stale_with_a_missing_file_is_an_error(tmp_path, capsys):
    assert main(["review", "--stale", str(T1), "--file", str(tmp_path / "saknas.yaml")]) == 2
    assert "saknas.yaml: granskningsfilen finns inte" in _one_line(capsys)


@pytest.mark.parametrize("group,key,lang,n,expected", [
    (catalogue.REPORT, "batch", "sv", 1, "Översikt: 1 rapport"),
    (catalogue.REPORT, "batch", "en", 1, "Overview: 1 report"),
    (catalogue.REPORT, "batch", "sv", 3, "Översikt: 3 rapporter"),
    (catalogue.HTML, "n_reports", "sv", 1, "1 rapport"),
    (catalogue.HTML, "n_reports", "en", 2, "2 reports"),
    (catalogue.CI, "findings", "en", 1, "1 finding"),
    (catalogue.CI, "findings", "en", 2, "2 findings"),
    (catalogue.CI, "findings", "sv", 2, "2 fynd"),
    (catalogue.COMMANDS, "baseline_fixed", "sv", 1, "1 fynd i baslinjen är åtgärdat; skapa om den med auditor baseline create"),
    (catalogue.COMMANDS, "baseline_fixed", "en", 1, "1 baseline finding is fixed; recreate it with auditor baseline create"),
    (catalogue.COMMANDS, "kf_targets_reports", "sv", 1, "1 rapport"),
    (catalogue.COMMANDS, "kf_targets_new", "sv", 1, "1 nytt KF-mål"),
    (catalogue.COMMANDS, "kf_targets_known", "en", 1, "1 was there"),
])
def test_counts_agree_with_their_number(group, key, lang, n, expected):
    assert counted(word(group, key, lang), n) == expected


def test_every_count_in_the_catalogue_has_both_numbers_where_the_word_changes():
    """An English count ("{n} ...s") is a (singular, plural) pair, so that 1 never reads "1 reports"."""
    loose = []
    for name in dir(catalogue):
        group = getattr(catalogue, name)
        if not isinstance(group, dict):
            continue
        for key, pair in group.items():
            if not (isinstance(pair, tuple) and len(pair) == 2):
                continue
            english = pair[1]
            if isinstance(english, str) and "{n}" in english and english.split("{n} ", 1)[-1].split(" ")[0].endswith("s"):
                loose.append(f"{name}.{key}")
    assert loose == []


def test_kf_targets_learn_says_one_report(tmp_path, capsys):
    assert main(["kf-targets", "learn", str(T1), "--file", str(tmp_path / "regler" / "kf.yaml")]) == 0
    assert "från 1 rapport (" in capsys.readouterr().err


def test_a_toml_mistake_is_worded_in_swedish(tmp_path, capsys):
    (tmp_path / "auditor.toml").write_text('fail-on = "error"\nselect = ["GOAL"\n', encoding="utf-8")
    assert main(["audit", str(T1), "--config", str(tmp_path / "auditor.toml")]) == 2
    err = _one_line(capsys)
    assert "konfigurationen är ingen giltig TOML: " in err and (" på rad " in err or "i slutet av filen" in err)
    assert "Expected" not in err and "Unclosed" not in err
    assert main(["--lang", "en", "audit", str(T1), "--config", str(tmp_path / "auditor.toml")]) == 2
    assert "the configuration is not valid TOML: Unclosed array" in _one_line(capsys)


@pytest.mark.parametrize("key,suggestion", [("fail_on", "fail-on"), ("min_confidence", "min-confidence"),
                                            ("selct", "select"), ("rule-dir", "rule-dirs")])
def test_a_misspelt_key_gets_did_you_mean(tmp_path, capsys, key, suggestion):
    (tmp_path / "auditor.toml").write_text(f'{key} = "x"\n', encoding="utf-8")
    assert main(["audit", str(T1), "--config", str(tmp_path / "auditor.toml")]) == 2
    assert f"[tool.auditor] {key}: okänd nyckel (menar du {suggestion}?)" in _one_line(capsys)


def test_a_key_far_from_any_gets_no_suggestion(tmp_path, capsys):
    (tmp_path / "auditor.toml").write_text('zzz = 1\n', encoding="utf-8")
    assert main(["audit", str(T1), "--config", str(tmp_path / "auditor.toml")]) == 2
    assert _one_line(capsys).endswith("[tool.auditor] zzz: okänd nyckel\n")


def _sarif_locations(capsys, path: str) -> list[dict]:
    main(["audit", path, "--format", "sarif", "--no-config"])
    doc = json.loads(capsys.readouterr().out)
    run = doc["runs"][0]
    return ([r["locations"][0]["physicalLocation"]["artifactLocation"] for r in run["results"]]
            + [a["location"] for a in run["artifacts"]])


def test_sarif_relative_path_is_relative_to_srcroot(tmp_path, capsys):
    (tmp_path / "rapporter").mkdir()
    (tmp_path / "rapporter" / "t1.txt").write_bytes(T1.read_bytes())
    for location in _sarif_locations(capsys, "rapporter/t1.txt"):
        assert location == {"uri": "rapporter/t1.txt", "uriBaseId": "%SRCROOT%"}


@pytest.mark.parametrize("how", ["absolute", "climbing"])
def test_sarif_path_outside_srcroot_is_an_absolute_file_uri(tmp_path, capsys, how):
    (tmp_path / "här").mkdir()
    os.chdir(tmp_path / "här")
    (tmp_path / "t1 kopia.txt").write_bytes(T1.read_bytes())
    path = str(tmp_path / "t1 kopia.txt") if how == "absolute" else "../t1 kopia.txt"
    for location in _sarif_locations(capsys, path):
        assert "uriBaseId" not in location
        assert location["uri"] == (tmp_path / "t1 kopia.txt").as_uri()
        assert location["uri"].startswith("file:///") and "%20" in location["uri"]


@pytest.mark.parametrize("argv", [["--format", "json"], ["--format", "md"], ["--format", "xlsx", "--output", "x.xlsx"],
                                  ["--format", "csv", "--output", "tabeller/"]])
def test_table_with_a_format_without_tables_is_an_error(tmp_path, capsys, argv):
    assert main(["audit", str(T1), "--table", "indicators", *argv]) == 2
    assert "--table" in _one_line(capsys)
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_table_with_csv_is_accepted(capsys):
    assert main(["audit", str(T1), "--format", "csv", "--table", "indicators"]) in (0, 1)
    assert capsys.readouterr().out.startswith("\ufeffNämnd;")


def _piped(*argv) -> str:
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    proc = subprocess.run([sys.executable, "-m", "auditor", *argv], capture_output=True, text=True, env=env,
                          timeout=120)
    assert proc.returncode in (0, 1), proc.stderr
    return proc.stdout


def test_piped_rules_and_parse_tables_are_not_clipped(catalogue):
    rules = _piped("rules")
    assert "…" not in rules
    for spec in catalogue:
        assert f"│ {spec.id} " in rules
    parsed = _piped("parse", str(ROOT / "fixtures" / "quirk_truncated.txt"), "--diagnostics")
    assert "…" not in parsed
    assert "row-incomplete" in parsed and "truncated" in parsed
    assert max(len(line) for line in parsed.splitlines()) > 80


def test_html_index_rule_ids_break_only_at_hyphens(tmp_path):
    main(["audit", str(T1), str(VB), "--format", "html", "--output", str(tmp_path / "g"), "--no-config"])
    page = (tmp_path / "g" / "index.html").read_text(encoding="utf-8")
    assert '<th class="num rule-id">GOAL-FULL-UNMET-IND</th>' in page
    assert "th.rule-id { overflow-wrap: normal; word-break: normal; hyphens: none; }" in page


@pytest.mark.parametrize("name,young", [("Andel barn som går i förskola", True),
                                         ("Andel elever i årskurs 9 som är behöriga", True),
                                         ("Antal unga som fått feriejobb", True), ("Andel äldre som är nöjda", False),
                                         ("Andel medarbetare som är nöjda", False)])
def test_children_are_girls_and_boys(name, young):
    from auditor.engine.config import Config
    from auditor.engine.examples import build_report
    from auditor.words.findings import message_of
    from auditor.workflow.audit import audit_report_model
    report = build_report({"goals": [{"title": "Ett mål", "assessment": "helt",
                                      "indicators": [{"name": name, "outcome": "40 %", "target": "45 %"}]}]})
    for lang, girls, women in (("sv", "flickor och pojkar", "kvinnor och män"), ("en", "girls and boys", "women and men")):
        found = audit_report_model(report, Config(select=["IND-NO-GENDER-SPLIT"], lang=lang)).findings
        assert len(found) == 1, name
        assert (girls in message_of(found[0], lang), women in message_of(found[0], lang)) == (young, not young), name
