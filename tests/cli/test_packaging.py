"""The built-in catalogue (rules/) is installed as ``auditor_rules``; packages are listed explicitly in
pyproject.toml because of that mapping, so check that no auditor subpackage is forgotten."""
import tomllib

from conftest import ROOT


def test_every_subpackage_is_listed():
    conf = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "auditor").rglob("__init__.py")}
    assert found <= set(conf["packages"])
    assert conf["package-dir"]["auditor_rules"] == "rules"
    assert "*.yaml" in conf["package-data"]["auditor_rules"]


def test_checkout_loads_rules_dir_as_auditor_rules():
    from auditor.knowledge.location import builtin_rules_dir
    assert (builtin_rules_dir() / "directions.yaml").is_file()
