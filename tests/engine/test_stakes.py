"""Points at stake re-scored through the caps (DESIGN §6), on tests/fixtures/stakes.

Framework `stakes`: every weight 1, so law.a and law.b each carry 1/2 × 1/2 = 1/4 of the overall
score and tech.c 1/2. Benchmark `ref`: 80 everywhere, weakness below -10. Rules: `lift` caps the
overall score at 30 while law.a is below 50 (and flags a critical gap); `b-cap` caps law.b at 20
while QB1 is "none"; `tech-cap` caps the tech pillar at 40 while QP is "no".
"""

from __future__ import annotations

from pytest import approx

from assessing import assess_stakes
from ncr.engine import Assessment
from ncr.engine.result import Recommendation


def by_key(result: Assessment) -> dict[str, Recommendation]:
    return {r.indicator or r.rule or "": r for r in result.recommendations}


def test_a_raise_that_lifts_a_cap_is_worth_more_than_its_nominal_points() -> None:
    # lift.yaml: law.a 30, law.b 80, tech.c 50; law 55, tech 50; overall 52.5 capped to 30.
    # law.a at 80 no longer fires `lift`: law (80 + 80)/2 = 80, overall (80 + 50)/2 = 65,
    # a rise of 35 where (80 - 30) × 1/4 = 12.5 is nominal.
    rec = by_key(assess_stakes("lift"))["law.a"]
    assert (rec.points_at_stake, rec.nominal_points, rec.blocked_by) == (
        approx(35.0),
        approx(12.5),
        [],
    )


def test_a_raise_held_by_an_overall_cap_is_worth_nothing_and_names_the_cap() -> None:
    # tech.c at 80: overall (55 + 80)/2 = 67.5, still capped to 30 while law.a is 30 → 0,
    # though (80 - 50) × 1/2 = 15 is nominal
    rec = by_key(assess_stakes("lift"))["tech.c"]
    assert (rec.points_at_stake, rec.nominal_points, rec.blocked_by) == (
        0.0,
        approx(15.0),
        ["lift"],
    )


def test_order_is_gaps_then_points_at_stake_then_nominal_then_id() -> None:
    result = assess_stakes("lift")
    assert [r.indicator or r.rule for r in result.recommendations] == ["lift", "law.a", "tech.c"]
    # the gap's rule also caps: without it the overall score is 52.5, 22.5 more than 30
    assert result.recommendations[0].points_at_stake == approx(22.5)


def test_caps_at_every_stage_name_each_rule_on_the_way_up() -> None:
    # capped.yaml: law.a 30; law.b 50 capped to 20; law 25; tech.c 50, tech capped to 40;
    # overall 32.5 capped to 30.
    recs = by_key(assess_stakes("capped"))
    # law.a at 80: `lift` off; law (80 + 20)/2 = 50, overall (50 + 40)/2 = 45: +15 (nominal 12.5)
    assert (recs["law.a"].points_at_stake, recs["law.a"].blocked_by) == (approx(15.0), [])
    # law.b at 80 is still capped to 20 by b-cap (its own cap), and the overall by lift
    assert (recs["law.b"].points_at_stake, recs["law.b"].nominal_points) == (0.0, approx(15.0))
    assert recs["law.b"].blocked_by == ["b-cap", "lift"]
    # tech.c at 80: the tech pillar stays at 40 (tech-cap), the overall at 30 (lift)
    assert (recs["tech.c"].points_at_stake, recs["tech.c"].blocked_by) == (
        0.0,
        ["tech-cap", "lift"],
    )
    # without `lift` the overall score is its uncapped 32.5
    assert recs["lift"].points_at_stake == approx(2.5)
