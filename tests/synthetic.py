"""Small synthetic ILS-webb follow-up reports, written from scratch, for the fuzz tests, the line-accounting
test and the batch benchmark when neither fixtures/ nor the corpus is at hand.

``synthetic_report(seed)`` gives the text of a report in the layout PDF extraction produces: a summary,
goal labels with their titles, assessment markers, "Analys" blocks, an indicator table with its header
broken over several lines, an activity table, and page furniture (a title line and "Sid N (M)").
The seed varies the committee, the year, the kind of report and the figures, so a batch of them is not
a batch of copies.
"""
from __future__ import annotations

import random

COMMITTEES = ("Norrby stadsdelsnämnd", "Söderås stadsdelsnämnd", "Västerviks stadsdelsnämnd",
              "Östermalms idrottsnämnd", "Kulturnämnden i Exempelstad", "Miljönämnden i Exempelstad")
KINDS = (("Verksamhetsberättelse", "VB"), ("Tertialrapport 1", "Tertial 1"), ("Tertialrapport 2", "Tertial 2"))
MARKERS = ("Uppfylls helt", "Uppfylls delvis", "Uppfylls inte")
INDICATORS = (("Andel elever som känner sig trygga i skolan", "%"),
              ("Antal deltagare i feriejobb", "st"),
              ("Andel brukare som är nöjda med bemötandet", "%"),
              ("Antal personer i arbete efter insats", "st"),
              ("Sjukfrånvaro bland medarbetare", "%"))
ACTIVITIES = ("Förvaltningen ska utveckla samverkan med civilsamhället kring trygghet i parkerna",
              "Ta fram en plan för fler platser i förskolan i de västra delarna",
              "Genomföra en utbildning om jämställd service för alla chefer",
              "Införa digitala verktyg för bokning av lokaler")


def _num(x: float, unit: str) -> str:
    text = f"{x:.1f}".replace(".", ",") if unit == "%" else f"{int(x):,}".replace(",", " ")
    return f"{text} {unit}"


def synthetic_report(seed: int = 0, goals: int = 3) -> str:
    rnd = random.Random(seed)
    committee = rnd.choice(COMMITTEES)
    year = 2019 + rnd.randrange(7)
    kind, period = rnd.choice(KINDS)
    title = f"{kind} {year} {committee}"
    out: list[str] = []
    page = [1]

    def furniture() -> None:
        out.extend(["", f"{title}", f"Sid {page[0]} (9)", ""])
        page[0] += 1

    out += [f"{committee}", f"{kind} {year}", "", "Sammanfattande analys",
            f"Av målen för verksamhetsområdena bedöms {goals} uppnås helt och 0 delvis.",
            "Nämnden har under året arbetat vidare med sina prioriterade uppdrag.", ""]
    for g in range(1, goals + 1):
        out += ["KF:s inriktningsmål:", f"{g}. En stad där alla kan växa och må bra del {g}", ""]
        out += ["KF:s mål för verksamhetsområdet:", f"{g}.{g}. Invånarna har tillgång till god service {g}", ""]
        marker = rnd.choice(MARKERS)
        out += [f" {marker}", "", "Analys", "",
                f"Förvaltningen bedömer att målet {marker.split()[1]} uppfylls. Arbetet har följt planen.", ""]
        out += ["Nämndmål:", f"Verksamheten i nämnden håller hög kvalitet nummer {g}", "", f" {marker}", "",
                "Analys", "", "Indikatorerna visar på en blandad utveckling under perioden.", ""]
        if rnd.random() < 0.5:
            furniture()
        out += [" Indikator Periodens ", "utfall", "", "Utfall ", "män/ ", "pojkar", "", "Utfall ", "kvinnor/ ",
                "flickor", "", "Utfall VB ", f"{year - 1}", "", "Prognos ", "helår Årsmål KF:s ", "",
                "årsmål Period", ""]
        for name, unit in rnd.sample(INDICATORS, 2):
            outcome = rnd.uniform(10, 95) if unit == "%" else rnd.randrange(50, 4000)
            target = rnd.uniform(10, 95) if unit == "%" else rnd.randrange(50, 4000)
            men, women = outcome * rnd.uniform(0.8, 1.0), outcome * rnd.uniform(1.0, 1.2)
            if unit == "st":        # a count's women and men add up to it (a share's bracket it)
                men = int(men / 2)
                women = outcome - men
            forecast = f" {_num(outcome * 1.05, unit)}" if period != "VB" else ""
            out += [f"{name}", "", f"{_num(outcome, unit)} {_num(men, unit)} {_num(women, unit)} "
                    f"{_num(outcome * 0.9, unit)}{forecast} {_num(target, unit)} {_num(target, unit)}",
                    f"{period} {year}", ""]
            if rnd.random() < 0.5:
                out += ["Analys", f"Utfallet för {name.lower()} följs upp varje månad.", ""]
        out += [" Aktivitet Startdatum Slutdatum Avvikelse", ""]
        for text in rnd.sample(ACTIVITIES, 2):
            deviation = rnd.random() < 0.3
            out += [f"{text}", "", f"{year}-01-01 {year}-12-31" + (" Avvikelse" if deviation else ""), ""]
            if deviation:
                out += ["Analys", "Aktiviteten har försenats av brist på personal.", ""]
    out += ["Uppföljning av ekonomi", "", "Nämnden redovisar ett utfall inom budget.", ""]
    furniture()
    return "\n".join(out) + "\n"


def truncated_report(seed: int = 0) -> str:
    """A synthetic report cut off right after the name of an indicator in its last table."""
    lines = synthetic_report(seed).splitlines()
    name = max(i for i, line in enumerate(lines) if line.startswith(("Andel ", "Antal ", "Sjukfrånvaro")))
    return "\n".join(lines[:name + 1]) + "\n"
