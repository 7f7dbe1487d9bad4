"""Responses built from a questionnaire for the content tests: best case, worst case, and changes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from ncr.documents import Question, Questionnaire, Response


def extreme_answer(question: Question, best: bool) -> object:
    """The highest- or lowest-scoring answer a question can take."""
    if question.type == "yes_no":
        return "yes" if best else "no"
    if question.type == "number":
        # bands may fall as the number rises ("weeks of backlog"): take the band, not the number
        band = (max if best else min)(question.bands, key=lambda b: b.score)
        return band.min
    if question.type == "multi":
        return [o.value for o in question.options if o.score > 0] if best else []
    ranked = sorted(question.options, key=lambda o: o.score)
    return (ranked[-1] if best else ranked[0]).value


def extreme_answers(questionnaire: Questionnaire, best: bool) -> dict[str, object]:
    return {q.id: extreme_answer(q, best) for q in questionnaire.questions() if q.scored}


def response(
    questionnaire: Questionnaire,
    best: bool = True,
    *,
    worst: Iterable[str] = (),
    answers: Mapping[str, object] | None = None,
) -> Response:
    """The best (or worst) case, with every question of the `worst` indicators at its lowest and
    `answers` set as given."""
    chosen = extreme_answers(questionnaire, best)
    low = set(worst)
    for q in questionnaire.questions():
        if q.scored and q.indicator in low:
            chosen[q.id] = extreme_answer(q, best=False)
    chosen.update(answers or {})
    return Response.model_validate(
        {
            "country": {"code": "ZZ", "name": "Test"},
            "year": 2026,
            "questionnaire": questionnaire.id,
            "review": {"date": dt.date(2026, 1, 1)},
            "answers": chosen,
        }
    )
