"""A translation against its English: unknown ids, option values and fields are errors; stale,
missing and incomplete entries are warnings and shown in English; each located in the file."""

from __future__ import annotations

from located import load
from ncr.documents.translation import Translation
from ncr.loader.translation_checks import check_translation
from ncr.loader.yaml_reader import parse_yaml
from translating import TINY_FW, TINY_Q, loader

HEADER = "translation: {of: tiny-2026, language: fr}\n"


def _check(text: str, english: str = "questionnaire", language: str | None = "fr") -> list[str]:
    """The findings as `FILE:LINE:COL: [warning: ]message` lines."""
    doc = parse_yaml(text, "t.fr.yaml")
    tr = load(Translation, text, "t.fr.yaml")
    model = loader().questionnaire(TINY_Q)[0].model
    if english == "framework":
        model = loader().framework(TINY_FW).model
    checked = check_translation(tr, model, language)
    return [
        str(doc.problem(f.path, f.message, f.severity, at_key=f.at_key)) for f in checked.findings
    ]


def _q(body: str) -> str:
    return HEADER + "questions:\n" + body


def test_an_unknown_id_is_an_error_at_its_key_with_a_hint() -> None:
    found = _check(_q("  Q11: {text: Bonjour}\n"))
    assert (
        "t.fr.yaml:3:3: no question 'Q11' in questionnaire tiny-2026 (did you mean 'Q1'?): "
        "correct the id or remove the entry" in found
    )


def test_an_option_value_english_does_not_have_is_an_error() -> None:
    found = _check(_q("  Q2:\n    options: {full: Entièrement, total: Totalement}\n"))
    assert (
        "t.fr.yaml:4:34: question Q2 has no option value 'total'; its values: full, partial, "
        "none (values are never translated)"
    ) in found


def test_references_of_another_length_are_an_error() -> None:
    text = (
        "translation: {of: tiny, language: fr}\n"
        "indicators:\n  law.offences:\n    references: [Convention de Budapest]\n"
    )
    found = _check(text, "framework")
    assert (
        "t.fr.yaml:4:17: the English indicator law.offences has 2 references, this has 1: give "
        "one translation for each, in the same order"
    ) in found


def test_a_field_the_item_does_not_take_is_an_error_one_english_lacks_a_warning() -> None:
    found = _check(_q("  Q3:\n    title: Pouvoirs\n    help: Aide\n"))
    assert "t.fr.yaml:4:5: question Q3 takes text, help, options, not `title`" in found
    assert (
        "t.fr.yaml:5:5: warning: the English question Q3 has no help: this text is never shown; "
        "remove it"
    ) in found


def test_missing_and_incomplete_entries_are_warnings() -> None:
    found = _check(_q("  Q2: {text: Atteinte aux données ?}\n"))
    # at the `questions:` key, where it would go
    assert "t.fr.yaml:2:1: warning: question Q1 is not translated: it is shown in English" in found
    assert (
        "t.fr.yaml:3:3: warning: question Q2 has no translation of option full, option partial, "
        "option none: the English is shown for it"
    ) not in found  # options not given at all: the field is named
    assert (
        "t.fr.yaml:3:3: warning: question Q2 has no translation of options: the English is shown for it"
    ) in found


def test_a_stale_entry_is_a_warning_at_its_hash() -> None:
    found = _check(_q("  Q1:\n    english_hash: '0badc0de'\n    text: Accès ?\n"))
    assert any(
        line.startswith(
            "t.fr.yaml:4:19: warning: question Q1 is stale: its English text changed since it was "
            "translated (english_hash 0badc0de, the English is now "
        )
        for line in found
    )


def test_the_header_must_match_the_document_and_the_file_name() -> None:
    found = _check("translation: {of: tiny-2025, language: es}\n")
    assert (
        "t.fr.yaml:1:19: this translates 'tiny-2025', but the English document beside it is "
        "'tiny-2026'"
    ) in found
    assert (
        "t.fr.yaml:1:40: the file name says 'fr' but this says 'es': name the file after its "
        "language, e.g. framework.fr.yaml"
    ) in found


def test_coverage_counts_each_state() -> None:
    text = _q("  Q1: {text: Accès ?, help: Aide}\n  Q2: {english_hash: '0badc0de', text: x}\n")
    tr = load(Translation, text)
    checked = check_translation(tr, loader().questionnaire(TINY_Q)[0].model, "fr")
    # 6 entries: Q1 current; Q2 stale; document, law, Q3, Q4 missing
    assert checked.coverage.summary() == "fr 1/6 (1 stale, 4 missing)"
    assert checked.text == {("questions", "Q1"): {"text": "Accès ?", "help": "Aide"}}
