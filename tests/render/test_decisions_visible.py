"""Review decisions, baseline states and fingerprints are visible in the human outputs (terminal, Markdown,
HTML), and a dismissed finding is counted as dismissed, not under its severity, and does not fail the gate."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from auditor.commands.cli import main

ROOT = Path(__file__).resolve().parents[2]
VB = ROOT / "fixtures" / "example_vb.txt"
T1 = ROOT / "fixtures" / "example_t1.txt"


def _findings(capsys, path: Path) -> list[dict]:
    assert main(["audit", str(path), "--format", "json", "--no-review"]) in (0, 1)
    return json.loads(capsys.readouterr().out)["reports"][0]["findings"]


@pytest.fixture()
def dismissed(tmp_path, capsys):
    """The example report with each of its error findings dismissed by a reviewer."""
    report = tmp_path / "lovsjo_vb2020.txt"
    shutil.copyfile(VB, report)
    errors = [f for f in _findings(capsys, report) if f["severity"] == "error"]
    assert errors
    for f in errors:
        assert main(["review", f["fingerprint"], "--dismiss", "--reason", "Årsmålet sänktes i april",
                     "--by", "Anna Berg", "--date", "2025-05-12",
                     "--file", str(tmp_path / "auditor-review.yaml")]) == 0
    capsys.readouterr()
    return report, errors


def _run(capsys, *argv) -> tuple[int, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out


def _terminal_total(out: str) -> list[str]:
    row = next(line for line in out.splitlines() if "Totalt" in line or "Total " in line)
    return [cell.strip() for cell in row.strip("│┃ ").split("│")]


def test_terminal_after_a_dismissal(dismissed, capsys, tmp_path):
    report, errors = dismissed
    code, out = _run(capsys, "audit", str(report), "--output", str(tmp_path / "out.txt"))
    out = (tmp_path / "out.txt").read_text(encoding="utf-8")
    assert code == 0                              # the dismissed errors no longer fail the gate
    header = next(line for line in out.splitlines() if "┃ Regel" in line)
    assert "Avfärdade" in header
    total = _terminal_total(out)
    assert total[1] == ""                         # no "fel" left: dismissed errors are not counted as errors
    assert total[-1] == str(len(errors))          # ... but as dismissed
    for f in errors:
        line = next(line for line in out.splitlines() if f["fingerprint"] in line)
        assert f["rule"] in line and "avfärdad" in line
    assert out.count("» avfärdad av Anna Berg, 2025-05-12: Årsmålet sänktes i april") == len(errors)


def test_markdown_after_a_dismissal(dismissed, capsys):
    report, errors = dismissed
    code, out = _run(capsys, "audit", str(report), "--format", "md")
    assert code == 0
    assert re.search(r"\| \*\*Totalt\*\* \| \*\*0\*\* \| \*\*\d+\*\* \| \*\*\d+\*\* \| \*\*%d\*\* \|" % len(errors), out)
    for f in errors:
        line = next(line for line in out.splitlines() if f["fingerprint"] in line)
        assert f"`{f['rule']}` · ~~fel~~ · **avfärdad** · fingeravtryck `{f['fingerprint']}`" in line
    assert out.count("  - *avfärdad av Anna Berg, 2025-05-12: Årsmålet sänktes i april*") == len(errors)


def test_english_terminal_and_markdown(dismissed, capsys):
    report, errors = dismissed
    _, md = _run(capsys, "--lang", "en", "audit", str(report), "--format", "md")
    assert "**dismissed**" in md and "dismissed by Anna Berg, 2025-05-12" in md and "| Dismissed |" in md
    _, term = _run(capsys, "--lang", "en", "audit", str(report))
    assert "» dismissed by Anna Berg, 2025-05-12" in term


def test_html_counts_dismissed_apart(dismissed, capsys, tmp_path):
    report, errors = dismissed
    main(["audit", str(report), "--format", "html", "--output", str(tmp_path / "html")])
    page = (tmp_path / "html" / "lovsjo-vb2020.html").read_text(encoding="utf-8")
    assert '<b id="count-error">0</b>' in page
    assert f'<b id="count-dismissed">{len(errors)}</b>' in page
    assert all(f["fingerprint"] in page for f in errors)


@pytest.fixture()
def with_baseline(tmp_path, capsys):
    """A baseline of the annual report; the tertial report is new."""
    folder = tmp_path / "rapporter"
    folder.mkdir()
    shutil.copyfile(VB, folder / "lovsjo_vb2020.txt")
    baseline = tmp_path / "baseline.json"
    assert main(["baseline", "create", str(folder), "--output", str(baseline)]) == 0
    shutil.copyfile(T1, folder / "lovsjo_t1_2025.txt")
    capsys.readouterr()
    return folder, baseline


def test_terminal_and_markdown_with_a_baseline(with_baseline, capsys, tmp_path):
    folder, baseline = with_baseline
    new = _findings(capsys, folder / "lovsjo_t1_2025.txt")
    known = _findings(capsys, folder / "lovsjo_vb2020.txt")
    main(["audit", str(folder), "--baseline", str(baseline), "--output", str(tmp_path / "out.txt")])
    capsys.readouterr()
    term = (tmp_path / "out.txt").read_text(encoding="utf-8")
    _, md = _run(capsys, "audit", str(folder), "--baseline", str(baseline), "--format", "md")
    # (a rule's repeated info findings are one entry listing their rows: the tag stands by each row's fingerprint)
    grouped = {f["fingerprint"] for f in new + known if f["severity"] == "info"}
    for f in new:
        rule = "" if f["fingerprint"] in grouped else f["rule"]
        assert re.search(rf"{rule}\s+ny\s+{f['fingerprint']}", term)
        assert f"`{f['rule']}` · " in md and f"**ny** · fingeravtryck `{f['fingerprint']}`" in md
    for f in known:
        rule = "" if f["fingerprint"] in grouped else f["rule"]
        assert re.search(rf"{rule}\s+i baslinjen\s+{f['fingerprint']}", term)
        assert f"**i baslinjen** · fingeravtryck `{f['fingerprint']}`" in md
    assert "| Nya |" in md and "┃ Nya ┃" in term


def test_without_decisions_no_extra_columns(capsys):
    _, md = _run(capsys, "audit", str(VB), "--format", "md", "--no-review")
    assert "| Nya |" not in md and "Avfärdade" not in md and "fingeravtryck `" in md
