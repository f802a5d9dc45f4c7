"""A reviewer's decision round-trips on a real report text, as a pipeline and a reviewer would use it:
audit (CI fails) -> dismiss the error findings in auditor-review.yaml beside the report -> audit again
(CI passes, the decision shows) -> the committee corrects the report -> the decision is reported stale."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from auditor.commands.cli import main

EXAMPLE = Path(__file__).resolve().parents[2] / "fixtures" / "example_vb.txt"


def audit_json(capsys, folder: Path) -> tuple[int, dict, str]:
    capsys.readouterr()
    code = main(["audit", str(folder), "--format", "json", "--fail-on", "error"])
    out, err = capsys.readouterr()
    return code, json.loads(out), err


def test_decision_round_trip(tmp_path, capsys):
    folder = tmp_path / "rapporter"
    folder.mkdir()
    report = folder / "lovsjo_vb2020.txt"
    shutil.copy(EXAMPLE, report)

    code, doc, _ = audit_json(capsys, folder)
    errors = [f for f in doc["reports"][0]["findings"] if f["severity"] == "error"]
    assert code == 1 and errors

    review_file = folder / "auditor-review.yaml"
    for f in errors:
        assert main(["review", f["fingerprint"], "--dismiss", "--reason", "Känt, rättas i nästa rapport",
                     "--by", "Revisor Test", "--date", "2026-01-15", "--file", str(review_file)]) == 0
    assert main(["review", "--list", "--file", str(review_file)]) == 0
    listed = capsys.readouterr().out
    assert all(f["fingerprint"] in listed for f in errors) and "avfärdad" in listed

    code, doc, err = audit_json(capsys, folder)   # the review file beside the reports is found by itself
    assert code == 0, "dismissed findings must not gate CI"
    shown = {f["fingerprint"]: f for f in doc["reports"][0]["findings"]}
    assert all(shown[f["fingerprint"]].get("review", {}).get("decision") == "avfärdad" for f in errors)
    assert "inaktuell" not in err

    # The committee corrects the summary sentence: that finding goes, its decision is now stale.
    text = report.read_text(encoding="utf-8")
    fixed = text.replace("bedöms två uppfyllas helt och ett delvis", "bedöms ett uppfyllas helt och två delvis")
    assert fixed != text
    report.write_text(fixed, encoding="utf-8")
    code, doc, err = audit_json(capsys, folder)
    assert code == 0
    gone = [f for f in errors if f["rule"] == "SUM-CLAIM-COUNT"]
    assert gone and all(f["fingerprint"] in err for f in gone) and "inaktuellt granskningsbeslut" in err
    assert main(["review", "--stale", str(folder), "--file", str(review_file)]) == 1
