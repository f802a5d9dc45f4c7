"""Deciding in the workspace: decisions go to the review file `auditor audit --review` reads, at once and
merged by fingerprint; a decision someone else made meanwhile is a conflict in words, never overwritten."""
from __future__ import annotations

import json
import threading

import pytest

from auditor.commands.cli import main
from auditor.triage.review import load_reviews

from .support import batch, client, workspace


@pytest.fixture(scope="module")
def audited(tmp_path_factory):
    folder = batch(tmp_path_factory.mktemp("batch") / "rapporter")
    return workspace([folder], folder / "auditor-review.yaml")


@pytest.fixture()
def ws(audited, tmp_path):
    """The batch audited once for the module, deciding into a review file of each test's own (the decisions
    are read from the file on every request, so the shared findings carry none over)."""
    from dataclasses import replace
    return replace(audited, review_file=tmp_path / "auditor-review.yaml")


def findings_of(ws, index=0):
    return ws.result.reports[index].findings


def post(c, ws, f, decision="avfärdad", reason="Godtas", by="Anna Berg", version="", index=0):
    return c.post("/api/decision", json={"report": index, "fingerprint": f.fingerprint, "decision": decision,
                                         "reason": reason, "by": by, "version": version})


def test_index_shows_committees_with_counts_by_severity_and_decision(ws):
    c = client(ws)
    first = findings_of(ws)[0]
    assert post(c, ws, first).status_code == 200
    html = c.get("/").text
    assert "Lövsjö stadsdelsnämnd – verksamhetsberättelse 2020" in html
    assert "Lövsjö stadsdelsnämnd – tertialrapport 1 2025" in html
    row = html.split('data-report="0"')[1].split("</tr>")[0]
    audit = ws.result.reports[0]
    assert f'<td class="num">{len(audit.findings)}</td>' in row
    assert '<td class="num dismissed">1</td>' in row
    assert f'<td class="num undecided">{len(audit.findings) - 1}</td>' in row


def test_report_page_groups_findings_by_goal_with_certainty_in_words(ws):
    html = client(ws).get("/report/0").text
    audit = ws.result.reports[0]
    for f in audit.findings:
        assert f'data-fingerprint="{f.fingerprint}"' in html
    goal = next(f.goal for f in audit.findings if f.goal)
    assert f"{goal.number} {goal.title}" in html
    assert "säker läsning av raden" in html
    assert client(ws).get("/report/9").status_code == 404


def test_decision_is_written_at_once_and_audit_honours_it(ws, tmp_path, capsys):
    c = client(ws)
    audit = ws.result.reports[0]
    gating = next(f for f in audit.findings if f.severity == "error")
    other = next(f for f in audit.findings if f is not gating)
    assert post(c, ws, gating, reason="Målet ändrades i april").status_code == 200
    assert post(c, ws, other, decision="bekräftad", reason="Analys saknas", by="Bo Ek").status_code == 200
    stored = load_reviews(ws.review_file)
    assert stored[gating.fingerprint].decision == "avfärdad"
    assert stored[gating.fingerprint].rule == gating.rule and stored[gating.fingerprint].line == gating.line
    assert stored[other.fingerprint].by == "Bo Ek"

    assert main(["audit", audit.source, "--review", str(ws.review_file), "--format", "json"]) in (0, 1)
    doc = json.loads(capsys.readouterr().out)
    by_fp = {f["fingerprint"]: f for f in doc["reports"][0]["findings"]}
    assert by_fp[gating.fingerprint]["review"]["decision"] == "avfärdad"
    assert by_fp[gating.fingerprint]["review"]["reason"] == "Målet ändrades i april"
    assert by_fp[other.fingerprint]["review"] == {"decision": "bekräftad", "reason": "Analys saknas",
                                                 "by": "Bo Ek", "date": stored[other.fingerprint].date}


def test_two_reviewers_on_different_findings_are_merged(ws):
    """Both pages were read before either decided (both saw no decision): both decisions are kept."""
    a, b = client(ws), client(ws)
    f1, f2 = findings_of(ws)[:2]
    assert post(a, ws, f1, by="Anna").status_code == 200
    assert post(b, ws, f2, decision="bekräftad", by="Bo").status_code == 200
    stored = load_reviews(ws.review_file)
    assert stored[f1.fingerprint].by == "Anna" and stored[f2.fingerprint].by == "Bo"


def test_many_decisions_at_the_same_moment_lose_none(ws):
    c = client(ws)
    found = findings_of(ws) + findings_of(ws, 1)
    index = {f.fingerprint: 0 if f in findings_of(ws) else 1 for f in found}
    barrier = threading.Barrier(len(found))
    codes = []

    def decide(f):
        barrier.wait()
        codes.append(post(c, ws, f, by=f"Granskare {f.fingerprint[:4]}", index=index[f.fingerprint]).status_code)

    threads = [threading.Thread(target=decide, args=(f,)) for f in found]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert codes == [200] * len(found)
    assert set(load_reviews(ws.review_file)) == {f.fingerprint for f in found}


def test_a_decision_made_meanwhile_is_a_conflict_not_overwritten(ws):
    a, b = client(ws), client(ws)
    f = findings_of(ws)[0]
    assert post(a, ws, f, by="Anna Berg", reason="Godtas").status_code == 200
    late = post(b, ws, f, decision="bekräftad", by="Bo Ek", reason="Fel i rapporten")
    assert late.status_code == 409
    message = late.json()["error"]
    assert "Anna Berg har redan avfärdat fyndet" in message and "ladda om sidan" in message
    assert load_reviews(ws.review_file)[f.fingerprint].by == "Anna Berg"
    # after a reload the page carries the decision's version, and the change goes through
    html = b.get("/report/0").text
    version = html.split(f'data-fingerprint="{f.fingerprint}"')[1].split('data-version="')[1].split('"')[0]
    assert post(b, ws, f, decision="bekräftad", by="Bo Ek", version=version).status_code == 200
    assert load_reviews(ws.review_file)[f.fingerprint].decision == "bekräftad"


def test_cli_decisions_show_in_the_workspace_on_reload(ws):
    c = client(ws)
    f = findings_of(ws)[0]
    assert main(["review", f.fingerprint, "--dismiss", "--reason", "Från terminalen", "--by", "Cecilia",
                 "--file", str(ws.review_file)]) == 0
    html = c.get("/report/0").text
    assert "avfärdad av Cecilia" in html and "Från terminalen" in html


def test_a_decision_needs_reason_name_and_known_finding(ws):
    c = client(ws)
    f = findings_of(ws)[0]
    assert post(c, ws, f, reason=" ").status_code == 400
    assert post(c, ws, f, by="").status_code == 400
    bad = c.post("/api/decision", json={"report": 0, "fingerprint": "0" * 16, "decision": "avfärdad",
                                        "reason": "x", "by": "y", "version": ""})
    assert bad.status_code == 404
    assert c.post("/api/decision", content="report=0", headers={"content-type": "text/plain"}).status_code == 415
    assert not ws.review_file.exists()


def test_stale_decisions_are_listed_apart(ws):
    from auditor.triage.review import set_decision
    source = ws.result.reports[0].source
    set_decision(ws.review_file, "0123456789abcdef", "avfärdad", "Gammalt beslut", "Anna", "2025-01-02",
                 {"rule": "GOAL-NO-ANALYSIS", "source": source})
    html = client(ws).get("/").text
    stale = html.split("Inaktuella beslut")[1]
    assert "0123456789abcdef" in stale and "Gammalt beslut" in stale


def test_read_only_saves_nothing(tmp_path):
    folder = batch(tmp_path / "rapporter")
    ws = workspace([folder], folder / "auditor-review.yaml", read_only=True)
    c = client(ws)
    html = c.get("/report/0").text
    assert 'class="decide"' not in html and "Skrivskyddat läge" in html
    assert post(c, ws, ws.result.reports[0].findings[0]).status_code == 403
    assert not (folder / "auditor-review.yaml").exists()


def test_english_workspace(tmp_path):
    folder = batch(tmp_path / "rapporter")
    ws = workspace([folder], folder / "auditor-review.yaml", lang="en")
    html = client(ws).get("/report/0").text
    assert 'lang="en"' in html and "Save decision" in html and "Spara beslut" not in html


def test_passage_marks_the_whole_indicator_row(ws):
    from auditor.review_app.passage import passage, row_end, source_text
    audit = ws.result.reports[0]
    f = next(f for f in audit.findings if f.rule.startswith("IND-"))
    lines, _ = source_text(audit.source)
    end = row_end(audit.report, lines, f.line)
    marked = [n for n, _, hit in passage(lines, f.line, end).lines if hit]
    assert marked[0] == f.line and end > f.line
    assert not lines[end].strip()                     # the row ends before a blank line
    assert any(ch.isdigit() for ch in lines[end - 1]) # on its value line


def test_summary_exports_carry_the_decisions(ws):
    import io

    import docx
    import openpyxl
    c = client(ws)
    f = findings_of(ws)[0]
    assert post(c, ws, f, reason="Nämnden rättade målet").status_code == 200
    md = c.get("/report/0/summary.md")
    assert md.status_code == 200 and "Nämnden rättade målet" in md.text
    assert 'filename="example-t1-granskning.md"' in md.headers["content-disposition"]
    book = openpyxl.load_workbook(io.BytesIO(c.get("/report/0/summary.xlsx").content))
    rows = list(book["Fynd"].iter_rows(values_only=True))
    assert "Nämnden rättade målet" in {cell for row in rows for cell in row}
    word = docx.Document(io.BytesIO(c.get("/report/0/summary.docx").content))
    assert any("Nämnden rättade målet" in p.text for p in word.paragraphs)
    assert word.paragraphs[1].text == "Lövsjö stadsdelsnämnd – tertialrapport 1 2025"
    assert c.get("/report/0/summary.exe").status_code == 404


def test_without_the_review_extra_serve_says_what_to_install(tmp_path, capsys, monkeypatch):
    import sys
    monkeypatch.setitem(sys.modules, "uvicorn", None)          # import uvicorn now raises ImportError
    folder = batch(tmp_path / "rapporter")
    assert main(["review", "serve", str(folder), "--port", "0"]) == 2
    assert capsys.readouterr().err == ("auditor: granskningsrummet behöver paketet uvicorn; installera "
                                       "auditor[review]\n")


def test_progress_is_shown_while_a_folder_is_audited(tmp_path, capsys):
    folder = batch(tmp_path / "rapporter")
    workspace([folder], folder / "auditor-review.yaml")
    err = capsys.readouterr().err.splitlines()
    assert err == [f"granskar 1/2: {folder / 'example_t1.txt'}", f"granskar 2/2: {folder / 'example_vb.txt'}"]


def test_findings_json_is_read_not_audited(tmp_path, capsys):
    folder = batch(tmp_path / "rapporter", "example_vb.txt")
    found = tmp_path / "fynd.json"
    assert main(["audit", str(folder), "--format", "json", "--output", str(found), "--no-config"]) == 1
    capsys.readouterr()
    ws = workspace([found], tmp_path / "auditor-review.yaml")
    assert capsys.readouterr().err == ""                       # nothing audited
    c = client(ws)
    f = findings_of(ws)[0]
    assert f'data-fingerprint="{f.fingerprint}"' in c.get("/report/0").text
    assert post(c, ws, f).status_code == 200
    (folder / "example_vb.txt").unlink()                     # the report is gone: no passage, but no error
    assert "Rapportens text finns inte att visa" in c.get("/report/0").text


def test_the_word_summary_is_what_audit_format_docx_writes(ws, tmp_path):
    c = client(ws)
    f = findings_of(ws)[0]
    assert post(c, ws, f, reason="Godtas efter samtal").status_code == 200
    exported = c.get("/report/0/summary.docx").content
    out = tmp_path / "t1.docx"
    assert main(["audit", ws.result.reports[0].source, "--format", "docx", "--output", str(out),
                 "--review", str(ws.review_file), "--no-config"]) == 1
    assert out.read_bytes() == exported


def test_warming_reads_every_report_text_once(ws):
    from auditor.review_app import passage
    passage._read.cache_clear()
    ws.warm()
    assert passage._read.cache_info().currsize == len(ws.result.reports)
    client(ws).get("/report/0")
    assert passage._read.cache_info().misses == len(ws.result.reports)     # the page read nothing again
