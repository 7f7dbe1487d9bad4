"""Conditions are told apart by their keys; a malformed one gets one clear message."""

from __future__ import annotations

import pytest

from located import load, problems
from ncr.documents import (
    AllOf,
    IndicatorAtLeast,
    IndicatorBelow,
    Not,
    QuestionIn,
    QuestionIs,
    Rule,
)

ONE_OF = (
    "a condition needs exactly one of: {question, is}, {question, in}, {indicator, below}, "
    "{indicator, at_least}, {all: [...]}, {any: [...]}, {not: ...}"
)


def rule(when: str) -> str:
    return f"id: r\nflag: F\nwhen: {when}\n"


@pytest.mark.parametrize(
    ("when", "kind"),
    [
        ('{question: L1, is: "no"}', QuestionIs),
        ("{question: L2, in: [none, partial]}", QuestionIn),
        ("{indicator: law.a, below: 20}", IndicatorBelow),
        ("{indicator: law.a, at_least: 80}", IndicatorAtLeast),
        ("{all: [{indicator: law.a, below: 20}]}", AllOf),
        ("{not: {question: L1, is: yes}}", Not),
    ],
)
def test_each_kind_is_recognised_by_its_keys(when: str, kind: type) -> None:
    assert isinstance(load(Rule, rule(when)).when, kind)


def test_yes_stays_text_in_a_condition() -> None:
    when = load(Rule, rule("{question: L1, is: yes}")).when
    assert isinstance(when, QuestionIs) and when.is_ == "yes"


def test_a_misspelt_operator_is_reported_as_the_unknown_key_it_is() -> None:
    assert problems(Rule, rule("{indicator: law.a, bellow: 20}")) == [
        "doc.yaml:3:7: missing required key 'below'",
        "doc.yaml:3:26: unknown key 'bellow': did you mean 'below'?",
    ]


@pytest.mark.parametrize("when", ['{question: L1, is: "no", below: 3}', "{severity: high}", "[]"])
def test_two_operators_or_none_give_one_message(when: str) -> None:
    assert problems(Rule, rule(when)) == [f"doc.yaml:3:7: {ONE_OF}"]


def test_an_empty_all_is_refused() -> None:
    assert problems(Rule, rule("{all: []}")) == ["doc.yaml:3:13: must have at least 1 item, not 0"]
