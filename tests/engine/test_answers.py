"""Scoring one answer against its question: bands, options, yes/no."""

from __future__ import annotations

from ncr.documents import Question
from ncr.engine.answers import score_answer


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
