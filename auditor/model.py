"""The typed model of a parsed follow-up report (contract ``auditor.report/1``).

The parser produces these objects; everything downstream (facts, rules, renderers) reads them and never
goes back to the text. Field names follow the JSON contract documented in the README, so
``Report.to_contract()`` is a plain dump.
"""
# No ``from __future__ import annotations`` here: pydantic would evaluate each field's annotation from its
# text (a compile() per annotation, at every start); written as objects, they are read as they are.

from bisect import bisect_right
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

SCHEMA = "auditor.report/1"

Level = Literal["inriktningsmal", "verksamhetsomradesmal", "namndmal", "enhetsmal"]
Assessment = Literal["helt", "delvis", "inte", "ingen"]
ReportKind = Literal["VB", "T1", "T2"]

LEVELS: tuple[str, ...] = ("inriktningsmal", "verksamhetsomradesmal", "namndmal", "enhetsmal")

# How sure a reading is, on one scale from 0 to 1, and the thresholds every part of the tool judges it by
# (``Indicator.cell_sure`` is the one answer for a cell):
# a row's or a cell's placement counts as certain from this confidence on (see parser/placement.py); a
# finding below it is shown with low confidence;
CERTAIN = 0.9
# the sureness of a row read without per-cell confidence (by older means, or built by hand) whose columns
# are not certain: uncertain, not withheld;
UNSURE_ROW = 0.75
# below this a finding's decisive cells are more likely misplaced than not: it is withheld (the default of
# ``--min-confidence``).
MIN_CONFIDENCE = 0.6

VALUE_COLUMNS: tuple[str, ...] = (
    "outcome", "outcome_men", "outcome_women", "previous", "forecast", "target", "kf_target",
)
_GENDER = ("outcome_men", "outcome_women")


def empty_list() -> list:
    """An empty list, as a field's default. pydantic reads each default factory's signature (a field's when it
    builds the model, a private attribute's when it makes the first instance); a builtin's (``list``,
    ``dict``) only from its text signature, through the tokenize module, whose large pattern is compiled on
    first use (3-14 ms of every start, and a parse each), where a function of our own is read at once."""
    return []


def empty_dict() -> dict:
    """An empty dict, as a field's default (see ``empty_list``)."""
    return {}


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Value(_Model):
    """One table cell: the number it holds (if any), its unit and the raw text as printed."""

    value: float | None = None
    unit: str | None = None
    text: str


def same_print(a: Value | None, b: Value | None) -> bool:
    """Whether two cells (either may be empty) print the same: both empty, or the same text."""
    return (a is None and b is None) or (a is not None and b is not None and a.text == b.text)


class TextSection(_Model):
    """A labelled block of prose under a goal ("Beskrivning", "Förväntat resultat", ...)."""

    label: str
    line: int
    text: str
    # the source line of the text's first line (the text keeps the source's line structure from there);
    # not in the contract: the claims reader needs it to give a sentence its line
    _text_line: int | None = PrivateAttr(default=None)


ClaimKind = Literal["outcome", "forecast", "target", "previous", "met", "trend"]
Trend = Literal["up", "down", "same"]


class ProseClaim(_Model):
    """What a sentence of the report's prose says about one indicator's own figure for the period:
    its outcome, forecast, annual target or previous-year outcome (a number), whether it reached its
    annual target (``met``, a bool), or which way the outcome went against the previous one (``trend``:
    "up", "down" or "same"). ``line`` is the sentence's line."""

    line: int
    kind: ClaimKind
    # bool before float: pydantic's smart union keeps True a bool either way; the order documents it
    value: bool | float | Trend
    text: str


class Indicator(_Model):
    name: str
    line: int
    outcome: Value | None = None
    outcome_men: Value | None = None
    outcome_women: Value | None = None
    previous: Value | None = None
    forecast: Value | None = None
    target: Value | None = None
    kf_target: Value | None = None
    period: str | None = None
    columns_certain: bool = True
    # How sure the placement of the row's cells is: ``confidence`` is the share of the evidence that
    # backs the chosen reading as a whole (1.0: no other reading fits), ``cell_confidence`` the same per
    # column (an empty column counts as placed too). ``alternative`` is the runner-up reading, when one
    # exists: the cells that would move, column by column.
    confidence: float = 1.0
    cell_confidence: dict[str, float] = Field(default_factory=empty_dict)
    alternative: dict[str, Value | None] | None = None
    analysis: str | None = None
    analysis_line: int | None = None
    claims: list[ProseClaim] = Field(default_factory=empty_list)
    notes: list[str] = Field(default_factory=empty_list)
    # What the prose says about the figure's trend against the previous year ("har ökat", "en förbättring"),
    # as read (parser/prose_claims.py), for the IND-TEXT-TREND rule, which turns a better/worse into up/down
    # with the audit's own knowledge of directions; the contract's ``claims`` carry them as up/down/same.
    _trends: list = PrivateAttr(default_factory=empty_list)
    # What the prose says of the figure against the target that needs the row's direction to be a verdict
    # ("ligger under årsmålet"): made ``met`` claims once the direction is known (prose.claims.settle_trends).
    _below: list = PrivateAttr(default_factory=empty_list)
    # The plausible readings of the row's cells as the placement weighed them, most probable first:
    # (probability, cells by column) (parser/confidence.py). A finding about the row is as sure as the
    # readings under which it still holds (engine/certainty.py). Empty for a row not weighed (read by
    # position, built by hand or read back from JSON).
    _readings: list = PrivateAttr(default_factory=empty_list)

    def cells(self) -> dict[str, Value | None]:
        return {name: getattr(self, name) for name in VALUE_COLUMNS}

    def cell_sure(self, column: str) -> float:
        """How sure the placement of the cell in ``column`` is, present or empty (0..1): its
        ``cell_confidence`` (a column the table does not have is surely empty); a row read without per-cell
        confidence is sure when its columns are certain, else ``UNSURE_ROW``. An empty cell in a row whose
        reading is unsure is no surer than that reading when another reading would fill it: the runner-up
        puts a value there, or the two values printed after the outcome could be its split by sex
        (``split_reading``), as in "84 84 84 84"."""
        if not self.cell_confidence:
            return 1.0 if self.columns_certain else UNSURE_ROW
        sure = self.cell_confidence.get(column, 1.0)
        if getattr(self, column, None) is None and self.confidence < CERTAIN and (
                (self.alternative or {}).get(column) is not None
                or (column in _GENDER and self.split_reading() is not None)):
            sure = min(sure, self.confidence)
        return sure

    def split_reading(self) -> dict[str, Value] | None:
        """The men's and women's cells of the reading that takes the two values printed right after the
        outcome as its split, when they could be one (the outcome lies between them, or, for a count, is
        their sum); else None."""
        outcome = self.outcome
        if outcome is None or outcome.value is None:
            return None
        printed = [v for v in (getattr(self, col) for col in VALUE_COLUMNS[1:]) if v is not None]
        if len(printed) < 2 or any(v.value is None for v in printed[:2]):
            return None
        a, b = (float(v.value) for v in printed[:2])
        count = outcome.unit != "%" and "%" not in outcome.text and "procent" not in outcome.text.lower()
        if min(a, b) <= outcome.value <= max(a, b) or (count and abs(a + b - outcome.value) < 1e-9):
            return dict(zip(_GENDER, printed[:2]))
        return None


class Activity(_Model):
    text: str
    line: int
    start: date | None = None
    end: date | None = None
    deviation: bool = False
    analysis: str | None = None
    analysis_line: int | None = None


class Goal(_Model):
    id: str
    parent: str | None = None
    level: Level
    number: str | None = None
    title: str
    line: int
    assessment: Assessment | None = None
    analysis: str | None = None
    analysis_line: int | None = None
    sections: list[TextSection] = Field(default_factory=empty_list)
    indicators: list[Indicator] = Field(default_factory=empty_list)
    activities: list[Activity] = Field(default_factory=empty_list)


class Paragraph(_Model):
    """Prose outside the goal tree (summary, background, economy); kept so that no line is lost and so
    that summary claims can be checked against the goals."""

    line: int
    text: str
    section: str | None = None


class Diagnostic(_Model):
    line: int | None = None
    code: str
    message: str
    text: str | None = None


class Report(_Model):
    schema_: str = Field(default=SCHEMA, alias="schema")
    source: str
    committee: str | None = None
    unit: str | None = None
    report_kind: ReportKind | None = None
    year: int | None = None
    goals: list[Goal] = Field(default_factory=empty_list)
    narrative: list[Paragraph] = Field(default_factory=empty_list)
    diagnostics: list[Diagnostic] = Field(default_factory=empty_list)
    line_count: int = 0
    complete: bool = True
    # a PDF's pages: the line number of each page's first line in the text read (None for a text file)
    pages: list[int] | None = None

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    def goal_by_id(self) -> dict[str, Goal]:
        return {g.id: g for g in self.goals}

    def children(self, goal_id: str) -> list[Goal]:
        return [g for g in self.goals if g.parent == goal_id]

    def to_contract(self) -> dict:
        """The JSON document of contract ``auditor.report/1`` (``pages`` only for a PDF)."""
        doc = self.model_dump(mode="json", by_alias=True)
        if doc.get("pages") is None:
            doc.pop("pages", None)
        return doc

    def page_of(self, line: int | None) -> tuple[int, int] | None:
        """(page, line on that page) of a text line of a PDF report; None for a text file."""
        return page_of(self.pages, line)


def page_of(pages, line: int | None) -> tuple[int, int] | None:
    """(page, line on that page) of a text line, given the line number of each page's first line (a PDF
    report's ``pages``); None without pages (a text file) or before the first page."""
    if not pages or not line:
        return None
    page = bisect_right(pages, line)
    if page == 0:
        return None
    return page, line - pages[page - 1] + 1
