import json

import pytest

from auditor.triage.baseline import apply_baseline, create_baseline, dump_baseline, load_baseline
from auditor.commands.cli import main
from auditor.words.errors import InputError
from auditor.triage.gate import fails
from auditor.triage.review import apply_reviews, load_reviews, set_decision

from ..factories import audit_of, finding, sample_report, sample_result


def write_findings(path, result):
    path.write_text(json.dumps(result.to_contract(), ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_review_file_round_trip(tmp_path):
    path = tmp_path / "auditor-review.yaml"
    set_decision(path, "abc123", "avfärdad", "Målet ändrades: \"nytt\" # inte kommentar", "Åsa Öberg", "2025-05-01",
                 {"rule": "GOAL-FULL-UNMET-IND", "source": "r/a.txt", "line": 12})
    set_decision(path, "0001", "bekräftad", "Stämmer", "Bo", "2025-05-02")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# auditor review decisions")
    assert text.index("0001") < text.index("abc123")  # sorted, so diffs stay small
    entries = load_reviews(path)
    assert entries["abc123"].reason == "Målet ändrades: \"nytt\" # inte kommentar"
    assert entries["abc123"].by == "Åsa Öberg" and entries["abc123"].source == "r/a.txt"
    # changing the decision keeps the context
    set_decision(path, "abc123", "bekräftad", "Ändå fel", "Åsa Öberg", "2025-05-03")
    assert load_reviews(path)["abc123"].decision == "bekräftad" and load_reviews(path)["abc123"].line == 12


def test_hand_edited_file_with_unquoted_date(tmp_path):
    path = tmp_path / "r.yaml"
    path.write_text("decisions:\n  ff:\n    decision: avfärdad\n    reason: x\n    by: y\n    date: 2025-01-02\n",
                    encoding="utf-8")
    assert load_reviews(path)["ff"].date == "2025-01-02"


@pytest.mark.parametrize("content", ["- a\n", "decisions:\n  ff:\n    decision: kanske\n    reason: x\n    by: y\n    date: '2025-01-02'\n",
                                     "schema: other/9\n", "decisions: [\n"])
def test_bad_review_files_are_input_errors(tmp_path, content):
    path = tmp_path / "r.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError):
        load_reviews(path)


@pytest.mark.parametrize("args", [("avfärdad", "", "Bo", "2025-01-01"), ("avfärdad", "r", "Bo", "1/1/2025"),
                                  ("ok", "r", "Bo", "2025-01-01")])
def test_bad_decisions_are_refused(tmp_path, args):
    with pytest.raises(InputError):
        set_decision(tmp_path / "r.yaml", "ff", *args)


def test_apply_reviews_and_stale_decisions(tmp_path):
    result = sample_result()
    target = result.reports[0].findings[0]
    path = tmp_path / "r.yaml"
    set_decision(path, target.fingerprint, "avfärdad", "ok", "Bo", "2025-01-01",
                 {"source": result.reports[0].source})
    set_decision(path, "gone", "bekräftad", "ok", "Bo", "2025-01-01", {"source": result.reports[0].source})
    set_decision(path, "other-report", "bekräftad", "ok", "Bo", "2025-01-01", {"source": "elsewhere/z.txt"})
    stale = apply_reviews(result, load_reviews(path))
    assert target.review is not None and target.dismissed
    assert [s.fingerprint for s in stale] == ["gone"]  # a decision about a report not audited is not stale
    assert result.stale_reviews == stale


def test_review_round_trip_on_the_command_line(tmp_path, capsys):
    """create, show, dismiss, re-run: CI passes; edit the report: the decision is reported stale."""
    report = sample_report(source=str(tmp_path / "farsta.txt"))
    goal = report.goals[1]
    only = finding("GOAL-FULL-UNMET-IND", 20, "helt men ouppfylld", goal=goal, source=report.source)
    findings = write_findings(tmp_path / "findings.json", sample_result(report).model_copy(
        update={"reports": [audit_of(report, [only])]}))
    review_file = str(tmp_path / "auditor-review.yaml")
    assert main(["review", only.fingerprint, "--dismiss", "--reason", "Nytt årsmål", "--by", "Bo",
                 "--date", "2025-06-01", "--file", review_file, "--report", findings]) == 0
    assert main(["review", "--list", "--file", review_file]) == 0
    listed = capsys.readouterr().out
    assert only.fingerprint in listed and "avfärdad" in listed and "GOAL-FULL-UNMET-IND" in listed

    from auditor.commands._inputs import load_result
    result = load_result([findings], None)
    assert fails(result, "error")
    apply_reviews(result, load_reviews(review_file))
    assert not fails(result, "error")  # dismissed: CI passes

    # the report is edited, the finding goes away: the decision is stale
    fixed = write_findings(tmp_path / "findings.json", sample_result(report).model_copy(
        update={"reports": [audit_of(report, [])]}))
    assert main(["review", "--stale", fixed, "--file", review_file]) == 1
    assert "inaktuellt: " + only.fingerprint in capsys.readouterr().out
    assert main(["review", only.fingerprint, "--remove", "--file", review_file]) == 0
    assert main(["review", "--stale", fixed, "--file", review_file]) == 0


def test_review_needs_an_existing_fingerprint_with_report(tmp_path, capsys):
    findings = write_findings(tmp_path / "f.json", sample_result())
    code = main(["review", "nope", "--confirm", "--reason", "r", "--by", "b", "--file", str(tmp_path / "r.yaml"),
                 "--report", findings])
    assert code == 2 and "nope" in capsys.readouterr().err


def test_baseline_marks_new_and_unchanged():
    old = sample_result(sample_report())
    baseline = load_baseline_text(dump_baseline(create_baseline(old)))
    new = sample_result(sample_report())
    extra = finding("IND-NO-FORECAST", 70, "ny", severity="error", source="x", fp="brand-new")
    dup = new.reports[0].findings[0].model_copy()
    new.reports[0].findings += [extra, dup]
    fixed = new.reports[0].findings.pop(2)
    diff = apply_baseline(new, baseline)
    assert {f.fingerprint for _, f in diff.new} == {"brand-new", dup.fingerprint}
    assert len(diff.unchanged) == 3
    assert [e.fingerprint for e in diff.absent] == [fixed.fingerprint]
    assert fails(new, "error")
    new.reports[0].findings.remove(extra)
    new.reports[0].findings.remove(dup)
    assert not fails(new, "error")  # only known findings left: CI passes


def load_baseline_text(text):
    import tempfile
    from pathlib import Path
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "b.json"
        p.write_text(text, encoding="utf-8")
        return load_baseline(p)


def test_baseline_create_command(tmp_path):
    findings = write_findings(tmp_path / "f.json", sample_result())
    out = tmp_path / "auditor-baseline.json"
    assert main(["baseline", "create", findings, "--output", str(out)]) == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["schema"] == "auditor.baseline/1" and len(doc["findings"]) == 8
    first = out.read_text(encoding="utf-8")
    main(["baseline", "create", findings, "--output", str(out)])
    assert out.read_text(encoding="utf-8") == first


def test_bad_baseline_is_an_input_error(tmp_path):
    p = tmp_path / "b.json"
    p.write_text("{\"schema\": \"x\"}", encoding="utf-8")
    with pytest.raises(InputError):
        load_baseline(p)


def test_review_refuses_a_malformed_fingerprint(tmp_path, capsys):
    review_file = tmp_path / "r.yaml"
    for bad in ("deadbeef", "x" * 16, "0123456789abcdef0", ""):
        code = main(["review", bad, "--dismiss", "--reason", "r", "--by", "b", "--file", str(review_file)])
        err = capsys.readouterr().err
        assert code == 2 and err.count("\n") == 1, (bad, err)
    assert main(["review", "deadbeef", "--confirm", "--reason", "r", "--by", "b", "--file", str(review_file)]) == 2
    assert capsys.readouterr().err.startswith("auditor: 'deadbeef' är inget fingeravtryck (16 tecken")
    assert not review_file.exists()
    assert main(["review", "0123456789ABCDEF", "--confirm", "--reason", "r", "--by", "b",
                 "--file", str(review_file)]) == 0
    assert "0123456789abcdef" in load_reviews(review_file)
    assert main(["review", "deadbeef", "--remove", "--file", str(review_file)]) == 2
    # one stored before fingerprints were checked can still be removed
    set_decision(review_file, "deadbeef", "bekräftad", "r", "b", "2025-01-01")
    assert main(["review", "deadbeef", "--remove", "--file", str(review_file)]) == 0


def test_stale_decision_without_rule_or_file_has_no_empty_parentheses(tmp_path, capsys):
    findings = write_findings(tmp_path / "f.json", sample_result())
    review_file = tmp_path / "r.yaml"
    set_decision(review_file, "0123456789abcdef", "bekräftad", "ok", "Bo", "2025-01-01")
    assert main(["review", "--stale", findings, "--file", str(review_file)]) == 1
    out = capsys.readouterr().out
    assert out.startswith("inaktuellt: 0123456789abcdef bekräftad av Bo") and "()" not in out
    from auditor.workflow.decisions import prepare
    notes = prepare(sample_result(), {"review": str(review_file), "lang": "en"}, [])
    assert notes == ["stale review decision 0123456789abcdef: the finding no longer exists"]
