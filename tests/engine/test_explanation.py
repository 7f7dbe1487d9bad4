"""Where a score comes from (DESIGN §6a), on tests/fixtures/stakes/responses/capped.yaml.

Contributions (worked out in tests/engine/test_contributions.py): QA 7.5, QB1 0, QB2 12.5 (law);
QC 25, QP 0 (tech). Caps: b-cap -7.5 on law.b, tech-cap -5 on tech, lift -2.5 on the overall.
QX is n/a and QN a text question: both left out of tech.c.
"""

from __future__ import annotations

from pytest import approx

from assessing import assess_stakes
from ncr.engine.explanation import explain, scope_ids


def test_the_overall_score_by_pillar_largest_first_with_every_cap() -> None:
    x = explain(assess_stakes("capped"))
    assert [(p.id, p.points) for p in x.parts] == [("tech", 25.0), ("law", 20.0)]
    assert [c.rule for c in x.cap_effects] == ["b-cap", "tech-cap", "lift"]
    assert x.total == approx(30.0) == x.score  # 45 - 7.5 - 5 - 2.5
    assert x.left_out == {"n/a": 1, "unscored": 1}
    assert x.rules["lift"] == "Without the core offences the overall score is at most 30"


def test_a_pillar_by_indicator_with_the_caps_inside_it() -> None:
    x = explain(assess_stakes("capped"), pillar="law")
    # law.b 12.5 (QB2), law.a 7.5; b-cap takes 7.5: law adds 25 × 1/2 = 12.5 to the overall
    assert [(p.id, p.points) for p in x.parts] == [("law.b", 12.5), ("law.a", 7.5)]
    assert [c.rule for c in x.cap_effects] == ["b-cap"]
    assert (x.total, x.score, x.share) == (approx(12.5), 25.0, 0.5)
    assert x.left_out == {}  # QB1 "none" scores 0 and counts


def test_an_indicator_by_question_counting_those_left_out() -> None:
    x = explain(assess_stakes("capped"), indicator="tech.c")
    assert [(p.id, p.score, p.points) for p in x.parts] == [("QC", 100.0, 25.0), ("QP", 0.0, 0.0)]
    assert x.cap_effects == []  # tech-cap is on the pillar, not on tech.c
    assert x.total == approx(25.0)
    assert x.left_out == {"n/a": 1, "unscored": 1}


def test_scope_ids_name_what_can_be_explained() -> None:
    assert scope_ids(assess_stakes("lift")) == (["law", "tech"], ["law.a", "law.b", "tech.c"])
