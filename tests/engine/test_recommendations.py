"""Recommendations (DESIGN §6): critical gaps first, then weak indicators by points at stake.

points at stake = the rise of the overall score when the review is scored again with the
indicator's uncapped score raised to its reference (caps in force); nominal points =
(reference - score) × share, share = indicator weight / applicable indicator weights in its pillar ×
pillar weight / applicable pillar weights. In mini with every indicator applicable: law.offences
2/3 × 2/3 = 4/9, law.procedure 1/3 × 2/3 = 2/9, tech.csirt and tech.stats 1/5 × 1/3 = 1/15,
tech.forensics 3/5 × 1/3 = 1/5. Caps that lift or hold are worked out in tests/engine/test_stakes.py.
"""

from __future__ import annotations

from pytest import approx

from assessing import assess_file, review_of
from conftest import RESPONSES
from ncr.documents import Rule
from ncr.engine import Inputs, assess

GAPS = RESPONSES / "mini-gaps.yaml"


def test_order_and_points_at_stake() -> None:
    # mini-gaps: law 0, tech (0 + 3 × 10 + 0)/5 = 6, overall (2 × 0 + 6)/3 = 2; no cap bites on
    # the law pillar (39.9) or the overall score (no-powers, 50)
    recs = assess_file(GAPS).recommendations
    assert [
        (r.kind, r.rule or r.indicator, r.points_at_stake, r.nominal_points, r.blocked_by)
        for r in recs
    ] == [
        ("critical_gap", "no-csirt", None, None, []),  # flags first, in rule order; no cap
        ("critical_gap", "no-powers", 0.0, None, []),  # without its cap of 50 the 2 stays 2
        # law.offences at 80 lifts no-offences-cap: law 160/3, overall (320/3 + 6)/3 = 37.56
        ("indicator", "law.offences", approx(80 * 4 / 9), approx(80 * 4 / 9), []),
        ("indicator", "law.procedure", approx(70 * 2 / 9), approx(70 * 2 / 9), []),
        ("indicator", "tech.csirt", approx(4.0), approx(4.0), []),  # tech 90/5, overall 6
        ("indicator", "tech.stats", approx(4.0), approx(4.0), []),  # a tie, broken by id
        # raised to 50, forensics is still capped at 10 by no-lab-no-csirt (T3 no, T1 not yes):
        # nothing is gained, though (50 - 10) × 1/5 = 8 is nominally at stake
        ("indicator", "tech.forensics", 0.0, approx(8.0), ["no-lab-no-csirt"]),
    ]


def test_each_lists_the_questions_below_100_with_the_answer_given() -> None:
    recs = {r.rule or r.indicator: r for r in assess_file(GAPS).recommendations}
    listed = {key: [(q.id, q.answer, q.score) for q in r.questions] for key, r in recs.items()}
    assert listed == {
        "no-csirt": [("T1", "no", 0.0)],  # the question its condition names
        # L3 from the condition, then law.procedure's questions not yet listed: L4, missing
        "no-powers": [("L3", ["none"], 0.0), ("L4", None, 0.0)],
        "law.offences": [("L1", "no", 0.0), ("L2", "none", 0.0)],
        "law.procedure": [("L3", ["none"], 0.0), ("L4", None, 0.0)],
        "tech.forensics": [("T3", "no", 0.0), ("T4", 2.0, 50.0)],  # T5 is text: not scored
        "tech.csirt": [("T1", "no", 0.0)],  # T2 does not apply
        "tech.stats": [("T6", "unknown", 0.0)],
    }
    assert [q.display for q in recs["no-powers"].questions] == ["None of these", "(no answer)"]


def test_texts_come_from_the_framework() -> None:
    recs = {r.rule or r.indicator: r for r in assess_file(GAPS).recommendations}
    assert (recs["no-csirt"].title, recs["no-csirt"].text) == (
        "No national CSIRT.",
        "Create a national CSIRT with a legal mandate.",
    )
    assert recs["law.offences"].text == "Criminalise illegal access and interference."
    assert recs["law.offences"].pillar == "law"


def test_points_use_the_share_left_by_a_not_applicable_indicator() -> None:
    # mini-a against edges: tech.stats is n/a, so tech.csirt's share is 1/(1+3) × 1/3 = 1/12
    recs = assess_file(RESPONSES / "mini-a.yaml", "edges").recommendations
    assert [(r.indicator, r.points_at_stake) for r in recs] == [
        ("law.offences", approx((90 - 250 / 3) * 4 / 9)),  # 6.67 × 4/9 = 2.96
        ("tech.csirt", approx((88.75 - 75) / 12)),  # 13.75 / 12 = 1.15
    ]
    # L1 "yes" scored 100 and is not listed
    assert [(q.id, q.answer, q.score) for q in recs[0].questions] == [("L2", "partial", 50.0)]


def test_a_gap_comes_before_a_weakness_with_more_at_stake() -> None:
    recs = assess_file(RESPONSES / "mini-powers.yaml").recommendations
    assert [(r.kind, r.rule or r.indicator) for r in recs] == [
        ("critical_gap", "no-powers"),
        ("indicator", "law.procedure"),  # (70 - 40) × 2/9 = 6.67 nominally
    ]
    # overall 86.67 is capped to 50 by no-powers (L3 names "none"): without that rule it would
    # rise by 36.67; raising law.procedure changes nothing while the cap holds
    assert recs[0].points_at_stake == approx(260 / 3 - 50)
    assert (recs[1].points_at_stake, recs[1].nominal_points) == (0.0, approx(30 * 2 / 9))
    assert recs[1].blocked_by == ["no-powers"]
    # L4 n/a is left out of both
    assert [q.id for r in recs for q in r.questions] == ["L3", "L3"]


def test_strengths_and_on_track_get_no_recommendation() -> None:
    assert assess_file(RESPONSES / "mini-a.yaml").recommendations == []


def test_a_question_named_twice_in_a_condition_is_listed_once() -> None:
    review = review_of(GAPS)
    unclear = Rule.model_validate(
        {
            "id": "csirt-unclear",
            "when": {"any": [{"question": "T1", "is": "no"}, {"question": "T1", "is": "unknown"}]},
            "flag": "The CSIRT's existence is unclear.",
        }
    )
    framework = review.framework.model.model_copy(update={"rules": [unclear]})
    inputs = Inputs(framework, review.questionnaire.model, review.response.model)
    [gap] = [r for r in assess(inputs, ncr_version="test").recommendations if r.rule]
    assert [q.id for q in gap.questions] == ["T1"]
