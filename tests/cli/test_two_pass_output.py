"""Markdown, SARIF, JUnit and the terminal format (to a file or a pipe) from a batch read twice
(``auditor.render.TWO_PASS``): the command scans each report as its turn comes, parks it on disk and writes the
output reading the reports back one at a time, so the main process holds one report, not the batch; the bytes
are those of the whole batch rendered at once."""
from __future__ import annotations

import gc
import json
import shutil
from xml.etree import ElementTree as ET

import pytest

from auditor.commands.audit import BatchSummary, _write_two_pass
from auditor.commands.cli import main
from auditor.engine.config import Config
from auditor.findings import ReportAudit
from auditor.render import TWO_PASS, get_renderer
from auditor.render.junit import build_junit
from auditor.render.sarif import build_sarif
from auditor.workflow.audit import audit_paths, audit_stream
from auditor.workflow.decisions import Decisions, Triage, load_decisions, prepare

from ..conftest import ROOT

FIXTURES = sorted((ROOT / "fixtures").glob("*.txt"))


@pytest.fixture()
def batch(tmp_path):
    """Four fixtures (one twice under another name), an empty file, and a review file with a dismissal and a
    decision whose finding is gone (stale)."""
    folder = tmp_path / "reports"
    folder.mkdir()
    for i, p in enumerate(FIXTURES[:3] + FIXTURES[:1]):
        shutil.copy(p, folder / f"{i}_{p.name}")
    (folder / "9_empty.txt").write_bytes(b"")
    findings = [f for r in audit_paths([folder], Config()).reports for f in r.findings]
    (folder / "auditor-review.yaml").write_text(
        "schema: auditor.review/1\ndecisions:\n"
        f"  {findings[0].fingerprint}:\n    decision: avfärdad\n    reason: Känt.\n    by: Test\n    date: '2025-01-02'\n"
        "  0123456789abcdef:\n    decision: bekräftad\n    reason: Borta.\n    by: Test\n    date: '2025-01-02'\n",
        encoding="utf-8")
    return folder


class Args:
    no_review = False
    review = None
    baseline = None
    lang = "sv"


def _held(folder, args, lang="sv"):
    result = audit_paths([folder], Config(lang=lang))
    notes = prepare(result, args, [str(folder)], load_decisions(args, [str(folder)]))
    return result, notes


def _baseline(folder, path) -> str:
    assert main(["baseline", "create", str(folder), "--output", str(path)]) in (0, 2)
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["findings"][0]["fingerprint"] = "ffffffffffffffff"          # one finding fixed since
    path.write_text(json.dumps(doc), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("fmt", sorted(TWO_PASS))
def test_the_file_is_the_whole_batch_rendered_at_once(batch, tmp_path, capsys, jobs, fmt):
    args = Args()
    args.baseline = _baseline(batch, tmp_path / "baseline.json")
    capsys.readouterr()
    out = tmp_path / "out"
    code = main(["audit", str(batch), "--format", fmt, "--jobs", jobs, "-o", str(out), "--baseline", args.baseline,
                 "--no-config"])
    err = capsys.readouterr().err
    result, notes = _held(batch, args)
    summary = BatchSummary("error")
    for audit in result.reports:
        summary.add(audit)
    options = {"lang": "sv", "fail_on": "error", "fail_on_uncertain": False, "output": str(out),
               "rule_ids": sorted(Config().enabled(Config().catalogue())),
               "rule_titles": {spec.id: spec.summary("sv") for spec in Config().catalogue()}}
    assert out.read_text(encoding="utf-8") == get_renderer(fmt)(result, options)
    assert err.splitlines()[:len(notes)] == [f"auditor: {n}" for n in notes] and len(notes) == 2
    assert code == summary.exit_code() == 2                          # the empty file


def _whole_sarif(result, options) -> str:
    return json.dumps(build_sarif(result, options), ensure_ascii=False, indent=2) + "\n"


def _whole_junit(result, options) -> str:
    root = build_junit(result, options)
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


@pytest.mark.parametrize("fmt, whole", [("sarif", _whole_sarif), ("junit", _whole_junit)])
@pytest.mark.parametrize("count", [1, 2, 5])
@pytest.mark.parametrize("rule_ids", [None, ["GOAL-NO-IND"]])
def test_written_in_parts_it_is_the_document_dumped_whole(batch, fmt, whole, count, rule_ids):
    # SARIF's results inside the run, JUnit's suites inside the root: the same bytes as the whole tree dumped
    result, _ = _held(batch, Args())
    result.reports = result.reports[-count:]            # the empty file's report last: one alone, then with others
    options = {"lang": "en", "rule_ids": rule_ids, "rule_titles": {"GOAL-NO-IND": "A <title> & \"quotes\""}}
    assert get_renderer(fmt)(result, options) == whole(result, options)
    if count == 1:
        result.reports = [ReportAudit(source="ok.txt")]                     # no findings at all: no results
        result.stale_reviews = []
        assert get_renderer(fmt)(result, options) == whole(result, options)


def test_markdown_columns_hold_for_every_report_of_the_batch(batch):
    # a dismissal in the first report gives every report's table the "dismissed" column, the later ones too
    result, _ = _held(batch, Args(), lang="en")
    text = get_renderer("md")(result, {"lang": "en"})
    tables = [line for line in text.splitlines() if line.startswith("| Rule |")]
    assert len(tables) >= 3 and all(line.endswith("| Dismissed |") for line in tables)
    assert text.startswith("# ") and text.endswith("\n") and not text.endswith("\n\n")



def test_terminal_columns_hold_for_every_report_and_the_overview_comes_last(batch):
    # the dismissal in the first report gives every summary table the "Dismissed" column; the overview, from
    # the counts noted as the batch was scanned, closes the output with a row per report and the batch's totals
    result, _ = _held(batch, Args(), lang="en")
    text = get_renderer("terminal")(result, {"lang": "en"})
    lines = text.splitlines()
    heads = [line for line in lines if line.startswith("┃ Rule ")]
    assert len(heads) >= 3 and all(line.endswith("┃ Dismissed ┃") for line in heads)
    overview = next(i for i, line in enumerate(lines) if line.startswith(f"Overview: {len(result.reports)} reports"))
    assert "Rule " not in "".join(lines[overview:]) and lines[-1].startswith("└")
    errors = sum(1 for a in result.reports for f in a.findings if f.severity == "error" and not f.dismissed)
    total = next(line for line in lines[overview:] if line.startswith("│ Total "))
    assert total.split("│")[2].strip() == str(errors or "")

def _live_audits() -> int:
    gc.collect()
    return sum(1 for o in gc.get_objects() if isinstance(o, ReportAudit))


class _Counting:
    """A two-pass writer that records how many audits are alive as it scans and as it reads them back."""

    def __init__(self) -> None:
        self.alive: list[int] = []

    def scan(self, audit) -> None:
        self.alive.append(_live_audits())

    def write(self, write, audits, stale_reviews=()) -> None:
        for audit in audits:
            self.alive.append(_live_audits())
            del audit


def test_the_batch_read_twice_holds_one_report_at_a_time(batch):
    files = sorted(batch.glob("*.txt"))
    before = _live_audits()
    parts = _Counting()
    _write_two_pass(parts, audit_stream(files, Config(), keep="none"), Triage(Decisions()), BatchSummary("error"),
                    lambda text: None)
    assert len(parts.alive) == 2 * len(files) == 10 and max(parts.alive) == before + 1
