"""Batches and partial reports.

- One bad file in a batch is reported on one line of standard error naming the file (Swedish by default,
  English with --lang en), the other files are still audited, and the exit code is 2.
- A folder with no reports is one line and exit 2.
- A partial report (cut off inside a table) is audited as far as it was parsed, and every output says the
  audit is incomplete, with the reason and its line.
- The batch keeps only as much of each parsed report as the chosen format reads.

The reader-level messages themselves (empty, binary, scanned PDF, not a report, ...) are tested where the
reader is; here a bad file only has to be one that the reader refuses.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from auditor.workflow.audit import audit_file, audit_paths
from auditor.commands.cli import main
from auditor.engine.config import Config
from auditor.findings import AuditResult
from auditor.render import get_renderer, model_needs

from synthetic import synthetic_report, truncated_report


def _good(folder: Path, n: int = 2) -> list[Path]:
    paths = []
    for seed in range(n):
        p = folder / f"good{seed}.txt"
        p.write_text(synthetic_report(seed), encoding="utf-8")
        paths.append(p)
    return paths


BAD_FILES = {
    "missing": None,                                        # not written at all
    "undecodable": b"\x81\x8d\x8f\x90\x9d" * 20,            # neither UTF-8 nor cp1252
    "damaged-pdf": b"%PDF-1.7\n" + bytes(range(256)) * 4,
    "binary": bytes(range(256)) * 8,
    "empty": b"",
    "not-a-report": "Inköpslista\nmjölk\nbröd\n".encode(),
}


def _bad(folder: Path, kind: str) -> Path:
    path = folder / f"bad-{kind}.txt"
    if BAD_FILES[kind] is not None:
        path.write_bytes(BAD_FILES[kind])
    assert audit_file(path).error is not None, f"a {kind} file must be refused"
    return path


def _run(argv, capsys):
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("kind", sorted(BAD_FILES))
def test_one_bad_file_is_reported_and_the_others_are_audited(tmp_path, capsys, kind, jobs):
    good = _good(tmp_path)
    bad = _bad(tmp_path, kind)
    code, out, err = _run(["audit", str(good[0]), str(bad), str(good[1]), "--format", "json", "--no-config",
                           "--jobs", str(jobs)], capsys)
    assert code == 2
    ours = [line for line in err.splitlines() if line.startswith("auditor:")]
    assert len(ours) == 1 and str(bad) in ours[0], err
    assert "Traceback" not in err
    doc = json.loads(out)
    assert [r["source"] for r in doc["reports"]] == [str(good[0]), str(bad), str(good[1])]
    audited = [r for r in doc["reports"] if "error" not in r]
    assert len(audited) == 2 and all(r["findings"] for r in audited)
    assert doc["reports"][1]["error"] == ours[0].removeprefix("auditor: ")


def test_bad_file_message_is_swedish_by_default_and_english_with_lang_en(tmp_path, capsys):
    good = _good(tmp_path, 1)
    missing = tmp_path / "saknas.txt"
    code, _, err = _run(["audit", str(missing), str(good[0]), "--format", "md", "--no-config"], capsys)
    assert code == 2 and err.strip() == f"auditor: {missing}: filen finns inte"
    code, out, err = _run(["--lang", "en", "audit", str(missing), str(good[0]), "--format", "md",
                           "--no-config"], capsys)
    assert code == 2 and err.strip() == f"auditor: {missing}: file not found"
    assert "## " in out and "IND-" in out           # the good report is still in the document


def test_bad_file_in_a_folder_does_not_stop_the_folder(tmp_path, capsys):
    _good(tmp_path, 2)
    (tmp_path / "sub").mkdir()
    bad = tmp_path / "sub" / "broken.txt"
    bad.write_bytes(BAD_FILES["undecodable"])
    code, out, err = _run(["audit", str(tmp_path), "--format", "json", "--no-config", "--jobs", "2"], capsys)
    assert code == 2 and len(err.strip().splitlines()) == 1 and str(bad) in err
    doc = json.loads(out)
    assert sum(1 for r in doc["reports"] if "error" not in r) == 2


@pytest.mark.parametrize("lang,expected", [("sv", "mappen innehåller inga rapporter (.txt eller .pdf)"),
                                           ("en", "the folder contains no reports (.txt or .pdf)")])
def test_folder_with_no_reports_is_one_line_and_exit_2(tmp_path, capsys, lang, expected):
    (tmp_path / "budget.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    code, out, err = _run(["--lang", lang, "audit", str(tmp_path), "--no-config"], capsys)
    assert code == 2
    assert out == ""
    assert err == f"auditor: {tmp_path}: {expected}\n"


def test_empty_folder_beside_reports_is_reported_and_the_reports_audited(tmp_path, capsys):
    good = _good(tmp_path, 1)
    empty = tmp_path / "empty"
    empty.mkdir()
    code, out, err = _run(["audit", str(empty), str(good[0]), "--format", "json", "--no-config"], capsys)
    assert code == 2 and err.count("\n") == 1 and str(empty) in err
    doc = json.loads(out)
    assert "error" in doc["reports"][0] and doc["reports"][1]["findings"]


def test_an_unexpected_error_in_one_file_is_reported_and_the_batch_goes_on(tmp_path, monkeypatch):
    import auditor.parser as parser
    good = _good(tmp_path, 2)
    real = parser.parse_file

    def flaky(path, **kwargs):
        if Path(path).name == "good0.txt":
            raise RuntimeError("boom")
        return real(path, **kwargs)

    monkeypatch.setattr("auditor.workflow.audit.parse_file", flaky)
    result = audit_paths([str(p) for p in good])
    first, second = result.reports
    assert first.error == f"{good[0]}: internt fel vid granskningen (RuntimeError: boom); rapportera gärna felet"
    assert second.error is None and second.findings
    with pytest.raises(RuntimeError):
        audit_file(good[0], strict=True)


# ------------------------------------------------------------------------------------ partial reports
@pytest.fixture()
def partial(tmp_path) -> Path:
    path = tmp_path / "avklippt.txt"
    path.write_text(truncated_report(0), encoding="utf-8")
    return path


def test_a_partial_report_is_still_audited(partial):
    audit = audit_file(partial)
    assert audit.error is None and not audit.complete
    assert any(d.code == "truncated" for d in audit.diagnostics)
    assert audit.findings, "the goals before the cut are audited"


INCOMPLETE = {"sv": ("Granskningen är ofullständig", "texten slutar mitt i ett måls tabell"),
              "en": ("The audit is incomplete", "the text ends inside a goal's table")}


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("fmt", ["terminal", "md", "html"])
def test_every_human_output_says_the_audit_is_incomplete(partial, capsys, fmt, lang):
    code, out, err = _run(["--lang", lang, "audit", str(partial), "--format", fmt, "--no-config"], capsys)
    assert code == 2 and err.count("\n") == 1 and err.startswith(f"auditor: {partial}: ")
    if fmt == "html":
        said = ("Rapporten tolkades inte fullständigt" if lang == "sv" else "The report was not parsed completely")
        reason = INCOMPLETE[lang][1].replace("'", "&#39;")
        assert said in out and reason in out
    else:
        headline, reason = INCOMPLETE[lang]
        assert headline in out and reason in out
        last_line = len(partial.read_text(encoding="utf-8").splitlines())
        assert f"{'rad' if lang == 'sv' else 'line'} {last_line}:" in out


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_json_says_the_audit_is_incomplete(partial, capsys, lang):
    code, out, _ = _run(["--lang", lang, "audit", str(partial), "--format", "json", "--no-config"], capsys)
    doc = json.loads(out)["reports"][0]
    assert doc["complete"] is False
    truncated = [d for d in doc["diagnostics"] if d["code"] == "truncated"]
    assert truncated and truncated[0]["message"].startswith(INCOMPLETE[lang][1])
    assert doc["findings"]


@pytest.mark.parametrize("lang,expected", [
    ("sv", "granskningen är ofullständig (rad {n}: texten slutar mitt i ett måls tabell: rapporten ser avklippt ut)"),
    ("en", "the audit is incomplete (line {n}: the text ends inside a goal's table: the report looks cut off)")])
def test_a_partial_report_is_one_line_on_stderr_and_exit_2_beside_good_reports(tmp_path, partial, capsys, lang,
                                                                              expected):
    good = _good(tmp_path, 1)
    code, out, err = _run(["--lang", lang, "audit", str(good[0]), str(partial), "--format", "json", "--no-config"],
                          capsys)
    n = len(partial.read_text(encoding="utf-8").splitlines())
    assert code == 2
    assert err == f"auditor: {partial}: {expected.format(n=n)}\n"
    reports = json.loads(out)["reports"]
    assert reports[0]["findings"] and reports[1]["findings"] and reports[1]["complete"] is False


def test_complete_reports_keep_the_plain_json_contract(tmp_path, capsys):
    good = _good(tmp_path, 1)
    _, out, _ = _run(["audit", str(good[0]), "--format", "json", "--no-config"], capsys)
    assert set(json.loads(out)["reports"][0]) == {"source", "committee", "unit", "report_kind", "year", "findings"}


# ------------------------------------------------------------------------------------ memory
def test_batch_keeps_only_what_the_format_reads(tmp_path):
    good = [str(p) for p in _good(tmp_path, 2)]
    assert all(a.report is None for a in audit_paths(good, keep="none").reports)
    assert all(a.report is None for a in audit_paths(good, jobs=2, keep="none").reports)
    full = audit_paths(good, keep="full")
    outline = audit_paths(good, jobs=2, keep="outline")
    for f, o in zip(full.reports, outline.reports):
        assert [(g.id, g.number, g.title, g.line, g.assessment) for g in f.report.goals] == \
               [(g.id, g.number, g.title, g.line, g.assessment) for g in o.report.goals]
        assert not any(g.indicators or g.activities for g in o.report.goals)
    for fmt in ("md", "terminal"):
        assert model_needs(fmt) == "outline"
        render = get_renderer(fmt)
        assert render(full, {"lang": "sv"}) == render(outline, {"lang": "sv"})
    assert model_needs("json") == "none" and model_needs("html") == "full"


def test_every_format_declares_what_it_reads():
    from auditor.render import MODEL_NEEDS, RENDERERS
    assert set(MODEL_NEEDS) <= set(RENDERERS)
    assert {model_needs(f) for f in RENDERERS} <= {"full", "outline", "none"}


def test_nothing_to_audit_at_all_is_one_line(tmp_path, capsys):
    empty = tmp_path / "tom"
    empty.mkdir()
    missing = tmp_path / "saknas.txt"
    code, out, err = _run(["audit", str(empty), str(missing), "--no-config"], capsys)
    assert code == 2 and out == "" and err.count("\n") == 1
    assert str(empty) in err and str(missing) in err


def test_json_built_per_report_is_the_plain_dump_of_the_contract(tmp_path):
    from auditor.render.json_out import contract
    paths = [str(p) for p in _good(tmp_path, 3)]
    partial = tmp_path / "partial.txt"
    partial.write_text(truncated_report(2), encoding="utf-8")
    missing = str(tmp_path / "missing.txt")
    for result in (audit_paths(paths + [str(partial), missing]), AuditResult(), audit_paths(paths[:1])):
        expected = json.dumps(contract(result), ensure_ascii=False, indent=1) + "\n"
        assert get_renderer("json")(result, {"lang": "sv"}) == expected
