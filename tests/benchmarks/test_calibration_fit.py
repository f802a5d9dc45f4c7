"""The held-out map that benchmarks/calibration.py measures (and the tool does not use): an isotonic fit
from a probability to the share right, made on the other reports only."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "benchmarks"


def _calibration():
    sys.path.insert(0, str(BENCH))
    try:
        spec = importlib.util.spec_from_file_location("calibration_under_test", BENCH / "calibration.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(BENCH))


def test_the_fit_pools_what_breaks_the_order():
    cal = _calibration()
    # 0.4 right, 0.6 wrong, 0.8 right twice: the first two pool to one half
    steps = cal.isotonic([(0.4, True), (0.6, False), (0.8, True), (0.8, True)])
    assert steps == [(0.6, 0.5), (0.8, 1.0)]
    assert cal.mapped(steps, 0.3) == 0.5 and cal.mapped(steps, 0.7) == 1.0 and cal.mapped(steps, 0.95) == 1.0


def test_each_report_is_mapped_by_the_others_only():
    cal = _calibration()
    a, b = cal.Tally(), cal.Tally()
    for p, right in ((0.5, True), (0.5, True)):
        a.add("rows", p, right)
    for p, right in ((0.5, False), (0.9, True)):
        b.add("rows", p, right)
    out = cal.held_out({"as-is": {"a": a, "b": b}})
    # report a's rows at 0.5 take b's share right at 0.5 (none); b's take a's (all)
    assert out.rows[cal._bin(0.0)] == [2, 2] and out.rows[cal._bin(1.0)] == [1, 2]
