"""Where the overall score comes from (DESIGN §6a): points per question, and what each cap took.

A question adds its score × its weight's share in its indicator × the indicator's share of its
pillar × the pillar's share of the overall (shares over the items that count, as in §4). Summed,
that is the overall score with no cap at all; each cap then takes its part, measured at its stage:
an indicator cap at the indicator's share of the overall, a pillar cap at the pillar's, an overall
cap as it is. The two lists add up to the overall score.
"""

from __future__ import annotations

from collections.abc import Mapping

from ncr.documents import Framework, Questionnaire
from ncr.documents.vocabulary import OVERALL
from ncr.engine.result import CapEffect, Contribution
from ncr.engine.scoring import Aggregate, Scores


def shares(weights: Mapping[str, float], applicable: Mapping[str, bool]) -> dict[str, float | None]:
    """Each item's weight over the weights of the applicable ones; None for the others."""
    total = sum(w for key, w in weights.items() if applicable[key])
    return {key: (w / total if applicable[key] and total else None) for key, w in weights.items()}


def overall_shares(framework: Framework, scores: Scores) -> dict[str, float | None]:
    """The share of the overall score of every pillar and every indicator, by id."""
    pillar_shares = shares(
        {p.id: p.weight for p in framework.pillars},
        {p.id: scores.pillars[p.id].score is not None for p in framework.pillars},
    )
    found = dict(pillar_shares)
    for pillar in framework.pillars:
        within = shares(
            {i.id: i.weight for i in pillar.indicators},
            {i.id: scores.indicators[i.id].score is not None for i in pillar.indicators},
        )
        outer = pillar_shares[pillar.id]
        for iid, share in within.items():
            found[iid] = share * outer if share is not None and outer is not None else None
    return found


def contributions(
    framework: Framework,
    questionnaire: Questionnaire,
    scores: Scores,
    share_of: Mapping[str, float | None],
) -> list[Contribution]:
    """Every counted question (missing and unknown ones add 0), in questionnaire order."""
    pillar_of = framework.pillar_of
    counted = [
        q
        for q in questionnaire.questions()
        if q.indicator in pillar_of and scores.answers[q.id].counts_in_mean
    ]
    weight_of: dict[str, float] = {}
    for q in counted:
        weight_of[q.indicator] = weight_of.get(q.indicator, 0.0) + q.weight
    found = []
    for q in counted:
        share = share_of[q.indicator]
        points = scores.answers[q.id].score or 0.0
        found.append(
            Contribution.built(
                {
                    "question": q.id,
                    "indicator": q.indicator,
                    "pillar": pillar_of[q.indicator],
                    "points": points * q.weight / weight_of[q.indicator] * share if share else 0.0,
                }
            )
        )
    return found


def cap_effects(
    framework: Framework, scores: Scores, share_of: Mapping[str, float | None]
) -> list[CapEffect]:
    """One entry per capped score, credited to the rule with the lowest cap (the one that holds),
    in stage order: indicators, pillars, overall."""
    limits = {r.id: r.cap.max for r in framework.rules if r.cap is not None}
    staged: list[tuple[str, Aggregate, float | None]] = [
        *((i.id, scores.indicators[i.id], share_of[i.id]) for i in framework.indicators()),
        *((p.id, scores.pillars[p.id], share_of[p.id]) for p in framework.pillars),
        (OVERALL, scores.overall, 1.0),
    ]
    found = []
    for target, agg, share in staged:
        if not agg.capped_by or agg.score is None or agg.uncapped is None or share is None:
            continue
        holding = min(agg.capped_by, key=lambda rule: limits[rule])
        found.append(
            CapEffect(rule=holding, target=target, points=(agg.score - agg.uncapped) * share)
        )
    return found
