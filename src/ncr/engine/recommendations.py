"""Recommendations in priority order: critical gaps first, then by points at stake (DESIGN §6)."""

from __future__ import annotations

from collections.abc import Mapping

from ncr.documents import Framework, Rule
from ncr.documents.condition_walk import indicators_named, questions_named
from ncr.engine.result import AnswerResult, IndicatorResult, Recommendation, RecommendationQuestion


def points_at_stake(indicator: IndicatorResult) -> float:
    if indicator.reference is None or indicator.score is None or indicator.share is None:
        return 0.0
    return (indicator.reference - indicator.score) * indicator.share


def recommend(
    framework: Framework,
    indicators: list[IndicatorResult],
    fired: list[Rule],
    answers: Mapping[str, AnswerResult],
) -> list[Recommendation]:
    """`answers` are the assessment's answer rows by question id, shown again under each item."""
    by_indicator = {ind.id: ind for ind in indicators}
    gaps = [_for_gap(rule, by_indicator, answers) for rule in fired if rule.flag]
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
            questions=_below_full(ind.questions, answers),
        )
        for ind in weak
    ]


def _for_gap(
    rule: Rule,
    indicators: Mapping[str, IndicatorResult],
    answers: Mapping[str, AnswerResult],
) -> Recommendation:
    # the condition's own questions, then those of the indicators it names; each once, in order
    ids = questions_named(rule.when)
    for iid in indicators_named(rule.when):
        ids += indicators[iid].questions
    return Recommendation(
        kind="critical_gap",
        rule=rule.id,
        title=rule.flag or rule.id,
        text=rule.description or rule.flag or rule.id,
        questions=_below_full(list(dict.fromkeys(ids)), answers),
    )


def _below_full(
    ids: list[str], answers: Mapping[str, AnswerResult]
) -> list[RecommendationQuestion]:
    below = [answers[q] for q in ids if q in answers]
    return [
        RecommendationQuestion(
            id=a.question, text=a.text, answer=a.answer, display=a.display, score=a.score
        )
        for a in below
        if a.score is not None and a.score < 100
    ]
