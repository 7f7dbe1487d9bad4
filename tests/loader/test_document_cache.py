"""The parse of built-in documents kept between runs: used when the file is unchanged, replaced when
it changes, ignored when the entry is damaged, and never kept for the user's own files."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest

from conftest import LIB, REPO
from ncr.loader import document_cache
from ncr.loader.document_cache import cache_dir, cached_parse
from ncr.loader.loading import Loader
from ncr.loader.search_path import Catalog
from ncr.loader.yaml_reader import YamlDoc, parse_yaml

TEXT = b"id: demo\ntitle: Demo\nreleased: 2026-03-14\nitems:\n  - a\n  - b\n"


class CountingParser:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, data: bytes, file: str) -> YamlDoc:
        self.calls += 1
        return parse_yaml(data, file)


def test_a_second_run_on_the_same_bytes_reads_the_entry_not_the_yaml(tmp_path: Path) -> None:
    parse = CountingParser()
    first = cached_parse(TEXT, "demo.yaml", parse, tmp_path)
    second = cached_parse(TEXT, "demo.yaml", parse, tmp_path)
    assert parse.calls == 1
    assert second.data == first.data  # the date comes back a date, the list a list
    assert second.positions == first.positions
    assert second.where(("items", 1)) == (6, 5)


def test_a_changed_file_is_parsed_again_and_its_entry_replaced(tmp_path: Path) -> None:
    parse = CountingParser()
    cached_parse(TEXT, "demo.yaml", parse, tmp_path)
    changed = cached_parse(TEXT.replace(b"Demo", b"Changed"), "demo.yaml", parse, tmp_path)
    assert parse.calls == 2
    assert changed.data["title"] == "Changed"
    assert len(list(tmp_path.iterdir())) == 1  # one entry a file, however often it changes


@pytest.mark.parametrize(
    "damage",
    [
        b"",  # an empty file (a crash between create and write)
        b"\x80\x05garbage",  # not a pickle
        pickle.dumps((1, "x")),  # a pickle of the wrong shape
        pickle.dumps((document_cache.FORMAT - 1, "0", "sha", "demo.yaml", {}, {})),  # older format
    ],
)
def test_a_damaged_entry_is_ignored_and_rewritten(tmp_path: Path, damage: bytes) -> None:
    parse = CountingParser()
    cached_parse(TEXT, "demo.yaml", parse, tmp_path)
    (entry,) = tmp_path.iterdir()
    entry.write_bytes(damage)
    doc = cached_parse(TEXT, "demo.yaml", parse, tmp_path)
    assert (parse.calls, doc.data["title"]) == (2, "Demo")
    assert cached_parse(TEXT, "demo.yaml", parse, tmp_path).data["title"] == "Demo"
    assert parse.calls == 2  # the rewritten entry is good again


class Planted:
    """A pickle that would run a command when loaded by an unrestricted unpickler."""

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (print, ("planted code ran",))


def test_a_planted_entry_cannot_run_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    parse = CountingParser()
    cached_parse(TEXT, "demo.yaml", parse, tmp_path)
    (entry,) = tmp_path.iterdir()
    entry.write_bytes(pickle.dumps(Planted()))
    assert cached_parse(TEXT, "demo.yaml", parse, tmp_path).data["id"] == "demo"
    assert "planted" not in capsys.readouterr().out


def test_a_cache_that_cannot_be_written_only_costs_a_parse(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    parse = CountingParser()
    assert cached_parse(TEXT, "demo.yaml", parse, blocker / "ncr").data["id"] == "demo"
    assert cached_parse(TEXT, "demo.yaml", parse, blocker / "ncr").data["id"] == "demo"
    assert parse.calls == 2


def test_the_cache_lives_in_the_users_cache_folder(tmp_path: Path) -> None:
    assert cache_dir({"XDG_CACHE_HOME": str(tmp_path)}) == tmp_path / "ncr" / "documents"
    assert cache_dir({}) == Path.home() / ".cache" / "ncr" / "documents"
    assert cache_dir({"XDG_CACHE_HOME": str(tmp_path), "NCR_NO_CACHE": "1"}) is None


@pytest.fixture
def shipped_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the built-in documents standing in for the installed ones."""
    root = tmp_path / "installed"
    for folder in ("frameworks", "questionnaires"):
        shutil.copytree(REPO / folder, root / folder)
    monkeypatch.setattr("ncr.shipped.builtin_root", lambda: root)
    monkeypatch.setattr("ncr.loader.search_path.builtin_root", lambda: root)
    return root


def load_core(cache: Path) -> str:
    loader = Loader(Catalog.create(env={}), parse_cache=cache)
    questionnaire = loader.catalog.questionnaires()["ncr-core-2026"].path
    _, framework = loader.questionnaire(questionnaire)
    return framework.model.title


def test_a_changed_built_in_framework_is_seen_on_the_next_run(
    shipped_copy: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    title = load_core(cache)
    assert len(list(cache.iterdir())) == 2  # the questionnaire and the framework
    framework = shipped_copy / "frameworks" / "ncr-core" / "framework.yaml"
    text = framework.read_text(encoding="utf-8")
    assert f"title: {title}\n" in text
    framework.write_text(text.replace(f"title: {title}\n", "title: Edited by hand\n", 1))
    assert load_core(cache) == "Edited by hand"


def test_a_corrupt_entry_for_a_built_in_document_is_ignored(
    shipped_copy: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    title = load_core(cache)
    for entry in cache.iterdir():
        entry.write_bytes(entry.read_bytes()[:100])  # truncated, as by a full disk
    assert load_core(cache) == title


def test_the_users_own_documents_are_never_cached(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    loader = Loader(Catalog.create([LIB], env={}), parse_cache=cache)
    loader.framework(LIB / "frameworks" / "mini" / "framework.yaml")
    assert not cache.exists()


def test_a_parse_with_faults_set_aside_is_not_kept(tmp_path: Path) -> None:
    # a duplicated key is reported and set aside: reported again on every run, so never cached
    def partial(data: bytes, file: str) -> YamlDoc:
        return parse_yaml(data, file, partial=True)

    doc = cached_parse(b"id: a\nid: b\ntitle: T\n", "dup.yaml", partial, tmp_path)
    assert doc.problems
    assert list(tmp_path.iterdir()) == []
