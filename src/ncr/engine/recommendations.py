"""Recommendations in priority order: critical gaps first, then by points at stake (DESIGN §6)."""

from __future__ import annotations

from collections.abc import Mapping

from ncr.documents import Framework, Question, Questionnaire, Rule
from ncr.engine.answers import ScoredAnswer, display
from ncr.engine.conditions import indicators_named, questions_named
from ncr.engine.result import IndicatorResult, Recommendation, RecommendationQuestion


def points_at_stake(indicator: IndicatorResult) -> float:
    if indicator.reference is None or indicator.score is None or indicator.share is None:
        return 0.0
    return (indicator.reference - indicator.score) * indicator.share


def recommend(
    framework: Framework,
    questionnaire: Questionnaire,
    indicators: list[IndicatorResult],
    fired: list[Rule],
    answers: Mapping[str, ScoredAnswer],
) -> list[Recommendation]:
    questions = {q.id: q for q in questionnaire.questions()}
    by_indicator = {ind.id: ind for ind in indicators}
    gaps = [_for_gap(rule, questions, by_indicator, answers) for rule in fired if rule.flag]
    weak = [ind for ind in indicators if ind.status == "weakness"]
    weak.sort(key=lambda ind: (-points_at_stake(ind), ind.id))
    definitions = {ind.id: ind for ind in framework.indicators()}
    return gaps + [
        Recommendation(
            kind="indicator",
            indicator=ind.id,
            title=ind.title,
            pillar=ind.pillar,
            points_at_stake=points_at_stake(ind),
            text=definitions[ind.id].recommendation or f"Raise '{ind.title}' to the benchmark.",
            questions=_below_full([questions[q] for q in ind.questions], answers),
        )
        for ind in weak
    ]


def _for_gap(
    rule: Rule,
    questions: Mapping[str, Question],
    indicators: Mapping[str, IndicatorResult],
    answers: Mapping[str, ScoredAnswer],
) -> Recommendation:
    # the condition's own questions, then those of the indicators it names; each once, in order
    ids = questions_named(rule.when)
    for iid in indicators_named(rule.when):
        ids += indicators[iid].questions
    named = [questions[q] for q in dict.fromkeys(ids) if q in questions]
    return Recommendation(
        kind="critical_gap",
        rule=rule.id,
        title=rule.flag or rule.id,
        text=rule.description or rule.flag or rule.id,
        questions=_below_full(named, answers),
    )


def _below_full(
    questions: list[Question], answers: Mapping[str, ScoredAnswer]
) -> list[RecommendationQuestion]:
    listed = []
    for question in questions:
        scored = answers[question.id]
        if scored.score is not None and scored.score < 100:
            listed.append(
                RecommendationQuestion(
                    id=question.id,
                    text=question.text,
                    answer=scored.value,
                    display=display(question, scored.value),
                    score=scored.score,
                )
            )
    return listed
