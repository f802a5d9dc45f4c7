"""A MESSAGE may only name what a finding of its rule fills: a field of a fact its patterns match, a word its
module adds (WORDING, ``engine.flag`` keywords) or a name every message may use. Anything else is refused
when the catalogue loads, in one line, instead of being written as empty text in every finding."""
from __future__ import annotations

import pytest

from auditor.commands.cli import main
from auditor.engine.catalogue import check_message
from auditor.words.errors import InputError
from auditor.words.findings import placeholders

RULE_MODULE = '''\
"""A local rule whose message names {name}."""
from auditor.engine.dsl import AS, Indicator, Rule

ID = "LOCAL-MESSAGE"
SEVERITY = "warning"
TITLE = {{"sv": "Lokal regel", "en": "Local rule"}}
MESSAGE = {{"sv": "Indikatorn '{{name}}' har outcmel {{{name}}}.", "en": "The indicator '{{name}}' has {{{name}}}."}}


def WORDING(indicator) -> dict:
    return {{"shown": indicator["name"].upper()}}


@Rule(AS.indicator << Indicator(met=False))
def unmet(engine, indicator):
    engine.flag(ID, indicator, gap=1)
'''


def _rules_dir(tmp_path, name: str):
    folder = tmp_path / "egna"
    folder.mkdir()
    (folder / "local_message.py").write_text(RULE_MODULE.format(name=name), encoding="utf-8")
    return folder


@pytest.mark.parametrize("lang,expected", [
    ("sv", "auditor: {path}: MESSAGE i regeln LOCAL-MESSAGE nämner {{outcme}}, som inget fynd av regeln fyller; "
           "menade du 'outcome'?"),
    ("en", "auditor: {path}: the MESSAGE of rule LOCAL-MESSAGE names {{outcme}}, which no finding of the rule "
           "fills; did you mean 'outcome'?"),
])
def test_an_unknown_placeholder_is_refused_when_the_catalogue_loads(tmp_path, monkeypatch, capsys, lang, expected):
    monkeypatch.chdir(tmp_path)
    folder = _rules_dir(tmp_path, "outcme")
    code = main(["--lang", lang, "rules", "--rules", str(folder)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.strip().splitlines() == [expected.format(path=folder / "local_message.py")]


@pytest.mark.parametrize("name", ["outcome", "shown", "gap", "count", "subject"])
def test_fields_words_and_common_names_are_known(tmp_path, monkeypatch, capsys, name):
    """A fact's field, a WORDING key, a flag keyword and a name every message may use."""
    monkeypatch.chdir(tmp_path)
    folder = _rules_dir(tmp_path, name)
    assert main(["rules", "--rules", str(folder)]) == 0, capsys.readouterr().err


def test_every_builtin_message_is_checked(catalogue):
    for spec in catalogue:
        # loading checks only user rules (it would read each module's source again): the built-in ones here
        check_message(spec.id, spec.message, spec.rules, spec.path)
    spec = catalogue["IND-NO-GENDER-SPLIT"]
    with pytest.raises(InputError) as caught:
        check_message(spec.id, {**spec.message, "young": {"sv": "{barn}", "en": "{children}"}}, spec.rules,
                      spec.path)
    assert "{barn}" in caught.value.sv      # a variant's texts are checked too


def test_placeholders_of_a_template():
    assert placeholders("'{name}' ({outcome} mot {target}), {items[0]} {goal.title} {{literal}}") == {
        "name", "outcome", "target", "items", "goal"}
