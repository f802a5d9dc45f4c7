"""Shared test fixtures: the fixture report and the catalogue, the corpus (when ../shared is present),
the official SARIF schema and headless Chromium."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SHARED = ROOT.parent / "shared"

sys.path.insert(0, str(Path(__file__).resolve().parent))   # gold_to_model

CACHE = ROOT / "tests" / ".cache"
CORPUS = ROOT.parent / "shared" / "corpus"

# The SARIF 2.1.0 JSON schema as Microsoft's SARIF SDK ships it (npm package @microsoft/jest-sarif, MIT).
SARIF_PACKAGE = "@microsoft/jest-sarif@1.0.0-beta.0"
SARIF_MEMBER = "package/lib/schemas/sarif-2.1.0-rtm.5.json"
SARIF_SCHEMA = CACHE / "sarif-2.1.0-rtm.5.json"


def _fetch_sarif_schema() -> Path | None:
    """Fetch the schema once with npm (the registry is reachable from CI); None when that is impossible."""
    if SARIF_SCHEMA.is_file():
        return SARIF_SCHEMA
    npm = shutil.which("npm")
    if npm is None:
        return None
    CACHE.mkdir(parents=True, exist_ok=True)
    try:
        out = subprocess.run([npm, "pack", SARIF_PACKAGE, "--silent"], cwd=CACHE, capture_output=True,
                             text=True, timeout=120, check=True).stdout.strip().splitlines()[-1]
        with tarfile.open(CACHE / out) as tar:
            member = tar.extractfile(SARIF_MEMBER)
            SARIF_SCHEMA.write_bytes(member.read())
    except (subprocess.SubprocessError, OSError, KeyError, IndexError, tarfile.TarError):
        return None
    return SARIF_SCHEMA


@pytest.fixture(scope="session")
def sarif_schema() -> dict:
    import json
    env = os.environ.get("AUDITOR_SARIF_SCHEMA")
    path = Path(env) if env else _fetch_sarif_schema()
    if path is None or not path.is_file():
        if os.environ.get("CI"):
            pytest.fail("the SARIF 2.1.0 schema is not available (npm pack " + SARIF_PACKAGE + " failed)")
        pytest.skip("SARIF schema not available (needs npm or AUDITOR_SARIF_SCHEMA)")
    return json.loads(path.read_text(encoding="utf-8"))


CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _chromium() -> str | None:
    for name in (os.environ.get("AUDITOR_CHROMIUM"), "/usr/bin/chromium", "chromium", "chromium-browser"):
        if name and (shutil.which(name) or Path(name).is_file()):
            return shutil.which(name) or name
    return None


@pytest.fixture(scope="session")
def browser():
    executable = _chromium()
    if executable is None:
        if os.environ.get("CI"):   # .ci/run installs it: a CI run without it must not pass by skipping
            pytest.fail("headless Chromium is not installed (apt-get install chromium)")
        pytest.skip("headless Chromium is not installed (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed (pip install playwright)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1200, "height": 900}, java_script_enabled=True)
    pg = context.new_page()
    requests: list[str] = []
    pg.on("request", lambda r: requests.append(r.url))
    pg.requests = requests  # every URL the page asked for, to prove it stays offline
    yield pg
    context.close()


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not (CORPUS / "gold").is_dir():
        pytest.skip("../shared/corpus is absent")
    return CORPUS


SCREENSHOTS = ROOT / "tests" / ".cache" / "screenshots"


def shared_dir() -> Path | None:
    """../shared (relative to the repository root) when it holds the corpus; None otherwise."""
    return SHARED if (SHARED / "corpus" / "gold").is_dir() else None


@pytest.fixture(scope="session")
def fixture_spec() -> dict:
    return json.loads((DATA / "fixture_report.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def fixture_report(fixture_spec):
    from auditor.engine.examples import build_report
    return build_report(fixture_spec)


@pytest.fixture(scope="session")
def catalogue():
    from auditor.engine.catalogue import load_catalogue
    return load_catalogue()
