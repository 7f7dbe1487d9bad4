"""Points at stake (DESIGN §6): the review scored again with one weakness made good, caps in force.

A linear estimate, (reference - score) × share, promises gains that a cap on the pillar or the
overall score would not allow, and misses those where the raise lifts a cap. So each weak indicator
is raised to its reference and the review re-scored from its uncapped indicator scores (the answers
are scored once): rule conditions are evaluated again, every cap applies.
"""

from __future__ import annotations

from dataclasses import dataclass

from ncr.documents import Framework, Rule
from ncr.engine.scoring import Aggregate, Scores, roll_up
from ncr.engine.tolerance import TOLERANCE


@dataclass(frozen=True)
class Stake:
    points: float
    nominal: float
    blocked_by: tuple[str, ...] = ()


def indicator_stake(
    framework: Framework,
    scores: Scores,
    where: tuple[str, str],
    reference: float,
    share: float,
) -> Stake:
    """`where` is (pillar id, indicator id). The uncapped score is raised to the reference (never
    lowered: a score kept below it only by a cap stays as it is)."""
    pillar, indicator = where
    before = scores.uncapped[indicator]
    capped = scores.indicators[indicator].score
    if before.uncapped is None or capped is None:
        return Stake(0.0, 0.0)
    # never negative: benchmark thresholds may call a score above its reference weak
    nominal = max(0.0, (reference - capped) * share)
    value = max(before.uncapped, reference)
    lifted = Aggregate(value, value, before.answered, before.applicable, before.capped_by)
    raised = {**scores.uncapped, indicator: lifted}
    again = roll_up(framework, scores.answers, raised, since=(scores, frozenset({indicator})))
    points = rise(scores, again)
    if points >= nominal - TOLERANCE:
        return Stake(points, nominal)
    # the caps still biting on the way from this indicator up to the overall score
    path = (again.indicators[indicator], again.pillars[pillar], again.overall)
    blocked = dict.fromkeys(rule for agg in path for rule in agg.capped_by)
    return Stake(points, nominal, tuple(blocked))


def gap_stake(framework: Framework, scores: Scores, rule: Rule) -> float | None:
    """A critical gap whose rule also caps: the rise of the overall score without that rule."""
    if rule.cap is None:
        return None
    again = roll_up(
        framework, scores.answers, scores.uncapped, without=rule.id, since=(scores, frozenset())
    )
    return rise(scores, again)


def rise(before: Scores, after: Scores) -> float:
    """How much the overall score went up; floating-point noise reads as no change."""
    old, new = before.overall.score, after.overall.score
    if old is None or new is None:
        return 0.0
    gain = new - old
    return 0.0 if abs(gain) < TOLERANCE else gain
