"""A renamed rule lists its old ids (``ALIASES``): configurations, --select/--ignore, explain, baselines and
review files that name an old id keep working, each with a note on standard error, and the rule's findings
keep the fingerprints they had under the old id."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from auditor.commands.cli import main

ROOT = Path(__file__).resolve().parents[2]
REPORT = ROOT / "fixtures" / "example_vb.txt"

RULE = '''"""Goals assessed as fully met (a local rule, for the tests).

**What it checks.** Goals marked helt.

**Why it matters.** For the tests.

**Example.** A goal marked helt.
"""
from auditor.engine.dsl import AS, Goal, Rule

ID = "{id}"
{aliases}
SEVERITY = "info"
TITLE = {{"sv": "Helt uppfyllt mål", "en": "Fully met goal"}}
MESSAGE = {{"sv": "Målet uppfylls helt.", "en": "The goal is fully met."}}
EXAMPLES = [{{"expect": "fail", "title": "Helt", "report": {{"goals": [{{"title": "X", "assessment": "helt"}}]}}}},
            {{"expect": "pass", "title": "Delvis", "report": {{"goals": [{{"title": "X", "assessment": "delvis"}}]}}}}]


@Rule(AS.goal << Goal(assessment="helt"))
def fully_met_goal(engine, goal):
    engine.flag(ID, goal)
'''


def _folder(tmp_path: Path, name: str, rule_id: str, aliases: tuple[str, ...] = ()) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    line = f"ALIASES = {list(aliases)!r}" if aliases else ""
    (folder / "local_full.py").write_text(RULE.format(id=rule_id, aliases=line), encoding="utf-8")
    return folder


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _findings(out: str) -> list[dict]:
    return json.loads(out)["reports"][0]["findings"]


@pytest.fixture()
def folders(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)        # no configuration file above
    old = _folder(tmp_path, "gamla", "LOCAL-FULL-GOAL")
    new = _folder(tmp_path, "nya", "LOCAL-GOAL-FULLY-MET", ("LOCAL-FULL-GOAL",))
    return old, new


def test_fingerprints_stay_those_of_the_old_id(folders, capsys):
    old, new = folders
    _, before, _ = run(capsys, "audit", str(REPORT), "-f", "json", "--no-config", "--rules", str(old),
                       "--select", "LOCAL-FULL-GOAL")
    code, after, err = run(capsys, "audit", str(REPORT), "-f", "json", "--no-config", "--rules", str(new),
                           "--select", "LOCAL-FULL-GOAL")
    assert _findings(before) and {f["rule"] for f in _findings(after)} == {"LOCAL-GOAL-FULLY-MET"}
    assert [f["fingerprint"] for f in _findings(after)] == [f["fingerprint"] for f in _findings(before)]
    assert "select nämner LOCAL-FULL-GOAL: regeln heter nu LOCAL-GOAL-FULLY-MET" in err


def test_ignore_and_configuration_by_the_old_id(folders, capsys, tmp_path):
    _, new = folders
    _, out, err = run(capsys, "audit", str(REPORT), "-f", "json", "--no-config", "--rules", str(new),
                      "--select", "LOCAL", "--ignore", "LOCAL-FULL-GOAL")
    assert _findings(out) == [] and "ignore nämner LOCAL-FULL-GOAL" in err
    config = tmp_path / "auditor.toml"
    config.write_text('select = ["LOCAL"]\nrule-dirs = ["nya"]\n\n[rules.LOCAL-FULL-GOAL]\nseverity = "error"\n',
                      encoding="utf-8")
    code, out, err = run(capsys, "--lang", "en", "audit", str(REPORT), "-f", "json", "--config", str(config))
    assert {f["severity"] for f in _findings(out)} == {"error"} and code == 1
    assert f"{config} names LOCAL-FULL-GOAL: the rule is now called LOCAL-GOAL-FULLY-MET" in err


def test_baseline_and_review_file_made_under_the_old_id(folders, capsys, tmp_path):
    old, new = folders
    _, before, _ = run(capsys, "audit", str(REPORT), "-f", "json", "--no-config", "--rules", str(old),
                       "--select", "LOCAL")
    (tmp_path / "fynd.json").write_text(before, encoding="utf-8")
    baseline = tmp_path / "baslinje.json"
    run(capsys, "baseline", "create", str(tmp_path / "fynd.json"), "--output", str(baseline))
    assert "LOCAL-FULL-GOAL" in baseline.read_text(encoding="utf-8")
    first = _findings(before)[0]
    review = tmp_path / "granskning.yaml"
    review.write_text(f"schema: auditor.review/1\ndecisions:\n  {first['fingerprint']}:\n    decision: avfärdad\n"
                      f"    reason: Rättat\n    by: Anna\n    date: '2025-05-12'\n    rule: LOCAL-FULL-GOAL\n",
                      encoding="utf-8")
    code, out, err = run(capsys, "audit", str(REPORT), "-f", "json", "--no-config", "--rules", str(new),
                         "--select", "LOCAL", "--baseline", str(baseline), "--review", str(review))
    assert _findings(out) and {f["baseline"] for f in _findings(out)} == {"unchanged"}
    assert _findings(out)[0]["review"]["decision"] == "avfärdad"
    assert "--baseline nämner LOCAL-FULL-GOAL: regeln heter nu LOCAL-GOAL-FULLY-MET" in err
    assert "--review nämner LOCAL-FULL-GOAL: regeln heter nu LOCAL-GOAL-FULLY-MET" in err
    assert "åtgärdat" not in err and "inaktuellt" not in err     # nothing counted as fixed or stale


def test_explain_by_the_old_id(folders, capsys):
    _, new = folders
    code, out, err = run(capsys, "explain", "local-full-goal", "--rules", str(new), "--format", "md")
    assert code == 0 and out.startswith("### LOCAL-GOAL-FULLY-MET") and "`LOCAL-FULL-GOAL`" in out
    assert "explain nämner LOCAL-FULL-GOAL" in err


@pytest.mark.parametrize("aliases", [("GOAL-FULL-UNMET-IND",), ("local-lower",), ("LOCAL-GOAL-FULLY-MET",)])
def test_an_old_id_that_is_taken_or_malformed_is_refused(tmp_path, capsys, monkeypatch, aliases):
    monkeypatch.chdir(tmp_path)
    folder = _folder(tmp_path, "egna", "LOCAL-GOAL-FULLY-MET", aliases)
    code, _, err = run(capsys, "rules", "--rules", str(folder))
    assert code == 2 and len(err.strip().splitlines()) == 1 and aliases[0] in err
