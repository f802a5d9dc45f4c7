"""The knowledge files are parsed once and kept beside them (``auditor.knowledge.parsed_cache``): read back
for the same bytes, parsed again for any other, and written only as Python writes bytecode."""
import os
import sys

import pytest

from auditor.knowledge import _read_yaml, load_knowledge, parsed_cache
from auditor.knowledge.location import rule_dirs
from auditor.words.errors import InputError


@pytest.fixture
def writing(monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    monkeypatch.setattr(sys, "pycache_prefix", None)


def _people(tmp_path, words: str):
    path = tmp_path / "people.yaml"
    path.write_text(f"subject_words: [{words}]\n", encoding="utf-8")
    return path


def test_the_parsed_file_is_kept_and_read_back(tmp_path, writing, monkeypatch):
    path = _people(tmp_path, "elever")
    assert _read_yaml(path) == {"subject_words": ["elever"]}
    assert parsed_cache.cache_path(path).is_file()
    import yaml
    monkeypatch.setattr(yaml, "load", lambda *a, **k: pytest.fail("parsed again"))
    assert _read_yaml(path) == {"subject_words": ["elever"]}


def test_a_bytecode_prefix_holds_the_parsed_file_as_it_holds_bytecode(tmp_path, writing, monkeypatch):
    """With PYTHONPYCACHEPREFIX, nothing is written beside the file: the parsed copy goes where the folder's
    bytecode would, and is read back from there."""
    monkeypatch.setattr(sys, "pycache_prefix", str(tmp_path / "prefix"))
    folder = tmp_path / "rules"
    folder.mkdir()
    path = _people(folder, "elever")
    assert _read_yaml(path) == {"subject_words": ["elever"]}
    kept = parsed_cache.cache_path(path)
    assert kept.is_file() and kept.is_relative_to(tmp_path / "prefix")
    assert kept.parent == tmp_path / "prefix" / str(folder).lstrip(os.sep)
    assert not (folder / "__pycache__").exists()
    import yaml
    monkeypatch.setattr(yaml, "load", lambda *a, **k: pytest.fail("parsed again"))
    assert _read_yaml(path) == {"subject_words": ["elever"]}


def test_other_bytes_are_parsed_again_whatever_the_clock_says(tmp_path, writing):
    path = _people(tmp_path, "elever")
    _read_yaml(path)
    stat = path.stat()
    _people(tmp_path, "lärare")                                   # the same size
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))        # and the same time
    assert _read_yaml(path) == {"subject_words": ["lärare"]}


def test_nothing_is_written_when_bytecode_is_not(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    path = _people(tmp_path, "elever")
    assert _read_yaml(path) == {"subject_words": ["elever"]}
    assert not (tmp_path / "__pycache__").exists()


def test_a_folder_that_cannot_be_written_is_read_all_the_same(tmp_path, writing):
    path = _people(tmp_path, "elever")
    (tmp_path / "__pycache__").write_text("a file where the folder would be", encoding="utf-8")
    assert _read_yaml(path) == {"subject_words": ["elever"]}
    assert _read_yaml(path) == {"subject_words": ["elever"]}


def test_data_marshal_cannot_hold_is_parsed_every_time(tmp_path, writing):
    path = tmp_path / "kf_targets.yaml"
    path.write_text("updated: 2026-01-05\ntargets: {}\n", encoding="utf-8")     # a YAML date
    first = _read_yaml(path)
    assert str(first["updated"]) == "2026-01-05"
    assert not parsed_cache.cache_path(path).exists()
    assert _read_yaml(path) == first


def test_a_damaged_cache_is_parsed_over(tmp_path, writing):
    path = _people(tmp_path, "elever")
    _read_yaml(path)
    parsed_cache.cache_path(path).write_bytes(b"\x00garbage")
    assert _read_yaml(path) == {"subject_words": ["elever"]}


def test_bad_yaml_is_still_refused_in_one_line(tmp_path, writing):
    path = tmp_path / "people.yaml"
    path.write_text("subject_words: [elever\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        _read_yaml(path)
    assert "people.yaml" in caught.value.message("en") and "\n" not in caught.value.message("en")
    assert not parsed_cache.cache_path(path).exists()


def test_windows_line_ends_read_as_before(tmp_path, writing):
    path = tmp_path / "people.yaml"
    path.write_bytes(b"subject_words:\r\n  - elever\r\n  - 'l\xc3\xa4rare'\r\n")
    assert _read_yaml(path) == {"subject_words": ["elever", "lärare"]}


def test_the_builtin_knowledge_is_the_same_from_the_cache(tmp_path, writing):
    """Loading the shipped knowledge twice, the second time from what the first kept, gives the same."""
    import shutil
    folder = tmp_path / "rules"
    shutil.copytree(rule_dirs()[-1], folder, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    first = load_knowledge((str(folder),))
    load_knowledge.cache_clear()
    assert (folder / "__pycache__").is_dir()
    second = load_knowledge((str(folder),))
    load_knowledge.cache_clear()
    assert second == first
