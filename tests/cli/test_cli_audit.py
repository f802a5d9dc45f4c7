"""The audit/rules/explain commands in-process; the parser is replaced by the fixture report so these
tests only exercise the command line, configuration, exit codes and outputs."""
from __future__ import annotations

import json

import pytest

from auditor.commands.cli import main


@pytest.fixture()
def report_file(tmp_path, monkeypatch, fixture_report):
    path = tmp_path / "rapport.txt"
    path.write_text("placeholder\n", encoding="utf-8")

    def fake_parse(p, **_):
        return fixture_report.model_copy(update={"source": str(p)})
    monkeypatch.setattr("auditor.workflow.audit.parse_file", fake_parse)
    monkeypatch.chdir(tmp_path)          # no configuration file is found above tmp_path's own
    return path


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_contract(report_file, capsys):
    code, out, _ = run(capsys, "audit", str(report_file), "--format", "json")
    doc = json.loads(out)
    assert doc["schema"] == "auditor.findings/1"
    rep = doc["reports"][0]
    assert set(rep) >= {"source", "committee", "unit", "report_kind", "year", "findings"}
    f = rep["findings"][0]
    assert set(f) >= {"rule", "severity", "line", "message", "goal", "evidence", "fingerprint"}
    assert [x["line"] for x in rep["findings"]] == sorted(x["line"] for x in rep["findings"])
    assert code == 1      # the fixture has error-level findings


def test_json_is_deterministic(report_file, capsys):
    _, first, _ = run(capsys, "audit", str(report_file), "--format", "json")
    _, second, _ = run(capsys, "audit", str(report_file), "--format", "json")
    assert first == second


def test_select_and_ignore(report_file, capsys):
    _, out, _ = run(capsys, "audit", str(report_file), "-f", "json", "--select", "IND")
    rules = {f["rule"] for f in json.loads(out)["reports"][0]["findings"]}
    assert rules and all(r.startswith("IND-") for r in rules)
    _, out, _ = run(capsys, "audit", str(report_file), "-f", "json", "--select", "IND", "--ignore",
                    "IND-NO-FORECAST,IND-NO-GENDER-SPLIT")
    rules = {f["rule"] for f in json.loads(out)["reports"][0]["findings"]}
    assert "IND-NO-FORECAST" not in rules and "IND-NO-GENDER-SPLIT" not in rules


def test_fail_on_levels(report_file, capsys):
    assert run(capsys, "audit", str(report_file), "-f", "json", "--select", "IND-NO-FORECAST")[0] == 0
    assert run(capsys, "audit", str(report_file), "-f", "json", "--select", "IND-NO-FORECAST",
               "--fail-on", "info")[0] == 1
    assert run(capsys, "audit", str(report_file), "-f", "json", "--select", "ACT-DEV-NO-ANALYSIS",
               "--fail-on", "warning")[0] == 1
    assert run(capsys, "audit", str(report_file), "-f", "json", "--select", "ACT-DEV-NO-ANALYSIS")[0] == 0


def test_unknown_rule_is_a_one_line_usage_error(report_file, capsys):
    code, out, err = run(capsys, "audit", str(report_file), "--select", "NOPE-RULE")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "NOPE-RULE" in err


def test_missing_file_is_exit_2(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "audit", str(tmp_path / "saknas.txt"))
    assert code == 2 and err.count("\n") == 1


def test_config_file(report_file, capsys):
    (report_file.parent / "auditor.toml").write_text(
        'select = ["IND-NO-FORECAST", "IND-GENDER-GAP-NO-ANALYSIS"]\nfail-on = "info"\n'
        '[rules.IND-NO-FORECAST]\nseverity = "warning"\n'
        '[rules.IND-GENDER-GAP-NO-ANALYSIS]\nmin_gap_points = 50\n', encoding="utf-8")
    code, out, _ = run(capsys, "audit", str(report_file), "-f", "json")
    findings = json.loads(out)["reports"][0]["findings"]
    assert {f["rule"] for f in findings} == {"IND-NO-FORECAST"}
    assert {f["severity"] for f in findings} == {"warning"}
    assert code == 1


def test_pyproject_tool_auditor(report_file, capsys):
    (report_file.parent / "pyproject.toml").write_text(
        '[project]\nname = "x"\n[tool.auditor]\nignore = ["GOAL", "SUM", "ACT", "IND"]\n', encoding="utf-8")
    code, out, _ = run(capsys, "audit", str(report_file), "-f", "json")
    assert json.loads(out)["reports"][0]["findings"] == [] and code == 0


def test_bad_config_is_exit_2(report_file, capsys):
    (report_file.parent / "auditor.toml").write_text('[rules.IND-NO-FORECAST]\nno_such_option = 1\n',
                                                     encoding="utf-8")
    code, _, err = run(capsys, "audit", str(report_file))
    assert code == 2 and "no_such_option" in err and err.count("\n") == 1


def test_explicit_config_and_no_config(report_file, capsys, tmp_path):
    cfg = tmp_path / "annan.toml"
    cfg.write_text('select = ["SUM-CLAIM-COUNT"]\n', encoding="utf-8")
    _, out, _ = run(capsys, "audit", str(report_file), "-f", "json", "--config", str(cfg))
    assert {f["rule"] for f in json.loads(out)["reports"][0]["findings"]} == {"SUM-CLAIM-COUNT"}
    (report_file.parent / "auditor.toml").write_text('select = ["SUM-CLAIM-COUNT"]\n', encoding="utf-8")
    _, out, _ = run(capsys, "audit", str(report_file), "-f", "json", "--no-config")
    assert len({f["rule"] for f in json.loads(out)["reports"][0]["findings"]}) > 1


def test_terminal_and_markdown(report_file, capsys, tmp_path):
    code, out, _ = run(capsys, "audit", str(report_file))
    assert "Exempelnämnden" in out and "GOAL-FULL-UNMET-IND" in out and "Barn och unga" in out
    target = tmp_path / "granskning.md"
    run(capsys, "audit", str(report_file), "-f", "md", "-o", str(target))
    md = target.read_text(encoding="utf-8")
    assert md.startswith("# ") and "| `GOAL-FULL-UNMET-IND` |" in md


def test_severity_words_follow_the_language(report_file, capsys):
    """Readers see fel/varning/info in Swedish and error/warning/info in English; the machine formats keep
    error/warning/info whatever the language."""
    _, out, _ = run(capsys, "audit", str(report_file))
    assert "┃ fel ┃ varning ┃ info ┃" in out and "  fel     GOAL-FULL-UNMET-IND" in out and "warning" not in out
    _, out, _ = run(capsys, "--lang", "en", "audit", str(report_file))
    assert "┃ error ┃ warning ┃ info ┃" in out and "  error   GOAL-FULL-UNMET-IND" in out and "varning" not in out
    _, md, _ = run(capsys, "audit", str(report_file), "-f", "md")
    assert "| Regel | fel | varning | info |" in md and "· `GOAL-FULL-UNMET-IND` · fel · fingeravtryck `" in md
    _, md, _ = run(capsys, "--lang", "en", "audit", str(report_file), "-f", "md")
    assert "| Rule | error | warning | info |" in md and "· `GOAL-FULL-UNMET-IND` · error · fingerprint `" in md
    _, out, _ = run(capsys, "audit", str(report_file), "-f", "json")
    assert {f["severity"] for f in json.loads(out)["reports"][0]["findings"]} <= {"error", "warning", "info"}


def test_english(report_file, capsys):
    _, out, _ = run(capsys, "--lang", "en", "audit", str(report_file), "-f", "json", "--select", "IND-NO-FORECAST")
    assert json.loads(out)["reports"][0]["findings"][0]["message"].startswith("The indicator")


def test_folder_expansion(tmp_path, capsys, monkeypatch, fixture_report):
    for name in ("b.txt", "a.txt", "skip.json"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    monkeypatch.setattr("auditor.workflow.audit.parse_file", lambda p: fixture_report.model_copy(update={"source": str(p)}))
    monkeypatch.chdir(tmp_path)
    _, out, _ = run(capsys, "audit", str(tmp_path), "-f", "json")
    sources = [r["source"] for r in json.loads(out)["reports"]]
    assert [s.rsplit("/", 1)[-1] for s in sources] == ["a.txt", "b.txt"]


def test_user_rule_directory(report_file, capsys, tmp_path):
    rules = tmp_path / "egna"
    rules.mkdir()
    (rules / "goal_no_number.py").write_text('''"""Goals should carry a number.

**Why it matters.** Numbers make goals easy to refer to.

**Example.** A nämndmål without a number.
"""
from auditor.engine.dsl import AS, Goal, Rule

ID = "LOCAL-GOAL-NO-NUMBER"
SEVERITY = "info"
TITLE = {"sv": "Mål utan nummer", "en": "Goal without a number"}
MESSAGE = {"sv": "Målet saknar nummer.", "en": "The goal has no number."}
EXAMPLES = [{"expect": "fail", "report": {"goals": [{"title": "X"}]}},
            {"expect": "pass", "report": {"goals": [{"title": "X", "number": "1"}]}}]


@Rule(AS.goal << Goal(number=None))
def goal_without_number(engine, goal):
    engine.flag(ID, goal)
''', encoding="utf-8")
    _, out, _ = run(capsys, "audit", str(report_file), "-f", "json", "--rules", str(rules), "--select", "LOCAL")
    assert {f["rule"] for f in json.loads(out)["reports"][0]["findings"]} == {"LOCAL-GOAL-NO-NUMBER"}
    code, out, _ = run(capsys, "rules", "--rules", str(rules), "--format", "json")
    assert code == 0 and "LOCAL-GOAL-NO-NUMBER" in {r["id"] for r in json.loads(out)}


def test_rules_and_explain(capsys):
    code, out, _ = run(capsys, "rules")
    assert code == 0 and "GOAL-FULL-UNMET-IND" in out and "SUM-CLAIM-COUNT" in out
    code, out, _ = run(capsys, "explain", "goal-full-unmet-ind")
    assert code == 0 and "Varför det spelar roll" in out and "Exempel" in out
    code, out, _ = run(capsys, "explain", "NO-SUCH-RULE")
    assert code == 2


def test_rules_list_follows_the_language(capsys):
    from auditor.engine.catalogue import load_catalogue

    spec = load_catalogue()["IND-NO-FORECAST"]
    _, out, _ = run(capsys, "rules")
    assert "Regelkatalog" in out and "Allvarlighet" in out and "varning" in out and "warning" not in out
    assert spec.title["sv"].split()[0] in out and spec.title["en"].split()[0] not in out
    _, out, _ = run(capsys, "--lang", "en", "rules")
    assert "Rule catalogue" in out and "Severity" in out and "warning" in out and "varning" not in out
    assert spec.title["en"].split()[0] in out
    _, out, _ = run(capsys, "rules", "--format", "json")
    assert {r["severity"] for r in json.loads(out)} == {"error", "warning", "info"}


def test_explain_speaks_the_chosen_language(capsys):
    """Swedish shows the rule's DOC_SV and Swedish labels, English its docstring and English labels."""
    from auditor.engine.catalogue import load_catalogue

    spec = load_catalogue()["GOAL-NO-ANALYSIS"]
    code, sv, _ = run(capsys, "explain", "GOAL-NO-ANALYSIS", "--format", "md")
    assert code == 0 and spec.doc_sv in sv and spec.doc not in sv
    assert "**Allvarlighet (standard):** varning" in sv and "**Parametrar:** `min_level_share = 0.5`" in sv
    assert "**Meddelande:**" in sv and "**Exempel** (körs också som tester):" in sv
    assert "✗ ger fynd:" in sv and "✓ godkänns:" in sv
    for english in ("What it checks", "Why it matters", "**Default severity:**", "**Parameters:**", "**Message:**",
                    "**Examples**", "✗ fails", "✓ passes"):
        assert english not in sv, english
    code, en, _ = run(capsys, "--lang", "en", "explain", "GOAL-NO-ANALYSIS", "--format", "md")
    assert code == 0 and spec.doc in en and spec.doc_sv not in en
    assert "**Default severity:** warning" in en and "**Parameters:** `min_level_share = 0.5`" in en
    assert "**Message:**" in en and "**Examples** (they also run as tests):" in en
    assert "✗ fails:" in en and "✓ passes:" in en
    for swedish in ("Vad regeln kontrollerar", "Varför det spelar roll", "**Allvarlighet", "**Parametrar:**",
                    "**Meddelande:**", "✗ ger fynd", "✓ godkänns"):
        assert swedish not in en, swedish


def test_explain_shows_the_title_in_the_chosen_language_only(capsys):
    """No subtitle in the other language: Swedish shows the Swedish title, English the English one."""
    from auditor.engine.catalogue import load_catalogue

    spec = load_catalogue()["GOAL-NO-ANALYSIS"]
    _, sv, _ = run(capsys, "explain", "GOAL-NO-ANALYSIS", "--format", "md")
    assert sv.startswith(f"### GOAL-NO-ANALYSIS: {spec.title['sv']}\n") and spec.title["en"] not in sv
    _, en, _ = run(capsys, "--lang", "en", "explain", "GOAL-NO-ANALYSIS", "--format", "md")
    assert en.startswith(f"### GOAL-NO-ANALYSIS: {spec.title['en']}\n") and spec.title["sv"] not in en


def test_explain_names_examples_in_the_chosen_language(capsys):
    """Swedish shows each example's title_sv, English its title; for one rule and for --all."""
    from auditor.engine.catalogue import load_catalogue

    def lines(spec, lang):
        verdict = {"sv": {"fail": "✗ ger fynd", "pass": "✓ godkänns"},
                   "en": {"fail": "✗ fails", "pass": "✓ passes"}}[lang]
        return [f"{verdict[ex['expect']]}: {ex['title_sv' if lang == 'sv' else 'title']}\n" for ex in spec.examples]

    spec = load_catalogue()["ACT-DATES-INVALID"]
    _, sv, _ = run(capsys, "explain", "ACT-DATES-INVALID", "--format", "md")
    _, en, _ = run(capsys, "--lang", "en", "explain", "ACT-DATES-INVALID", "--format", "md")
    assert "✗ ger fynd: Slutdatum före startdatum\n" in sv and "End before start" not in sv
    assert "✗ fails: End before start\n" in en and "Slutdatum före startdatum" not in en
    _, sv, _ = run(capsys, "explain", "--all", "--format", "md")
    _, en, _ = run(capsys, "--lang", "en", "explain", "--all", "--format", "md")
    for spec in load_catalogue():
        assert all(line in sv for line in lines(spec, "sv")), spec.id
        assert all(line in en for line in lines(spec, "en")), spec.id
        assert not any(f": {ex['title']}\n" in sv for ex in spec.examples), spec.id
        assert not any(f": {ex['title_sv']}\n" in en for ex in spec.examples), spec.id

def _user_rule(directory, doc_sv: str | None = None):
    directory.mkdir()
    extra = f'DOC_SV = """{doc_sv}"""\n' if doc_sv is not None else ""
    (directory / "goal_no_number.py").write_text(f'''"""Goals should carry a number.

**Why it matters.** Numbers make goals easy to refer to.

**Example.** A nämndmål without a number.
"""
{extra}from auditor.engine.dsl import AS, Goal, Rule

ID = "LOCAL-GOAL-NO-NUMBER"
SEVERITY = "info"
TITLE = {{"sv": "Mål utan nummer", "en": "Goal without a number"}}
MESSAGE = {{"sv": "Målet saknar nummer.", "en": "The goal has no number."}}
EXAMPLES = [{{"expect": "fail", "report": {{"goals": [{{"title": "X"}}]}}}}]


@Rule(AS.goal << Goal(number=None))
def goal_without_number(engine, goal):
    engine.flag(ID, goal)
''', encoding="utf-8")
    return str(directory)


def test_user_rule_without_doc_sv_explains_with_its_docstring(tmp_path, capsys):
    rules = _user_rule(tmp_path / "egna")
    for lang in ("sv", "en"):
        code, out, _ = run(capsys, "--lang", lang, "explain", "LOCAL-GOAL-NO-NUMBER", "--rules", rules,
                           "--format", "md")
        assert code == 0 and "Numbers make goals easy to refer to." in out
    assert "**Allvarlighet (standard):** info" in run(capsys, "explain", "LOCAL-GOAL-NO-NUMBER", "--rules", rules,
                                                      "--format", "md")[1]
    code, out, _ = run(capsys, "explain", "--all", "--rules", rules, "--format", "md")
    assert code == 0 and "Numbers make goals easy to refer to." in out and "Vad regeln kontrollerar" in out


def test_user_rule_with_doc_sv(tmp_path, capsys):
    rules = _user_rule(tmp_path / "egna", "Mål ska ha nummer.\n\n**Varför det spelar roll.** Numret gör målet lätt "
                                          "att hänvisa till.\n")
    _, sv, _ = run(capsys, "explain", "LOCAL-GOAL-NO-NUMBER", "--rules", rules, "--format", "md")
    assert "Numret gör målet lätt att hänvisa till." in sv and "Numbers make goals" not in sv
    _, en, _ = run(capsys, "--lang", "en", "explain", "LOCAL-GOAL-NO-NUMBER", "--rules", rules, "--format", "md")
    assert "Numbers make goals easy to refer to." in en and "Numret" not in en



def test_user_rule_example_titles(tmp_path, capsys):
    """A user rule's example without title_sv shows its title in both languages; one with title_sv shows it
    in Swedish."""
    rules = tmp_path / "egna"
    _user_rule(rules)
    path = rules / "goal_no_number.py"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('{"expect": "fail", ', '{"expect": "fail", "title": "No number", ', 1),
                    encoding="utf-8")
    for lang in ("sv", "en"):
        code, out, _ = run(capsys, "--lang", lang, "explain", "LOCAL-GOAL-NO-NUMBER", "--rules", str(rules),
                           "--format", "md")
        assert code == 0 and ": No number\n" in out
    rules2 = tmp_path / "egna2"
    _user_rule(rules2)
    path = rules2 / "goal_no_number.py"
    path.write_text(text.replace('{"expect": "fail", ',
                                 '{"expect": "fail", "title": "No number", "title_sv": "Utan nummer", ', 1),
                    encoding="utf-8")
    _, sv, _ = run(capsys, "explain", "LOCAL-GOAL-NO-NUMBER", "--rules", str(rules2), "--format", "md")
    _, en, _ = run(capsys, "--lang", "en", "explain", "LOCAL-GOAL-NO-NUMBER", "--rules", str(rules2),
                   "--format", "md")
    assert "✗ ger fynd: Utan nummer\n" in sv and "No number" not in sv
    assert "✗ fails: No number\n" in en and "Utan nummer" not in en

def test_doc_sv_must_be_text(tmp_path, capsys):
    rules = tmp_path / "egna"
    _user_rule(rules)
    path = rules / "goal_no_number.py"
    path.write_text(path.read_text(encoding="utf-8").replace('ID = "', 'DOC_SV = 42\nID = "', 1), encoding="utf-8")
    code, out, err = run(capsys, "explain", "LOCAL-GOAL-NO-NUMBER", "--rules", str(rules))
    assert code == 2 and out == "" and "DOC_SV" in err and err.count("\n") == 1


def test_explain_all_markdown(capsys):
    from auditor.engine.catalogue import load_catalogue

    code, out, _ = run(capsys, "explain", "--all", "--format", "md")
    assert code == 0 and out.count("\n### ") + out.startswith("### ") == len(load_catalogue())


def test_a_batch_ends_with_an_overview_of_committees_and_rules(capsys, tmp_path):
    from pathlib import Path
    example = Path(__file__).resolve().parents[2] / "fixtures"
    code = main(["audit", str(example / "example_vb.txt"), str(example / "example_t1.txt"), "--fail-on", "info"])
    out = capsys.readouterr().out
    assert code == 1
    overview = out[out.index("Översikt: 2 rapporter"):]
    assert "verksamhetsberättelse 2020" in overview and "tertialrapport 1 2025" in overview
    assert "SUM-CLAIM-COUNT 1" in overview and "IND-NO-FORECAST 2" in overview and "Totalt" in overview


def test_a_markdown_batch_starts_with_an_overview(capsys):
    from pathlib import Path
    example = Path(__file__).resolve().parents[2] / "fixtures"
    main(["audit", str(example / "example_vb.txt"), str(example / "example_t1.txt"), "--format", "md"])
    out = capsys.readouterr().out
    overview = out[out.index("## Översikt: 2 rapporter"):out.index("## Lövsjö")]
    assert "| Lövsjö stadsdelsnämnd – verksamhetsberättelse 2020 | 2 | 3 |" in overview
    assert "`IND-NO-FORECAST` 2" in overview
