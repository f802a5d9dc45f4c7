from auditor.findings import AuditResult, Review, StaleReview
from auditor.triage.gate import fails, gates

from ..factories import sample_result


def test_review_and_baseline_are_left_out_of_the_contract_until_set():
    result = sample_result()
    doc = result.to_contract()
    assert "stale_reviews" not in doc
    assert all("review" not in f and "baseline" not in f for r in doc["reports"] for f in r["findings"])
    f = result.reports[0].findings[0]
    f.review = Review(decision="avfärdad", reason="ok", by="A", date="2025-01-02")
    f.baseline = "new"
    result.stale_reviews = [StaleReview(fingerprint="x", review=f.review)]
    doc = result.to_contract()
    assert doc["reports"][0]["findings"][0]["review"]["decision"] == "avfärdad"
    assert doc["reports"][0]["findings"][0]["baseline"] == "new"
    assert doc["stale_reviews"][0]["fingerprint"] == "x"
    # and it reads back
    again = AuditResult.model_validate(doc)
    assert again.reports[0].findings[0].dismissed


def test_gate_ignores_dismissed_baseline_and_lower_severities():
    result = sample_result()
    assert fails(result, "error")
    for audit in result.reports:
        for f in audit.findings:
            if f.severity == "error":
                f.review = Review(decision="avfärdad", reason="ok", by="A", date="2025-01-02")
    assert not fails(result, "error")
    assert fails(result, "warning")
    warning = next(f for f in result.reports[0].findings if f.severity == "warning")
    warning.baseline = "unchanged"
    assert not gates(warning, "warning")
    confirmed = result.reports[0].findings[0]
    confirmed.review = Review(decision="bekräftad", reason="rätt", by="A", date="2025-01-02")
    assert gates(confirmed, "error")
