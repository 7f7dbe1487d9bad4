"""Walking a nested condition: every part with its path, and the questions and indicators named."""

from __future__ import annotations

from located import load
from ncr.documents import Rule
from ncr.documents.condition_walk import indicators_named, questions_named, walk

NESTED = """id: r
flag: F
when:
  all:
    - {question: L1, is: "no"}
    - any:
        - {indicator: law.a, below: 20}
        - not: {question: T2, in: [a, b]}
    - {question: L1, is: unknown}
"""


def test_every_part_is_walked_depth_first_with_its_path() -> None:
    when = load(Rule, NESTED).when
    assert [path for path, _ in walk(when, ("when",))] == [
        ("when",),
        ("when", "all", 0),
        ("when", "all", 1),
        ("when", "all", 1, "any", 0),
        ("when", "all", 1, "any", 1),
        ("when", "all", 1, "any", 1, "not"),
        ("when", "all", 2),
    ]


def test_questions_and_indicators_named_in_order_of_appearance() -> None:
    when = load(Rule, NESTED).when
    assert questions_named(when) == ["L1", "T2", "L1"]  # L1 twice: callers decide on repeats
    assert indicators_named(when) == ["law.a"]


def test_a_single_condition_is_its_own_walk() -> None:
    when = load(Rule, "id: r\nflag: F\nwhen: {indicator: tech.b, at_least: 50}\n").when
    assert [path for path, _ in walk(when)] == [()]
    assert indicators_named(when) == ["tech.b"] and questions_named(when) == []
