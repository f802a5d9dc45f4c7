import io

from auditor.findings import AuditResult, Review
from auditor.policy.target import IndicatorStatus
from auditor.render import get_renderer
from auditor.render.sheets import frames

from ..factories import audit_of, finding, sample_report, sample_result


def load(xlsx: bytes):
    import openpyxl
    return openpyxl.load_workbook(io.BytesIO(xlsx))


def test_xlsx_has_findings_and_indicators_with_types_and_widths():
    result = sample_result()
    result.reports[0].findings[0].review = Review(decision="bekräftad", reason="Stämmer", by="D", date="2025-04-01")
    wb = load(get_renderer("xlsx")(result, None))
    assert wb.sheetnames == ["Fynd", "Indikatorer"]
    fynd, ind = wb["Fynd"], wb["Indikatorer"]
    header = [c.value for c in fynd[1]]
    assert header[:7] == ["Nämnd", "Rapport", "År", "Källa", "Rad", "Regel", "Allvarlighet"]
    assert fynd.max_row == 1 + 8
    rows = [{h: c.value for h, c in zip(header, r)} for r in fynd.iter_rows(min_row=2)]
    row = next(r for r in rows if r["Fingeravtryck"] == result.reports[0].findings[0].fingerprint)
    assert isinstance(row["Rad"], int) and row["Rad"] == 20 and row["År"] == 2020
    assert row["Beslut"] == "bekräftad" and row["Motivering"] == "Stämmer"
    iheader = [c.value for c in ind[1]]
    rows = [{h: c.value for h, c in zip(iheader, r)} for r in ind.iter_rows(min_row=2)]
    assert len(rows) == 6  # 3 indicators × 2 committees
    jobs = next(r for r in rows if r["Indikator"] == "Antal aspiranter som fått Stockholmsjobb")
    assert jobs["Utfall"] == 22 and jobs["Årsmål"] == 33 and jobs["Utfall män/pojkar"] == 7
    assert jobs["Når målet"] is False and jobs["Har analys"] is True
    assert jobs["Riktning"] == "högre är bättre" and jobs["Hur riktningen avgjordes"]
    assert jobs["Målets bedömning"] == "Uppfylls helt" and jobs["Mål nr"] == "1.1"
    assert fynd.freeze_panes == "A2" and fynd.auto_filter.ref
    widths = {k: v.width for k, v in ind.column_dimensions.items()}
    assert widths["I"] > widths["C"]  # indicator name column wider than year


def test_indicator_status_comes_from_the_audit():
    """The table shows the status the audit carries; it does not decide it again."""
    result = sample_result(sample_report(kind="T1"))
    audit = result.reports[0]
    status = IndicatorStatus(figure=1.0, figure_column="forecast", target=2.0, direction="lower",
                             direction_basis="name pattern", direction_detail="sjukfrånvaro", measured=True, met=True)
    audit.indicator_status = {key: status for key in audit.indicator_status}
    df = frames(result, {"lang": "en"})["Indicators"]
    assert len(audit.indicator_status) == 3
    assert list(df["Meets target"]) == [True] * 3
    assert set(df["Direction"]) == {"lower is better"}
    assert set(df["How the direction was decided"]) == {"name pattern: sjukfrånvaro"}


def test_default_status_uses_forecast_in_tertial_reports():
    df = frames(sample_result(sample_report(kind="T2")), None)["Indikatorer"]
    sick = df[df["Indikator"] == "Andel sjukfrånvaro"].iloc[0]
    assert sick["Jämförd siffra"] == 6.2 and sick["Jämförd kolumn"] == "prognos"


def test_csv_swedish_and_english(tmp_path):
    text = get_renderer("csv")(sample_result(), None)
    assert text.startswith("\ufeffNämnd;Rapport;År;Källa;Rad;Regel")
    ind = get_renderer("csv")(sample_result(), {"table": "indicators"})
    assert ";4,1;" in ind and ";nej;" in ind
    en = get_renderer("csv")(sample_result(), {"lang": "en", "table": "indicators"})
    assert en.startswith("\ufeffCommittee,") and ",4.1," in en and ",no," in en
    assert get_renderer("csv")(sample_result(), {"output": str(tmp_path) + "/tables/"}) is None
    assert sorted(p.name for p in (tmp_path / "tables").iterdir()) == ["fynd.csv", "indikatorer.csv"]


def test_dirty_text_and_formula_like_text_stay_text():
    report = sample_report()
    f = finding("GOAL-NO-ANALYSIS", 80, "=HYPERLINK(\"http://x\") \x00\x07 slut " + "y" * 40000,
                goal=report.goals[3], source=report.source)
    report.goals[1].indicators[0].name = "+1 \x1b[31m röd"
    wb = load(get_renderer("xlsx")(AuditResult(reports=[audit_of(report, [f])]), None))
    msg = wb["Fynd"]["J2"].value
    assert msg.startswith("=HYPERLINK") and wb["Fynd"]["J2"].data_type == "s"
    assert "\x00" not in msg and len(msg) <= 32000
    assert wb["Indikatorer"]["I2"].value == "+1 [31m röd"


def test_report_without_model_has_no_indicator_rows():
    result = sample_result(sample_report())
    result.reports[0].report = None
    df = frames(result, None)["Indikatorer"]
    assert len(df) == 0 and "Indikator" in df.columns
    load(get_renderer("xlsx")(result, None))
    load(get_renderer("xlsx")(AuditResult(), None))


def _evidence_finding(report):
    return finding("IND-UNMET-NO-ANALYSIS", 40, "når inte årsmålet", goal=report.goals[1], source=report.source,
                   confidence="low",
                   evidence={"indicator": "Antal aspiranter", "line": 40, "unit": "st", "forecast": 20.5,
                             "target": 33, "compared": "forecast", "direction": "lower", "analysis": "",
                             "gap_unit": None, "met": False})


def test_evidence_and_confidence_are_in_the_readers_language(tmp_path):
    report = sample_report()
    result = AuditResult(reports=[audit_of(report, [_evidence_finding(report)])])
    sv = frames(result, {"lang": "sv"})["Fynd"].iloc[0]
    assert sv["Underlag"] == ("indikator: Antal aspiranter; rad: 40; enhet: st; prognos: 20,5 st; årsmål: 33 st; "
                              "jämförs: prognos; riktning: lägre är bättre; når målet: nej")
    assert sv["Säkerhet"] == "låg"
    en = frames(result, {"lang": "en"})["Findings"].iloc[0]
    assert en["Evidence"].startswith("indicator: Antal aspiranter; line: 40; unit: st; forecast: 20")
    assert "direction: lower" in en["Evidence"]
    assert en["Confidence"] == "low"
    csv = get_renderer("csv")(result, {"lang": "sv"})
    assert "indikator: Antal aspiranter; rad: 40" in csv and ";låg;" in csv
    assert "gap_unit" not in csv and "compared" not in csv and "analysis" not in csv


def test_workbook_figures_show_whole_numbers_without_a_separator():
    """'#,##0.##' shows 22 as "22," in Swedish Excel: whole numbers and decimals get their own formats."""
    wb = load(get_renderer("xlsx")(sample_result(sample_report()), None))
    ind = wb["Indikatorer"]
    header = [c.value for c in ind[1]]
    cells = {(r[header.index("Indikator")].value, h): r[header.index(h)]
             for r in ind.iter_rows(min_row=2) for h in ("Utfall", "Årsmål")}
    jobs = cells[("Antal aspiranter som fått Stockholmsjobb", "Utfall")]
    share = cells[("Andel barn i familjer med ekonomiskt bistånd", "Utfall")]
    assert jobs.value == 22 and jobs.number_format == "#,##0"
    assert share.value == 4.1 and share.number_format == "#,##0.0###"
    formats = {c.number_format for row in ind.iter_rows(min_row=2) for c in row if isinstance(c.value, float)}
    assert not any(f.endswith(".##") for f in formats)
