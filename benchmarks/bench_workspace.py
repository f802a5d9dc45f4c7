"""Speed of the review workspace (auditor review serve): auditing the batch at start, the pages, the PDF
page image of a finding, and a decision written to the review file.

    python benchmarks/bench_workspace.py [--pages 140]

The batch: the corpus reports (or, without ``../shared/corpus``, the fixtures) and one long PDF drawn from
the corpus gold models (``bench_pdf.long_model``, at least ``--pages`` pages). Requests go through Starlette's
test client in-process (no network), so the figures are the workspace's own work. Each request is timed once
first and then as the median of three; the reports' texts are read beforehand, as the served workspace does
in a thread after start.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, corpus_files, fixture_files, machine, median  # noqa: E402

sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))


def timed(fn, runs: int = 3) -> tuple[float, float]:
    """(first call, median of the next ``runs``) in seconds."""
    start = time.perf_counter()
    fn()
    first = time.perf_counter() - start
    rest = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        rest.append(time.perf_counter() - start)
    return first, median(rest)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, default=140)
    args = ap.parse_args()

    from bench_pdf import long_model, models
    from pdf_draw import Style, draw_report
    from starlette.testclient import TestClient

    from auditor.commands.review_serve import build_workspace
    from auditor.review_app.server import create_app

    print(f"# {machine()}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "rapporter"
        folder.mkdir()
        for path in corpus_files() or fixture_files():
            shutil.copy(path, folder / path.name)
        pdf, pages = long_model([m for _, m in models()], args.pages, lambda m, p: draw_report(m, p, Style()),
                                Path(tmp))
        shutil.move(pdf, folder / "long.pdf")
        options = SimpleNamespace(paths=[str(folder)], file=str(Path(tmp) / "review.yaml"), read_only=False,
                                  lang="sv", config=None, no_config=True, jobs="auto")
        start = time.perf_counter()
        ws = build_workspace(options)
        audit_s = time.perf_counter() - start
        reports = ws.result.reports
        findings = sum(len(a.findings) for a in reports)
        print(f"start: audit of {len(reports)} reports ({pages}-page PDF among them, {findings} findings): "
              f"{audit_s:.2f} s")
        start = time.perf_counter()
        ws.warm()
        print(f"reading the reports' texts for the passages (a thread does it after start): "
              f"{time.perf_counter() - start:.2f} s")
        client = TestClient(create_app(ws, allowed_hosts=["testserver"]))
        first, warm = timed(lambda: client.get("/"))
        print(f"committees page: first {first * 1000:.0f} ms, then {warm * 1000:.0f} ms")
        for index, audit in enumerate(reports):
            first, warm = timed(lambda: client.get(f"/report/{index}"))
            print(f"report page {Path(audit.source).name} ({len(audit.findings)} findings): "
                  f"first {first * 1000:.0f} ms, then {warm * 1000:.0f} ms")
        index = next(i for i, a in enumerate(reports) if a.source.endswith(".pdf"))
        f = next(f for f in reports[index].findings if f.page)
        first, warm = timed(lambda: client.get(f"/report/{index}/image/{f.fingerprint}.png"))
        print(f"page image (page {f.page}): first {first * 1000:.0f} ms, then {warm * 1000:.0f} ms")
        fp = reports[0].findings[0].fingerprint
        body = {"report": 0, "fingerprint": fp, "decision": "avfärdad", "reason": "mätning", "by": "bench",
                "version": None}
        first, warm = timed(lambda: client.post("/api/decision", json=body))
        print(f"decision written: first {first * 1000:.0f} ms, then {warm * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
