"""Draw ILS-webb-like report PDFs from a ``Report`` model (fpdf2), for the tests of the geometry reader.

Unlike ``pdf_util.text_to_pdf`` (one monospaced text line per line of a report text), this draws what an
ILS-webb export looks like on the page: a proportional font, prose wrapped to the text width, the indicator
table as columns at fixed x positions with its header words wrapped inside each column
(``Periodens`` / ``utfall``, ``Utfall`` / ``kvinnor/`` / ``flickor``, ``KF:s`` / ``årsmål``), each cell
wrapped inside its column (a value and its unit on two lines when the column is narrow, ``nämnd/`` /
``styrelse``), empty cells left empty, long names over several lines, cells at the top or in the middle
of their row, rows that do not fit moved to the next page with or without the header repeated, activity
tables (text, start, end, ``Avvikelse``), and page furniture in bands at the top and bottom of every page
(the committee's name, ``Sid 3 (12)``, an address and a date).

The drawing is planned first (``Drawing.ops``: page, x, y, size, text) and written afterwards, so that the
footer can state the page count. Options (``Style``) give the variants the tests need.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from auditor.model import Report, Value
from writer import format_cell

from pdf_util import new_pdf

SANS = ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/TTF/DejaVuSans.ttf", "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf")
PT = 0.3528  # mm per point

LABELS = {"inriktningsmal": "KF:s inriktningsmål:", "verksamhetsomradesmal": "KF:s mål för verksamhetsområdet:",
          "namndmal": "Nämndmål:", "enhetsmal": "Enhetsmål:"}
MARKERS = {"helt": "Uppfylls helt", "delvis": "Uppfylls delvis", "inte": "Uppfylls inte", "ingen": "Ingen"}
KIND_TITLES = {"VB": "Verksamhetsberättelse", "T1": "Tertialrapport 1", "T2": "Tertialrapport 2"}


@dataclass
class Style:
    forecast: bool = True            # the table has "Prognos helår"
    repeat_header: bool = True       # a table continued on the next page repeats its header
    page_height: float = 297.0       # mm; smaller pages split the tables more often
    valign: str = "top"              # "top" or "middle": where a row's cells sit beside a tall name
    previous_label: str = "Utfall VB"   # or "Periodens utfall VB"
    furniture: bool = True
    name_width: float = 44.0         # mm, the indicator name column
    split_rows: bool = False         # a row that does not fit goes on on the next page (else it moves whole)
    header_valign: str = "top"       # "top", "middle" or "bottom": where a header cell's words sit in the header
    header_align: str = "left"       # "left" or "center": a header cell's words in its column
    number_align: str = "left"       # "left" or "right": the value cells in their columns
    orientation: str = "portrait"    # "portrait", "landscape" (A4 across) or "mixed" (every second page across)
    core_font: bool = False          # Helvetica, a font every reader has, not embedded (else DejaVu, embedded)
    run_header: int | None = None    # the indicator table (0, 1, ...) whose header is one run of text
    row_gap: float = 2.2             # mm of white space under each row (tight: less than half a line)


def drawable(text: str, font: str | None) -> str:
    """The text as the font draws it: all of it with an embedded font, Windows-1252 with a core font."""
    return text if font else text.encode("cp1252", "replace").decode("cp1252")


def sans_font() -> str | None:
    return next((f for f in SANS if Path(f).is_file()), None)


@dataclass
class Drawing:
    style: Style
    font: str | None
    ops: list[tuple[int, float, float, float, str]] = field(default_factory=list)
    page: int = 0
    y: float = 0.0
    left: float = 20.0
    right: float = 190.0
    top: float = 28.0
    _pdf: object = None
    _widths: dict = field(default_factory=dict)
    tables: int = 0                  # indicator tables begun

    @property
    def bottom(self) -> float:
        return self.page_size(self.page)[1] - 24.0

    def page_size(self, page: int) -> tuple[float, float]:
        """(width, height) in mm: A4 across for landscape pages, else 210 mm by the style's height."""
        across = self.style.orientation == "landscape" or (self.style.orientation == "mixed" and page % 2 == 0)
        return (297.0, 210.0) if across else (210.0, self.style.page_height)

    def width(self, text: str, size: float) -> float:
        """The text's width in mm, from the width of each word at size 1 (fpdf's own measure handles
        bidirectional text and is slow; the text here is one run of one font)."""
        cache = self._widths
        total = 0.0
        for k, word in enumerate(text.split(" ")):
            got = cache.get(word)
            if got is None:
                self._pdf.set_font_size(1)
                got = cache[word] = self._pdf.get_string_width(word)
            total += got
        return (total + text.count(" ") * cache.setdefault(" ", self._space())) * size

    def _space(self) -> float:
        self._pdf.set_font_size(1)
        return self._pdf.get_string_width(" ")

    def new_page(self) -> None:
        self.page += 1
        self.y = self.top

    def fits(self, height: float) -> bool:
        return self.y + height <= self.bottom

    def put(self, x: float, y: float, size: float, text: str) -> None:
        """Text with its top at y (the baseline is placed one ascent lower)."""
        if text:
            self.ops.append((self.page, x, y + size * PT * 0.8, size, drawable(text, self.font)))

    def wrap(self, text: str, width: float, size: float) -> list[str]:
        """Greedy wrapping at spaces, and after a slash when a word alone is too wide."""
        lines: list[str] = []
        cur = ""
        for word in text.split():
            pieces = [word]
            if self.width(word, size) > width and "/" in word[:-1]:
                head, _, tail = word.partition("/")
                pieces = [head + "/", tail]
            for k, piece in enumerate(pieces):
                glue = "" if k else " "
                cand = (cur + glue + piece) if cur else piece
                if cur and self.width(cand, size) > width:
                    lines.append(cur)
                    cur = piece
                else:
                    cur = cand
        if cur:
            lines.append(cur)
        return lines

    # ------------------------------------------------------------------ prose
    def prose(self, text: str, size: float = 9.0, gap_after: float = 2.5, x: float | None = None) -> None:
        x = self.left if x is None else x
        pitch = size * PT * 1.3
        for para in [p for p in text.split("\n\n") if p.strip()]:
            for line in self.wrap(" ".join(para.split()), self.right - x, size):
                if not self.fits(pitch):
                    self.new_page()
                self.put(x, self.y, size, line)
                self.y += pitch
            self.y += gap_after


def _cell_text(v: Value | None) -> str:
    return " ".join(v.text.split()) if v is not None else ""


def _cell_lines(d: Drawing, text: str, width: float, size: float) -> list[str]:
    """A cell's lines: a figure and its unit stay whole, each on a line of its own when both do not fit."""
    if not text:
        return []
    if d.width(text, size) <= width:
        return [text]
    parts = text.split()
    k = 0
    while k < len(parts) and any(ch.isdigit() for ch in parts[k]) and (k == 0 or parts[k].isdigit()):
        k += 1     # "1 231,9" is one figure: its thousands group goes with it
    if 0 < k < len(parts):
        return [" ".join(parts[:k])] + d.wrap(" ".join(parts[k:]), width, size)
    return d.wrap(text, width, size)


class IndicatorTable:
    def __init__(self, d: Drawing, year: int | None):
        self.d = d
        s = d.style
        self.cols = ["outcome", "outcome_men", "outcome_women", "previous"] + (["forecast"] if s.forecast else []) \
            + ["target", "kf_target", "period"]
        prev = str(year - 1) if year else ""
        prev_head = ["Utfall VB", prev] if s.previous_label == "Utfall VB" else ["Periodens", "utfall VB", prev]
        heads = {"outcome": ["Periodens", "utfall"], "outcome_men": ["Utfall", "män/", "pojkar"],
                 "outcome_women": ["Utfall", "kvinnor/", "flickor"], "previous": prev_head,
                 "forecast": ["Prognos", "helår"], "target": ["Årsmål"], "kf_target": ["KF:s", "årsmål"],
                 "period": ["Period"]}
        self.heads = [["Indikator"]] + [heads[c] for c in self.cols]
        rest = d.right - d.left - s.name_width
        period_w = 19.0
        each = (rest - period_w) / (len(self.cols) - 1)
        self.x = [d.left, d.left + s.name_width]
        for _ in self.cols[:-1]:
            self.x.append(self.x[-1] + each)
        self.widths = [b - a - 1.5 for a, b in zip(self.x, self.x[1:] + [d.right])]
        self.size = 7.0
        self.pitch = self.size * PT * 1.25
        self.number = d.tables
        d.tables += 1

    def header(self) -> None:
        d = self.d
        tall = max(len(h) for h in self.heads)
        height = tall * self.pitch + 2.0
        if not d.fits(height + 3 * self.pitch):
            d.new_page()
        if d.style.run_header == self.number:     # the header's words one after the other, no columns
            d.put(d.left, d.y, self.size, " ".join(" ".join(h) for h in self.heads))
            d.y += height
            return
        shift = {"top": 0.0, "middle": 0.5, "bottom": 1.0}[d.style.header_valign]
        for x, width, lines in zip(self.x, self.widths, self.heads):
            top = d.y + (tall - len(lines)) * self.pitch * shift
            for k, line in enumerate(lines):
                d.put(self._align(x, width, line, d.style.header_align), top + k * self.pitch, self.size, line)
        d.y += height

    def _align(self, x: float, width: float, text: str, how: str) -> float:
        room = width - self.d.width(text, self.size)
        return x + {"left": 0.0, "center": room / 2, "right": room}[how]

    def row(self, name: str, cells: dict[str, Value | None], period: str | None) -> None:
        d = self.d
        texts = [_cell_text(cells.get(c)) if c != "period" else (period or "") for c in self.cols]
        name_lines = d.wrap(name, self.widths[0], self.size)
        cell_lines = [_cell_lines(d, t, w, self.size) for t, w in zip(texts, self.widths[1:])]
        tall = max([len(name_lines)] + [len(c) for c in cell_lines])
        height = tall * self.pitch + d.style.row_gap
        pieces = [(self.x[0], k * self.pitch, line) for k, line in enumerate(name_lines)]
        for x, width, lines in zip(self.x[1:], self.widths[1:], cell_lines):
            shift = (tall - len(lines)) * self.pitch / 2 if d.style.valign == "middle" else 0.0
            pieces += [(self._align(x, width, line, d.style.number_align), shift + k * self.pitch, line)
                       for k, line in enumerate(lines)]
        cut = height
        if not d.fits(height):
            room = int((d.bottom - d.y) // self.pitch) * self.pitch
            if d.style.split_rows and self.pitch <= room < tall * self.pitch:
                cut = room            # the lines that fit stay on this page, the rest go on on the next
            else:
                d.new_page()
                if d.style.repeat_header:
                    self.header()
        top = d.y
        for x, offset, line in pieces:
            if offset < cut - 0.01:
                d.put(x, top + offset, self.size, line)
        if cut < height:
            d.new_page()
            if d.style.repeat_header:
                self.header()
            top = d.y - cut
            for x, offset, line in pieces:
                if offset >= cut - 0.01:
                    d.put(x, top + offset, self.size, line)
        d.y = top + height


def draw_report(report: Report, path: str | Path, style: Style | None = None) -> Path:
    """Draw ``report`` as an ILS-webb-like PDF at ``path``."""
    style = style or Style()
    font = None if style.core_font else sans_font()
    pdf = new_pdf(font, "Helvetica", 9, unit="mm", format=(210, style.page_height))
    pdf.core_fonts_encoding = "windows-1252"    # what a core font's WinAnsiEncoding draws: – ” € too
    d = Drawing(style, font, _pdf=pdf)
    if style.orientation == "landscape":
        d.right = 277.0
    d.new_page()
    _draw_body(d, report)
    pages = d.page
    by_page: dict[int, list] = {}
    for op in d.ops:
        by_page.setdefault(op[0], []).append(op)
    committee = report.committee or "Nämnden"
    for page in range(1, pages + 1):
        width, height = d.page_size(page)
        pdf.add_page(format=(width, height))
        if style.furniture:
            # as ILS prints it: the committee, "Tjänsteutlåtande" and "Sid 3 (12)" in the top band, the
            # address, the web address and the telephone number in the bottom band
            for x, y, size, text in ((d.left, 10, 8, committee), (width - 50, 8, 8, "Tjänsteutlåtande"),
                                     (width - 50, 12, 8, f"Sid {page} ({pages})"),
                                     (d.left, height - 14, 7, "Box 8310, 104 20 Stockholm"),
                                     (d.left, height - 10, 7, "start.stockholm"),
                                     (width - 50, height - 10, 7, "08-508 10 000")):
                _text(pdf, font, x, y, size, drawable(text, font))
        for _, x, y, size, text in by_page.get(page, []):
            _text(pdf, font, x, y, size, text)
    path = Path(path)
    pdf.output(str(path))
    return path


def _text(pdf, font, x, y, size, text) -> None:
    pdf.set_font_size(size)
    pdf.text(x, y, text)


def _draw_body(d: Drawing, report: Report) -> None:
    if report.committee:
        d.prose(report.committee, size=12, gap_after=1.0)
    title = " ".join(str(x) for x in (KIND_TITLES.get(report.report_kind or "", ""), report.year or "") if x)
    if title:
        d.prose(title, size=12, gap_after=4.0)
    for para in report.narrative:
        if para.section == "summary":
            d.prose(para.text)
    d.prose("Uppföljning av Kommunfullmäktiges inriktningsmål", size=11)
    for goal in report.goals:
        number = (goal.number or "") + ("." if goal.number and goal.level == "inriktningsmal" else "")
        d.prose(f"{LABELS[goal.level]} {number} {goal.title}".replace("  ", " "), size=10, gap_after=2.0)
        if goal.assessment:
            d.prose(MARKERS[goal.assessment], gap_after=2.0, x=d.left + 4)
        for section in goal.sections:
            d.prose(section.label, gap_after=1.0)
            d.prose(section.text)
        if goal.analysis and goal.analysis.strip():
            d.prose("Analys", gap_after=1.0)
            d.prose(goal.analysis)
        if goal.indicators:
            table = IndicatorTable(d, report.year)
            table.header()
            for ind in goal.indicators:
                table.row(ind.name, ind.cells(), ind.period)
                if ind.analysis and ind.analysis.strip():
                    d.prose("Analys", gap_after=1.0)
                    d.prose(ind.analysis)
            d.y += 2.0
        if goal.activities:
            _activities(d, goal.activities)


def _activities(d: Drawing, activities) -> None:
    size, pitch = 8.0, 8.0 * PT * 1.25
    xs = [d.left, d.left + 108, d.left + 128, d.left + 148]
    heads = ["Aktivitet", "Startdatum", "Slutdatum", "Avvikelse"]

    def header():
        if not d.fits(4 * pitch):
            d.new_page()
        for x, right, h in zip(xs, xs[1:] + [d.right], heads):
            room = right - 2.0 - x - d.width(h, size)
            d.put(x + (room / 2 if d.style.header_align == "center" else 0.0), d.y, size, h)
        d.y += pitch + 2.0

    header()
    for act in activities:
        lines = d.wrap(act.text, 104, size)
        height = len(lines) * pitch + 2.2
        pieces = [(xs[0], k * pitch, line) for k, line in enumerate(lines)]
        pieces += [(x, 0.0, text) for x, text in ((xs[1], act.start.isoformat() if act.start else ""),
                                                  (xs[2], act.end.isoformat() if act.end else ""),
                                                  (xs[3], "Avvikelse" if act.deviation else ""))]
        cut = height
        if not d.fits(height):
            room = int((d.bottom - d.y) // pitch) * pitch
            if d.style.split_rows and pitch <= room < len(lines) * pitch:
                cut = room            # the text goes on on the next page
            else:
                d.new_page()
                if d.style.repeat_header:
                    header()
        top = d.y
        for x, offset, text in pieces:
            if offset < cut - 0.01:
                d.put(x, top + offset, size, text)
        if cut < height:
            d.new_page()
            if d.style.repeat_header:
                header()
            top = d.y - cut
            for x, offset, text in pieces:
                if offset >= cut - 0.01:
                    d.put(x, top + offset, size, text)
        d.y = top + height
        if act.analysis and act.analysis.strip():
            d.prose("Analys", gap_after=1.0)
            d.prose(act.analysis)
    d.y += 2.0
