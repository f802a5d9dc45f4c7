"""Safe by default: report text is escaped everywhere the workspace shows it, nothing is loaded from
elsewhere, a token guards a workspace bound beyond localhost (which is refused without one), the Host header
must name the workspace, and decisions come only from its own pages."""
from __future__ import annotations

import re
import subprocess
import sys

import pytest

from auditor.commands.cli import main
from auditor.words.findings import message_of

from .support import HOSTILE_ANALYSIS, HOSTILE_NAME, HOSTILE_TITLE, batch, client, hostile_report, workspace


@pytest.fixture()
def hostile(tmp_path):
    path = hostile_report(tmp_path / "rapporter")
    ws = workspace([path], tmp_path / "rapporter" / "auditor-review.yaml")
    assert any(HOSTILE_NAME in message_of(f, "sv") or HOSTILE_TITLE in (f.goal.title if f.goal else "")
               for f in ws.result.reports[0].findings), "the hostile text must reach a finding"
    return ws


def test_hostile_report_text_is_escaped_in_every_page(hostile):
    c = client(hostile)
    pages = [c.get("/").text, c.get("/report/0").text]
    for html in pages:
        assert len(re.findall(r"<script", html)) <= 1            # only the page's own script tag
        assert "<script>window.pwned" not in html
        assert "<img src=x" not in html and "onerror=" not in html.replace("onerror=&#34;", "")
        assert not re.search(r"""<[^>]*\bon\w+\s*=\s*['"]?window""", html)   # no attribute broken out of
        assert not re.search(r"""href\s*=\s*['"]?\s*javascript:""", html, re.I)
    report = pages[1]
    assert "&lt;script&gt;window.pwned=1&lt;/script&gt;" in report
    assert "onmouseover=&#39;window.pwned=3&#39;" in report
    assert "&lt;a href=&#34;javascript:window.pwned=5&#34;&gt;" in report


def test_script_tag_only_from_the_workspace(hostile):
    html = client(hostile).get("/report/0").text
    assert re.findall(r"<script[^>]*>", html) == ['<script src="/static/app.js">']


def test_every_response_forbids_loading_from_elsewhere(hostile):
    c = client(hostile)
    for url in ("/", "/report/0", "/static/app.js", "/static/app.css", "/nope"):
        response = c.get(url)
        csp = response.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "no-referrer"
    page = c.get("/report/0").text
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)


def test_token_is_required_once_then_carried_by_a_cookie(tmp_path):
    folder = batch(tmp_path / "rapporter")
    ws = workspace([folder], folder / "auditor-review.yaml")
    c = client(ws, token="hemligt-ord")
    assert c.get("/").status_code == 403
    assert c.get("/?token=fel").status_code == 403
    f = ws.result.reports[0].findings[0]
    body = {"report": 0, "fingerprint": f.fingerprint, "decision": "avfärdad", "reason": "x", "by": "y", "version": ""}
    assert c.post("/api/decision", json=body).status_code == 403
    first = c.get("/?token=hemligt-ord")
    assert first.status_code == 200
    assert "HttpOnly" in first.headers["set-cookie"] and "SameSite=Strict" in first.headers["set-cookie"]
    assert c.get("/report/0").status_code == 200                      # the cookie carries it now
    assert c.post("/api/decision", json=body).status_code == 200


def test_two_workspaces_on_one_host_keep_their_own_token_cookie(tmp_path):
    """Browsers share cookies between the ports of one host: each workspace's cookie has its own name, so
    opening a second workspace does not log the browser out of the first."""
    folder = batch(tmp_path / "rapporter")
    ws = workspace([folder], folder / "auditor-review.yaml")
    first, second = client(ws, token="forsta-ordet"), client(ws, token="andra-ordet")
    jar = {}
    for c, token in ((first, "forsta-ordet"), (second, "andra-ordet")):
        c.get(f"/?token={token}")
        jar.update(c.cookies.items())
    assert len(jar) == 2 and not any("ordet" in name for name in jar)     # the name does not give the token away
    for c in (first, second):
        c.cookies.clear()
        for name, value in jar.items():          # one browser: both cookies are sent to both ports
            c.cookies.set(name, value)
        assert c.get("/report/0").status_code == 200


def test_host_header_must_name_the_workspace(tmp_path):
    folder = batch(tmp_path / "rapporter")
    ws = workspace([folder], folder / "auditor-review.yaml")
    c = client(ws, allowed_hosts=["127.0.0.1", "localhost", "::1"])
    for host in ("127.0.0.1:8765", "localhost:8765", "[::1]:8765", "LOCALHOST"):
        assert c.get("/", headers={"host": host}).status_code == 200, host
    for host in ("angripare.example:8765", "127.0.0.1.angripare.example", "[::2]:8765", ""):
        assert c.get("/", headers={"host": host}).status_code == 400, host          # DNS rebinding


def test_decision_from_another_origin_is_refused(tmp_path):
    folder = batch(tmp_path / "rapporter")
    ws = workspace([folder], folder / "auditor-review.yaml")
    f = ws.result.reports[0].findings[0]
    body = {"report": 0, "fingerprint": f.fingerprint, "decision": "avfärdad", "reason": "x", "by": "y", "version": ""}
    c = client(ws)
    assert c.post("/api/decision", json=body, headers={"origin": "http://angripare.example"}).status_code == 403
    assert c.post("/api/decision", json=body, headers={"origin": "http://testserver"}).status_code == 200


@pytest.mark.parametrize("host", ["0.0.0.0", "192.0.2.10", "::"])
def test_non_local_binding_without_token_is_refused(tmp_path, capsys, host):
    folder = batch(tmp_path / "rapporter")
    assert main(["review", "serve", str(folder), "--host", host, "--no-token"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"--host {host}" in err and "token" in err
    assert not (folder / "auditor-review.yaml").exists()


def test_local_binding_needs_no_token_and_a_public_one_gets_one():
    from types import SimpleNamespace
    from auditor.commands.review_serve import token_for
    local = token_for(SimpleNamespace(no_token=False, token=None, host="127.0.0.1"))
    public = token_for(SimpleNamespace(no_token=False, token=None, host="0.0.0.0"))
    assert local is None and public and len(public) >= 24
    assert token_for(SimpleNamespace(no_token=False, token=None, host="0.0.0.0")) != public


def test_usage_errors_are_one_line(tmp_path, capsys):
    folder = batch(tmp_path / "rapporter")
    assert main(["review", "serve", str(folder), "--port", "70000"]) == 2
    assert capsys.readouterr().err == "auditor: --port ska vara 0-65535 (0: en ledig port)\n"
    assert main(["--lang", "en", "review", "serve", str(folder), "--port", "-1"]) == 2
    assert capsys.readouterr().err == "auditor: --port must be 0-65535 (0: a free port)\n"
    with pytest.raises(SystemExit) as info:
        main(["review", "serve"])
    assert info.value.code == 2


def test_serve_help_is_swedish_and_english(capsys):
    for argv, words in ((["review", "serve", "--help"], "granskningsrummet"),
                        (["--lang", "en", "review", "serve", "--help"], "review workspace")):
        with pytest.raises(SystemExit):
            main(argv)
        out = capsys.readouterr().out
        assert words in out and "auditor review serve" in out
