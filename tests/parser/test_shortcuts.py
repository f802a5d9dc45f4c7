"""The parser's shortcuts for speed (issue 20) take the same decisions as the plain tests they stand in for:
a row's scores reused."""
from __future__ import annotations

import pytest

from auditor.input.lines import Line
from auditor.model import Indicator
from auditor.parser.placement import Context, decide, pending_row, score, shapes
from auditor.input.values import value_groups_to_cells


COLUMNS = ("outcome", "outcome_men", "outcome_women", "previous", "forecast", "target", "kf_target")


@pytest.mark.parametrize("line", ["80 % 81 % 79 % 78 % 80 % 82 % 85 % 2025", "1 200 1 300 Öka 2025",
                                  "12 14 10 11 Tas fram av nämnd/styrelse 2025", "40,34 % 45 % 45 % T1 2025"])
def test_a_rows_scores_are_the_same_each_time_it_is_weighed(line):
    readings = value_groups_to_cells([[Line(0, line, line.strip())]])
    contexts = [Context(report_kind="T1", people=True), Context(report_kind="VB", people=False, kf_goal=True),
                Context(report_kind="T1", people=True, pattern={"target": (0.7, -0.2)},
                        neighbours={frozenset({"outcome", "target"}): 0.8})]
    row = pending_row(readings, COLUMNS)          # weighed in every context in turn, as the parser does
    for ctx in contexts:
        fresh = pending_row(readings, COLUMNS)    # weighed once
        ind, again = Indicator(name="Andel x", line=1), Indicator(name="Andel x", line=1)
        scored = decide(ind, row, ctx)
        assert scored == score(again, fresh, ctx)
        decide(again, fresh, ctx)
        assert ind == again
        assert shapes(ind, row, ctx, scored) == shapes(again, pending_row(readings, COLUMNS), ctx)
