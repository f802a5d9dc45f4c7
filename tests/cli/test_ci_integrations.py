"""The CI integrations the repository ships, checked for their consumers: the pre-commit hook
(``.pre-commit-hooks.yaml``) and the composite GitHub Action (``action.yml``) are valid by the shape their
documentation gives (schemas written here from https://pre-commit.com/#new-hooks and GitHub's "Metadata
syntax for GitHub Actions"), and what they run works on the fixtures: the hook's entry with file names
appended as pre-commit appends them, the action's scripts with the outputs GitHub would pass between steps.
The README's examples of their use (and its GitLab CI job) are checked with the same schemas; where npm can
fetch it, SchemaStore's schema (through action-validator) checks action.yml and the README's workflows too."""
from __future__ import annotations

import os
import re
import shlex
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from ..readme_samples import ROOT, make_workspace, run

FIXTURES = ROOT / "fixtures"
CLEAN, DEFECTIVE = FIXTURES / "quirk_sections.txt", FIXTURES / "example_vb.txt"
WARNED = FIXTURES / "quirk_label_split.txt"          # a warning, no error

HOOK_LANGUAGES = ["conda", "coursier", "dart", "docker", "docker_image", "dotnet", "fail", "golang", "haskell",
                  "julia", "lua", "node", "perl", "python", "r", "ruby", "rust", "swift", "pygrep", "script",
                  "system", "unsupported", "unsupported_script"]
STRINGS = {"type": "array", "items": {"type": "string"}}
PRE_COMMIT_HOOKS = {          # .pre-commit-hooks.yaml: a list of hooks
    "type": "array", "minItems": 1,
    "items": {"type": "object", "required": ["id", "name", "entry", "language"], "additionalProperties": False,
              "properties": {
                  "id": {"type": "string", "pattern": r"^[\w.-]+$"}, "name": {"type": "string"},
                  "entry": {"type": "string"}, "language": {"enum": HOOK_LANGUAGES},
                  "files": {"type": "string"}, "exclude": {"type": "string"}, "types": STRINGS,
                  "types_or": STRINGS, "exclude_types": STRINGS, "always_run": {"type": "boolean"},
                  "fail_fast": {"type": "boolean"}, "verbose": {"type": "boolean"},
                  "pass_filenames": {"type": "boolean"}, "require_serial": {"type": "boolean"},
                  "description": {"type": "string"}, "language_version": {"type": "string"},
                  "minimum_pre_commit_version": {"type": "string"}, "args": STRINGS, "stages": STRINGS}}}
PRE_COMMIT_CONFIG = {         # a user's .pre-commit-config.yaml
    "type": "object", "required": ["repos"],
    "properties": {"repos": {"type": "array", "items": {
        "type": "object", "required": ["repo", "hooks"],
        "properties": {"repo": {"type": "string"}, "rev": {"type": "string"},
                       "hooks": {"type": "array", "items": {"type": "object", "required": ["id"],
                                                            "properties": {"id": {"type": "string"}}}}}}}}}
STEP = {"type": "object",
        "properties": {"id": {"type": "string"}, "name": {"type": "string"}, "if": {"type": "string"},
                       "run": {"type": "string"}, "shell": {"type": "string"}, "uses": {"type": "string"},
                       "with": {"type": "object"}, "env": {"type": "object"},
                       "working-directory": {"type": "string"}, "continue-on-error": {"type": "boolean"}},
        "additionalProperties": False,
        "oneOf": [{"required": ["run", "shell"], "not": {"required": ["uses"]}},
                  {"required": ["uses"], "not": {"required": ["run"]}}]}
ACTION = {                    # action.yml of a composite action
    "type": "object", "required": ["name", "description", "runs"],
    "properties": {
        "name": {"type": "string"}, "description": {"type": "string"}, "author": {"type": "string"},
        "branding": {"type": "object", "properties": {"icon": {"type": "string"}, "color": {"type": "string"}}},
        "inputs": {"type": "object", "additionalProperties": {
            "type": "object", "required": ["description"], "additionalProperties": False,
            "properties": {"description": {"type": "string"}, "required": {"type": "boolean"},
                           "default": {"type": "string"}, "deprecationMessage": {"type": "string"}}}},
        "outputs": {"type": "object", "additionalProperties": {
            "type": "object", "required": ["description", "value"],
            "properties": {"description": {"type": "string"}, "value": {"type": "string"}}}},
        "runs": {"type": "object", "required": ["using", "steps"],
                 "properties": {"using": {"const": "composite"}, "steps": {"type": "array", "minItems": 1,
                                                                           "items": STEP}}}}}
WORKFLOW_STEP = {"type": "object", "properties": {"uses": {"type": "string"}, "with": {"type": "object"}}}
WORKFLOW = {                  # a workflow that uses the action
    "type": "object", "required": ["on", "jobs"],
    "properties": {"jobs": {"type": "object", "additionalProperties": {
        "type": "object", "required": ["runs-on", "steps"],
        "properties": {"steps": {"type": "array", "items": WORKFLOW_STEP}}}}}}
GITLAB_JOB = {                # a job of .gitlab-ci.yml
    "type": "object", "required": ["script"],
    "properties": {"image": {"type": "string"}, "script": STRINGS, "after_script": STRINGS,
                   "before_script": STRINGS, "rules": {"type": "array", "items": {"type": "object"}},
                   "artifacts": {"type": "object", "additionalProperties": False,
                                 "properties": {"when": {"enum": ["on_success", "on_failure", "always"]},
                                                "paths": STRINGS, "expire_in": {"type": "string"},
                                                "reports": {"type": "object", "properties": {
                                                    "junit": {"anyOf": [{"type": "string"}, STRINGS]},
                                                    "codequality": {"type": "string"}}}}}}}


def _load(name: str):
    # PyYAML reads "on:" as True (YAML 1.1); GitHub reads it as the key "on"
    return yaml.safe_load((ROOT / name).read_text(encoding="utf-8"))


@pytest.fixture()
def auditor_on_path(tmp_path) -> dict:
    """An environment whose PATH finds ``auditor`` as an installed hook environment would."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    wrapper = bin_dir / "auditor"
    wrapper.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m auditor "$@"\n')
    wrapper.chmod(wrapper.stat().st_mode | stat.S_IEXEC)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AUDITOR_", "GITHUB_"))}
    return dict(env, PATH=f"{bin_dir}:{env['PATH']}", PYTHONPATH=str(ROOT))


# --- pre-commit -----------------------------------------------------------------------------------------

def test_the_pre_commit_hook_is_valid():
    hooks = _load(".pre-commit-hooks.yaml")
    jsonschema.validate(hooks, PRE_COMMIT_HOOKS)
    hook = next(h for h in hooks if h["id"] == "auditor")
    assert hook["language"] == "python" and shlex.split(hook["entry"])[:2] == ["auditor", "audit"]
    files = re.compile(hook["files"])
    for name in ("rapporter/lovsjo_vb_2020.txt", "nämnder/rapporter/T1.PDF", "rapporter/2025/bilaga.pdf"):
        assert files.search(name), name
    for name in ("requirements.txt", "README.md", "docs/notes.txt", "rapporter/auditor-review.yaml",
                 "rapporter/auditor-baseline.json"):
        assert not files.search(name), name


def test_the_hook_entry_passes_clean_reports_and_fails_defective_ones(tmp_path, auditor_on_path):
    hook = next(h for h in _load(".pre-commit-hooks.yaml") if h["id"] == "auditor")
    (tmp_path / "rapporter").mkdir()
    for source in (CLEAN, DEFECTIVE, WARNED):
        shutil.copy(source, tmp_path / "rapporter" / source.name)

    def commit(*names: str) -> subprocess.CompletedProcess:     # pre-commit appends the staged file names
        argv = shlex.split(hook["entry"]) + hook.get("args", []) + [f"rapporter/{n}" for n in names]
        return subprocess.run(argv, cwd=tmp_path, env=auditor_on_path, capture_output=True, text=True, timeout=120)

    clean = commit(CLEAN.name, WARNED.name)                  # a warning does not gate by default
    assert clean.returncode == 0, clean.stdout + clean.stderr
    (tmp_path / "auditor.toml").write_text('fail-on = "warning"\n', encoding="utf-8")
    assert commit(WARNED.name).returncode == 1               # the configuration's fail-on is the hook's
    (tmp_path / "auditor.toml").unlink()
    both = commit(CLEAN.name, DEFECTIVE.name)
    assert both.returncode == 1 and "GOAL-FULL-UNMET-IND" in both.stdout


def check_pre_commit_config(text: str) -> None:
    config = yaml.safe_load(text)
    jsonschema.validate(config, PRE_COMMIT_CONFIG)
    ids = {h["id"] for h in _load(".pre-commit-hooks.yaml")}
    assert {h["id"] for repo in config["repos"] for h in repo["hooks"]} <= ids


# --- the GitHub Action ----------------------------------------------------------------------------------

def test_the_action_is_a_valid_composite_action():
    action = _load("action.yml")
    jsonschema.validate(action, ACTION)
    assert {"paths", "fail-on", "python-version"} <= set(action["inputs"])
    steps = action["runs"]["steps"]
    uses = [s.get("uses", "").split("@")[0] for s in steps]
    assert "actions/setup-python" in uses and "github/codeql-action/upload-sarif" in uses
    text = (ROOT / "action.yml").read_text(encoding="utf-8")
    for name in re.findall(r"\binputs\.([\w-]+)", text):
        assert name in action["inputs"], f"action.yml uses an input it does not declare: {name}"
    ids = [s.get("id") for s in steps]
    for ref in re.findall(r"\bsteps\.([\w-]+)\.outputs", text):
        assert ref in ids, f"action.yml reads the outputs of a step it does not have: {ref}"
    # the gate comes after the upload, so that a failing audit still uploads its SARIF
    assert uses.index("github/codeql-action/upload-sarif") < len(steps) - 1
    assert "exit" in steps[-1]["run"] and "always()" in steps[uses.index("github/codeql-action/upload-sarif")]["if"]


# SchemaStore's schemas for action.yml and workflows, as the action-validator CLI (npm, GPL-3.0, run here and
# not shipped) applies them: a second opinion beside the schemas above, fetched once into tests/.cache.
VALIDATOR = "@action-validator/cli@0.6.0"
VALIDATOR_BIN = ROOT / "tests" / ".cache" / "action-validator" / "node_modules" / ".bin" / "action-validator"


def _action_validator() -> Path | None:
    if VALIDATOR_BIN.is_file():
        return VALIDATOR_BIN
    npm = shutil.which("npm")
    if npm is None:
        return None
    try:
        subprocess.run([npm, "install", "--silent", "--no-audit", "--no-fund", "--prefix",
                        str(VALIDATOR_BIN.parents[2]), VALIDATOR], capture_output=True, timeout=300, check=True)
    except (subprocess.SubprocessError, OSError):
        return None
    return VALIDATOR_BIN if VALIDATOR_BIN.is_file() else None


def test_schemastore_accepts_the_action_and_the_readme_workflows(tmp_path):
    validator = _action_validator()
    if validator is None:
        if os.environ.get("CI"):
            pytest.fail(f"npm could not install {VALIDATOR}")
        pytest.skip(f"needs npm to fetch {VALIDATOR}")
    from ..readme_samples import README, blocks
    workflows = tmp_path / ".github" / "workflows"
    workflows.mkdir(parents=True)
    for block in blocks(README.read_text(encoding="utf-8")):
        if block.kind == "ci-job" or (block.marker or "").startswith("checked: action-usage"):
            (workflows / f"readme-{block.line}.yml").write_text(block.text, encoding="utf-8")
    (workflows / "broken.yml").write_text("name: x\non: push\njobs: {granska: {steps: []}}\n", encoding="utf-8")
    files = [ROOT / "action.yml"] + sorted(workflows.glob("readme-*.yml"))
    assert len(files) == 3
    for path in files + [workflows / "broken.yml"]:
        result = subprocess.run([str(validator), str(path)], capture_output=True, text=True, timeout=60)
        assert (result.returncode == 0) == (path.name != "broken.yml"), (path.name, result.stdout, result.stderr)


def _expand(value: str, inputs: dict, outputs: dict) -> str:
    """GitHub's ``${{ inputs.x }}`` and ``${{ steps.id.outputs.y }}`` in a step's env."""
    value = re.sub(r"\$\{\{\s*inputs\.([\w-]+)\s*\}\}", lambda m: inputs[m.group(1)], value)
    return re.sub(r"\$\{\{\s*steps\.[\w-]+\.outputs\.([\w-]+)\s*\}\}", lambda m: outputs.get(m.group(1), ""), value)


def _run_action(place: Path, env: dict, **given) -> tuple[dict, list[subprocess.CompletedProcess]]:
    """The action's shell steps after the install, as the runner runs them; their outputs and results."""
    action = _load("action.yml")
    inputs = {name: spec.get("default", "") for name, spec in action["inputs"].items()} | given
    outputs: dict[str, str] = {}
    results = []
    for step in action["runs"]["steps"]:
        if "run" not in step or "GITHUB_ACTION_PATH" in step["run"]:   # the install is the test's venv
            continue
        out_file = place / "github_output"
        out_file.write_text("", encoding="utf-8")
        step_env = dict(env, GITHUB_OUTPUT=str(out_file),
                        **{k: _expand(str(v), inputs, outputs) for k, v in step.get("env", {}).items()})
        results.append(subprocess.run([step["shell"], "-e", "-c", step["run"]], cwd=place, env=step_env,
                                      capture_output=True, text=True, timeout=120))
        outputs |= dict(line.split("=", 1) for line in out_file.read_text(encoding="utf-8").splitlines())
    return outputs, results


def test_the_action_uploads_the_sarif_and_then_fails_the_gate(tmp_path, auditor_on_path):
    place = make_workspace(tmp_path / "w")
    outputs, (audit, gate) = _run_action(place, auditor_on_path)
    assert audit.returncode == 0, audit.stderr                 # the step itself passes: the upload comes next
    assert outputs == {"sarif": "true", "exit-code": "1"}
    assert (place / "auditor.sarif").read_text(encoding="utf-8").lstrip().startswith("{")
    assert "::error file=rapporter/lovsjo_vb_2020.txt" in audit.stdout
    assert gate.returncode == 1


def test_the_action_passes_clean_reports(tmp_path, auditor_on_path):
    place = tmp_path / "w"
    (place / "rapporter").mkdir(parents=True)
    shutil.copy(CLEAN, place / "rapporter" / "ren.txt")
    shutil.copy(WARNED, place / "rapporter" / "varning.txt")    # a warning does not gate by default
    outputs, (audit, gate) = _run_action(place, auditor_on_path)
    assert outputs == {"sarif": "true", "exit-code": "0"} and gate.returncode == 0, gate.stderr
    assert "::warning file=rapporter/varning.txt" in audit.stdout


def check_action_usage(text: str) -> None:
    workflow = yaml.safe_load(text)
    workflow["on"] = workflow.pop(True, workflow.get("on"))     # YAML 1.1 reads the key on as true
    jsonschema.validate(workflow, WORKFLOW)
    inputs = _load("action.yml")["inputs"]
    steps = [s for job in workflow["jobs"].values() for s in job["steps"] if s.get("uses", "").endswith("/auditor@v0.1.0")]
    assert steps, "the example does not use the action"
    for step in steps:
        assert set(step.get("with", {})) <= set(inputs), "the example gives inputs the action does not have"


# --- GitLab CI ------------------------------------------------------------------------------------------

def check_gitlab_ci(text: str, tmp_path: Path) -> None:
    jobs = yaml.safe_load(text)
    for job in jobs.values():
        jsonschema.validate(job, GITLAB_JOB)
        place = make_workspace(tmp_path / "gitlab")
        codes = [run(line, place).code for line in job["script"] if line.startswith("auditor ")]
        assert codes == [1], "the gate fails on the example reports' errors"
        for line in job.get("after_script", []):
            assert run(line, place).code == 0, line
        for path in job["artifacts"]["paths"] + [job["artifacts"]["reports"]["junit"]]:
            assert (place / path).exists(), path
