"""A new translation file: valid as it is (every entry missing), each entry's English a comment
that, uncommented and translated, is a current entry."""

from __future__ import annotations

from ncr.documents.translation import Translation, english_entries
from ncr.loader.translation_checks import check_translation
from ncr.loader.yaml_reader import parse_yaml
from ncr.outputs.translation_skeleton import skeleton
from translating import TINY_FW, TINY_Q, loader


def _new(kind: str) -> tuple[str, object]:
    english = (
        loader().framework(TINY_FW).model
        if kind == "framework"
        else loader().questionnaire(TINY_Q)[0].model
    )
    about = {"of": english.id, "language": "fr"}
    return skeleton(
        kind, about, english_entries(english), "ncr translation new x --lang fr"
    ), english


def test_a_new_translation_is_valid_with_every_entry_missing() -> None:
    text, english = _new("questionnaire")
    tr = Translation.model_validate(parse_yaml(text, "t").data)
    checked = check_translation(tr, english, "fr")  # type: ignore[arg-type]
    assert checked.coverage.summary() == "fr 0/6 (6 missing)"
    assert [f.severity for f in checked.findings] == ["warning"] * 6


def test_the_english_is_a_comment_in_document_order() -> None:
    text, _ = _new("questionnaire")
    assert "  # Q2:\n  #   text: Is data interference a crime?\n  #   options:\n" in text
    assert "  #     partial: Partly\n" in text
    assert text.index("# Q1:") < text.index("# Q2:") < text.index("# Q4:")
    assert all(len(line) <= 100 for line in text.splitlines())


def test_an_uncommented_translated_entry_is_current() -> None:
    text, english = _new("framework")
    text = text.replace('  # "1":\n  #   name: Start-up\n', '  "1":\n    name: Démarrage\n')
    tr = Translation.model_validate(parse_yaml(text, "t").data)
    checked = check_translation(tr, english, "fr")  # type: ignore[arg-type]
    assert checked.text == {("levels", "1"): {"name": "Démarrage"}}
    assert checked.coverage.current == 1
