"""Reading one document: its kind told from its keys, its problems located, a salvaged document
carrying its errors (the loading tests cover the salvage in depth)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import LIB
from ncr.documents import Framework
from ncr.loader.document_reading import kind_of, read_document
from ncr.problems import InputError


@pytest.mark.parametrize(
    ("keys", "kind"),
    [
        ({"translation": {}, "sections": {}}, "translation"),  # before the questionnaire's keys
        ({"country": {}}, "response"),
        ({"sections": []}, "questionnaire"),
        ({"framework": "x"}, "benchmark"),
        ({"pillars": []}, "framework"),
        ({"title": "x"}, None),
    ],
)
def test_the_kind_of_a_document_comes_from_its_keys(keys: dict[str, object], kind: str) -> None:
    assert kind_of(keys) == kind


def test_a_document_is_read_with_its_hash_and_no_problems() -> None:
    loaded = read_document(LIB / "frameworks" / "mini" / "framework.yaml", Framework)
    assert loaded.model.id == "mini"
    assert len(loaded.sha256) == 64
    assert loaded.problems == ()
    assert loaded.translation is None


def test_an_unreadable_document_is_one_located_problem(tmp_path: Path) -> None:
    with pytest.raises(InputError) as err:
        read_document(tmp_path / "absent.yaml", Framework)
    assert [p.line for p in err.value.problems] == [0]
    assert "cannot read the file" in str(err.value)


def test_a_salvaged_document_carries_each_error_located(tmp_path: Path) -> None:
    text = (LIB / "frameworks" / "mini" / "framework.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "framework.yaml"
    bad.write_text(text.replace("title: Law\n", "title: Law\n    colour: red\n"), "utf-8")
    loaded = read_document(bad, Framework)
    assert [(p.line, p.message) for p in loaded.problems] == [(16, "unknown key 'colour'")]
