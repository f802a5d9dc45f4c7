"""The command line's start (``auditor.commands.start``): Python's cyclic garbage collector rests while the
chosen command's modules are imported, and leaves them out of its rounds once they are (``gc.freeze``); it
is running again when the command runs. A program calling ``cli.main`` itself keeps its collector as is."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

_SEEN = """
import argparse, gc, sys
from auditor.commands import cli, start
seen = {}
def run(args):
    seen.update(running=gc.isenabled(), frozen=gc.get_freeze_count())
    return 0
def parse_args(argv, lang):
    seen["loading"] = gc.isenabled()
    return argparse.Namespace(func=run, command="rules")
cli.parse_args = parse_args
sys.argv = ["auditor", "rules"]
code = start.main()
print(code, seen["loading"], seen["running"], seen["frozen"] > 0)
"""

_DIRECT = """
import gc
from auditor.commands import cli
code = cli.main(["rules", "--format", "json"])
print(code, gc.isenabled(), gc.get_freeze_count())
"""


def _run(code: str) -> list[str]:
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.split("\n")[-2].split()


def test_the_collector_rests_while_the_modules_load_and_runs_for_the_command():
    assert _run(_SEEN) == ["0", "False", "True", "True"]


def test_a_program_calling_the_command_line_keeps_its_collector():
    assert _run(_DIRECT) == ["0", "True", "0"]
