"""The review team's recommendations and follow-up in the result (DESIGN §6, §10).

mini-findings (Borduria 2026): law.offences 0 (ref 80, share 4/9), law.procedure 0 (ref 70, share
2/9), tech.forensics 30 (ref 50, share 1/5), tech.stats 0 (ref 60, share 1/15); tech.csirt 75 is a
strength. Rule no-powers flags a critical gap. The reviewers' R1 stands for law.offences, R2 for
tech.stats.
"""

from __future__ import annotations

from pytest import approx

from assessing import assess_file
from conftest import RESPONSES
from ncr.documents.response import FollowUp
from ncr.engine.result import Recommendation
from ncr.engine.reviewers_voice import follow_up

FINDINGS = RESPONSES / "mini-findings.yaml"


def test_the_reviewers_own_recommendations_take_the_place_of_the_frameworks() -> None:
    recs = assess_file(FINDINGS).recommendations
    # the gap first, then R1 (priority 1), then by points: law.procedure 70 × 2/9 = 15.56,
    # then R2 (60 × 1/15 = 4.0) and tech.forensics ((50 - 30) × 1/5 = 4.0), a tie kept in order
    assert [(r.id, r.source) for r in recs] == [
        ("no-powers", "framework"),
        ("R1", "reviewers"),
        ("law.procedure", "framework"),
        ("R2", "reviewers"),
        ("tech.forensics", "framework"),
    ]
    r1 = recs[1]
    assert r1.points_at_stake == approx(80 * 4 / 9)  # what law.offences had at stake
    assert (r1.lead, r1.partners, r1.horizon, r1.priority) == (
        "Ministry of Justice",
        ["Parliament", "Prosecutor General"],
        "short",
        1,
    )
    assert r1.text == "Put the draft cybercrime law before Parliament this year."
    assert [q.id for q in r1.questions] == ["L1", "L2"]  # the answers behind it, kept
    assert recs[3].points_at_stake == approx(60 / 15)


def test_the_previous_reviews_recommendations_are_followed_up() -> None:
    result = assess_file(FINDINGS)
    assert [(f.recommendation, f.status, f.text) for f in result.follow_up] == [
        ("P1", "not_started", "Adopt a cybercrime law with offences and powers."),
        ("P2", "implemented", "Set up a national CSIRT."),
    ]
    assert result.review.previous == "mini-findings-2023.yaml"
    assert result.findings is not None and len(result.findings.summary) == 3
    assert [f.role for f in result.inputs][-1] == "previous review"


def rec(ident: str, source: str = "framework") -> Recommendation:
    return Recommendation(
        kind="indicator", id=ident, title=ident, text=f"Do {ident}.", source=source
    )  # type: ignore[arg-type]


def test_a_recommendation_without_follow_up_is_listed_as_not_followed_up() -> None:
    found = follow_up([rec("A"), rec("B")], {"B": FollowUp(status="partly")})
    assert [(f.recommendation, f.status) for f in found] == [
        ("A", "not_followed_up"),
        ("B", "partly"),
    ]


def test_with_reviewers_recommendations_before_only_those_and_the_named_ones_count() -> None:
    previous = [rec("gap"), rec("R1", "reviewers"), rec("law.x")]
    found = follow_up(previous, {"law.x": FollowUp(status="implemented")})
    assert [(f.recommendation, f.status) for f in found] == [
        ("R1", "not_followed_up"),
        ("law.x", "implemented"),
    ]


def test_without_a_previous_review_the_follow_up_is_shown_as_given() -> None:
    found = follow_up(None, {"R9": FollowUp(status="no_longer_relevant", note="Repealed.")})
    assert [(f.recommendation, f.text, f.status, f.note) for f in found] == [
        ("R9", None, "no_longer_relevant", "Repealed.")
    ]
