"""Shared test helpers: the fixture report, the catalogue, and where the shared corpus is (if present)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
SHARED = ROOT.parent / "shared"

sys.path.insert(0, str(Path(__file__).resolve().parent))   # gold_to_model


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
