"""What the assessment report shows, looked up before any template runs."""

from __future__ import annotations

from pytest import approx

from assessing import assess_file
from conftest import EXAMPLES, RESPONSES
from ncr.engine import Assessment
from ncr.loader.loading import Loader
from ncr.loader.search_path import Catalog
from ncr.outputs.reports.review_context import (
    assessment_context,
    generated_summary,
    roadmap,
    score_sources,
)
from ncr.outputs.reports.templating import blocked
from ncr.pipeline import assess_review, open_review


def borealis() -> Assessment:
    return assess_review(open_review(Loader(Catalog.create([], env={})), EXAMPLES / "xb-2026.yaml"))


def test_without_key_messages_a_generated_summary_stands_in(final: Assessment) -> None:
    context = assessment_context(final)
    assert context["key_messages"] is None
    # mini-a: 82.7 against 60; law 77.2 is the weaker pillar, tech 93.8 the stronger
    assert generated_summary(final)[:2] == [
        "Aurelia scores 82.7 out of 100, level 5 (Dynamic), against a reference of 60.0: +22.7 points.",
        "The strongest pillar is Technical (93.8); the weakest is Law (77.2).",
    ]


def test_the_roadmap_groups_by_horizon_in_priority_order() -> None:
    result = assess_file(RESPONSES / "mini-findings.yaml")
    groups = roadmap(result.recommendations)
    assert [(g.key, [r.id for r in g.recommendations]) for g in groups] == [
        ("short", ["R1"]),
        ("long", ["R2"]),
        ("none", ["no-powers", "law.procedure", "tech.forensics"]),  # not yet scheduled
    ]


def test_a_cap_holding_back_a_gain_is_footnoted() -> None:
    dravonia = EXAMPLES / "xd-2026.yaml"
    result = assess_review(open_review(Loader(Catalog.create([], env={})), dravonia))
    by_id = {r.id: r for r in result.recommendations}
    # while powers-outpace-safeguards caps the overall score at 59.9, raising oversight gains 0
    oversight = by_id["institutional.oversight"]
    assert blocked(oversight) and oversight.points_at_stake == approx(0.0)
    assert not blocked(by_id["legal.safeguards"])  # the safeguards lift that cap
    unscheduled = next(g for g in roadmap(result.recommendations) if g.key == "none")
    assert "powers-outpace-safeguards" in unscheduled.notes  # told once under the table


def test_the_sources_of_the_score_add_up_to_the_overall_score() -> None:
    for result in (borealis(), assess_file(RESPONSES / "mini-caps.yaml")):
        pillars, overall_caps = score_sources(result)
        total = sum(p.points for p in pillars) + sum(points for _, points in overall_caps)
        assert total == approx(result.overall.score, abs=1e-9)
