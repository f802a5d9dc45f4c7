"""``--jobs auto`` (the default): one process for a small batch, one worker per core for a large one, chosen
by the batch's bytes; an explicit number is kept (never more workers than files). Where the line lies is
measured by ``benchmarks/bench_batch.py --crossover``, never by a test."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from auditor.commands.cli import main
from auditor.workflow import jobs
from auditor.workflow.jobs import AUTO_POOL_BYTES, workers_for

ROOT = Path(__file__).resolve().parents[2]


def _files(folder: Path, sizes: list[int]) -> list[Path]:
    out = []
    for i, size in enumerate(sizes):
        path = folder / f"r{i}.txt"
        path.write_bytes(b"x" * size)
        out.append(path)
    return out


def test_small_batch_is_one_process(tmp_path):
    files = _files(tmp_path, [AUTO_POOL_BYTES // 4] * 3)
    assert workers_for(files, "auto") == 1


def test_large_batch_is_one_worker_per_core(tmp_path, monkeypatch):
    monkeypatch.setattr(jobs, "cores", lambda: 8)
    files = _files(tmp_path, [AUTO_POOL_BYTES // 2] * 3)
    assert workers_for(files, "auto") == 3                 # never more workers than files
    files = _files(tmp_path, [AUTO_POOL_BYTES // 8] * 12)
    assert workers_for(files, "auto") == 8


def test_one_file_or_one_core_is_one_process(tmp_path, monkeypatch):
    assert workers_for(_files(tmp_path, [AUTO_POOL_BYTES * 4]), "auto") == 1
    monkeypatch.setattr(jobs, "cores", lambda: 1)
    assert workers_for(_files(tmp_path, [AUTO_POOL_BYTES] * 4), "auto") == 1


def test_an_explicit_number_is_kept(tmp_path):
    files = _files(tmp_path, [10] * 3)
    assert workers_for(files, 2) == 2 and workers_for(files, 1) == 1 and workers_for(files, 16) == 3


def test_auto_is_the_default_and_gives_the_same_output(tmp_path, capsys):
    reports = [str(ROOT / "fixtures" / "example_t1.txt"), str(ROOT / "fixtures" / "example_vb.txt")]
    outputs = []
    for extra in ([], ["--jobs", "auto"], ["--jobs", "2"], ["-j", "1"]):
        assert main(["audit", *reports, "--format", "json", "--no-config", *extra]) == 1
        outputs.append(json.loads(capsys.readouterr().out))
    assert all(o == outputs[0] for o in outputs)


@pytest.mark.parametrize("value,words", [("0", "--jobs måste vara minst 1"),
                                         ("många", "väntade auto eller ett heltal, inte 'många'")])
def test_bad_jobs_is_one_line(capsys, value, words):
    try:
        code = main(["audit", str(ROOT / "fixtures" / "example_t1.txt"), "--jobs", value])
    except SystemExit as exc:
        code = exc.code
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and words in err


def test_a_pool_is_handed_the_largest_reports_first(tmp_path):
    files = _files(tmp_path, [10, 300, 20, 300, 5000])
    missing = tmp_path / "gone.txt"                     # a file that cannot be read is audited last (as an error)
    assert jobs.largest_first(files + [missing]) == [4, 1, 3, 2, 0, 5]


def test_the_output_keeps_the_order_of_the_files_whatever_order_the_pool_audits_them_in(tmp_path, capsys):
    """The pool is handed the largest report first; the results come back in the files' order, as with one
    process."""
    examples = sorted((ROOT / "fixtures").glob("*.txt"), key=lambda p: p.stat().st_size)[-4:]
    for i, path in enumerate(examples):                  # named so that the smallest sorts first
        (tmp_path / f"{i}_{path.name}").write_bytes(path.read_bytes())
    outputs = []
    for n in ("1", "2"):
        main(["audit", str(tmp_path), "--format", "json", "--no-config", "--jobs", n,
              "--output", str(tmp_path.parent / f"out{n}.json")])
        outputs.append((tmp_path.parent / f"out{n}.json").read_text(encoding="utf-8"))
    assert outputs[0] == outputs[1]
    sources = [r["source"] for r in json.loads(outputs[1])["reports"]]
    assert [Path(s).name for s in sources] == sorted(Path(s).name for s in sources)
