"""JSON is written report by report as the batch's audits arrive (``auditor.render.STREAMED``): the same
bytes as the whole batch rendered at once, nothing at the output's path until the batch is written, and
no more than one report's audit held at a time (issue 20: memory stays flat over a batch of 500)."""
from __future__ import annotations

import gc
import json
import os
import shutil

import pytest

from auditor.commands.audit import BatchSummary
from auditor.commands.cli import main
from auditor.engine.config import Config
from auditor.findings import AuditResult, ReportAudit, StaleReview
from auditor.render import STREAMED, get_renderer
from auditor.render.json_out import JsonParts, contract, render
from auditor.workflow import audit as audit_module
from auditor.workflow.audit import audit_paths, audit_stream
from auditor.workflow.decisions import load_decisions, prepare

from ..conftest import ROOT

FIXTURES = sorted((ROOT / "fixtures").glob("*.txt"))


@pytest.fixture()
def batch(tmp_path):
    """Three fixtures, one of them twice under another name, and a review file with a decision for a finding
    of the batch and one whose finding is gone (stale)."""
    folder = tmp_path / "reports"
    folder.mkdir()
    for i, p in enumerate(FIXTURES[:3] + FIXTURES[:1]):
        shutil.copy(p, folder / f"{i}_{p.name}")
    return folder


def _with_decisions(folder, lang="sv"):
    """A review file beside the reports: one decision for the batch's first finding, one stale."""
    first = audit_paths([folder], Config()).reports[0].findings[0]
    (folder / "auditor-review.yaml").write_text(
        "schema: auditor.review/1\ndecisions:\n"
        f"  {first.fingerprint}:\n    decision: avfärdad\n    reason: Känt.\n    by: Test\n    date: '2025-01-02'\n"
        "  0123456789abcdef:\n    decision: bekräftad\n    reason: Borta.\n    by: Test\n    date: '2025-01-02'\n",
        encoding="utf-8")


def _whole(folder, args, lang="sv", fmt="json") -> tuple[str, list[str]]:
    """The output of the batch rendered at once from ``audit_paths`` (JSON unless ``fmt``), with the notes of
    its decisions and the exit code."""
    result = audit_paths([folder], Config(lang=lang))
    notes = prepare(result, args, [str(folder)], load_decisions(args, [str(folder)]))
    summary = BatchSummary("error")
    for audit in result.reports:
        summary.add(audit)
    options = {"lang": lang, "fail_on": "error", "fail_on_uncertain": False}
    return get_renderer(fmt)(result, options), notes, summary.exit_code()


class Args:
    no_review = False
    review = None
    baseline = None
    lang = "sv"


def _baseline(folder, path) -> str:
    """A baseline of the batch with one entry's finding fixed since (its fingerprint matches nothing)."""
    assert main(["baseline", "create", str(folder), "--output", str(path)]) == 0
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["findings"][0]["fingerprint"] = "ffffffffffffffff"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("fmt", sorted(STREAMED))
def test_the_streamed_file_is_the_whole_batch_rendered_at_once(batch, tmp_path, capsys, jobs, fmt):
    _with_decisions(batch)
    args = Args()
    args.baseline = _baseline(batch, tmp_path / "baseline.json")
    capsys.readouterr()
    out = tmp_path / "out.json"
    code = main(["audit", str(batch), "--format", fmt, "--jobs", jobs, "-o", str(out), "--baseline", args.baseline,
                 "--no-config"])
    err = capsys.readouterr().err
    expected, notes, expected_code = _whole(batch, args, fmt=fmt)
    assert out.read_text(encoding="utf-8") == expected
    assert err.splitlines()[:len(notes)] == [f"auditor: {n}" for n in notes] and len(notes) == 2
    assert code == expected_code
    if fmt == "github":
        assert expected.startswith("::") and "::notice " in expected      # the baseline's findings as notices
        return
    doc = json.loads(expected)
    assert [s["fingerprint"] for s in doc["stale_reviews"]] == ["0123456789abcdef"]
    assert any(f.get("review") for r in doc["reports"] for f in r["findings"])
    assert {f.get("baseline") for r in doc["reports"] for f in r["findings"]} == {"new", "unchanged"}


@pytest.mark.parametrize("fmt", sorted(STREAMED))
def test_to_standard_output_it_is_streamed_too_the_same_bytes(batch, capsys, fmt):
    main(["audit", str(batch), "--format", fmt, "--jobs", "1", "--no-config"])
    assert capsys.readouterr().out == _whole(batch, Args(), fmt=fmt)[0]


@pytest.mark.parametrize("stale", [False, True])
@pytest.mark.parametrize("count", [0, 1, 3])
def test_the_parts_make_json_dumps_of_the_contract(count, stale):
    reports = [ReportAudit(source=f"r{i}.txt", committee="Lövsjö stadsdelsnämnd", year=2025) for i in range(count)]
    stale_reviews = [StaleReview(fingerprint="0123456789abcdef", review={"decision": "avfärdad", "reason": "x",
                                                                          "by": "y", "date": "2025-01-01"})] if stale else []
    result = AuditResult(reports=reports, stale_reviews=stale_reviews)
    pieces: list[str] = []
    parts = JsonParts(pieces.append)
    for audit in reports:
        parts.add(audit)
    parts.close(stale_reviews)
    assert "".join(pieces) == json.dumps(contract(result), ensure_ascii=False, indent=1) + "\n" == render(result)


@pytest.mark.parametrize("to", ["file", "stdout", "hard-linked file"])
def test_an_interrupted_batch_leaves_the_old_file_and_no_partial_one(batch, tmp_path, monkeypatch, capsys, to):
    out = tmp_path / "out.json"
    out.write_text("förra körningen\n", encoding="utf-8")
    if to == "hard-linked file":        # written in place, not renamed: held until the batch is written
        os.link(out, tmp_path / "other-name.json")
    real, seen = audit_module.audit_file, []

    def interrupted(path, *args, **kwargs):
        seen.append(path)
        if len(seen) == 3:              # two reports are already written into the temporary file
            raise KeyboardInterrupt
        return real(path, *args, **kwargs)
    monkeypatch.setattr(audit_module, "audit_file", interrupted)
    code = main(["audit", str(batch), "--format", "json", "--jobs", "1", "-o", "-" if to == "stdout" else str(out)])
    stdout, err = capsys.readouterr()
    assert code == 130 and len(seen) == 3 and "Ctrl-C" in err
    assert stdout == ""                 # standard output too gets the whole output or nothing
    assert out.read_text(encoding="utf-8") == "förra körningen\n"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "other-name.json") == ["out.json", "reports"]


def test_a_hard_linked_file_gets_the_whole_output_under_both_names(batch, tmp_path):
    out = tmp_path / "out.json"
    out.write_text("förra körningen\n", encoding="utf-8")
    os.link(out, tmp_path / "other-name.json")
    main(["audit", str(batch), "--format", "json", "--jobs", "1", "-o", str(out)])
    assert out.read_text(encoding="utf-8") == (tmp_path / "other-name.json").read_text(encoding="utf-8") \
        == _whole(batch, Args())[0]


def test_nothing_to_audit_writes_nothing(tmp_path, capsys):
    empty = tmp_path / "empty"
    empty.mkdir()
    code = main(["audit", str(empty), "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 2 and out == "" and err.startswith("auditor: ")


def _live_audits() -> int:
    gc.collect()
    return sum(1 for o in gc.get_objects() if isinstance(o, ReportAudit))


def test_the_stream_holds_one_report_at_a_time_where_the_held_batch_holds_them_all(batch):
    # the measure of memory without a clock: how many audits are alive while the batch is handed on
    files = sorted(batch.glob("*.txt"))
    before = _live_audits()             # any the process already holds (none of this batch)
    alive = []
    for audit in audit_stream(files, Config(), keep="none"):
        alive.append(_live_audits())
        del audit
    assert len(alive) == len(files) == 4 and max(alive) == before + 1
    held = audit_paths(files, Config(), keep="none")
    assert _live_audits() == before + len(files) == before + len(held.reports)
