"""The translation model, the English entries a translation is keyed by, their hash, and a
translated document: text changes, nothing that scores does."""

from __future__ import annotations

import hashlib

from located import problems
from ncr.documents.translation import Translation, english_entries, english_hash, translated
from translating import TINY_Q, loader


def test_the_hash_is_sha256_of_the_fields_as_sorted_json_first_8_hex_digits() -> None:
    # by hand: json.dumps({"name": "Start-up"}) is '{"name": "Start-up"}'
    assert (
        english_hash({"name": "Start-up"})
        == hashlib.sha256(b'{"name": "Start-up"}').hexdigest()[:8]
    )


def test_rewrapping_english_text_keeps_its_hash_but_a_new_word_changes_it() -> None:
    one = english_hash({"text": "Is illegal access\n a crime?"})
    assert one == english_hash({"text": "Is illegal access a crime?"})
    assert one != english_hash({"text": "Is unlawful access a crime?"})


def test_entries_hold_only_the_text_english_has_in_document_order() -> None:
    qn = loader().questionnaire(TINY_Q)[0].model
    entries = english_entries(qn)
    assert list(entries) == [
        ("document", ""),
        ("sections", "law"),
        ("questions", "Q1"),
        ("questions", "Q2"),
        ("questions", "Q3"),
        ("questions", "Q4"),
    ]
    assert entries[("questions", "Q1")].fields == {
        "text": "Is illegal access a crime?",
        "help": "Budapest Convention art. 2.",
    }
    # no help, and options keyed by value
    assert entries[("questions", "Q3")].fields == {
        "text": "Which powers exist?",
        "options": {"preservation": "Preservation", "production": "Production order"},
    }


def test_a_translated_document_changes_text_only() -> None:
    qn = loader().questionnaire(TINY_Q)[0].model
    text = {("questions", "Q2"): {"text": "Atteinte aux données ?", "options": {"full": "Oui"}}}
    fr = translated(qn, text)
    q2, english = fr.by_id["Q2"], qn.by_id["Q2"]
    assert q2.text == "Atteinte aux données ?"
    assert [o.label for o in q2.options] == ["Oui", "Partly", "Not at all"]
    assert [(o.value, o.score) for o in q2.options] == [(o.value, o.score) for o in english.options]
    assert fr.model_dump(exclude={"sections"}) == qn.model_dump(exclude={"sections"})
    assert fr.by_id["Q1"] == qn.by_id["Q1"]


def test_a_translation_file_with_a_mistyped_key_is_located() -> None:
    text = "translation: {of: tiny, language: fr}\nquestions:\n  Q1:\n    txet: Bonjour\n"
    assert problems(Translation, text) == ["doc.yaml:4:5: unknown key 'txet': did you mean 'text'?"]


def test_a_translation_names_one_of_the_translated_languages() -> None:
    found = problems(Translation, "translation: {of: tiny, language: de}\n")
    assert found == ["doc.yaml:1:35: expected one of 'fr', 'es' or 'ar', got 'de'"]
