"""How well the corpus reads when another extraction tool had printed it: each report rewritten the way
other tools print text, every line kept where it was (so the hand-verified annotations still hold), and
scored with the shared scorer.

    python benchmarks/extraction_variants.py [--only NAME ...] [--json]

Needs ``../shared/corpus`` (with ``gold/``) and ``../shared/tools/score.py``; without them it says so and
exits 0. It is a measurement, not a test: no threshold, one table (or JSON) to compare runs by.

The variants, each a thing some tool does:

- ``as-is``: the corpus text;
- ``flat``: runs of spaces collapsed, leading spaces dropped (the scorer's own ``--flat``);
- ``no-trailing``: flat and no trailing spaces at all, so a line's end says nothing about a wrap;
- ``tabs``: runs of spaces printed as one tab;
- ``crlf``: Windows line ends;
- ``decomposed``: letters in Unicode's decomposed form ("a" and a combining ring for "å");
- ``ligatures``: "fi" and "fl" as the typographic ligatures a PDF font draws;
- ``bare-page``: "Sid 12 (79)" printed as "12";
- ``page-of-pages``: "Sid 12 (79)" and "<nämnd>, Tertialrapport 41(102)" printed as "12 (79)" and "41(102)".
"""
from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import CORPUS, ROOT  # noqa: E402

SCORER = CORPUS.parent / "tools" / "score.py"


def _lines(text: str, each) -> str:
    return "\n".join(each(line) for line in text.split("\n"))


VARIANTS = {
    "as-is": lambda t: t,
    "flat": lambda t: _lines(t, lambda l: re.sub(r" {2,}", " ", l.lstrip(" "))),
    "no-trailing": lambda t: _lines(t, lambda l: " ".join(l.split())),
    "tabs": lambda t: _lines(t, lambda l: re.sub(r" {2,}", "\t", l)),
    "crlf": lambda t: t.replace("\n", "\r\n"),
    "decomposed": lambda t: unicodedata.normalize("NFD", t),
    "ligatures": lambda t: t.replace("fi", "\ufb01").replace("fl", "\ufb02"),
    "bare-page": lambda t: re.sub(r"(?m)^Sid (\d+) \(\d+\)[ \t]*$", r"\1", t),
    "page-of-pages": lambda t: re.sub(
        r"(?m)^.{3,80}, (?:Tertialrapport|Verksamhetsberättelse) ?(\d+)\((\d+)\)[ \t]*$", r"\1(\2)",
        re.sub(r"(?m)^Sid (\d+) \((\d+)\)[ \t]*$", r"\1 (\2)", t)),
}

COLUMNS = ("goal F1", "ind F1", "values", "act F1", "find P", "find R")


def score(folder: Path) -> dict:
    cmd = f"{sys.executable} -m auditor"
    out = subprocess.run([sys.executable, str(SCORER), "corpus", "--corpus", str(folder), "--cmd", cmd, "--json"],
                         cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def variant_corpus(name: str, into: Path) -> Path:
    folder = into / name
    folder.mkdir()
    for sub in ("gold", "prose"):
        if (CORPUS / sub).is_dir():
            shutil.copytree(CORPUS / sub, folder / sub)
    for txt in sorted(CORPUS.glob("*.txt")):
        text = txt.read_text(encoding="utf-8")
        changed = VARIANTS[name](text)
        # every variant keeps the lines where they were: the annotations name lines
        assert changed.replace("\r\n", "\n").count("\n") == text.count("\n"), name
        (folder / txt.name).write_bytes(changed.encode("utf-8"))
    return folder


def _row(report: dict) -> list[float | None]:
    parse, found = report.get("parse") or {}, (report.get("findings") or {}).get("overall") or {}
    goals, rows, acts = (parse.get(k) or {} for k in ("goals", "indicators", "activities"))
    return [goals.get("f1"), rows.get("f1"), rows.get("value_acc"), acts.get("f1"), found.get("precision"),
            found.get("recall")]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="*", choices=sorted(VARIANTS), help="measure only these variants")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)
    if not (CORPUS / "gold").is_dir() or not SCORER.is_file():
        print("no ../shared/corpus with gold/ or no ../shared/tools/score.py: nothing to measure")
        return 0
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.only or VARIANTS:
            results[name] = score(variant_corpus(name, Path(tmp)))
    if args.json:
        print(json.dumps(results, indent=1))
        return 0
    print(f"{'variant':<15}{'report':<24}" + "".join(f"{c:>9}" for c in COLUMNS))
    for name, scored in results.items():
        for report, value in sorted(scored.items()):
            cells = "".join(f"{v:>9.3f}" if isinstance(v, (int, float)) else f"{'–':>9}" for v in _row(value))
            print(f"{name:<15}{report[:22]:<24}{cells}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
