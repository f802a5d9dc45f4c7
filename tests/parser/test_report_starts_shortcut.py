"""``second_report_start`` tries only the lines that one search of the whole text finds (issue 20): it must
find the same second report, on the same line, for the same reason, as showing its test of a line (``_Scan.step``)
every non-blank line does (the plain loop below), over every fixture and corpus report, pairs of them put together, and
lines made of the signs it looks for and of what looks like them."""
from __future__ import annotations

import random
from pathlib import Path

from auditor.input.lines import split_lines
from auditor.input.report_starts import ReportStart, _Scan, second_report_start

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"

PIECES = ["KF:s inriktningsmål: 1.", "KF:s inriktningsmål: 3.", "KF:s inriktningsmål:", "  kf:s   inriktningsmål :",
          "1. Ett mål", "2.", "3 x", "", "   ", "Nämndmål:", "Enhetsmål: x", "\tKF:s mål för verksamhetsområdet:",
          "Uppföljning av kommunfullmäktiges inriktningsmål", " UPPFÖLJNING AV KOMMUNFULLMÄKTIGES INRIKTNINGSMÅL  ",
          "Uppföljning av kommunfullmäktiges inriktningsmål ........ 6", "Verksamhetsberättelse 2020",
          "Tertialrapport 1 2025", "Tertialrapport Tertial 2 2020 för", "Exempelnämnden, Tertialrapport 41(102)",
          "\u00a0Nämndmål:", "\u2003Enhetsmål:", "K\x01F:s inriktningsmål: 1.", "\u212aF:s inriktningsmål: 1.",
          "Vanlig text om mål.", "1", "\r", "ﬁn", "a\u0308"]


def _plain(text: str) -> ReportStart | None:
    """Every non-blank line shown to the check in turn."""
    scan = _Scan()
    for no, line in enumerate((line.raw for line in split_lines(text)), start=1):
        stripped = line.strip()
        if not stripped:
            continue
        start = scan.step(line, stripped, no)
        if start is not None:
            return start
    return None


def _texts() -> list[str]:
    files = sorted((ROOT / "fixtures").glob("**/*.txt")) + sorted(CORPUS.glob("*.txt"))
    reports = []
    for path in files:
        try:
            reports.append(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError:
            continue
    rng = random.Random(11)
    pairs = [a + sep + b for a in reports[:12] for b in rng.sample(reports, min(2, len(reports))) for sep in ("", "\n")]
    made = ["\n".join(rng.choice(PIECES) for _ in range(rng.randint(0, 10))) for _ in range(20000)]
    return reports + pairs + made + [t.replace("\n", "\r\n") for t in made[:3000]]


def test_the_lines_found_by_one_search_give_what_every_line_tried_gives():
    found = 0
    for text in _texts():
        start = second_report_start(text)
        assert start == _plain(text), text[:200]
        found += start is not None
    assert found > 1000      # the made texts do hold second reports, of each kind
