"""Unit tests of the parser's pieces: cell splitting and column assignment, header columns, furniture,
and small layouts that have no fixture of their own."""
from __future__ import annotations

import pytest

from auditor.parser import parse_text
from auditor.parser.furniture import find_furniture
from auditor.input.labels import header_columns
from auditor.input.lines import Line, split_lines
from auditor.model import Indicator
from auditor.parser.placement import Context, decide, pending_row
from auditor.input.values import value_groups_to_cells

from ..factories import report_text


def cells_of(*groups: str):
    """Value groups as the parser sees them: each group a list of raw lines."""
    return value_groups_to_cells([[Line(0, raw, raw.strip()) for raw in g.split("\n")] for g in groups])


def place(readings, kind=None):
    """Place one row's cells as the parser does, with spacing read as evidence when the row shows any."""
    row = pending_row(readings, ("outcome", "outcome_men", "outcome_women", "previous", "forecast", "target",
                                 "kf_target"))
    ind = Indicator(name="x", line=1)
    decide(ind, row, Context(report_kind=kind, spacing=row.spaced))
    return ind


def texts(row):
    return {col: (v.text if v else None) for col, v in row.cells().items()}


def test_spacing_places_empty_cells():
    row = place(cells_of("   70 %  70 % 69 % 2025"))
    assert row.columns_certain and row.period == "2025"
    assert texts(row) == {"outcome": None, "outcome_men": None, "outcome_women": None, "previous": "70 %",
                          "forecast": None, "target": "70 %", "kf_target": "69 %"}


def test_wrapped_cells_and_period_over_groups():
    row = place(cells_of("0,06 % 0,09 % 0,02 \n% ", "0,03 \n% ", " 1,5 % 1,5 % Tertial 2 \n2020 "))
    assert row.columns_certain and row.period == "Tertial 2 2020"
    assert row.cells()["outcome_women"].value == 0.02 and row.cells()["previous"].value == 0.03
    assert row.cells()["forecast"] is None and row.cells()["target"].value == 1.5


def test_text_target_wraps_mid_word():
    row = place(cells_of("     90 % Faststäl\nls 2020 ", "2020 "))
    assert row.cells()["target"].value == 90 and row.cells()["kf_target"].text == "Fastställs 2020"
    assert row.period == "2020"


@pytest.mark.parametrize("line, target, kf", [
    ("     20 000 Tas \nfram av \nnämnd \n", 20000, "Tas fram av nämnd"),
    ("    100 100 st 117 100 st  2019", 117100, None),
])
def test_thousands_follow_the_spacing(line, target, kf):
    groups = [g for g in line.split("\n\n")]
    row = place(cells_of(*groups, *(["2025"] if "2019" not in line else [])))
    assert row.cells()["target"].value == target
    assert (row.cells()["kf_target"].text if row.cells()["kf_target"] else None) == kf


def test_thousands_with_a_leading_zero_group_are_one_figure():
    # no spacing to go by: assigned by meaning (the sexes add up to the outcome, so the shape is clear)
    row = place(cells_of("700 st 358 st 342 st 737 st 730 st 9 000 st VB \n2020"))
    assert row.cells()["kf_target"].value == 9000 and row.cells()["outcome_men"].value == 358
    assert row.cells()["previous"].value == 737 and row.cells()["target"].value == 730 and row.cells()["forecast"] is None


def test_rows_without_spacing_are_placed_by_meaning_with_a_confidence_below_one():
    row = place(cells_of("3,3 3,2 3,4 Tas \nfram av \nnämnd", "2020"))
    assert texts(row)["outcome"] == "3,3" and texts(row)["previous"] == "3,2" and texts(row)["target"] == "3,4"
    assert texts(row)["kf_target"] == "Tas fram av nämnd"
    assert 0.5 < row.confidence < 1 and row.cell_confidence["kf_target"] > row.cell_confidence["previous"]


def test_a_truly_ambiguous_row_is_uncertain_and_names_its_alternative():
    # outcome, forecast and target, or outcome, target and KF's target: nothing in the row tells
    row = place(cells_of("25 % 10 % 10 % Tertial \n1 2025"), kind="T1")
    assert not row.columns_certain and row.confidence < 0.9
    assert row.alternative and set(row.alternative) <= {"forecast", "target", "kf_target"}


def test_a_shares_forecast_lies_near_its_outcome():
    # 0,05 % so far: a forecast of 2 % for the year is far-fetched, so the two equal figures are the targets
    far = place(cells_of("0,05 % 0,08 % 0,02 % 0,04 % 2 % 2 % Tertial 2 2021"), kind="T2")
    assert far.cells()["forecast"] is None and far.cells()["target"].value == 2 and far.cells()["kf_target"].value == 2
    # near the outcome either reading stays possible, and the row says it is unsure
    near = place(cells_of("1,6 % 1,9 % 1,3 % 1,4 % 2 % 2 % Tertial 2 2021"), kind="T2")
    assert not near.columns_certain and near.confidence < 0.9


def test_counts_split_by_sex_add_up_shares_lie_between():
    counts = place(cells_of("43 65 43 43 st Tas \nfram av \nnämnd", "VB \n2020"))
    assert counts.cells()["outcome_men"] is None          # 65 + 43 is not 43
    shares = place(cells_of("75 % 80 % 72 % 67 % 62 % 2020"))
    assert shares.cells()["outcome_men"].value == 80 and shares.cells()["outcome_women"].value == 72


def test_header_columns_are_read_from_a_split_header():
    assert header_columns("Indikator Periodens utfall Utfall män/ pojkar Utfall kvinn or/ flicko r Perio dens "
                          "utfall VB 2019 Progno s helår Årsmål KF:s årsmål Period") == [
        "outcome", "outcome_men", "outcome_women", "previous", "forecast", "target", "kf_target"]
    assert header_columns("Indikator Periodens utfall Årsmål Period") == ["outcome", "target"]
    assert header_columns("Indikator Något helt annat") is None


def test_furniture_block_is_found_mid_sentence():
    lines = split_lines("Förvaltningen har under året \n\nTjänsteutlåtande\nSid 11 (38)\n\nExempelgatan 2\n"
                        "start.stockholm\n\n08 - 508 00 000\n\narbetat med frågan.\n")
    marked = {lines[i].text for i in find_furniture(lines)}
    assert marked == {"Tjänsteutlåtande", "Sid 11 (38)", "Exempelgatan 2", "start.stockholm", "08 - 508 00 000"}


@pytest.mark.parametrize("page, marked", [
    ("11", {"Tjänsteutlåtande", "11", "Exempelgatan 2", "start.stockholm"}),         # the page number alone
    ("11 (38)", {"Tjänsteutlåtande", "11 (38)", "Exempelgatan 2", "start.stockholm"}),
    ("- 11 -", {"Tjänsteutlåtande", "- 11 -", "Exempelgatan 2", "start.stockholm"}),
])
def test_a_page_number_printed_alone_is_furniture(page, marked):
    lines = split_lines(f"Andel nöjda brukare\n\n80 % 75 % VB\n2020\n\nTjänsteutlåtande\n{page}\n\nExempelgatan 2\n"
                        "start.stockholm\n\n12\n\nAnalys\n")
    got = {lines[i].text for i in find_furniture(lines)}
    # the period's year above the block and a figure after it are content
    assert got == marked


@pytest.mark.parametrize("line, furniture", [("41(102)", True), ("41 (102)", True), ("103 (102)", False),
                                             ("Lövsjö stadsdelsnämnd, Tertialrapport 41(102)", True)])
def test_a_page_of_pages_alone_anchors_the_furniture(line, furniture):
    lines = split_lines(f"Förvaltningen har arbetat\n\n{line}\n\nvidare med frågan.\n")
    assert bool(find_furniture(lines)) == furniture


def test_deviation_on_a_line_of_its_own():
    report = parse_text("KF:s mål för verksamhetsområdet: 1.1 Parkerna är trygga\n\n Uppfylls helt\n\n"
                        " Aktivitet Startdatum Slutdatum Avvikelse\n\nBelysningen i parkerna ska ses över.\n\n"
                        "2021-01-01 2021-12-31\nAvvikelse\n\nAnalys\nArbetet har skjutits upp.\n", "x")
    (act,) = report.goals[0].activities
    assert act.deviation and act.analysis == "Arbetet har skjutits upp." and act.text.endswith("ses över.")


def test_columns_from_a_narrower_header():
    report = parse_text("KF:s mål för verksamhetsområdet: 1.1 Parkerna är trygga\n\n Uppfylls helt\n\n"
                        "Indikator Periodens utfall Årsmål Period\n\nAndel trygga besökare\n\n80 % 75 % 2021\n", "x")
    (ind,) = report.goals[0].indicators
    assert ind.outcome.value == 80 and ind.target.value == 75 and ind.previous is None and ind.columns_certain


def test_narrative_settles_uncertain_columns():
    # under the committee's own goal the layout alone would leave KF's column empty and read 67 % as last
    # year's outcome; the prose says it is the target
    report = parse_text(
        "Nämndmål:\nUnga mår bra\n\n Uppfylls helt\n\nAnalys\n\n"
        "Andel unga som inte röker\nUtfallet blev 75 % och årsmålet om 67 % nås därmed med god marginal.\n\n"
        "Indikator Periodens utfall Utfall män/pojkar Utfall kvinnor/flickor Periodens utfall VB 2020 "
        "Prognos helår Årsmål KF:s årsmål Period\n\nAndel unga som inte röker\n\n75 % 80 % 72 % 67 % 62 % 2021\n",
        "x")
    (ind,) = report.goals[0].indicators
    assert ind.target.value == 67 and ind.kf_target.value == 62 and ind.previous is None
    assert "columns settled by the prose" in ind.notes


@pytest.mark.parametrize("text, complete", [
    ("Nämndmål:\nAlla barn har en meningsfull fritid\n\n Uppfylls helt\n\n Aktivitet Startdatum Slutdatum Avvikelse\n",
     False),                                                   # ends on a table header
    ("Nämndmål:\nAlla barn har en fritid\n\n Uppfylls helt\n\nIndikator Periodens utfall Årsmål Period\n\n"
     "Andel barn som\nbesöker\n", False),                       # a row name that never got its values
    ("Nämndmål:\nAlla barn har en fritid\n\n Uppfylls helt\n\nIndikator Periodens utfall Årsmål Period\n\n"
     "Andel barn\n\n80 % 75 % 2021\n\nUppgifterna avser hela året.\n", True),   # a footnote closes the table
])
def test_cut_off_reports_are_told_apart_from_complete_ones(text, complete):
    report = parse_text(text, "x")
    assert report.complete is complete
    assert any(d.code == "truncated" for d in report.diagnostics) is (not complete)


def test_a_text_indented_as_a_whole_keeps_its_columns():
    plain = ("KF:s mål för verksamhetsområdet: 1.1 Parkerna är trygga\n\n Uppfylls helt\n\n"
             "Indikator Periodens utfall Utfall män/pojkar Utfall kvinnor/flickor Periodens utfall VB 2020 "
             "Prognos helår Årsmål KF:s årsmål Period\n\nAndel trygga besökare\n\n   70 %  75 % 74 % 2021\n\n"
             "Andel nöjda besökare\n\n80 % 78 % 82 % 79 %  85 % 85 % 2021\n")
    indented = "\n".join("   " + line if line.strip() else line for line in plain.split("\n"))
    for text in (plain, indented):
        first, second = parse_text(text, "x").goals[0].indicators
        assert first.outcome is None and first.previous.value == 70 and first.target.value == 75
        assert second.outcome.value == 80 and second.forecast is None and second.target.value == 85


def test_a_sentence_ending_in_a_year_is_not_a_row():
    report = parse_text(
        "KF:s mål för verksamhetsområdet: 1.1 Parkerna är trygga\n\n Uppfylls helt\n\n"
        "Indikator Periodens utfall Årsmål Period\n\nAndel trygga besökare\n\n70 % 75 % 2021\n\nAnalys\n"
        "Mätningen görs vartannat år och redovisas därför\n  först i verksamhetsberättelsen 2021\n", "x")
    (ind,) = report.goals[0].indicators
    assert ind.analysis.endswith("verksamhetsberättelsen 2021")


def test_a_text_far_shorter_than_its_pages_is_cut_off():
    head = ("KF:s mål för verksamhetsområdet: 1.1 Parkerna är trygga\n\n Uppfylls helt\n\nAnalys\n"
            + "Förvaltningen har arbetat vidare med tryggheten i parkerna.\n" * 30)
    footer = "\nTjänsteutlåtande\nSid 2 (40)\n\n"
    cut = parse_text(head + footer + "Arbetet fortsätter under hösten.\n", "x")
    assert not cut.complete and cut.diagnostics[-1].code == "truncated"
    whole = parse_text(head + footer.replace("Sid 2 (40)", "Sid 2 (2)") + "Arbetet fortsätter under hösten.\n", "x")
    assert whole.complete


def test_a_text_that_stops_mid_sentence_in_a_goal_is_cut_off():
    report = parse_text("KF:s mål för verksamhetsområdet: 1.1 Parkerna är trygga\n\n Uppfylls helt\n\nAnalys\n"
                        "Förvaltningen har under året arbetat vidare med tryggheten i parkerna och med\n", "x")
    assert not report.complete


_ONE_ROW = report_text("Förvaltningen bedömer att målet uppfylls helt.",
                       "{name}\n\n5 st 3 st 4 st  VB 2020\n\nAndel nöjda brukare\n\n80 % 70 % 75 %  VB 2020\n")


def test_a_long_name_printed_on_one_line_is_the_rows_name():
    """Tools that do not wrap table cells print a long name on one line, then its values."""
    from auditor.parser import parse_text

    name = "Antal planerade bostadsprojekt med särskilda platser för personer inom socialpsykiatrin och LSS"
    report = parse_text(_ONE_ROW.format(name=name))
    rows = [(i.name, i.outcome.text) for g in report.goals for i in g.indicators]
    assert rows == [(name, "5 st"), ("Andel nöjda brukare", "80 %")]


def test_values_without_a_name_are_no_row_and_are_reported():
    """A values line is never read as a name ("5 st" with the rest of the cells moved one column)."""
    from auditor.parser import parse_text

    report = parse_text(_ONE_ROW.format(name="Förvaltningen har under året tagit fram fler bostäder för personer "
                                             "som behöver stöd i vardagen."))
    assert [i.name for g in report.goals for i in g.indicators] == ["Andel nöjda brukare"]
    assert any(d.code == "unplaced-indicator-table" and d.text.startswith("5 st") for d in report.diagnostics)


def test_each_cell_on_a_line_of_its_own():
    """Some tools print every cell of a row on a line of its own: the period after a complete cell is the
    period, not the rest of that cell."""
    from auditor.parser import parse_text

    text = _ONE_ROW.format(name="Antal planerade bostadsprojekt").replace("5 st 3 st 4 st  VB 2020",
                                                                          "5 st\n3 st\n4 st\nVB 2020")
    ind = parse_text(text).goals[0].indicators[0]
    assert ind.period == "VB 2020" and ind.outcome.text == "5 st" and ind.target is not None


def test_a_figure_in_the_name_is_not_the_first_cell():
    """Name and cells on one line: '… inom 14 dagar 92 % 93 % …' – a first figure in another unit than
    every cell after it belongs to the name."""
    from auditor.parser import parse_text

    text = _ONE_ROW.format(name="").replace(
        "\n\n5 st 3 st 4 st  VB 2020", "Andel ärenden som avslutas inom 14 dagar 92 % 90 % 95 % 95 % VB 2020")
    names = [i.name for g in parse_text(text).goals for i in g.indicators]
    assert "Andel ärenden som avslutas inom 14 dagar" in names


def test_a_ratio_unit_stays_in_its_cell():
    from auditor.input.values import split_cells

    cells = [c.text for c in split_cells("1,46 1,9 1,9 kg CO2 per kg matavfall 2020", 0)[0]]
    assert cells == ["1,46", "1,9", "1,9 kg CO2 per kg matavfall", "2020"]
    assert [c.text for c in split_cells("12 kr per invånare Minska VB 2020", 0)[0]] == \
        ["12 kr per invånare", "Minska", "VB 2020"]


def test_a_figure_like_a_year_with_a_unit_is_a_cell_of_its_own():
    from auditor.input.values import starts_new_cell

    assert starts_new_cell("1,35 GWh", "1950 GWh")
    assert not starts_new_cell("Tas fram av nämnd/", "2025")


def test_an_activity_running_on_from_the_analysis_above_it_without_indentation():
    """Flat extraction drops the indent that starts a table row: the next activity then follows the
    previous one's analysis directly. It starts after the sentence's end, where the lines narrow to the
    activity column."""
    from auditor.parser.activities import split_at_narrower_start
    from auditor.input.lines import Line

    texts = ["Arbetet med att ta fram en ny rutin för uppföljning av placerade barn har pågått under hela perioden",
             "och rutinen beslutades i maj.",
             "Socialnämnden ska utveckla stödet till",
             "familjehem i hela staden"]
    parts = [Line(n, t + " ", t) for n, t in enumerate(texts, 1)]
    before, after = split_at_narrower_start(parts)
    assert [p.no for p in before] == [1, 2] and [p.no for p in after] == [3, 4]
    # an activity text of two sentences in one column is not split
    same = [Line(1, "Genomföra en kartläggning. ", "Genomföra en kartläggning."),
            Line(2, "Införa en ny rutin för hela ", "Införa en ny rutin för hela"), Line(3, "förvaltningen ", "förvaltningen")]
    assert split_at_narrower_start(same) == ([], same)


@pytest.mark.parametrize("header,columns", [
    ("Indikator Utfall Årsmål Period", ["outcome", "target"]),
    ("Indikator Utfall Utfall pojkar/ män Utfall flickor/ kvinnor Utfall 2019 Årsmål Period",
     ["outcome", "outcome_men", "outcome_women", "previous", "target"]),
    ("Indikator Periodens utfall Föregående års utfall Helårsprognos Årsmål Kommunfullmäktiges årsmål Period",
     ["outcome", "previous", "forecast", "target", "kf_target"]),
    ("Indikator Periodens utfall Utfall föregående år Nämndens årsmål KF:s årsmål Period",
     ["outcome", "previous", "target", "kf_target"]),
])
def test_header_wordings_of_other_years_and_reports(header, columns):
    from auditor.input.labels import header_columns

    assert header_columns(header) == columns


_WRAPPED = """Lövsjö stadsdelsnämnd
Verksamhetsberättelse 2021

KF:s mål för verksamhetsområdet:
1.1 Äldre i Lövsjö har en trygg och
meningsfull vardag

Uppfylls delvis

Indikator Periodens utfall Periodens utfall VB 2020 Årsmål KF:s årsmål Period

Andel äldre med
hemtjänst som är
nöjda/
trygga med sitt boende

81 % 79 % 85 % 85 % VB 2021

Analys
Utfallet blev 81 %.
"""


@pytest.mark.parametrize("trailing", [True, False])
def test_wrapped_names_and_titles_join_at_words_with_or_without_trailing_spaces(trailing):
    """Tools that print a trailing space where a wrapped line goes on after a space say where a word was
    cut; tools that print none at all say nothing, and a line then goes on after a space (unless it ends in
    a slash or a hyphen)."""
    lines = _WRAPPED.split("\n")
    if trailing:
        text = "\n".join(line + " " if line and not line.endswith("/") else line for line in lines)
    else:
        text = "\n".join(line.rstrip() for line in lines)
    report = parse_text(text)
    goal = report.goals[0]
    assert goal.title == "Äldre i Lövsjö har en trygg och meningsfull vardag"
    assert goal.indicators[0].name == "Andel äldre med hemtjänst som är nöjda/trygga med sitt boende"


def test_decomposed_letters_ligatures_and_soft_hyphens_read_as_plain_text():
    """Some tools print "å" as "a" plus a combining ring, "fi" as one ligature character, or keep the soft
    hyphens of the PDF: the report reads as if it had been printed plainly."""
    import unicodedata

    plain = parse_text(_WRAPPED)
    odd = _WRAPPED.replace("Utfallet blev", "Utfallet ﬁck ﬂer och blev").replace("hemtjänst", "hem\u00adtjänst")
    assert "\u00ad" in odd
    odd = unicodedata.normalize("NFD", odd)
    report = parse_text(odd)
    assert [(g.title, g.assessment) for g in report.goals] == [(g.title, g.assessment) for g in plain.goals]
    assert report.goals[0].indicators[0].name == plain.goals[0].indicators[0].name
    assert report.goals[0].indicators[0].analysis == "Utfallet fick fler och blev 81 %."


def test_a_text_cell_cut_mid_word_before_the_period_without_trailing_spaces():
    """"Faststäl" / "ls 2021" is KF's target, not a period "2021": the row goes on to its period, also
    where the document's line ends say nothing."""
    text = _WRAPPED.replace("81 % 79 % 85 % 85 % VB 2021", "81 % 79 % 85 % Faststäl\nls 2021\n\nTertial\n2 2021")
    text = text.replace("Verksamhetsberättelse 2021", "Tertialrapport 2 2021")
    for document in (text, "\n".join(line.rstrip() for line in text.split("\n"))):
        row = parse_text(document).goals[0].indicators[0]
        assert row.period == "Tertial 2 2021"
        assert row.kf_target.text == "Fastställs 2021"


@pytest.mark.parametrize("first, second, joined", [
    ("Andel brukare med funktionsned", "sättning som har", "Andel brukare med funktionsnedsättning som har"),
    ("Andel brukare inom vård-", "och omsorg som har", "Andel brukare inom vård- och omsorg som har"),
    ("Andel brukare i LSS-", "boende som har", "Andel brukare i LSS-boende som har"),
    # two words that are words on their own stay two, though the prose says "förskolan"
    ("Andel brukare som går till för", "skolan och som har", "Andel brukare som går till för skolan och som har"),
])
def test_a_name_cut_inside_a_word_without_trailing_spaces(first, second, joined):
    """Where line ends say nothing, the document's own words tell a word cut by a narrow column."""
    text = _WRAPPED.replace("Andel äldre med\nhemtjänst som är\nnöjda/\ntrygga med sitt boende",
                            f"{first}\n{second}\nett eget boende")
    text = text.replace("Utfallet blev 81 %.", "Utfallet blev 81 %. Brukare med funktionsnedsättning och barn i "
                        "förskolan har fått mer stöd för att klara skolan och vardagen under året.")
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    assert parse_text(text).goals[0].indicators[0].name == joined + " ett eget boende"


HEADER_VB = ("Indikator Periodens utfall Utfall män/pojkar Utfall kvinnor/flickor Periodens utfall VB 2023 "
             "Prognos helår Årsmål KF:s årsmål Period\n\n")
GOAL_VB = "Verksamhetsberättelse 2024\n\nKF:s mål för verksamhetsområdet: 1.1 Fler lär sig svenska\n\n Uppfylls helt\n\n"


def _rows(text):
    return [i for g in parse_text(text, "x").goals for i in g.indicators]


@pytest.mark.parametrize("cells", [
    "Antal läsombud 212 st 198 st 200 st tas fram\nav\nnämnde\nn\n\nVB\n2024\n",   # text cell over 4 lines
    "Antal läsombud 212 st 198 st 200 st tas fram VB 2024\nav\nnämnde\nn\n",       # period on the first line
])
def test_a_row_right_after_an_analysis_is_a_row_and_its_text_cell_is_read_whole(cells):
    text = (GOAL_VB + HEADER_VB + "Andel nöjda besökare\n\n88 % 81 % 90 % 90 % VB 2024\n\nAnalys\n"
            "Besökarna är nöjda med de nya öppettiderna.\n" + cells + "\nAnalys\nOmbuden har varit aktiva.\n")
    first, second = _rows(text)
    assert "läsombud" not in (first.analysis or "")
    assert second.name == "Antal läsombud" and second.period == "VB 2024"
    assert second.kf_target.text == "tas fram av nämnden" and second.outcome.value == 212
    assert second.analysis == "Ombuden har varit aktiva."


def test_prose_with_a_figure_after_a_sentence_stays_prose():
    text = (GOAL_VB + HEADER_VB + "Andel nöjda besökare\n\n88 % 81 % 90 % 90 % VB 2024\n\nAnalys\n"
            "Besökarna är nöjda.\nUtfallet blev 88 % 2024\noch det är mer än väntat.\n")
    (row,) = _rows(text)
    assert "Utfallet blev 88 %" in row.analysis


HEADER_NO_FORECAST = ("Verksamhetsberättelse 2024\n\nKF:s mål för verksamhetsområdet: 1.1 Fler lär sig svenska\n\n"
                      " Uppfylls helt\n\nIndikator Periodens utfall Utfall män/pojkar Utfall kvinnor/flickor "
                      "Utfall VB 2023 Årsmål KF:s årsmål Period\n\n")
SURE_ROWS = ["Andel nöjda elever\n\n80 % 78 % 82 % 79 % 85 % Öka VB 2024\n",
             "Andel elever som klarar kursen\n\n70 % 65 % 75 % 68 % 72 % Öka VB 2024\n",
             "Andel lärare med behörighet\n\n90 % 88 % 91 % 89 % 92 % 95 % VB 2024\n"]
DOUBTFUL = "Andel deltagare som fullföljer\n\n88 % 81 % 95 % Öka VB 2024\n"


def test_a_tables_sure_rows_tell_where_its_text_targets_stand():
    """The committee's target is a figure and KF's column holds "Öka" in the sure rows: the doubtful row
    (whose 81 % and 95 % could also be a split by sex around 88 %) is read the same way, more surely."""
    alone = parse_text(HEADER_NO_FORECAST + DOUBTFUL, "x").goals[0].indicators[0]
    with_table = parse_text(HEADER_NO_FORECAST + "\n".join(SURE_ROWS + [DOUBTFUL]), "x").goals[0].indicators[-1]
    for row in (alone, with_table):
        assert texts(row)["target"] == "95 %" and texts(row)["kf_target"] == "Öka"
    # alone, the row leans on its goal being KF's (so KF's column is filled); the table makes it surer
    assert 0.6 <= alone.confidence and alone.confidence + 0.05 < with_table.confidence


def test_the_text_pattern_says_nothing_without_sure_rows():
    from auditor.parser.row_patterns import text_pattern
    assert text_pattern([]) == {"target": (0.0, 0.0)}
    sure = [i for i in parse_text(HEADER_NO_FORECAST + "\n".join(SURE_ROWS), "x").goals[0].indicators]
    text, figure = text_pattern(sure)["target"]
    assert text < -0.5 and figure > 0


# the committee's own goal: its rows have no KF target, so three cells leave last year's outcome, the
# forecast and the target to weigh
HEADER_T1 = ("Lövsjö stadsdelsnämnd\nTertialrapport 1 2025\n\nNämndmål:\nFler lär sig svenska\n\n"
             " Uppfylls helt\n\nIndikator Periodens utfall Utfall män/pojkar Utfall kvinnor/flickor Utfall VB 2024 "
             "Prognos helår Årsmål KF:s årsmål Period\n\n")
YEARLY_ROWS = ["Andel nöjda elever\n\n81 % 85 % 85 % 2025\n", "Andel elever som klarar kursen\n\n64 % 70 % 70 % 2025\n"]


def test_rows_of_one_table_printed_alike_are_read_alike():
    """Two yearly rows of one goal's table print three cells each: each is surer for the other's reading."""
    alone = parse_text(HEADER_T1 + YEARLY_ROWS[0], "x").goals[0].indicators[0]
    first, second = parse_text(HEADER_T1 + "\n".join(YEARLY_ROWS), "x").goals[0].indicators
    for row in (alone, first, second):
        assert [c for c, v in row.cells().items() if v] == ["previous", "forecast", "target"]
    assert first.confidence > alone.confidence + 0.05


def test_a_survey_that_no_one_carried_out_leaves_the_row_without_outcome():
    """'Ingen ... har genomförts': the printed figure is last year's, not the period's."""
    head = ("Verksamhetsberättelse 2024\n\nNämndmål:\nBesökarna i Lövsjö är nöjda\n\n Uppfylls helt\n\n"
            "Indikator Periodens utfall Utfall män/pojkar Utfall kvinnor/flickor Utfall VB 2023 "
            "Prognos helår Årsmål KF:s årsmål Period\n\nAndel nöjda besökare i simhallen\n\n91 % 90 % 2024\n\n"
            "Analys\n\n")
    said = parse_text(head + "Simhallen var stängd. Ingen besökarundersökning har därför genomförts i år.\n",
                      "x").goals[0].indicators[0]
    silent = parse_text(head + "Simhallen hade öppet hela året.\n", "x").goals[0].indicators[0]
    assert said.outcome is None and said.previous.value == 91 and said.target.value == 90
    assert silent.outcome.value == 91


# A flat tertial report: KF's goal with a sure row (its text targets can only stand in the target columns)
# and a doubtful budget row, and the committee's goal with a count whose analysis may say it is reached.
HEADER_T2 = ("Indikator Periodens utfall Utfall män/pojkar Utfall kvinnor/flickor Utfall VB 2024 Prognos helår "
             "Årsmål KF:s årsmål Period\n\n")
KF_GOAL_T2 = ("Lövsjö stadsdelsnämnd\nTertialrapport 2 2025\n\nKF:s mål för verksamhetsområdet: 3.1 Lövsjö har en "
              "budget i balans\n\n Uppfylls helt\n\n" + HEADER_T2)
SURE_KF_ROW = "Nämndens prognosprecision\n\n-2 % +/-1 % +/- 1 % 2025\n\n"
BUDGET_ROW = "Förvaltningens budgetutfall\n\n97,3 % 96,8 % 100 % 100 % Tertial 2 2025\n"


def test_a_goals_sure_rows_tell_whether_its_table_fills_kfs_column():
    """The goal's sure row has KF's target: the doubtful row of the same goal is surer to have it too."""
    from auditor.parser.placement import _log_kf_filled
    alone = _log_kf_filled(True, (0, 0))
    with_kf, without_kf = _log_kf_filled(True, (1, 0)), _log_kf_filled(True, (0, 1))
    assert with_kf[0] > alone[0] > without_kf[0]
    assert _log_kf_filled(False, (2, 0))[0] > _log_kf_filled(False, (0, 0))[0]
    rows = parse_text(KF_GOAL_T2 + SURE_KF_ROW + BUDGET_ROW, "x").goals[0].indicators
    lone = parse_text(KF_GOAL_T2 + BUDGET_ROW, "x").goals[0].indicators[0]
    assert rows[0].confidence >= 0.9 and texts(rows[1])["kf_target"] == "100 %"
    assert rows[1].cell_confidence["kf_target"] > lone.cell_confidence["kf_target"]


def test_a_figure_that_differs_from_a_target_of_100_percent_is_not_its_forecast():
    """Equal figures at a share's bound say nothing of their columns, but a forecast of 96,8 % beside a
    target of 100 % is evidence as any difference is: the usual forecast repeats the target."""
    from auditor.input.values import parse_value
    from auditor.parser.placement import Context, _context_evidence
    ctx = Context(report_kind="T2")
    cells = dict.fromkeys(("outcome", "outcome_men", "outcome_women", "previous", "forecast", "target", "kf_target"))
    differ = {**cells, "outcome": parse_value("97,3 %"), "forecast": parse_value("96,8 %"),
              "target": parse_value("100 %")}
    equal = {**differ, "forecast": parse_value("100 %")}
    unequal_below = {**differ, "target": parse_value("98 %")}
    equal_below = {**differ, "forecast": parse_value("98 %"), "target": parse_value("98 %")}
    at_bound = _context_evidence(equal, "Tertial 2 2025", ctx) - _context_evidence(differ, "Tertial 2 2025", ctx)
    below = (_context_evidence(equal_below, "Tertial 2 2025", ctx)
             - _context_evidence(unequal_below, "Tertial 2 2025", ctx))
    assert 0 < at_bound < below     # a difference counts at the bound; an equality there counts for less


def test_last_years_outcome_keeps_the_outcomes_decimals_and_a_forecast_is_round():
    from auditor.input.values import parse_value
    from auditor.parser.placement import _precision
    cells = dict.fromkeys(("outcome", "outcome_men", "outcome_women", "previous", "forecast", "target", "kf_target"))
    as_previous = {**cells, "outcome": parse_value("97,3 %"), "previous": parse_value("96,8 %")}
    as_forecast = {**cells, "outcome": parse_value("97,3 %"), "forecast": parse_value("96,8 %")}
    assert _precision(as_previous) > 0 > _precision(as_forecast)
    # a round outcome says nothing; below ten a share needs its decimals whatever the column
    assert _precision({**as_forecast, "outcome": parse_value("97 %")}) == 0
    small = {**cells, "outcome": parse_value("0,2 %"), "forecast": parse_value("0,3 %")}
    assert _precision(small) == 0
    (row,) = parse_text(KF_GOAL_T2 + BUDGET_ROW, "x").goals[0].indicators
    assert texts(row)["previous"] == "96,8 %" and texts(row)["forecast"] != "96,8 %"


COUNT_GOAL_T2 = ("Lövsjö stadsdelsnämnd\nTertialrapport 2 2025\n\nNämndmål:\nBarn och unga i Lövsjö har en aktiv "
                 "fritid\n\n Uppfylls helt\n\n" + HEADER_T2 + "Antal lovaktiviteter med föreningar\n\n"
                 "9 st 24 st 15 st Tertial 2 2025\n\nAnalys\nFler föreningar än väntat har anmält intresse.")


@pytest.mark.parametrize("said, forecast", [
    (" Indikatorn bedöms uppnås under året.", "24 st"),       # 9 st so far; reached only with 24 st forecast
    ("", None),                                                  # nothing said: last year's 24 st leads
])
def test_the_rows_own_prose_saying_the_target_is_reached_rules_out_readings_that_miss_it(said, forecast):
    (row,) = parse_text(COUNT_GOAL_T2 + said + "\n", "x").goals[0].indicators
    assert texts(row).get("forecast") == forecast
    if said:
        assert "columns settled by the prose" in row.notes


def test_a_verdict_says_nothing_for_a_reading_with_nothing_to_compare():
    """A yearly row has no outcome yet at a tertial: 'the target will not be reached' fits it as well as a
    reading that makes the figure this period's outcome below the target."""
    from auditor.input.values import parse_value
    from auditor.parser.placement import _prose_evidence
    cells = dict.fromkeys(("outcome", "outcome_men", "outcome_women", "previous", "forecast", "target", "kf_target"))
    previous = {**cells, "previous": parse_value("52 %"), "target": parse_value("70 %")}
    outcome = {**cells, "outcome": parse_value("52 %"), "target": parse_value("70 %")}
    assert _prose_evidence(previous, [], False, (False,), "T1") == _prose_evidence(outcome, [], False, (False,), "T1") == 0
    assert _prose_evidence(outcome, [], False, (True,), "T1") < 0
    assert _prose_evidence(outcome, [], False, (True,), "T1", "lower") == 0    # lower is better: 52 % meets 70 %


def test_an_annual_reports_row_measured_over_part_of_the_year_may_have_a_forecast():
    """A VB's row whose period is a half-year was measured before the year ended: like a tertial report's
    row it may carry a forecast, so a reading with one is not ruled out as in a row measured over the year."""
    from auditor.parser.placement import _situation
    assert _situation("Halvår 1 2020", "VB") == _situation("Tertial 2 2020", "T2") == "tertial-period"
    assert _situation("VB 2020", "VB") == _situation("2020", "VB") == "annual"
    head = ("Verksamhetsberättelse 2020\n\nNämndmål:\nLövsjö minskar sin klimatpåverkan\n\n Uppfylls helt\n\n"
            "Indikator Periodens utfall Utfall män/pojkar Utfall kvinnor/flickor Utfall VB 2019 Prognos helår "
            "Årsmål KF:s årsmål Period\n\nKlimatpåverkan från matinköp\n\n")
    half = parse_text(head + "1,7 kg 1,8 kg 1,6 kg 1,5 kg Halvår 1 2020\n", "x").goals[0].indicators[0]
    whole = parse_text(head + "1,7 kg 1,8 kg 1,6 kg 1,5 kg VB 2020\n", "x").goals[0].indicators[0]
    assert texts(half)["forecast"] == "1,6 kg" and texts(whole)["forecast"] is None


LONE_WORD_HEAD = ("Lövsjö stadsdelsnämnd\nTertialrapport 1 2025\n\nNämndmål:\nFärre hushåll i Lövsjö behöver stöd\n\n"
                  " Uppfylls helt\n\n" + HEADER_T2)


@pytest.mark.parametrize("cells, target, kf", [
    ("4,1 % 4,3 % Lägre 2025", "Lägre", None),
    ("4,1 % 4,3 % Lägre Lägre 2025", "Lägre", "Lägre"),
    ("4,1 % 4,3 % 4,0 % Lägre Tertial\n1 2025", "Lägre", None),
    ("4,1 % 4,3 %\nLägre\n\n2025", "Lägre", None),          # the word wrapped onto a line of its own
    ("81 % 80 % Högre 2025", "Högre", None),
])
def test_a_lone_lower_or_higher_is_a_text_target(cells, target, kf):
    """'Lägre' and 'Högre' stand alone in a target cell as 'Minska' and 'Öka' do: the row is a row, the
    word its target, and the word says which way is better."""
    from auditor.knowledge import builtin_knowledge, decide_direction
    report = parse_text(LONE_WORD_HEAD + "Andel hushåll med långvarigt stöd\n\n" + cells + "\n", "x")
    (row,) = report.goals[0].indicators
    assert texts(row)["target"] == target and texts(row)["kf_target"] == kf
    assert row.name == "Andel hushåll med långvarigt stöd" and not report.diagnostics
    assert decide_direction(row, builtin_knowledge())[0] == ("lower" if target == "Lägre" else "higher")


def test_a_sentence_opening_with_lower_stays_prose():
    text = (LONE_WORD_HEAD + "Andel hushåll med långvarigt stöd\n\n4,1 % 4,3 % Lägre 2025\n\nAnalys\n"
            "Lägre kostnader för boende har hjälpt många hushåll.\n")
    (row,) = parse_text(text, "x").goals[0].indicators
    assert "Lägre kostnader" in row.analysis
