"""The typography matrix of the PDF tests: the ways a real export may print the same report, and the scores
of reading each back against the model it was drawn from.

Each axis is a rule of the layout that an exporting tool may follow either way: where a header cell's words
sit in the header row (top, middle, bottom) and in their column (left, centred); where a row's cells sit
beside a tall name (top, middle), with or without white space between rows; numbers right- or left-aligned;
pages portrait, landscape or both in one document; an embedded TrueType font or a core font; names wrapping
over 2 to 7 lines (the width of the name column); the table header repeated after a page break or not; rows
cut by a page break. Every value of every axis occurs in some cell of ``MATRIX`` (a covering set, not the
full product, which would take an hour to draw). Two drawers: ``pdf_draw`` (positions placed by hand, fpdf2)
and ``pdf_html`` (an HTML report printed by headless Chromium: cells centred, ``<thead>`` repeated on every
page).

``QUICK`` is the slice the quick test run draws (its browser cell under the ``slow`` marker); the whole
matrix runs under the ``fuzz`` marker and in ``benchmarks/pdf_matrix.py``, which prints the table. The scores
(``f1``, ``cell_accuracy``) and the gold models drawn (``gold_models``) are the ones every PDF test and
benchmark uses.
"""
from __future__ import annotations

import re
from pathlib import Path

from auditor.model import VALUE_COLUMNS, Report, Value

from pdf_draw import Style
from pdf_html import HtmlStyle

MATRIX: dict[str, Style | HtmlStyle] = {
    # as ILS-webb's own export was first drawn: everything at the top left, A4 portrait, DejaVu embedded
    "top-left": Style(),
    "middle-centre-right": Style(header_valign="middle", header_align="center", valign="middle",
                                 number_align="right", orientation="landscape", core_font=True, name_width=30.0),
    "bottom-left-mixed": Style(header_valign="bottom", valign="middle", number_align="right", orientation="mixed",
                               name_width=28.0, previous_label="Periodens utfall VB"),
    "middle-left-split": Style(header_valign="middle", number_align="right", core_font=True, forecast=False,
                               repeat_header=False, page_height=170.0, split_rows=True),
    # rows set tight, without white space between them
    "bottom-centre-landscape": Style(header_valign="bottom", header_align="center", orientation="landscape",
                                     name_width=50.0, row_gap=0.6),
    "top-centre-mixed-core": Style(header_align="center", valign="middle", orientation="mixed", core_font=True,
                                   name_width=30.0, page_height=200.0, split_rows=True),
    # rows set tight, without any space between them, their cells in the middle beside a tall name (a row
    # ends as far below its cells' middle as it begins above it); rows that do not fit move to the next page
    "middle-tight": Style(valign="middle", row_gap=0.0, name_width=24.0, header_valign="middle",
                          number_align="right", page_height=200.0, repeat_header=False),
    # a browser printing an HTML report
    "browser": HtmlStyle(),
    "browser-landscape-left": HtmlStyle(header_valign="bottom", header_align="left", number_align="left",
                                        orientation="landscape", font="Liberation Sans", name_width=22.0),
    "browser-mixed-top": HtmlStyle(header_valign="top", valign="top", orientation="mixed", forecast=False,
                                   name_width=40.0),
}
QUICK = ["middle-centre-right", "browser"]



def gold_models() -> list[Path]:
    """The corpus's gold model files (none without ../shared)."""
    from conftest import CORPUS

    if not (CORPUS / "gold").is_dir():
        return []
    return sorted(p for p in (CORPUS / "gold").glob("*.json") if re.fullmatch(r"[^.]+\.json", p.name))


def without_forecast(rep: Report) -> Report:
    rep = rep.model_copy(deep=True)
    for g in rep.goals:
        for ind in g.indicators:
            ind.forecast = None
    return rep



def as_drawn(model: Report, style) -> Report:
    """The model as the style can print it: without forecasts when its tables have no such column, and
    in the characters a core font has."""
    if not style.forecast:
        model = without_forecast(model)
    if isinstance(style, Style) and style.core_font:
        from pdf_draw import drawable
        model = model.model_copy(deep=True)
        for g in model.goals:
            g.title = drawable(g.title, None)
            for ind in g.indicators:
                ind.name = drawable(ind.name, None)
            for act in g.activities:
                act.text = drawable(act.text, None)
    return model


def cached_drawing(gold, cell: str, model: Report, browser=None):
    """The gold model's PDF in ``cell``, drawn once per machine: kept in tests/.cache/pdf-matrix under a
    hash of the gold file, the cell and the drawing code (``browser``: a Playwright browser for the
    HTML cells, or a function that gives one)."""
    import hashlib
    from pathlib import Path

    import pdf_draw
    import pdf_html

    code = b"".join(Path(m.__file__).read_bytes() for m in (pdf_draw, pdf_html)) + repr(MATRIX[cell]).encode()
    key = hashlib.sha256(Path(gold).read_bytes() + cell.encode() + code).hexdigest()[:16]
    path = Path(__file__).resolve().parent / ".cache" / "pdf-matrix" / f"{Path(gold).stem}-{cell}-{key}.pdf"
    if not path.is_file():
        path.parent.mkdir(parents=True, exist_ok=True)
        style = MATRIX[cell]
        if isinstance(style, HtmlStyle) and callable(browser):
            browser = browser()
        tmp = path.with_suffix(".tmp.pdf")
        draw(model, tmp, style, browser)
        tmp.replace(path)
    return path


def draw(model: Report, path, style, browser=None):
    if isinstance(style, HtmlStyle):
        from pdf_html import print_report
        return print_report(model, path, style, browser)
    from pdf_draw import draw_report
    return draw_report(model, path, style)


# ---------------------------------------------------------------------- scores
def cell(v: Value | None):
    """A cell compared: its value and unit, or its text without white space."""
    if v is None:
        return None
    return (round(v.value, 6), v.unit or None) if v.value is not None else re.sub(r"\s+", "", v.text)


def _text(text: str) -> str:
    """A text compared whitespace-blind, and blind to a space after a hyphen that ends a word ("LSS-
    verksamheter" in a gold annotation copied from a line break is "LSS-verksamheter" on the page), but
    not before "och" ("vård- och omsorg")."""
    return re.sub(r"(?<=\w)- (?!(?:och|eller|samt|respektive)\b)", "-", " ".join(text.split()))


def rows(rep: Report) -> list:
    return [(gi, _text(ind.name), ind.period, tuple(cell(getattr(ind, c)) for c in VALUE_COLUMNS))
            for gi, g in enumerate(rep.goals) for ind in g.indicators]


def goals(rep: Report) -> list:
    return [(g.level, g.number, _text(g.title), g.assessment) for g in rep.goals]


def activities(rep: Report) -> list:
    return [(gi, _text(a.text), a.start, a.end, a.deviation)
            for gi, g in enumerate(rep.goals) for a in g.activities]


def f1(want: list, got: list) -> float:
    """F1 of two lists of items compared whole (an item with any field wrong counts as missed)."""
    hits = sum(min(want.count(x), got.count(x)) for x in set(want))
    if not want and not got:
        return 1.0
    return 2 * hits / (len(want) + len(got))


def cell_accuracy(want: Report, got: Report, read_rows=None) -> float:
    """Of the indicator cells of ``want``, the share that ``got`` has in the same column, rows matched by
    goal and name (``read_rows``: how a report's rows are compared, ``rows`` unless given)."""
    read_rows = read_rows or rows
    got_rows = {(gi, name): cells for gi, name, _, cells in read_rows(got)}
    total = right = 0
    for gi, name, _, cells in read_rows(want):
        other = got_rows.get((gi, name), (object(),) * len(cells))
        total += len(cells)
        right += sum(a == b for a, b in zip(cells, other))
    return right / total if total else 1.0


def scores(want: Report, got: Report) -> tuple[float, float, float, float]:
    """Goal, indicator and activity F1 and cell accuracy, every item compared whole."""
    return (f1(goals(want), goals(got)), f1(rows(want), rows(got)), f1(activities(want), activities(got)),
            cell_accuracy(want, got))
