"""The light commands start without the heavy modules: ``--version``, ``--help``, ``rules`` and ``explain``
import no pydantic model, no experta, no parser and no rule module (they are most of a command's start-up).
A structural test on ``python -X importtime``'s list of imported modules, not a timed one; and the catalogue
these commands read from the rule modules' source is the one the audit loads."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from auditor.commands.cli import COMMANDS, build_parser, chosen_command, command_name
from auditor.engine.catalogue import load_catalogue
from auditor.engine.declared import _declared, declared_catalogue

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("pydantic", "experta", "auditor.parser", "auditor.model", "auditor.findings", "auditor.facts",
         "auditor_rules.")


# ``auditor`` as its console script starts it, writing at exit every module the process holds: importtime
# lists what ``import`` statements load, not modules loaded through importlib (the command line, the chosen
# command, rule modules).
_RUN = ("import atexit, sys\n"
        "atexit.register(lambda: open(sys.argv.pop(1), 'w').write('\\n'.join(sorted(sys.modules))))\n"
        "from auditor.commands.start import main\n"
        "sys.exit(main(sys.argv[2:]))\n")


def _imported(argv: list[str], tmp_path: Path) -> list[str]:
    """The modules a run of ``auditor argv`` imports: those ``-X importtime`` lists, and those it holds at exit."""
    held = tmp_path / "modules.txt"
    proc = subprocess.run([sys.executable, "-X", "importtime", "-c", _RUN, str(held), *argv], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    timed = [line.rsplit("|", 1)[1].strip() for line in proc.stderr.splitlines()
             if line.startswith("import time:") and "|" in line][1:]          # (the first line is the header)
    assert "auditor.commands.interrupt" in timed                    # the list is read right
    return timed + held.read_text(encoding="utf-8").split("\n")


def _rule_id() -> str:
    return next(iter(declared_catalogue())).id


@pytest.mark.parametrize("argv", [["--version"], ["--help"], ["rules"], ["rules", "--format", "json"],
                                  ["--lang", "en", "rules"], ["explain", "RULE"],
                                  ["explain", "--all", "--format", "md"], ["explain", "--help"]])
def test_light_commands_import_no_heavy_module(argv, tmp_path):
    argv = [_rule_id() if a == "RULE" else a for a in argv]
    modules = _imported(argv, tmp_path)
    heavy = [m for m in modules if m.startswith(HEAVY)]
    assert not heavy, (argv, heavy)


def test_a_chosen_command_imports_only_its_own_module(tmp_path):
    modules = _imported(["rules", "--format", "json"], tmp_path)
    commands = {m for m in modules if m.startswith("auditor.commands.")}
    # the command line's own modules (the entry point, Ctrl-C, the parser) and the chosen command alone
    assert commands == {"auditor.commands.start", "auditor.commands.interrupt", "auditor.commands.cli",
                        "auditor.commands.rules"}


def test_the_audit_still_imports_what_it_needs(tmp_path):
    """The other side: the lists above would also be clean if they stopped listing modules."""
    modules = _imported(["parse", str(ROOT / "fixtures" / "example_vb.txt")], tmp_path)
    assert "pydantic" in modules and "auditor.commands.parse" in modules and "auditor.parser" in modules


def test_the_chosen_command_is_found_after_top_level_options():
    assert chosen_command(["--lang", "en", "kf-targets", "learn"]) == "kf_targets"
    assert chosen_command(["--lang=en", "audit", "x.txt"]) == "audit"
    assert chosen_command(["--version"]) is None
    assert chosen_command(["nosuch"]) is None
    assert [command_name(c) for c in COMMANDS] == list(build_parser("en", ())._subparsers._group_actions[0].choices)


def test_the_light_listing_has_every_command_with_the_help_of_its_full_parser():
    def helps(parser):
        action = parser._subparsers._group_actions[0]
        return {a.dest: a.help for a in action._choices_actions}
    assert helps(build_parser("en", ())) == helps(build_parser("en"))


def test_the_declared_catalogue_is_the_loaded_one():
    declared, loaded = declared_catalogue(), load_catalogue()
    assert [s.id for s in declared] == [s.id for s in loaded]
    for a in declared:
        b = loaded[a.id]
        for name in ("severity", "title", "message", "doc", "doc_sv", "parameters", "examples", "module", "path",
                     "builtin", "decisive_cells"):
            assert getattr(a, name) == getattr(b, name), (a.id, name)
        assert a.rules == [] and b.rules


def test_a_module_that_computes_a_declaration_is_loaded_instead(tmp_path):
    plain = tmp_path / "plain.py"
    plain.write_text('"""Doc."""\nID = "X-ONE"\nPARAMETERS: dict = {"n": 2}\n_OTHER = len("x")\n', encoding="utf-8")
    assert _declared(plain) == {"__doc__": "Doc.", "ID": "X-ONE", "PARAMETERS": {"n": 2}}
    for source in ('ID = "X-" + "ONE"\n', 'ID = "X-ONE"\nID += "S"\n', 'ID = TITLE = "X-ONE"\n',
                   'ID, SEVERITY = "X-ONE", "error"\n'):
        computed = tmp_path / "computed.py"
        computed.write_text(source, encoding="utf-8")
        assert _declared(computed) is None, source
