"""A framework's pillars, indicators and rules: what a framework author can get wrong."""

from __future__ import annotations

from located import load, problems
from ncr.documents import Framework

FRAMEWORK = """id: fw
version: "1.0"
title: F
levels: [{level: 1, name: Start, min: 0}]
pillars:
  - id: law
    title: Law
    indicators: [{id: law.a, title: A}, {id: law.b, title: B, weight: 2}]
  - id: tech
    title: Tech
    indicators: [{id: tech.a, title: C}]
rules:
  - id: r1
    when: {indicator: law.a, below: 20}
    flag: No law.
"""


def test_indicators_are_listed_pillar_by_pillar_with_default_weight_1() -> None:
    fw = load(Framework, FRAMEWORK)
    assert [(i.id, i.weight) for i in fw.indicators()] == [
        ("law.a", 1.0),
        ("law.b", 2.0),
        ("tech.a", 1.0),
    ]


def test_a_rule_must_cap_or_flag_something() -> None:
    text = FRAMEWORK.replace("    flag: No law.\n", "")
    assert problems(Framework, text) == ["doc.yaml:13:5: a rule needs a `cap`, a `flag`, or both"]


def test_a_weight_of_zero_is_refused_where_it_is_written() -> None:
    text = FRAMEWORK.replace("weight: 2", "weight: 0")
    assert problems(Framework, text) == ["doc.yaml:8:71: must be greater than 0, got 0"]


def test_a_cap_names_its_target_and_a_maximum_score() -> None:
    text = FRAMEWORK.replace("flag: No law.", "cap: {target: law, max: 139}")
    assert problems(Framework, text) == [
        "doc.yaml:15:29: must be less than or equal to 100, got 139"
    ]
