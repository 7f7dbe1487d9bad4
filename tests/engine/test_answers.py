"""Scoring one answer against its question: bands, options, yes/no."""

from __future__ import annotations

from ncr.documents import Question
from ncr.engine.answers import ScoredAnswer, display, normalize, score_answer


def test_a_number_below_the_first_band_scores_zero() -> None:
    # mini-q's bands start at 0, where no number can be below; here the first band starts at 1.
    question = Question.model_validate(
        {
            "id": "Q",
            "indicator": "i",
            "text": "How many?",
            "type": "number",
            "bands": [{"min": 1, "score": 50}, {"min": 5, "score": 100}],
        }
    )
    assert score_answer(question, 0.5, applicable=True).score == 0.0
    assert score_answer(question, 1.0, applicable=True).score == 50.0


MULTI = Question.model_validate(
    {
        "id": "L3",
        "indicator": "law.procedure",
        "text": "Which powers exist?",
        "type": "multi",
        "options": [
            {"value": "search", "label": "Search and seizure", "score": 40},
            {"value": "preserve", "label": "Expedited preservation", "score": 40},
            {"value": "intercept", "label": "Interception", "score": 30},
        ],
    }
)
YES_NO = Question.model_validate({"id": "L1", "indicator": "i", "text": "A law?", "type": "yes_no"})


def test_several_options_add_up_and_stop_at_100() -> None:
    assert score_answer(MULTI, ["search", "intercept"], applicable=True).score == 70.0  # 40 + 30
    assert score_answer(MULTI, ["search", "preserve", "intercept"], applicable=True).score == 100.0
    assert score_answer(MULTI, [], applicable=True).score == 0.0


def test_answers_are_normalized_before_scoring() -> None:
    assert [normalize(YES_NO, raw) for raw in (True, " Yes ", "false", None)] == [
        "yes",
        "yes",
        "no",
        None,
    ]
    assert normalize(MULTI, "N/A") == "n/a"


def test_the_state_of_each_kind_of_answer() -> None:
    # missing and unknown count as 0 in the mean; n/a, not applicable and unscored stay out of it
    assert score_answer(YES_NO, None, applicable=True) == ScoredAnswer("missing", None, 0.0)
    assert score_answer(YES_NO, "unknown", applicable=True) == ScoredAnswer(
        "unknown", "unknown", 0.0
    )
    assert score_answer(YES_NO, "n/a", applicable=True).counts_in_mean is False
    assert score_answer(YES_NO, "yes", applicable=False).state == "not_applicable"


def test_answers_are_shown_with_their_labels() -> None:
    assert display(MULTI, ["search", "intercept"]) == "Search and seizure; Interception"
    assert display(MULTI, []) == "(none selected)"
    assert display(YES_NO, "yes") == "Yes" and display(YES_NO, None) == "(no answer)"
    assert display(YES_NO, 3.0) == "3" and display(YES_NO, "n/a") == "not applicable"
