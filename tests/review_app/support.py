"""Test support for the workspace: a batch folder of fixture reports, hostile report text, a workspace."""
from __future__ import annotations

import contextlib
import shutil
from pathlib import Path
from types import SimpleNamespace

from conftest import ROOT

FIXTURES = ROOT / "fixtures"

HOSTILE_TITLE = '<script>window.pwned=1</script>Äldre i Lövsjö "><img src=x onerror="window.pwned=2">'
HOSTILE_NAME = "Antal besök ' onmouseover='window.pwned=3' x='"
HOSTILE_ANALYSIS = "Se [länken](javascript:window.pwned=4) och <a href=\"javascript:window.pwned=5\">här</a>."


def batch(folder: Path, *names: str) -> Path:
    """A folder holding copies of fixture reports (example_vb and example_t1 by default)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in names or ("example_vb.txt", "example_t1.txt"):
        shutil.copy(FIXTURES / name, folder / name)
    return folder


def hostile_report(folder: Path) -> Path:
    """The annual-report fixture with markup and script in a goal title, an indicator name and an analysis."""
    from auditor.parser import parse_file
    from writer import render_report
    report = parse_file(FIXTURES / "example_vb.txt")
    for goal in report.goals:
        if goal.indicators:
            goal.title = HOSTILE_TITLE
            goal.indicators[0].name = HOSTILE_NAME
            goal.indicators[0].analysis = None        # an indicator without analysis gives a finding
            goal.analysis = HOSTILE_ANALYSIS
            break
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "fientlig.txt"
    path.write_text(render_report(report), encoding="utf-8")
    return path


def workspace(paths: list[Path], review_file: Path, *, read_only: bool = False, lang: str = "sv"):
    from auditor.commands.review_serve import build_workspace
    args = SimpleNamespace(paths=[str(p) for p in paths], file=str(review_file), read_only=read_only, lang=lang,
                           config=None, no_config=True, jobs="auto")
    return build_workspace(args)


def client(ws, **kwargs):
    from starlette.testclient import TestClient
    from auditor.review_app.server import create_app
    hosts = kwargs.pop("allowed_hosts", ["testserver", "127.0.0.1"])
    return TestClient(create_app(ws, allowed_hosts=hosts, **kwargs))


@contextlib.contextmanager
def serving(ws):
    """The workspace served by uvicorn in a thread on a free port of 127.0.0.1; yields its address."""
    import socket
    import threading

    import uvicorn
    from auditor.review_app.server import create_app
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    server = uvicorn.Server(uvicorn.Config(create_app(ws), log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}/"
    finally:
        server.should_exit = True
        thread.join(timeout=30)
        sock.close()
