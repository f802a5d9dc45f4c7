from types import SimpleNamespace

from auditor.baseline import create_baseline, dump_baseline
from auditor.gate import fails
from auditor.outputs import prepare, write_output
from auditor.review import set_decision

from .factories import sample_report, sample_result


def test_prepare_applies_review_beside_reports_and_baseline(tmp_path):
    report = sample_report(source=str(tmp_path / "farsta.txt"))
    result = sample_result(report)
    errors = [f for f in result.reports[0].findings if f.severity == "error"]
    set_decision(tmp_path / "auditor-review.yaml", errors[0].fingerprint, "avfärdad", "ok", "Bo", "2025-01-01")
    set_decision(tmp_path / "auditor-review.yaml", "vanished", "bekräftad", "ok", "Bo", "2025-01-01")
    (tmp_path / "b.json").write_text(dump_baseline(create_baseline(sample_result(report))), encoding="utf-8")
    args = SimpleNamespace(lang="sv", review=None, no_review=False, baseline=str(tmp_path / "b.json"))
    notes = prepare(result, args, [str(tmp_path)])
    assert errors[0].dismissed
    assert any("vanished" in n for n in notes)
    assert all(f.baseline == "unchanged" for f in result.reports[0].findings)
    assert not fails(result, "info")


def test_write_output(tmp_path, capsys):
    write_output("text", None)
    assert capsys.readouterr().out == "text"
    write_output(b"\x00bytes", str(tmp_path / "x.bin"))
    assert (tmp_path / "x.bin").read_bytes() == b"\x00bytes"
    write_output(None, None)
