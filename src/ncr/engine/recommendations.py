"""Recommendations in priority order: critical gaps first, then by points at stake (DESIGN §6)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ncr.documents import Framework, Rule
from ncr.documents.condition_walk import indicators_named, questions_named
from ncr.engine.result import AnswerResult, IndicatorResult, Recommendation, RecommendationQuestion
from ncr.engine.scoring import Scores
from ncr.engine.stakes import Stake, gap_stake, indicator_stake

# A weak indicator's action when the framework gives none; outputs say it in the reader's language.
GENERIC_RECOMMENDATION = "Raise '{title}' to the benchmark."


@dataclass(frozen=True)
class Priorities:
    """What ranking needs: the framework's rules and the review's scores, to score it again."""

    framework: Framework
    scores: Scores

    def stake(self, indicator: IndicatorResult) -> Stake:
        if indicator.reference is None or indicator.share is None:
            return Stake(0.0, 0.0)
        where = (indicator.pillar, indicator.id)
        return indicator_stake(
            self.framework, self.scores, where, indicator.reference, indicator.share
        )


def recommend(
    priorities: Priorities,
    indicators: list[IndicatorResult],
    answers: Mapping[str, AnswerResult],
) -> list[Recommendation]:
    """Critical gaps first, in rule order; then weak indicators by points at stake, then by
    nominal points, then by id. `answers` are the assessment's answer rows by question id, shown
    again under each item. Each has an id: its indicator's, or its rule's for a critical gap."""
    framework, scores = priorities.framework, priorities.scores
    by_indicator = {ind.id: ind for ind in indicators}
    gaps = [
        _for_gap(rule, gap_stake(framework, scores, rule), by_indicator, answers)
        for rule in scores.fired
        if rule.flag
    ]
    weak = [(ind, priorities.stake(ind)) for ind in indicators if ind.status == "weakness"]
    weak.sort(key=lambda pair: (-pair[1].points, -pair[1].nominal, pair[0].id))
    definitions = {ind.id: ind for ind in framework.indicators()}
    return gaps + [
        Recommendation.built(
            {
                "kind": "indicator",
                "indicator": ind.id,
                "title": ind.title,
                "pillar": ind.pillar,
                "points_at_stake": stake.points,
                "nominal_points": stake.nominal,
                "blocked_by": list(stake.blocked_by),
                "text": definitions[ind.id].recommendation
                or GENERIC_RECOMMENDATION.format(title=ind.title),
                "questions": _below_full(ind.questions, answers),
                "id": ind.id,  # what a follow-up names
                "indicators": [ind.id],
            }
        )
        for ind, stake in weak
    ]


def _for_gap(
    rule: Rule,
    points: float | None,
    indicators: Mapping[str, IndicatorResult],
    answers: Mapping[str, AnswerResult],
) -> Recommendation:
    # the condition's own questions, then those of the indicators it names; each once, in order
    ids = questions_named(rule.when)
    for iid in indicators_named(rule.when):
        ids += indicators[iid].questions
    return Recommendation.built(
        {
            "kind": "critical_gap",
            "rule": rule.id,
            "title": rule.flag or rule.id,
            "points_at_stake": points,
            "text": rule.description or rule.flag or rule.id,
            "questions": _below_full(list(dict.fromkeys(ids)), answers),
            "id": rule.id,  # what a follow-up names
        }
    )


def _below_full(
    ids: list[str], answers: Mapping[str, AnswerResult]
) -> list[RecommendationQuestion]:
    below = [answers[q] for q in ids if q in answers]
    return [
        RecommendationQuestion.built(
            {
                "id": a.question,
                "text": a.text,
                "answer": a.answer,
                "display": a.display,
                "score": a.score,
            }
        )
        for a in below
        if a.score is not None and a.score < 100
    ]
