"""KF's annual targets as evidence for placing cells: the knowledge file, the batch's vote and
``auditor kf-targets learn``. The reports are small T1 reports written here; two keep the extraction's
spacing (their KF target is sure), one is printed flat, where "25 % 12 % 12 %" may be outcome, forecast and
target or outcome, target and KF's target."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from auditor.workflow.audit import audit_paths, audit_stream
from auditor.engine.config import Config
from auditor.knowledge import kf_key, read_kf_targets

HEAD = """{name} stadsdelsnämnd
Tertialrapport 1 2024

Uppföljning av Kommunfullmäktiges inriktningsmål

KF:s inriktningsmål:
1. Ett {name} där barn och unga växer upp tryggt

KF:s mål för verksamhetsområdet:
1.1 Barnen i {name} får en god start i förskolan

 Uppfylls helt

"""
SPACED = """   Indikator Periodens utfall Utfall män/pojkar Utfall kvinnor/flickor Utfall VB 2023 Prognos helår Årsmål KF:s årsmål Period 

Andel barn som deltar i 
språkförskola 

{outcome} %     12 % 12 % Tertial 
1 2024 

Uppföljning av ekonomi
"""
FLAT = """Indikator Periodens utfall Utfall män/pojkar Utfall kvinnor/flickor Utfall VB 2023 Prognos helår Årsmål KF:s årsmål Period

Andel barn som deltar i
språkförskola

25 % 12 % 12 % Tertial
1 2024

Uppföljning av ekonomi
"""


@pytest.fixture()
def batch(tmp_path):
    for i, name in enumerate(("Tallnäs", "Ekbacken")):
        (tmp_path / f"r{i}.txt").write_text(HEAD.format(name=name) + SPACED.format(outcome=20 + i), encoding="utf-8")
    (tmp_path / "r9.txt").write_text(HEAD.format(name="Lövsjö") + FLAT, encoding="utf-8")
    return tmp_path


def rules_of(audit):
    return sorted(f.rule for f in audit.findings)


def test_alone_the_flat_report_leans_on_its_goal_being_kfs_and_less_surely(batch):
    # a row under KF's goal for the area carries KF's target: alone, the flat report reads it so, but
    # without the surety the batch's vote adds (next test)
    (audit,) = audit_paths([batch / "r9.txt"], Config()).reports
    ind = audit.report.goals[1].indicators[0]
    assert ind.kf_target.text == "12 %" and ind.forecast is None
    assert ind.cell_confidence["kf_target"] < 0.9


@pytest.mark.parametrize("jobs", [1, 2])
def test_in_a_batch_the_sure_reports_settle_kf_target_of_the_flat_one(batch, jobs):
    result = audit_paths([batch], Config(), jobs=jobs)
    flat = next(a for a in result.reports if a.source.endswith("r9.txt"))
    ind = flat.report.goals[1].indicators[0]
    assert ind.kf_target.text == "12 %" and ind.forecast is None and ind.cell_confidence["kf_target"] >= 0.9
    # with KF's target known the row has no forecast
    assert "IND-NO-FORECAST" in rules_of(flat)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_batch_streamed_is_the_batch_held_the_flat_report_read_again_too(batch, jobs):
    # the batch written report by report parks each audit and hands it on once the vote has been taken:
    # the same reports, the flat one read again knowing KF's target
    held = audit_paths([batch], Config(), jobs=jobs, keep="none").reports
    streamed = list(audit_stream([batch], Config(), jobs=jobs, keep="none"))
    assert [a.model_dump() for a in streamed] == [a.model_dump() for a in held]
    assert "IND-NO-FORECAST" in rules_of(next(a for a in streamed if a.source.endswith("r9.txt")))


def test_learn_writes_the_agreed_targets_and_the_file_serves_as_knowledge(batch, tmp_path_factory):
    rules = tmp_path_factory.mktemp("rules")
    target = rules / "kf_targets.yaml"
    cmd = [sys.executable, "-m", "auditor", "kf-targets", "learn", str(batch), "--file", str(target)]
    first = subprocess.run(cmd, capture_output=True, text=True)
    assert first.returncode == 0 and "1 nytt KF-mål från 3 rapporter" in first.stderr
    assert read_kf_targets(target) == {(2024, kf_key("Andel barn som deltar i språkförskola")): "12 %"}
    again = subprocess.run(cmd, capture_output=True, text=True)
    assert "0 nya KF-mål" in again.stderr and "(1 fanns redan)" in again.stderr
    out = subprocess.run([sys.executable, "-m", "auditor", "audit", str(batch / "r9.txt"), "--rules", str(rules),
                          "--format", "json"], capture_output=True, text=True)
    found = [f["rule"] for f in json.loads(out.stdout)["reports"][0]["findings"]]
    assert "IND-NO-FORECAST" in found


def test_a_malformed_knowledge_file_is_one_line_and_exit_2(batch, tmp_path_factory):
    rules = tmp_path_factory.mktemp("rules")
    (rules / "kf_targets.yaml").write_text("targets:\n  tjugotjugo: [1, 2]\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "auditor", "audit", str(batch / "r9.txt"), "--rules", str(rules)],
                         capture_output=True, text=True)
    assert out.returncode == 2 and len(out.stderr.strip().splitlines()) == 1 and "targets.tjugotjugo" in out.stderr


def test_names_are_keyed_without_case_spacing_or_a_closing_full_stop():
    assert kf_key("Andel barn som deltar i\nspråkförskola.") == kf_key("andel barn som deltar ispråkförskola")
