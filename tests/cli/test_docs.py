"""The documentation says what the code does: the rule reference is generated from the catalogue, and the
README lists every rule of the catalogue."""
from __future__ import annotations

from pathlib import Path

from auditor.commands.cli import main

ROOT = Path(__file__).resolve().parents[2]
HEADER = ("# Rule reference\n\nGenerated from the rule modules with `auditor --lang en explain --all --format md` "
          "(`tests/cli/test_docs.py`\nchecks that it is current). How the audit works, the configuration and the exit "
          "codes are in the README.\n\n")


def test_rule_reference_is_current(capsys):
    assert main(["--lang", "en", "explain", "--all", "--format", "md"]) == 0
    generated = HEADER + capsys.readouterr().out
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == generated, (
        "docs/rules.md is out of date: regenerate it as its first lines say")


def test_readme_lists_every_rule(catalogue):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [spec.id for spec in catalogue if f"| `{spec.id}` |" not in readme]
    assert not missing, f"README's rule table lacks {missing}"
