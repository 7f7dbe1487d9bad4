"""Walking a nested condition: every part with its path, and the questions and indicators named."""

from __future__ import annotations

from located import load
from ncr.documents import Rule
from ncr.documents.condition_walk import applies_if_order, indicators_named, questions_named, walk

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


def test_a_chain_of_5000_conditions_is_ordered_without_recursion() -> None:
    # Q0 hangs on Q1, Q1 on Q2, … Q4999 on nothing: each must come after the one it names. A
    # recursive walk would pass Python's recursion limit (1,000) long before the end.
    depends_on = {f"Q{i}": [f"Q{i + 1}"] if i < 4999 else [] for i in range(5000)}
    order, cyclic = applies_if_order(depends_on)
    assert order == [f"Q{i}" for i in reversed(range(5000))]
    assert cyclic == set()


def test_only_the_questions_on_a_cycle_are_cyclic() -> None:
    # A → B → C → A is a cycle; D leads into it and E stands alone; F names itself.
    depends_on = {"A": ["B"], "B": ["C"], "C": ["A"], "D": ["A"], "E": [], "F": ["F"]}
    order, cyclic = applies_if_order(depends_on)
    assert cyclic == {"A", "B", "C", "F"}
    assert sorted(order) == sorted(depends_on)
    assert order.index("D") > max(order.index(q) for q in "ABC")


def test_names_outside_the_questionnaire_are_ignored() -> None:
    order, cyclic = applies_if_order({"A": ["X"], "B": ["A"]})
    assert order == ["A", "B"]
    assert cyclic == set()
