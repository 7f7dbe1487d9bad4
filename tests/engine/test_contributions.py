"""Where the score comes from (DESIGN §6a), on tests/fixtures/stakes/responses/capped.yaml.

Shares of the overall score: law.a 1/4, law.b 1/4, tech.c 1/2. Questions: QA alone in law.a; QB1
and QB2 half each of law.b; QC and QP half each of tech.c (QX n/a and QN text are left out).
"""

from __future__ import annotations

import math

from pytest import approx

from assessing import assess_stakes


def test_each_question_adds_its_score_times_its_share_of_the_overall() -> None:
    result = assess_stakes("capped")
    assert [(c.question, c.indicator, c.pillar, c.points) for c in result.contributions] == [
        ("QA", "law.a", "law", approx(7.5)),  # 30 × 1 × 1/2 × 1/2
        ("QB1", "law.b", "law", 0.0),  # "none" scores 0, and is counted
        ("QB2", "law.b", "law", approx(12.5)),  # 100 × 1/2 × 1/2 × 1/2
        ("QC", "tech.c", "tech", approx(25.0)),  # 100 × 1/2 × 1 × 1/2
        ("QP", "tech.c", "tech", 0.0),
    ]  # 45 in all: the overall score if no cap existed ((30 + 50)/2 = 40 and 50)


def test_caps_take_their_part_at_their_stage_and_all_adds_up_to_the_score() -> None:
    result = assess_stakes("capped")
    assert [(c.rule, c.target, c.points) for c in result.cap_effects] == [
        ("b-cap", "law.b", approx(-7.5)),  # (20 - 50) × 1/4
        ("tech-cap", "tech", approx(-5.0)),  # (40 - 50) × 1/2
        ("lift", "overall", approx(-2.5)),  # 30 - (25 + 40)/2
    ]
    total = math.fsum(c.points for c in [*result.contributions, *result.cap_effects])
    assert total == approx(result.overall.score, abs=1e-9)  # 45 - 15 = 30


def test_a_cap_that_does_not_bite_takes_nothing() -> None:
    # lift.yaml: neither b-cap nor tech-cap fires; `lift` takes 52.5 - 30
    result = assess_stakes("lift")
    assert [(c.rule, c.target, c.points) for c in result.cap_effects] == [
        ("lift", "overall", approx(-22.5))
    ]
