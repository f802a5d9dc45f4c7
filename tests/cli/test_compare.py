import json

from auditor.commands.cli import main
from auditor.workflow.compare import compare, render_text

from ..factories import audit_of, finding, sample_report


def test_compare_goals_indicators_and_findings():
    t1 = sample_report(source="farsta_t1.txt", kind="T1", stockholmsjobb_outcome=30)
    t2 = sample_report(source="farsta_t2.txt", kind="T2", assessment_11="delvis", stockholmsjobb_outcome=20)
    # T2 lines shift: unrelated text was added above
    for g in t2.goals:
        g.line += 7
    goal_t1, goal_t2 = t1.goals[1], t2.goals[1]
    same = finding("GOAL-NO-ANALYSIS", 80, "saknar analys", severity="warning", goal=t1.goals[3], fp="same")
    gone = finding("GOAL-FULL-UNMET-IND", 20, "helt men ouppfylld", goal=goal_t1, fp="gone")
    new = finding("IND-NO-FORECAST", 40, "prognos saknas", severity="warning", goal=goal_t2, fp="new")
    moved_fp = finding("ACT-DEV-NO-ANALYSIS", 50, "avvikelse", goal=goal_t1, fp="p1",
                       evidence={"activity": "Utveckla samhällsvägledningen"})
    moved_fp2 = finding("ACT-DEV-NO-ANALYSIS", 57, "avvikelse", goal=goal_t2, fp="p2",
                        evidence={"activity": "Utveckla samhällsvägledningen"})
    c = compare(audit_of(t1, [same, gone, moved_fp]), audit_of(t2, [same, new, moved_fp2]))
    assert [(g.number, g.old, g.new) for g in c.goals_changed] == [("1.1", "helt", "delvis")]
    assert [m.indicator for m in c.indicators_away] == ["Antal aspiranter som fått Stockholmsjobb"]
    assert c.indicators_away[0].old_figure == 30 and c.indicators_away[0].new_figure == 20
    assert [f.fingerprint for f in c.findings_new] == ["new"]
    assert [f.fingerprint for f in c.findings_fixed] == ["gone"]
    text = render_text(c)
    assert "Mål vars bedömning ändrats (1)" in text and "helt → delvis" in text
    assert "Antal aspiranter som fått Stockholmsjobb: 30 → 20, årsmål 33" in text
    assert render_text(c, "en", markdown=True).startswith("# Comparison")


def test_compare_command_on_findings_json(tmp_path, capsys):
    from auditor.findings import AuditResult
    a = audit_of(sample_report(source="a.txt"))
    b = audit_of(sample_report(source="b.txt"), [])
    for name, audit in (("old.json", a), ("new.json", b)):
        (tmp_path / name).write_text(json.dumps(AuditResult(reports=[audit]).to_contract()), encoding="utf-8")
    assert main(["compare", str(tmp_path / "old.json"), str(tmp_path / "new.json"), "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert len(doc["findings_fixed"]) == 4 and doc["findings_new"] == []


def _write_json(path, audit):
    from auditor.findings import AuditResult
    path.write_text(json.dumps(AuditResult(reports=[audit]).to_contract()), encoding="utf-8")
    return str(path)


def test_a_reused_goal_number_is_not_the_same_goal():
    t1 = sample_report(kind="T1")
    t2 = sample_report(kind="T2", assessment_11="delvis")
    t2.goals[1].title = "Stockholm har en hållbar stadsutveckling"   # 1.1 now names another goal
    c = compare(audit_of(t1, []), audit_of(t2, []))
    assert c.goals_changed == []
    assert "1.1 Stockholm har en hållbar stadsutveckling" in c.goals_added
    assert "1.1 I Stockholm är människor självförsörjande" in c.goals_removed


def test_a_slightly_edited_title_keeps_the_match_and_shows_both_titles():
    t1 = sample_report(kind="T1")
    t2 = sample_report(kind="T2", assessment_11="delvis")
    t2.goals[1].title = "I Stockholm är fler människor självförsörjande"
    c = compare(audit_of(t1, []), audit_of(t2, []))
    assert [(g.number, g.old, g.new) for g in c.goals_changed] == [("1.1", "helt", "delvis")]
    assert not c.goals_added and not c.goals_removed
    text = render_text(c)
    assert ("1.1 I Stockholm är människor självförsörjande → 1.1 I Stockholm är fler människor "
            "självförsörjande: helt → delvis") in text


def test_identical_reports_say_no_differences():
    a = audit_of(sample_report())
    text = render_text(compare(a, a))
    assert text.splitlines()[2:] == ["Inga skillnader."] and "(0)" not in text
    assert render_text(compare(a, a), "en").splitlines()[2:] == ["No differences."]


def test_findings_files_say_goals_are_not_compared(tmp_path, capsys):
    old = _write_json(tmp_path / "old.json", audit_of(sample_report(source="a.txt")))
    new = _write_json(tmp_path / "new.json", audit_of(sample_report(source="b.txt"), []))
    assert main(["compare", old, new]) == 0
    out = capsys.readouterr().out
    assert "Mål och indikatorer jämförs inte" in out and "Mål vars bedömning ändrats" not in out
    assert "Indikatorer som rört sig" not in out and "Åtgärdade fynd (4)" in out
    assert main(["compare", old, old]) == 0
    out = capsys.readouterr().out
    assert "Mål och indikatorer jämförs inte" in out and "Inga skillnader i fynden." in out and "(0)" not in out
    assert main(["compare", old, new, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["goals_compared"] is False


def test_reports_of_different_committees_are_refused(tmp_path, capsys):
    old = _write_json(tmp_path / "old.json", audit_of(sample_report(source="a.txt")))
    new = _write_json(tmp_path / "new.json", audit_of(sample_report(source="b.txt", committee="Farsta stadsdelsnämnd")))
    assert main(["compare", old, new]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and "olika nämnder" in err and "Farsta stadsdelsnämnd" in err
    assert main(["--lang", "en", "compare", old, new, "--force"]) == 0
    out, err = capsys.readouterr()
    assert err.count("\n") == 1 and err.startswith("auditor: warning: OLD and NEW are reports of different")
    assert out.startswith("Comparison")


def test_a_later_report_given_first_is_warned_about(tmp_path, capsys):
    t2 = _write_json(tmp_path / "t2.json", audit_of(sample_report(source="t2.txt", kind="T2")))
    t1 = _write_json(tmp_path / "t1.json", audit_of(sample_report(source="t1.txt", kind="T1")))
    assert main(["compare", t2, t1]) == 0
    err = capsys.readouterr().err
    assert err == ("auditor: varning: NEW (tertialrapport 1 2020) är äldre än OLD (tertialrapport 2 2020); "
                   "ange den tidigare rapporten först\n")
    assert main(["compare", t1, t2]) == 0
    assert capsys.readouterr().err == ""


def test_an_unreadable_input_is_named_once(tmp_path, capsys):
    from pathlib import Path
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    example = Path(__file__).resolve().parents[2] / "fixtures" / "example_t1.txt"
    assert main(["compare", str(empty), str(example)]) == 2
    assert capsys.readouterr().err == f"auditor: {empty}: filen är tom\n"
