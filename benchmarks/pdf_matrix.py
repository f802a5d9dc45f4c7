"""The PDF typography matrix: the four corpus gold models drawn in every cell of ``tests/pdf_matrix.py``'s
``MATRIX`` (by hand with fpdf2, and as HTML printed by headless Chromium) and read back by
``auditor.parser.parse_file``; prints goal, indicator and activity F1 and cell accuracy per model and cell,
and how each PDF was read (by position, or from its text layer).

    python benchmarks/pdf_matrix.py                 # every cell
    python benchmarks/pdf_matrix.py browser top-left  # the named cells
    python benchmarks/pdf_matrix.py --text          # every indicator table read as text (the fallback)
    python benchmarks/pdf_matrix.py --text-layer    # every PDF read from its text layer alone (pypdf)

The PDFs are kept in tests/.cache/pdf-matrix under a hash of the gold file, the cell and the drawing code,
so a second run only reads. Without ../shared there is nothing to draw and the script says so.
"""
from __future__ import annotations

import json
import sys

from _common import ROOT

sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))


def main(argv: list[str]) -> int:
    from gold_to_model import gold_to_report
    from pdf_matrix import MATRIX, as_drawn, cached_drawing, gold_models, scores

    from auditor.parser import parse_text
    from auditor.input.reader import check_report, read_pdf, read_pdf_as_text, read_report

    golds = gold_models()
    if not golds:
        print("../shared/corpus is absent: no gold models to draw")
        return 0
    how_read = next((a for a in argv if a.startswith("--")), None)
    argv = [a for a in argv if not a.startswith("--")]
    if how_read not in (None, "--text", "--text-layer"):
        print(f"unknown option {how_read}: --text or --text-layer", file=sys.stderr)
        return 2
    cells = argv or list(MATRIX)
    unknown = [c for c in cells if c not in MATRIX]
    if unknown:
        print(f"unknown cell(s): {', '.join(unknown)}; the cells are: {', '.join(MATRIX)}", file=sys.stderr)
        return 2
    state: dict = {}

    def browser():
        if "browser" not in state:
            from playwright.sync_api import sync_playwright

            from conftest import CHROMIUM_ARGS, _chromium
            state["pw"] = sync_playwright().start()
            state["browser"] = state["pw"].chromium.launch(executable_path=_chromium(), args=CHROMIUM_ARGS)
        return state["browser"]

    print(f"{'cell':<26} {'model':<6} {'read':<8} {'goals':>6} {'inds':>6} {'acts':>6} {'cells':>6}")
    worst = 1.0
    try:
        for cell in cells:
            for gold in golds:
                model = as_drawn(gold_to_report(json.loads(gold.read_text(encoding="utf-8"))), MATRIX[cell])
                pdf = cached_drawing(gold, cell, model, browser)
                if how_read == "--text":
                    read = read_pdf(pdf.read_bytes(), str(pdf), read_columns=False)
                elif how_read == "--text-layer":
                    from auditor.input.pdf_geometry import read_layout
                    read = read_pdf_as_text(pdf.read_bytes(), str(pdf), layout=read_layout(pdf.read_bytes()))
                else:
                    read = read_report(pdf)
                check_report(read.text, str(pdf))
                got = parse_text(read.text, str(pdf), None, read.layout)
                by_geometry = read.layout is not None and (read.layout.positioned or read.layout.text_rows)
                how = "text" if read.text_path else "position" if by_geometry else "layer"
                got_scores = scores(model, got)
                worst = min(worst, *got_scores)
                print(f"{cell:<26} {gold.stem[:3]:<6} {how:<8} " + " ".join(f"{s:>6.3f}" for s in got_scores))
    finally:
        if "browser" in state:
            state["browser"].close()
            state["pw"].stop()
    print(f"# lowest score: {worst:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
