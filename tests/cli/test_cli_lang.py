"""Command-line errors speak the chosen language (Swedish by default), and --lang works before and after
the command."""
from __future__ import annotations

import pytest

from auditor.commands.cli import build_parser, lang_of, main, translate_error


def fails(capsys, *argv) -> str:
    with pytest.raises(SystemExit) as exc:
        main(list(argv))
    assert exc.value.code == 2
    return capsys.readouterr().err


@pytest.mark.parametrize("argv, swedish, english", [
    ((), "auditor: följande argument saknas: kommando\n", "auditor: the following arguments are required: command\n"),
    (("audit",), "följande argument saknas: PATH", "the following arguments are required: PATH"),
    (("audit", "x.txt", "--bogus"), "okända argument: --bogus", "unrecognized arguments: --bogus"),
    (("nope",), "argumentet kommando: ogiltigt val: 'nope' (välj bland 'parse',",
     "argument command: invalid choice: 'nope' (choose from 'parse',"),
    (("audit", "x.txt", "--format", "nope"), "argumentet --format/-f: ogiltigt val: 'nope'",
     "argument --format/-f: invalid choice: 'nope'"),
    (("audit", "x.txt", "--fail-on"), "argumentet --fail-on: ett värde krävs", "argument --fail-on: expected one argument"),
    (("audit", "x.txt", "--jobs", "many"), "argumentet --jobs/-j: väntade auto eller ett heltal, inte 'many'",
     "argument --jobs/-j: expected auto or a whole number, not 'many'"),
    (("baseline",), "följande argument saknas: kommando", "the following arguments are required: command"),
])
def test_usage_errors_follow_the_language(capsys, argv, swedish, english):
    sv = fails(capsys, *argv)
    assert swedish in sv and sv.count("\n") == 1
    assert english in fails(capsys, "--lang", "en", *argv)
    assert english in fails(capsys, *argv, "--lang", "en")      # --lang after the command counts too
    assert english in fails(capsys, "--lang=en", *argv)


def test_swedish_errors_leave_no_english_argparse_words(capsys):
    for argv in ((), ("audit",), ("audit", "x", "--bogus"), ("nope",), ("audit", "x", "--fail-on")):
        err = fails(capsys, *argv)
        for english in ("required", "unrecognized", "invalid", "choose from", "expected", "command"):
            assert english not in err, (argv, err)


def test_lang_is_accepted_before_and_after_the_command():
    parse = lambda *a: build_parser().parse_args(list(a))  # noqa: E731
    assert parse("audit", "x.txt").lang == "sv"
    assert parse("--lang", "en", "audit", "x.txt").lang == "en"
    assert parse("audit", "x.txt", "--lang", "en").lang == "en"
    assert parse("audit", "--lang", "en", "x.txt").lang == "en"
    assert parse("--lang", "en", "audit", "x.txt", "--lang", "sv").lang == "sv"
    assert parse("baseline", "create", "x.txt", "--lang", "en").lang == "en"
    for command in (["parse", "x"], ["rules"], ["explain", "--all"], ["review", "x"], ["compare", "a", "b"]):
        assert parse(*command, "--lang", "en").lang == "en", command


def test_lang_after_the_command_changes_the_output(capsys):
    assert main(["rules", "--lang", "en"]) == 0
    assert "Rule catalogue" in capsys.readouterr().out


def test_help_words_follow_the_language(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert out.startswith("användning: auditor") and "\nflaggor:\n" in out and "visa den här hjälpen" in out
    with pytest.raises(SystemExit):
        main(["audit", "--help", "--lang", "en"])
    out = capsys.readouterr().out
    assert out.startswith("usage: auditor audit") and "\noptions:\n" in out


def test_lang_of_and_translate_error():
    assert lang_of([]) == "sv" and lang_of(["audit", "--lang", "en"]) == "en"
    assert lang_of(["--lang", "xx"]) == "sv" and lang_of(["--", "--lang", "en"]) == "sv"
    assert translate_error("something argparse says", "sv") == "something argparse says"
    assert translate_error("one of the arguments --a --b is required", "sv") == "ett av argumenten --a --b krävs"


def test_only_argparse_names_are_renamed(capsys):
    assert "okända argument: command\n" in fails(capsys, "rules", "command")
    assert "unrecognized arguments: command\n" in fails(capsys, "--lang", "en", "rules", "command")
