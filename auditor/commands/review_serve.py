"""``auditor review serve FOLDER... [--file review.yaml] [--port N]``: audit the reports, then serve the
workspace with uvicorn until Ctrl-C.

Bound to 127.0.0.1 by default. Bound to any other address, the workspace can be reached from other machines,
so it then requires a token: a random one (or ``--token``), printed in the address at start, as notebook
servers do; ``--no-token`` with such an address is refused.
"""
from __future__ import annotations

import ipaddress
import os
import secrets
import socket
import sys
import threading
from pathlib import Path

from .audit import add_run_arguments
from ..triage.review import DEFAULT_NAME, find_review_file, load_reviews
from ..words.errors import os_reason, refusal
from ..words import catalogue, word, texts
from ._inputs import read_findings_json
from ..engine.config import Config, load_config
from ..findings import AuditResult
from ..workflow.audit import audit_paths
from ..files import check_file_destination
from ..review_app.workspace import Workspace
from ..review_app.server import create_app

DEFAULT_PORT = 8765
LOOPBACK_NAMES = ("localhost",)


def add_arguments(p) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH", help="report files (.txt, .pdf), folders, or findings JSON")
    p.add_argument("--file", default=None,
                   help="review file (default: auditor-review.yaml beside the reports, where auditor audit finds it)")
    p.add_argument("--port", type=int, default=DEFAULT_PORT, help="port to listen on (default: 8765; 0: a free port)")
    p.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default: 127.0.0.1; any other address needs a token)")
    p.add_argument("--token", default=None, help="the token the address must carry (default: a random one when "
                                                 "--host is not local)")
    p.add_argument("--no-token", action="store_true", help="no token (refused when --host is not local)")
    p.add_argument("--read-only", action="store_true", help="show the findings and decisions; save nothing")
    add_run_arguments(p)


def is_local(host: str) -> bool:
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def review_file_for(paths: list[str], named: str | None) -> Path:
    """``--file``, else the review file ``auditor audit`` would read for these paths: an existing
    ``auditor-review.yaml`` beside the reports, else a new one in the folder of the first path."""
    if named:
        return Path(named)
    found = find_review_file(paths)
    if found is not None:
        return found
    first = Path(paths[0])
    return (first if os.path.isdir(first) else first.parent) / DEFAULT_NAME   # os.path: False on a too long name


def token_for(args) -> str | None:
    if args.no_token:
        if not is_local(args.host):
            raise refusal("serve_public_without_token", code="usage", host=args.host)
        return None
    if args.token:
        return args.token
    return None if is_local(args.host) else secrets.token_urlsafe(24)


def _require_extra() -> None:
    for module, package in (("starlette", "starlette"), ("uvicorn", "uvicorn"), ("PIL", "pillow")):
        try:
            __import__(module)
        except ImportError:
            raise refusal("serve_needs_extra", code="usage", package=package) from None


def _progress(lang: str):
    template = word(catalogue.WORKSPACE, "progress", lang)
    tty = sys.stderr.isatty()

    def show(done: int, total: int, path) -> None:
        line = template.format(done=done, total=total, path=path)
        if tty:
            end = "\n" if done == total else ""
            print("\r\x1b[K" + line, end=end, file=sys.stderr, flush=True)
        else:
            print(line, file=sys.stderr, flush=True)
    return show


def build_workspace(args):
    """Audit the paths (with progress on standard error) into a ``Workspace`` deciding into the review file."""
    path = review_file_for(args.paths, args.file)
    if not args.read_only:
        check_file_destination(path, "--file")
    load_reviews(path)                       # a malformed review file is refused before any auditing
    config = Config() if args.no_config else load_config(args.config)
    config.lang = args.lang
    result = AuditResult()
    reports = [p for p in args.paths if not (p.lower().endswith(".json") and Path(p).is_file())]
    for p in args.paths:
        if p not in reports:
            result.reports.extend(read_findings_json(Path(p)).reports)
    if reports:
        result.reports.extend(audit_paths(reports, config, jobs=args.jobs, keep="full",
                                          progress=_progress(args.lang)).reports)
    catalogue = config.catalogue()
    options = {"fail_on": config.fail_on, "fail_on_uncertain": config.fail_on_uncertain,
               "rule_ids": sorted(config.enabled(catalogue)),
               "rule_titles": {spec.id: spec.summary(args.lang) for spec in catalogue},
               "rule_dirs": list(config.rule_dirs), "table": None, "color": False}
    return Workspace(result=result, review_file=path, lang=args.lang, read_only=args.read_only, options=options,
                     reviewer=os.environ.get("AUDITOR_REVIEWER", ""))


def run(args) -> int:


    if not 0 <= args.port <= 65535:
        raise refusal("serve_port", code="usage")
    if args.jobs != "auto" and args.jobs < 1:
        raise refusal("jobs", code="usage")
    token = token_for(args)
    _require_extra()
    say = texts(catalogue.WORKSPACE, args.lang)
    family = socket.AF_INET6 if ":" in args.host.strip("[]") else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((args.host.strip("[]"), args.port))
        sock.listen(128)      # connections wait in the queue while the reports are audited
    except OSError as exc:                   # the port is taken, or the address is not this machine's
        sock.close()
        raise refusal("serve_cannot_bind", code="usage", host=args.host, port=args.port,
                      reason=os_reason(exc)) from None
    try:
        ws = build_workspace(args)
        hosts = None if is_local(args.host) else ["*"]
        app = create_app(ws, token=token, allowed_hosts=hosts)
        port = sock.getsockname()[1]
        shown = args.host if is_local(args.host) or args.host not in ("0.0.0.0", "::") else socket.gethostname()
        shown = f"[{shown}]" if ":" in shown else shown
        url = f"http://{shown}:{port}/" + (f"?token={token}" if token else "")
        print(say["listening"].format(url=url), flush=True)
        print(say["listening_hint"].format(path=ws.review_file), file=sys.stderr, flush=True)
        if token and not is_local(args.host):
            print(say["token_hint"], file=sys.stderr, flush=True)
        threading.Thread(target=ws.warm, name="warm-passages", daemon=True).start()
        import uvicorn  # optional: uvicorn (the [review] extra), only when serving
        server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off", access_log=False))
        server.run(sockets=[sock])
    finally:
        sock.close()
    return 0
