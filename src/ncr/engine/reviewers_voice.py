"""The review team's own recommendations and follow-up, merged into the result (DESIGN §6, §10).

A reviewers' recommendation linked to weak indicators takes the place of the framework's generic
one for each of them, and carries their points at stake; one linked only to indicators that are
not weak still appears, with none at stake. The previous review's recommendations are listed with
the follow-up the reviewers gave, or as not followed up.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from ncr.documents.response import Findings, FollowUp, ReviewersRecommendation
from ncr.engine.result import FollowUpResult, IndicatorResult, Recommendation


def with_reviewers(
    recommendations: Sequence[Recommendation],
    findings: Findings | None,
    indicators: Mapping[str, IndicatorResult],
) -> list[Recommendation]:
    """Critical gaps first, then the reviewers' priorities, then by points at stake (the engine's
    order, which `sorted` keeps among equals)."""
    own = findings.recommendations if findings else []
    replaced = {iid for rec in own for iid in rec.indicators}
    kept = [r for r in recommendations if r.kind == "critical_gap" or r.indicator not in replaced]
    by_indicator = {r.indicator: r for r in recommendations if r.kind == "indicator"}
    merged = kept + [_reviewers(rec, by_indicator, indicators) for rec in own]
    gaps = [r for r in merged if r.kind == "critical_gap"]
    rest = [r for r in merged if r.kind != "critical_gap"]
    rest.sort(
        key=lambda r: (
            r.priority or math.inf,
            -(r.points_at_stake or 0.0),
            -(r.nominal_points or 0.0),
        )
    )
    return gaps + rest


def _reviewers(
    rec: ReviewersRecommendation,
    generated: Mapping[str | None, Recommendation],
    indicators: Mapping[str, IndicatorResult],
) -> Recommendation:
    covered = [generated[iid] for iid in rec.indicators if iid in generated]
    first = indicators.get(rec.indicators[0])
    return Recommendation(
        kind="indicator",
        id=rec.id,
        source="reviewers",
        indicator=rec.indicators[0],
        indicators=list(rec.indicators),
        title="; ".join(indicators[i].title for i in rec.indicators if i in indicators),
        pillar=first.pillar if first else None,
        # the sum of what the framework's recommendations it stands for had at stake, each
        # re-scored on its own (the engine's measure; raising them together may differ a little)
        points_at_stake=sum(r.points_at_stake or 0.0 for r in covered),
        nominal_points=sum(r.nominal_points or 0.0 for r in covered),
        blocked_by=list(dict.fromkeys(rule for r in covered for rule in r.blocked_by)),
        text=rec.text,
        questions=[q for r in covered for q in r.questions],
        lead=rec.lead,
        partners=list(rec.partners),
        horizon=rec.horizon,
        priority=rec.priority,
    )


def follow_up(
    previous: Sequence[Recommendation] | None, given: Mapping[str, FollowUp]
) -> list[FollowUpResult]:
    """Each of the previous review's recommendations with its follow-up; without a known previous
    review, the follow-up as given (its texts unknown). When the previous review had recommendations
    of the reviewers' own, those are what is followed up (with any other that `given` names), not
    the framework's generic text for every weak indicator."""
    if previous is None:
        return [
            FollowUpResult(recommendation=ident, text=None, status=item.status, note=item.note)
            for ident, item in given.items()
        ]
    if any(rec.source == "reviewers" for rec in previous):
        previous = [rec for rec in previous if rec.source == "reviewers" or rec.id in given]
    results = []
    for rec in previous:
        item = given.get(rec.id)
        results.append(
            FollowUpResult(
                recommendation=rec.id,
                text=rec.text,
                status=item.status if item else "not_followed_up",
                note=item.note if item else None,
            )
        )
    return results
