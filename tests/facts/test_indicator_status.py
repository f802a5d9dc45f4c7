"""The indicator status is decided once (auditor.policy.target): the rules' facts, the audit result
and every output show the same figure, target, direction and verdict."""
from auditor.workflow.compare import _gap
from auditor.facts import derive
from auditor.policy.target import status_of, statuses, target_number
from auditor.knowledge import builtin_knowledge
from auditor.model import Value
from auditor.words import direction_reason

from ..factories import indicator, sample_report


def test_the_facts_carry_the_status_the_outputs_show():
    report = sample_report(kind="T2")
    facts = derive(report, builtin_knowledge())
    assert facts.statuses == statuses(report, builtin_knowledge())
    for fact in facts.indicators:
        st = facts.statuses[(fact.goal, fact.line)]
        assert (fact.figure, fact.figure_column, fact.target, fact.met, fact.direction, fact.direction_basis) == (
            st.figure, st.figure_column, st.target, st.met, st.direction, st.direction_basis)


def test_the_figure_compared_is_the_forecast_in_a_tertial_report():
    row = indicator("Andel sjukfrånvaro", 30, outcome=7.0, forecast=6.2, target=6.5)
    k = builtin_knowledge()
    assert (status_of(row, "T1", k).figure, status_of(row, "T1", k).figure_column) == (6.2, "forecast")
    assert (status_of(row, "VB", k).figure, status_of(row, "VB", k).figure_column) == (7.0, "outcome")
    assert status_of(row, "VB", k).direction == "lower" and status_of(row, "T1", k).met is True


def test_a_text_target_counts_when_it_holds_one_number():
    assert target_number(Value(value=None, unit=None, text="Max 10 personer")) == 10
    assert target_number(Value(value=None, unit=None, text="Mellan 5 och 10")) is None
    assert target_number(Value(value=None, unit=None, text="Tas fram av nämnd")) is None


def test_how_the_direction_was_decided_follows_the_language():
    """The reason reads in the language of the output: spreadsheets, HTML."""
    from auditor.render.sheets import frames
    from ..factories import sample_result

    report = sample_report()
    k = builtin_knowledge()
    found = [status_of(i, report.report_kind, k) for g in report.goals for i in g.indicators]
    sv = [direction_reason(st, "sv") for st in found]
    en = [direction_reason(st, "en") for st in found]
    assert "namnmönster: sjukfrånvaro" in sv and "standardantagande" in sv
    assert "name pattern: sjukfrånvaro" in en and "default assumption" in en
    assert not any(word in text for text in en for word in ("namnmönster", "årsmål", "standard"))
    df = frames(sample_result(report), {"lang": "en"})["Indicators"]
    assert "name pattern: sjukfrånvaro" in set(df["How the direction was decided"])
    assert not any("namnmönster" in str(v) for v in df["How the direction was decided"])
    df = frames(sample_result(report), None)["Indikatorer"]
    assert "namnmönster: sjukfrånvaro" in set(df["Hur riktningen avgjordes"])


def test_gap_by_direction():
    assert _gap(5, 4, "lower") == 1 and _gap(3, 4, "lower") == 0
    assert _gap(3, 4, "higher") == 1 and _gap(-6, 5, "band") == 1


def test_a_row_the_parser_takes_for_not_measured_is_not_measured_in_the_facts():
    """The table parser weighs 'the survey was not carried out' (placement.NOT_MEASURED_SAYS); the facts read
    the same sentences as not measured (rules/directions.yaml), so the two never disagree on a row."""
    from auditor.parser.placement import NOT_MEASURED_SAYS

    sentences = ["Enkäten kommer inte att genomföras i år.", "Undersökningen genomfördes inte under året.",
                 "Mätningen har inte genomförts.", "Enkäten ställdes in.", "Undersökningen har ställts in.",
                 "Brukarundersökningen är inställd i år.", "Undersökningen kommer inte genomföras.",
                 "Mätningen kommer att inte genomföras under 2021."]
    k = builtin_knowledge()
    assert NOT_MEASURED_SAYS.pattern in [p.pattern for p in k.not_measured], (
        "rules/directions.yaml's not_measured lacks the parser's NOT_MEASURED_SAYS: copy it there")
    for text in sentences:
        row = indicator("Andel nöjda brukare", 30, outcome=80, target=75, analysis=text)
        assert NOT_MEASURED_SAYS.search(text), text
        assert status_of(row, "VB", k).measured is False and status_of(row, "VB", k).met is None, text


def test_a_band_target_is_its_width_and_is_compared_only_as_a_band():
    """"+/-1 %" is a band of one around zero: its minus is no sign; the figure is within it or not,
    whichever side it lies on."""
    k = builtin_knowledge()
    for text in ("+/-1 %", "+/- 1 %", "± 1 %"):
        assert target_number(Value(value=None, unit=None, text=text)) == 1
    row = indicator("Nämndens avvikelse mot budget", 30, outcome=-0.5)
    row.target = Value(value=None, unit=None, text="+/-1 %")
    st = status_of(row, "VB", k)
    assert (st.direction, st.target, st.met) == ("band", 1, True)
    row.outcome = Value(value=-1.5, unit="%", text="-1,5 %")
    assert status_of(row, "VB", k).met is False
    row.outcome = Value(value=1.5, unit="%", text="1,5 %")
    assert status_of(row, "VB", k).met is False


def test_a_band_target_is_shown_as_printed():
    """Terminal and JSON evidence keep "+/-1 %", not "-1 %" or a bare width."""
    from auditor.engine.config import Config
    from auditor.engine.audit import audit_report
    from auditor.model import Goal, Report
    from auditor.render.evidence import evidence_lines

    row = indicator("Nämndens avvikelse mot budget", 30, previous=-1.0)
    row.target = Value(value=None, unit=None, text="+/-1 %")
    goal = Goal(id="g1", level="namndmal", title="Ekonomin är i balans", line=20, assessment="helt", indicators=[row])
    report = Report(source="lövsjö.txt", report_kind="T2", year=2020, goals=[goal], line_count=100)
    found, = audit_report(report, Config(select=["IND-NO-FORECAST"]))
    assert found.evidence["target"] == "+/-1 %"
    assert "årsmål +/-1 %" in evidence_lines(found, "sv")[0]
