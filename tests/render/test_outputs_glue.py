from types import SimpleNamespace

from auditor.triage.baseline import create_baseline, dump_baseline
from auditor.triage.gate import fails
from auditor.render.destination import write_output
from auditor.workflow.decisions import prepare
from auditor.triage.review import set_decision

from ..factories import sample_report, sample_result


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


def test_xlsx_to_a_terminal_is_refused(tmp_path, monkeypatch, capsys):
    import sys
    from pathlib import Path

    from auditor.commands.cli import main
    report = Path(__file__).resolve().parents[2] / "fixtures" / "example_t1.txt"
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert main(["audit", str(report), "--format", "xlsx", "--no-config"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and err.startswith("auditor: --format xlsx ger en binär fil")
    target = tmp_path / "granskning.xlsx"
    assert main(["audit", str(report), "--format", "xlsx", "--no-config", "--output", str(target)]) in (0, 1)
    assert target.read_bytes().startswith(b"PK")


def test_write_output_refuses_bytes_to_a_terminal(monkeypatch):
    import sys

    import pytest

    from auditor.words.errors import InputError
    from auditor.render.destination import write_output
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    with pytest.raises(InputError):
        write_output(b"PK\x03\x04", None)
