"""Conditions of rules and `applies_if` (DESIGN §5): what each kind is true for."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from pydantic import TypeAdapter

from assessing import assess_file, review_of, write_variant
from conftest import RESPONSES
from ncr.documents import Condition
from ncr.engine.answers import Normalized
from ncr.engine.evaluation import Facts, holds
from ncr.engine.scoring import facts_for, score

CONDITION: TypeAdapter[Condition] = TypeAdapter(Condition)

# Answers as the engine normalises them: yes/no as "yes"/"no", numbers as floats, multi as lists,
# None for missing, "n/a" also for a question whose `applies_if` is false.
ANSWERS: dict[str, Normalized] = {
    "YN": "yes",
    "CH": "partial",
    "MU": ["preservation", "search"],
    "NU": 5.0,
    "NA": "n/a",
    "UK": "unknown",
    "MI": None,
}
# Uncapped indicator scores; None is a not-applicable indicator.
INDICATORS: dict[str, float | None] = {
    "low": 19.5,
    "edge": 20.0,
    "noisy": 59.99999999999999,  # 60 by hand, e.g. (40×0.2 + 100×0.1) / 0.3
    "none": None,
}


def holds_for(
    condition: dict[str, Any],
    answers: Mapping[str, Normalized] = ANSWERS,
    indicators: Mapping[str, float | None] = INDICATORS,
) -> bool:
    return holds(CONDITION.validate_python(condition), Facts(answers.get, indicators))


@pytest.mark.parametrize(
    ("condition", "expected"),
    [
        ({"question": "YN", "is": "yes"}, True),
        ({"question": "YN", "is": "no"}, False),
        ({"question": "YN", "is": True}, True),  # a YAML true means "yes"
        ({"question": "YN", "is": False}, False),
        ({"question": "CH", "is": "partial"}, True),
        ({"question": "CH", "is": "full"}, False),
        ({"question": "MU", "is": "search"}, True),  # multi: among the chosen
        ({"question": "MU", "is": "production"}, False),
        ({"question": "NU", "is": 5}, True),
        ({"question": "NU", "is": 5.5}, False),
        ({"question": "NA", "is": "n/a"}, True),
        ({"question": "NA", "is": "N/A"}, True),
        ({"question": "UK", "is": "unknown"}, True),
        ({"question": "UK", "is": "no"}, False),  # unknown is not "no"
        ({"question": "MI", "is": "missing"}, True),
        ({"question": "MI", "is": "Missing"}, True),  # special answers ignore case, as at load
        ({"question": "MI", "is": "no"}, False),
        ({"question": "YN", "is": "missing"}, False),
        ({"question": "MU", "is": "n/a"}, False),
    ],
)
def test_question_is(condition: dict[str, Any], expected: bool) -> None:
    assert holds_for(condition) is expected


@pytest.mark.parametrize(
    ("condition", "expected"),
    [
        ({"question": "CH", "in": ["full", "partial"]}, True),
        ({"question": "CH", "in": ["full", "none"]}, False),
        ({"question": "MU", "in": ["production", "search"]}, True),  # any chosen is listed
        ({"question": "MU", "in": ["production", "none"]}, False),
        ({"question": "MI", "in": ["unknown", "missing"]}, True),
        ({"question": "NU", "in": [1, 5]}, True),
    ],
)
def test_question_in(condition: dict[str, Any], expected: bool) -> None:
    assert holds_for(condition) is expected


@pytest.mark.parametrize(
    ("condition", "expected"),
    [
        ({"indicator": "low", "below": 20}, True),
        ({"indicator": "edge", "below": 20}, False),  # 20 is not below 20
        ({"indicator": "edge", "at_least": 20}, True),
        ({"indicator": "low", "at_least": 20}, False),
        ({"indicator": "noisy", "at_least": 60}, True),  # floating-point noise is forgiven
        ({"indicator": "noisy", "below": 60}, False),
        ({"indicator": "none", "below": 20}, False),  # not applicable: neither below…
        ({"indicator": "none", "at_least": 0}, False),  # …nor at least anything
        ({"not": {"indicator": "none", "below": 20}}, True),
    ],
)
def test_indicator_conditions(condition: dict[str, Any], expected: bool) -> None:
    assert holds_for(condition) is expected


YES = {"question": "YN", "is": "yes"}
NO = {"question": "YN", "is": "no"}


@pytest.mark.parametrize(
    ("condition", "expected"),
    [
        ({"all": [YES, {"indicator": "low", "below": 20}]}, True),
        ({"all": [YES, NO]}, False),
        ({"any": [NO, YES]}, True),
        ({"any": [NO, {"indicator": "none", "below": 20}]}, False),
        ({"not": YES}, False),
        ({"not": NO}, True),
        ({"all": [{"not": NO}, {"any": [NO, {"question": "MU", "is": "search"}]}]}, True),
    ],
)
def test_combinations(condition: dict[str, Any], expected: bool) -> None:
    assert holds_for(condition) is expected


def test_applies_if_reads_the_answer_it_names(tmp_path: Path) -> None:
    # T2 applies if T1 is "yes"; mini-a answers T2 "office" (50).
    applies = assess_file(write_variant(tmp_path, {"T1": "yes"}))
    assert next(a.state for a in applies.answers if a.question == "T2") == "answered"
    for t1 in ("no", "unknown", None):
        result = assess_file(write_variant(tmp_path, {"T1": t1}))
        t2 = next(a for a in result.answers if a.question == "T2")
        assert (t2.state, t2.score) == ("not_applicable", None), t1


def test_rules_see_a_question_that_does_not_apply_as_n_a() -> None:
    # mini-gaps: T1 "no", so T2 (applies if T1 is "yes") is not applicable although answered
    # "office"; rules read it as n/a, as `applies_if` chains do.
    inputs = review_of(RESPONSES / "mini-gaps.yaml").inputs()
    scores = score(inputs.framework, inputs.questionnaire, inputs.response)
    facts = facts_for(scores.answers, scores.indicators)
    assert holds(CONDITION.validate_python({"question": "T2", "is": "n/a"}), facts)
    assert not holds(CONDITION.validate_python({"question": "T2", "is": "office"}), facts)
    # and indicator conditions see uncapped scores: forensics is 33.33 before its caps to 10
    assert holds(CONDITION.validate_python({"indicator": "tech.forensics", "at_least": 33}), facts)
