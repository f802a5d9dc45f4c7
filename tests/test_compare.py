import json

from auditor.cli import main
from auditor.compare import compare, render_text

from .factories import audit_of, finding, sample_report


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
