"""Every code block of the README is checked against the tool (``tests/readme_samples.py`` says how each
kind is tied to what checks it): commands run, samples are the tool's current output, the configuration,
the rule template, the contracts and the source tree are what the code reads and writes, and a block that
is not run says why in the README. The messages the README's prose quotes are checked by
test_readme_messages.py, the rule table by test_docs.py, the CI job by test_ci_job.py and the files of the
CI integrations by test_ci_integrations.py."""
from __future__ import annotations

import functools
import html
import json
import re
import shlex
from pathlib import Path

import pytest

from .test_ci_integrations import check_action_usage, check_gitlab_ci, check_pre_commit_config
from ..readme_samples import (README, ROOT, Block, blocks, check_sample, excerpt, is_excerpt, make_workspace, run,
                              sample_output)

TEXT = README.read_text(encoding="utf-8")
BLOCKS = blocks(TEXT)
KINDS = ("sample", "commands", "transcript", "checked", "not-run", "ci-job")

# Commands the README shows that fail today for a reason being fixed elsewhere: each must fail, with the
# reason given (a pending command that passes must leave this list).
PENDING: dict[str, str] = {}


def _of(kind: str) -> list[Block]:
    return [b for b in BLOCKS if b.kind == kind]


def _ids(found: list[Block]) -> list[str]:
    return [f"line{b.line}" for b in found]


def test_every_block_is_checked_or_says_why_not():
    unclassified = [f"README line {b.line}: {b.text.splitlines()[0]!r}" for b in BLOCKS if b.kind not in KINDS]
    assert not unclassified, ("README blocks that no test checks; mark them (tests/readme_samples.py):\n"
                              + "\n".join(unclassified))
    for block in _of("not-run"):
        assert len(block.argument) > 15, f"README line {block.line}: say why the block is not run"
    for block in _of("checked"):
        assert block.argument.split()[0] in CHECKS, f"README line {block.line}: no check {block.argument!r}"
    assert {b.argument.split()[0] for b in _of("checked")} == set(CHECKS), "a check whose block is gone"
    assert len(_of("sample")) >= 7 and len(_of("commands")) >= 8


# --- commands ------------------------------------------------------------------------------------------

def _command_lines(block: Block) -> list[str]:
    return [line[2:] if line.startswith("$ ") else line for line in block.text.splitlines()
            if line.startswith(("auditor ", "$ "))]


def run_commands(lines: list[str], cwd: Path) -> list[str]:
    """Run the lines one after the other; what went wrong (an exit code other than 0 or 1, a traceback)."""
    problems = []
    for line in lines:
        result = run(line, cwd)
        plain = " ".join(shlex.split(line, comments=True))
        failed = result.code not in (0, 1) or "Traceback" in result.err
        if plain in PENDING:
            if not failed:
                problems.append(f"{plain}: passes now; remove it from PENDING")
            continue
        if failed:
            problems.append(f"{plain}: exit {result.code}: {result.err.strip()}")
    return problems


@pytest.mark.parametrize("block", _of("commands"), ids=_ids(_of("commands")))
def test_the_commands_run(block, tmp_path):
    problems = run_commands(_command_lines(block), make_workspace(tmp_path))
    assert not problems, f"README line {block.line}:\n" + "\n".join(problems)
    pending = [line for line in _command_lines(block) if " ".join(shlex.split(line, comments=True)) in PENDING]
    if pending:
        pytest.xfail(f"{pending[0]}: {PENDING[' '.join(shlex.split(pending[0], comments=True))]}")


def test_a_failing_command_is_reported(tmp_path):
    problems = run_commands(["auditor audit rapporter/ --format sarif --output auditor.sarif --no-such-option"],
                            make_workspace(tmp_path))
    assert len(problems) == 1 and "exit 2" in problems[0]


def test_the_example_report_fails_the_gate_as_said():
    """'The example report has deliberate defects, so the audit ends with exit code 1'."""
    assert "so the audit ends with exit code 1" in TEXT
    assert run("auditor audit fixtures/example_vb.txt", ROOT).code == 1


def test_the_html_pages_are_as_described(tmp_path):
    """The page the README names is written, and what it quotes from the pages (“…”) is on them."""
    section = TEXT.split("### HTML for reviewers", 1)[1].split("\n### ", 1)[0]
    named = re.search(r"e\.g\. `(granskning/[^`]+\.html)`", section).group(1)
    place = make_workspace(tmp_path)
    assert run("auditor audit rapporter/ --format html --output granskning/", place).code in (0, 1)
    assert (place / named).is_file() and (place / "granskning" / "index.html").is_file()
    pages = " ".join(" ".join(html.unescape(re.sub(r"<[^>]+>", " ", page.read_text(encoding="utf-8"))).split())
                     for page in (place / "granskning").glob("*.html"))
    pages = re.sub(r" ([,)])", r"\1", pages)                # the space a removed tag leaves before a comma
    quoted = [" ".join(q.split()) for q in re.findall(r"“(.+?)”", section, re.S) if q != "Save as PDF"]
    assert len(quoted) >= 4
    missing = [q for q in quoted if q not in pages]
    assert not missing, f"the README quotes text the HTML pages do not have: {missing}"


@pytest.mark.parametrize("block", _of("transcript"), ids=_ids(_of("transcript")))
def test_the_transcript_is_what_the_tool_prints(block, tmp_path):
    place = make_workspace(tmp_path)
    shown, real, code = [], [], 0
    for line in block.text.splitlines():
        if line.startswith("$ "):
            result = run(line[2:], place, code)
            code = result.code
            real += (result.out + result.err).splitlines()
        else:
            shown.append(line)
    assert shown == real, f"README line {block.line}: the transcript shows {shown}, the tool prints {real}"


# --- samples -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("block", _of("sample"), ids=_ids(_of("sample")))
def test_the_sample_is_the_tools_output(block, tmp_path):
    problem = check_sample(block, tmp_path / "now")
    assert problem is None, problem
    _, full = sample_output(block, tmp_path / "whole")
    assert is_excerpt(block.text, full) is None


def test_a_drifted_sample_is_reported(tmp_path):
    """The check can fail: the JUnit sample as the README had it before it was generated."""
    junit = next(b for b in _of("sample") if "--format junit" in b.argument)
    for old, drifted in (('tests="17"', 'tests="4"'), ("[varning] GOAL-PARENT-CHILD", "[info] GOAL-PARENT-CHILD")):
        assert old in junit.text
        stale = Block(junit.line, junit.info, junit.text.replace(old, drifted, 1), junit.marker)
        problem = check_sample(stale, tmp_path / old[:5].strip('="[ '))
        assert problem and "out of date" in problem and drifted in problem


def test_excerpts_are_checked_as_excerpts():
    output = "a\nb\nc lang rad\nd\n"
    assert excerpt(output, "/^b/, tail 1") == "…\nb\n…\nd\n"
    assert excerpt(output, "head 1, width 4") == "a\n…\n"
    assert excerpt("x\n" + "y" * 9 + "\n", "width 5") == "x\nyyyy…\n"
    assert is_excerpt("a\n…\nd\n", output) is None
    assert is_excerpt("c lang…\n", output) is None
    assert "d" in is_excerpt("d\na\n", output)              # out of order
    assert is_excerpt("a\nc kort\n", output)                # a line that is not printed
    doc = {"k": [1, 2, 3], "m": {"n": []}}
    cut = excerpt(json.dumps(doc, indent=2), "json 1")
    assert cut == '{\n  "k": [\n    1,\n    …\n  ],\n  "m": {\n    "n": []\n  }\n}\n'
    assert is_excerpt(cut, json.dumps(doc, indent=2)) is None


# --- blocks checked another way -------------------------------------------------------------------------

def _checked(name: str) -> list[Block]:
    return [b for b in _of("checked") if b.argument.split()[0] == name]


def check_synopsis(block: Block, tmp_path: Path) -> None:
    words = block.text.split()
    help_text = run(f"auditor --lang en {words[1]} --help", tmp_path).out
    for option in re.findall(r"--[\w-]+", block.text):
        assert option in help_text, f"`{words[1]} --help` has no {option}"
    for choices in re.findall(r"--[\w-]+ ([\w|]+)\]", block.text):
        for choice in choices.split("|"):
            assert choice in help_text


def _keys(value, skip: tuple[str, ...]) -> set[str]:
    """Every key of a JSON value, not descending into the objects under ``skip`` (maps of data, not fields)."""
    if isinstance(value, list):
        return set().union(*(_keys(v, skip) for v in value)) if value else set()
    if isinstance(value, dict):
        found = set(value)
        for key, v in value.items():
            if key not in skip:
                found |= _keys(v, skip)
        return found
    return set()


def _values(value, key: str, skip: tuple[str, ...]) -> set:
    """Every value printed under ``key`` anywhere in a JSON value."""
    found = set()
    if isinstance(value, list):
        for v in value:
            found |= _values(v, key, skip)
    elif isinstance(value, dict):
        for k, v in value.items():
            if k == key and not isinstance(v, (dict, list)):
                found.add(v)
            if k not in skip:
                found |= _values(v, key, skip)
    return found


def check_enumerations(block: Block, docs: list, skip: tuple[str, ...]) -> None:
    """A key documented with its values ("kind": "outcome"|"met") is printed with none but those."""
    for key, alternatives in re.findall(r'"(\w+)": ((?:"[^"]*"\|)+(?:"[^"]*"|null))', block.text):
        allowed = {None if a == "null" else a.strip('"') for a in alternatives.split("|")}
        if any(re.fullmatch(r"[A-Z-]+", a or "") for a in allowed - {"VB", "T1", "T2"}):
            continue                                    # a format ("YYYY-MM-DD"), not a list of values
        printed = set().union(*(_values(doc, key, skip) for doc in docs))
        assert printed <= allowed, f"{key}: printed {sorted(map(str, printed - allowed))}, not in the README"


def _documented(block: Block) -> set[str]:
    return set(re.findall(r'"(\w+)":', block.text)) | set(re.findall(r'\{"(\w+)"', block.text))


@functools.lru_cache(maxsize=1)
def _parsed_fixtures() -> tuple[str, ...]:
    """``auditor parse --format json`` of every fixture (parsed once for the checks that read them)."""
    results = (run(f"auditor parse {fixture} --format json", ROOT)
               for fixture in sorted((ROOT / "fixtures").glob("*.txt")))
    return tuple(result.out for result in results if result.code == 0)


def check_report_contract(block: Block, tmp_path: Path) -> None:
    docs = [json.loads(text) for text in _parsed_fixtures()]
    printed = set().union(*(_keys(doc, ("cell_confidence", "alternative")) for doc in docs))
    check_enumerations(block, docs, ("cell_confidence", "alternative"))
    documented = _documented(block)
    assert printed - documented == set(), "keys printed but not in the README's auditor.report/1"
    # "pages" is printed for PDF reports only, as the block says
    assert documented - printed == {"pages"}, "keys in the README's auditor.report/1 that are never printed"


def check_findings_contract(block: Block, tmp_path: Path) -> None:
    place = make_workspace(tmp_path)
    doc = json.loads(run("auditor audit rapporter/ --format json", place).out)
    printed = _keys(doc, ("evidence",))
    check_enumerations(block, [doc], ("evidence",))
    documented = _documented(block)
    assert printed - documented == set(), "keys printed but not in the README's auditor.findings/1"
    # page/page_line are printed for PDF reports only, as the block says
    assert documented - printed == {"page", "page_line"}, "keys in the README's auditor.findings/1 never printed"


def check_config(block: Block, tmp_path: Path) -> None:
    place = make_workspace(tmp_path)
    (place / "auditor.toml").write_text(block.text, encoding="utf-8")
    (place / "granskningsregler").mkdir()
    result = run("auditor audit rapport.txt --format json", place)
    assert result.code in (0, 1), result.err
    assert result.err == ""


def check_rule_template(block: Block, tmp_path: Path) -> None:
    place = make_workspace(tmp_path)
    (place / "egna").mkdir()
    (place / "egna" / "lokal.py").write_text(block.text, encoding="utf-8")
    rule = re.search(r'^ID = "([\w-]+)"', block.text, re.M).group(1)
    listed = run("auditor rules --rules egna", place)
    assert listed.code == 0 and rule in listed.out, listed.err
    for lang in ("sv", "en"):
        explained = run(f"auditor --lang {lang} explain {rule} --rules egna", place)
        assert explained.code == 0 and rule in explained.out, explained.err
    audited = run("auditor audit rapport.txt --rules egna --select LOCAL --format json", place)
    assert audited.code in (0, 1) and audited.err == "", audited.err


def check_tree(block: Block, tmp_path: Path) -> None:
    parent = ""
    for line in block.text.splitlines():
        indent = len(line) - len(line.lstrip())
        if not line.strip() or indent > 2:
            continue                                    # a description's continuation
        names = re.match(r"[\w./-]+(?:, [\w./-]+)*", line.strip()).group(0)
        if indent == 0:
            parent = names if names.endswith("/") else ""
        for name in names.split(", "):
            path = ROOT / (parent + name if indent else name)
            assert path.exists(), f"the README's source tree names {path.relative_to(ROOT)}, which does not exist"


CHECKS = {"synopsis": check_synopsis, "report-contract": check_report_contract,
          "findings-contract": check_findings_contract, "config": check_config,
          "rule-template": check_rule_template, "tree": check_tree,
          "action-usage": lambda block, _: check_action_usage(block.text),
          "pre-commit-config": lambda block, _: check_pre_commit_config(block.text),
          "gitlab-ci": lambda block, tmp_path: check_gitlab_ci(block.text, tmp_path)}


@pytest.mark.parametrize("block", _of("checked"), ids=[f"{b.argument.split()[0]}-line{b.line}" for b in _of("checked")])
def test_the_block_is_what_the_code_reads_and_writes(block, tmp_path):
    CHECKS[block.argument.split()[0]](block, tmp_path)


def test_a_wrong_contract_or_tree_is_reported(tmp_path):
    report = _checked("report-contract")[0]
    with pytest.raises(AssertionError):
        check_report_contract(Block(0, "", report.text.replace('"analysis_line"', '"analysis_row"'), None), tmp_path)
    with pytest.raises(AssertionError, match="kind"):
        check_report_contract(Block(0, "", report.text.replace('|"met"', ""), None), tmp_path)
    tree = _checked("tree")[0]
    with pytest.raises(AssertionError):
        check_tree(Block(0, "", tree.text.replace("model.py", "modell.py"), None), tmp_path)


# --- the Markdown itself --------------------------------------------------------------------------------

def test_tables_are_not_split():
    """A table row after a blank line renders as a paragraph: every table starts with a header and its rule."""
    outside = re.sub(r"^```.*?^```", "", TEXT, flags=re.S | re.M).splitlines()
    for n, line in enumerate(outside):
        if line.startswith("|") and (n == 0 or not outside[n - 1].startswith("|")):
            assert n + 1 < len(outside) and re.fullmatch(r"\|( *:?-+:? *\|)+", outside[n + 1].strip()), (
                f"a table row outside a table (a blank line splits the table?): {line[:80]!r}")


def test_the_terminal_and_markdown_say_what_the_readme_quotes(tmp_path):
    """The decision and baseline words of the output-format table, and the partial report's notice."""
    table = TEXT.split("### Output formats", 1)[1].split("\n### ", 1)[0]
    decision = re.search(r"decision \(`(avfärdad av [^`]+)…`\)", table).group(1)
    states = re.search(r"baseline state \(`([^`]+)` / `([^`]+)`\)", table).groups()
    place = make_workspace(tmp_path)
    name, date = re.fullmatch(r"avfärdad av (.+), (\d{4}-\d\d-\d\d): ", decision).groups()
    assert run(f'auditor review 6d27561ef74401fb --dismiss --reason "Ett skäl" --by "{name}" --date {date} '
               "--file rapporter/auditor-review.yaml", place).code == 0
    assert run("auditor baseline create rapporter/lovsjo_t1_2025.txt --output baslinje.json", place).code == 0
    shown = run("auditor audit rapporter/ --baseline baslinje.json", place).out
    assert decision + "Ett skäl" in shown
    assert all(re.search(rf"\b{re.escape(state)}\b", shown) for state in states)

    partial = TEXT.split("### Partial reports", 1)[1].split("\n### ", 1)[0]
    notice, line = re.search(r"- terminal and Markdown: \*(.+?)\* followed by\s+`(.+?)`", partial, re.S).groups()
    for fmt in ("terminal", "md"):
        out = run(f"auditor audit t1-2025.txt --format {fmt}", place).out
        assert " ".join(notice.split()) in out and line in out, fmt


def test_uncertain_findings_are_marked_as_quoted(tmp_path):
    """The words the configuration section quotes for uncertain and withheld findings, on a report whose
    one finding holds with 0.69 certainty ("80 80 %": last year's outcome or a forecast
    printed without its unit)."""
    section = TEXT.split("### Configuration", 1)[1].split("\n### ", 1)[0]
    quotes = [m for pair in re.findall(r'\("([^"]+)"\)|under "([^"]+)"', section) for m in pair if m]
    assert len(quotes) == 3, quotes
    marked, doubt, withheld = quotes
    place = make_workspace(tmp_path)
    # words compared with their spacing collapsed: the terminal output wraps long lines at its width
    shown = " ".join(run("auditor audit t1-osaker.txt", place).out.split())
    assert marked in shown and doubt in shown
    assert withheld in " ".join(run("auditor audit t1-osaker.txt --min-confidence 0.75", place).out.split())


def test_write_regenerates_a_stale_sample(tmp_path):
    """`python -m tests.readme_samples write` puts the tool's output in place of a stale sample, and only there."""
    from ..readme_samples import write
    doc = tmp_path / "README.md"
    doc.write_text("Före.\n\n<!-- sample: auditor audit t1-2025.txt 2>&1 > /dev/null -->\n```\ngammalt\n```\n\nEfter.\n",
                   encoding="utf-8")
    assert write(doc) == [4]
    text = doc.read_text(encoding="utf-8")
    assert text.startswith("Före.\n\n<!-- sample:") and text.endswith("```\n\nEfter.\n")
    assert "granskningen är ofullständig" in text and "gammalt" not in text
    assert write(doc) == []


def test_the_folder_is_as_the_readme_describes_it(tmp_path):
    paragraph = re.search(r"The examples in this README run in a folder.*?\n\n", TEXT, re.S).group(0)
    place = make_workspace(tmp_path)
    named = re.findall(r"`([\w./-]+\.(?:txt|pdf))`", paragraph)
    made = {str(p.relative_to(place)) for p in place.rglob("*") if p.is_file() and "fixtures" not in p.parts}
    assert {n for n in named if not n.startswith("fixtures/")} == {m.removeprefix("rapporter/") for m in made}
    for name in [n for n in named if n.startswith("fixtures/")]:
        assert (ROOT / name).is_file()
