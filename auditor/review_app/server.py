"""The workspace as a Starlette application: pages, the page images, the exports and the decision endpoint.

Safe by default:
- every value reaches the page through Jinja2 with autoescape on, and the Content-Security-Policy allows
  scripts, styles and images from the workspace itself only (no inline script, no request elsewhere);
- the Host header must name the address the workspace was bound to, which a page on another site cannot
  fake through DNS rebinding;
- with a token (always, when bound beyond localhost) every request needs it: once in the address, after
  which a cookie restricted to this site carries it;
- a decision is a JSON POST from the workspace's own origin; in read-only mode it is refused.
"""
from __future__ import annotations

import functools
import hashlib
import hmac
import json
from importlib import resources
from pathlib import PurePath

from ..findings import AuditResult
from ..render import get_renderer
from ..render.names import slugify
from ..render.safe_text import clean_text
from ..render.tags import label
from ..triage.review import version_of
from ..words.errors import InputError
from .page_image import render_region
from .passage import source_text
from .views import committee_rows, report_context, stale_rows, words
from .workspace import Workspace

COOKIE = "auditor_token"


def cookie_name(token: str) -> str:
    """The token cookie's name, one per workspace: browsers share cookies between the ports of one host, so
    with a single name a second workspace on the same machine would overwrite the first one's token (named
    by a hash, which tells nothing of the token itself)."""
    return f"{COOKIE}_{hashlib.sha256(token.encode()).hexdigest()[:16]}"
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
           "X-Frame-Options": "DENY", "Cache-Control": "no-store"}
STATIC = {"app.css": "text/css; charset=utf-8", "app.js": "text/javascript; charset=utf-8"}
EXPORTS = {"md": "text/markdown; charset=utf-8",
           "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
           "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
# the decision endpoint's statuses by the code of the refusal
STATUS = {"conflict": 409, "forbidden": 403, "missing": 404}


@functools.lru_cache(maxsize=1)
def _environment():
    import jinja2  # optional heavy: Jinja2 (~140 ms), only where a page is rendered
    return jinja2.Environment(loader=jinja2.PackageLoader("auditor.review_app", "templates"), autoescape=True,
                              trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)


def _static(name: str) -> bytes:
    return resources.files("auditor.review_app").joinpath("static", name).read_bytes()


def host_name(header: str) -> str:
    """The host of a Host header, without its port ("[::1]:8765" -> "::1", "localhost:8765" -> "localhost")."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class _Guard:
    """Pure ASGI middleware: the Host header, the token (query parameter once, then a cookie) and the
    security headers."""

    def __init__(self, app, token: str | None, lang: str, hosts: list[str]) -> None:
        self.app, self.token, self.lang, self.hosts = app, token, lang, set(hosts)
        self.cookie = cookie_name(token) if token is not None else None

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        from starlette.requests import Request  # optional: Starlette (the [review] extra), loaded with the workspace
        from starlette.responses import HTMLResponse
        request = Request(scope)
        if "*" not in self.hosts and host_name(request.headers.get("host", "")) not in self.hosts:
            response = HTMLResponse(_message_page(words(self.lang)["forbidden"], self.lang), status_code=400)
            _secure(response.headers)
            return await response(scope, receive, send)
        set_cookie = False
        if self.token is not None:
            given = request.query_params.get("token")
            cookie = request.cookies.get(self.cookie)
            if given is not None and hmac.compare_digest(given.encode(), self.token.encode()):
                set_cookie = True
            elif cookie is None or not hmac.compare_digest(cookie.encode(), self.token.encode()):
                response = HTMLResponse(_message_page(words(self.lang)["forbidden"], self.lang), status_code=403)
                _secure(response.headers)
                return await response(scope, receive, send)

        async def send_secured(message):
            if message["type"] == "http.response.start":
                from starlette.datastructures import MutableHeaders  # optional: Starlette (the [review] extra), loaded with the workspace
                headers = MutableHeaders(scope=message)
                _secure(headers)
                if set_cookie:
                    headers.append("set-cookie", f"{self.cookie}={self.token}; Path=/; HttpOnly; SameSite=Strict")
            await send(message)

        return await self.app(scope, receive, send_secured)


def _secure(headers) -> None:
    for key, value in HEADERS.items():
        headers[key] = value


def _message_page(text: str, lang: str) -> str:
    return _environment().get_template("message.html.j2").render(lang=lang, text=text, t=words(lang))


def create_app(ws: Workspace, token: str | None = None, allowed_hosts: list[str] | None = None):
    from starlette.applications import Starlette  # optional: Starlette (the [review] extra), loaded with the workspace
    from starlette.middleware import Middleware
    from starlette.requests import Request  # optional: Starlette (the [review] extra), loaded with the workspace
    from starlette.responses import HTMLResponse, JSONResponse, Response
    from starlette.routing import Route

    env = _environment()
    t = words(ws.lang)

    def page(name: str, status: int = 200, **context) -> HTMLResponse:
        return HTMLResponse(env.get_template(name).render(lang=ws.lang, t=t, read_only=ws.read_only,
                                                          reviewer=ws.reviewer, **context), status_code=status)

    def not_found() -> HTMLResponse:
        return HTMLResponse(_message_page(t["not_found"], ws.lang), status_code=404)

    def index(request: Request):
        with ws.lock:
            stale = ws.refresh()
            return page("index.html.j2", rows=committee_rows(ws), stale=stale_rows(stale, ws.lang),
                        review_file=clean_text(str(ws.review_file)),
                        severities=[(s, label(s, ws.lang)) for s in ("error", "warning", "info")])

    def report(request: Request):
        i = request.path_params["index"]
        with ws.lock:
            if ws.report(i) is None:
                return not_found()
            ws.refresh()
            return page("report.html.j2", **report_context(ws, i))

    def image(request: Request):
        i, fp = request.path_params["index"], request.path_params["fingerprint"]
        with ws.lock:
            audit, f = ws.report(i), ws.finding(i, fp)
            if f is None or PurePath(audit.source).suffix.lower() != ".pdf":
                return not_found()
            text = source_text(audit.source)
            layout = text[1] if text is not None else None
            box = getattr(layout, "boxes", {}).get(f.line) if layout is not None else None
            drawn = render_region(audit.source, box, f.page)
        if drawn is None:
            return not_found()
        return Response(drawn[0], media_type="image/png")

    def export(request: Request):
        i, fmt = request.path_params["index"], request.path_params["fmt"]
        if fmt not in EXPORTS:
            return not_found()
        with ws.lock:
            audit = ws.report(i)
            if audit is None:
                return not_found()
            ws.refresh()
            body = _export(ws, AuditResult(reports=[audit]), fmt)
        name = f"{slugify(PurePath(audit.source).stem)}-granskning.{fmt}"
        return Response(body, media_type=EXPORTS[fmt],
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})

    async def decide(request: Request):
        origin = request.headers.get("origin")
        if origin is not None and origin.split("://", 1)[-1] != request.headers.get("host"):
            return JSONResponse({"error": t["forbidden"]}, status_code=403)
        if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
            return JSONResponse({"error": t["need_all"]}, status_code=415)
        try:
            body = json.loads(await request.body())
            i, fp = int(body["report"]), str(body["fingerprint"])
            decision, reason, by = str(body["decision"]), str(body["reason"]), str(body["by"])
            seen = body.get("version")
            seen = None if seen is None else str(seen)
        except (ValueError, KeyError, TypeError):
            return JSONResponse({"error": t["need_all"]}, status_code=400)
        from starlette.concurrency import run_in_threadpool  # optional: Starlette (the [review] extra), loaded with the workspace
        try:
            entry = await run_in_threadpool(ws.decide, i, fp, decision, reason, by, seen)
        except InputError as exc:
            return JSONResponse({"error": exc.message(ws.lang)}, status_code=STATUS.get(exc.code, 400))
        return JSONResponse({"fingerprint": fp, "decision": entry.decision, "by": entry.by, "date": entry.date,
                             "reason": entry.reason, "version": version_of(entry),
                             "text": t["decided"].format(decision=label(entry.decision, ws.lang), by=entry.by,
                                                         date=entry.date, reason=entry.reason),
                             "saved": t["saved"].format(decision=label(entry.decision, ws.lang), by=entry.by,
                                                        date=entry.date)})

    def static(request: Request):
        name = request.path_params["name"]
        if name not in STATIC:
            return not_found()
        return Response(_static(name), media_type=STATIC[name])

    routes = [Route("/", index), Route("/report/{index:int}", report),
              Route("/report/{index:int}/image/{fingerprint}.png", image),
              Route("/report/{index:int}/summary.{fmt}", export),
              Route("/api/decision", decide, methods=["POST"]),
              Route("/static/{name}", static)]
    hosts = allowed_hosts or ["127.0.0.1", "localhost", "::1"]
    return Starlette(routes=routes, middleware=[Middleware(_Guard, token=token, lang=ws.lang, hosts=hosts)])


def _export(ws: Workspace, result: AuditResult, fmt: str) -> bytes:
    out = get_renderer(fmt)(result, {**ws.options, "lang": ws.lang, "output": None})
    return out.encode("utf-8") if isinstance(out, str) else out
