"""Documents shown in the reader's language: French text where the translation is current, the
English where it is stale, missing or faulty, one warning per document counting them; ids, values
and scores never change."""

from __future__ import annotations

from pathlib import Path

import pytest

from ncr.loader.search_path import TRANSLATED
from ncr.loader.translations import translation_summary
from ncr.pipeline import assess_review, open_review
from ncr.problems import InputError
from translating import (
    LOCAL_RESPONSE,
    TINY_FW,
    TINY_FW_FR,
    TINY_Q,
    TINY_Q_FR,
    TINY_RESPONSE,
    library_copy,
    loader,
)


def test_a_framework_in_french_has_french_text_and_the_same_numbers() -> None:
    en, fr = loader().framework(TINY_FW).model, loader("fr").framework(TINY_FW).model
    assert [lv.name for lv in fr.levels] == ["Démarrage", "Établi"]
    assert fr.indicators()[0].references == [
        "Convention de Budapest, art. 2 à 6",
        "Convention des Nations Unies, art. 7",
    ]
    assert fr.rules[0].flag == "Aucune infraction informatique."
    assert [(i.id, i.weight) for i in fr.indicators()] == [
        (i.id, i.weight) for i in en.indicators()
    ]
    assert fr.rules[0].when == en.rules[0].when


def test_stale_missing_and_unknown_entries_fall_back_with_one_warning() -> None:
    qn = loader("fr").questionnaire(TINY_Q)[0]
    text = {q.id: q.text for q in qn.model.questions()}
    assert text == {
        "Q1": "L'accès illégal est-il une infraction ?",
        "Q2": "Is data interference a crime?",  # stale: English
        "Q3": "Which powers exist?",  # missing: English
        "Q4": "Combien d'enquêteurs sont formés ?",
    }
    assert qn.model.title == "Questionnaire minuscule"
    assert str(qn.language_warning) == (
        f"{TINY_Q_FR}:2:1: warning: questionnaire tiny-2026: 2 of 6 items shown in English "
        "(1 stale, 1 missing); 1 faulty entry left out — see ncr validate "
        "tests/fixtures/translations/questionnaires/tiny-2026.fr.yaml"
    )
    assert qn.problems == ()  # the English document's own problems: none


def test_the_translation_is_read_once_and_never_written_over() -> None:
    load = loader("fr")
    qn = load.questionnaire(TINY_Q)[0]
    assert load.questionnaire(TINY_Q)[0] is qn
    assert {TINY_Q_FR.resolve(), TINY_FW_FR.resolve()} <= load.read
    assert qn.translation is not None
    assert qn.translation.path == TINY_Q_FR
    assert qn.path == TINY_Q  # provenance names the English file, and its hash
    assert qn.sha256 == loader().questionnaire(TINY_Q)[0].sha256


def test_a_review_in_french_names_the_translation_files_in_its_provenance() -> None:
    review = open_review(loader("fr"), TINY_RESPONSE)
    files = [(f.role, f.id) for f in review.provenance()]
    assert ("translation", "tiny-2026.fr") in files
    assert ("translation", "tiny.fr") in files
    assert ("questionnaire", "tiny-2026") in files


def test_a_response_on_an_untranslated_questionnaire_gets_exactly_one_warning() -> None:
    review = open_review(loader("fr"), LOCAL_RESPONSE)
    result = assess_review(review)
    assert [w.message for w in result.warnings] == [
        (
            "questionnaire local-2026 has no 'fr' translation (local-2026.fr.yaml beside it): "
            "it is shown in English; start one with: ncr translation new "
            "tests/fixtures/translations/questionnaires/local-2026.yaml --lang fr"
        )
    ]
    # French around English content: the framework's text is French, the questions English
    assert review.framework.model.pillars[0].title == "Droit"
    assert review.questionnaire.model.by_id["Q1"].text.startswith("Is illegal access")


@pytest.mark.parametrize("response", [TINY_RESPONSE, LOCAL_RESPONSE])
def test_scores_are_the_same_in_every_language(response: Path) -> None:
    def scores(lang: str) -> object:
        result = assess_review(open_review(loader(lang), response))
        numbers = {"id", "question", "state", "answer", "score", "uncapped_score", "level"}
        return (
            result.overall.model_dump(include=numbers),
            [p.model_dump(include=numbers) for p in result.pillars],
            [a.model_dump(include=numbers) for a in result.answers],
        )

    english = scores("en")
    # tiny: 75 overall (tests/fixtures/translations/tiny-response.yaml); local: 66.67
    for lang in TRANSLATED:
        assert scores(lang) == english


def test_in_english_nothing_is_translated_and_nothing_warns() -> None:
    review = open_review(loader(), TINY_RESPONSE)
    assert review.language_warnings() == []
    assert review.questionnaire.translation is None
    assert assess_review(review).overall.score == 75


def test_a_translation_that_cannot_be_read_is_a_located_error(tmp_path: Path) -> None:
    lib = library_copy(tmp_path)
    bad = lib / "questionnaires" / "tiny-2026.fr.yaml"
    bad.write_text("translation: {of: tiny-2026, language: fr\nquestions: {}\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        loader("fr", lib).questionnaire(lib / "questionnaires" / "tiny-2026.yaml")
    assert [p.file for p in err.value.problems] == [str(bad)]
    assert err.value.problems[0].line == 2


def test_a_document_lists_its_translations_and_how_complete_they_are(tmp_path: Path) -> None:
    assert translation_summary(loader().questionnaire(TINY_Q)[0], TRANSLATED) == [
        "fr 4/6 (1 stale, 1 missing), 1 error"
    ]
    assert translation_summary(loader().framework(TINY_FW), TRANSLATED) == ["fr 7/7"]


def test_a_translation_follows_the_same_text_safety_rules(tmp_path: Path) -> None:
    lib = library_copy(tmp_path)
    fr = lib / "frameworks" / "tiny" / "framework.fr.yaml"
    text = fr.read_text(encoding="utf-8").replace("Cadre minuscule", "Cadre \u202eminuscule")
    fr.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as err:
        loader("fr", lib).framework(lib / "frameworks" / "tiny" / "framework.yaml")
    message = (
        "this value holds a bidirectional override, U+202E: remove it "
        "(escapes such as \\e or \\u202e included)"
    )
    assert [str(p) for p in err.value.problems] == [f"{fr}:8:10: {message}"]
