"""Stamping edits the text: comments, quoting and layout stay; block and flow entries both take
the hash as their first key; what is stamped reads back as before plus the hashes."""

from __future__ import annotations

from ncr.documents.translation import Translation, english_entries
from ncr.loader.stamping import hashes_to_stamp, stamped
from ncr.loader.yaml_reader import parse_yaml
from translating import TINY_FW, TINY_FW_FR, loader

TEXT = """\
# Traduction de travail : un commentaire qui reste.
translation: {of: tiny, language: fr}
document:
  title: Cadre minuscule  # un commentaire en fin de ligne
levels:
  1: {name: Démarrage}
  2: {}
indicators:
  law.powers:
    english_hash: "12345678"
    title: Pouvoirs
"""


def _hashes() -> dict[tuple[str | int, ...], str]:
    tr = Translation.model_validate(parse_yaml(TEXT, "t").data)
    return hashes_to_stamp(tr, loader().framework(TINY_FW).model)


def test_entries_without_a_hash_are_stamped_in_place() -> None:
    entries = english_entries(loader().framework(TINY_FW).model)
    doc, one, two = (entries[k].hash for k in [("document", ""), ("levels", "1"), ("levels", "2")])
    assert stamped(TEXT, "t", _hashes()) == TEXT.replace(
        "document:\n", f'document:\n  english_hash: "{doc}"\n'
    ).replace("{name: Démarrage}", f'{{english_hash: "{one}", name: Démarrage}}').replace(
        "2: {}", f'2: {{english_hash: "{two}"}}'
    )


def test_an_entry_with_a_hash_keeps_it() -> None:
    assert ("indicators", "law.powers") not in _hashes()


def test_windows_line_endings_and_a_byte_order_mark_stay() -> None:
    text = "\ufeff" + TEXT.replace("\n", "\r\n")
    out = stamped(text, "t", _hashes())
    assert out.startswith("\ufeff# Traduction")
    assert "\n" not in out.replace("\r\n", "")
    assert parse_yaml(out.removeprefix("\ufeff"), "t").data["document"]["english_hash"]


def test_a_hash_that_reads_as_a_number_is_quoted() -> None:
    # 154e9644 unquoted would read as a float: every hash is written in quotes
    out = stamped(TEXT, "t", {("document",): "154e9644"})
    assert parse_yaml(out, "t").data["document"]["english_hash"] == "154e9644"


def test_a_flow_mapping_over_several_lines_with_a_comment_is_stamped() -> None:
    text = "translation: {of: tiny, language: fr}\ndocument: { # le titre\n  title: a,\n  description: b}\n"
    out = stamped(text, "t", {("document",): "abcdef01"})
    assert out.splitlines()[1] == 'document: {english_hash: "abcdef01",  # le titre'
    assert parse_yaml(out, "t").data["document"] == {
        "english_hash": "abcdef01",
        "title": "a",
        "description": "b",
    }


def test_the_fixture_translation_stamps_whole() -> None:
    text = TINY_FW_FR.read_text(encoding="utf-8")
    tr = Translation.model_validate(parse_yaml(text, "t").data)
    hashes = hashes_to_stamp(tr, loader().framework(TINY_FW).model)
    assert len(hashes) == 7  # document, 2 levels, 1 pillar, 2 indicators, 1 rule
    out = stamped(text, "t", hashes)
    assert out.count("english_hash") == 7
    assert out.startswith("# Traduction de travail du cadre")
