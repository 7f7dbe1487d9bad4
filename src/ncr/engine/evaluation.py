"""Evaluating rule and `applies_if` conditions (DESIGN §5): one small function per kind."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from ncr.documents import (
    AllOf,
    AnyOf,
    Condition,
    IndicatorAtLeast,
    IndicatorBelow,
    Not,
    QuestionIn,
    QuestionIs,
)
from ncr.documents.conditions import Expected
from ncr.documents.vocabulary import MISSING, SPECIAL_ANSWERS
from ncr.engine.answers import Normalized
from ncr.engine.tolerance import reaches


@dataclass(frozen=True)
class Facts:
    """What conditions may look at: normalised answers (None = missing; a question whose
    `applies_if` is false reads as `n/a`) and uncapped indicator scores."""

    answers: Callable[[str], Normalized]
    indicator_scores: Mapping[str, float | None]


def holds(condition: Condition, facts: Facts) -> bool:
    evaluate: Callable[[Any, Facts], bool] = _EVALUATORS[type(condition)]
    return evaluate(condition, facts)


def _matches(answer: Normalized, expected: Expected) -> bool:
    target = _canonical(expected)
    if answer is None:
        return target == MISSING
    if isinstance(answer, list):
        return target in answer
    if isinstance(answer, float):
        return isinstance(target, float) and answer == target
    return answer == target


def _canonical(expected: Expected) -> str | float:
    if isinstance(expected, bool):
        return "yes" if expected else "no"
    if isinstance(expected, int | float):
        return float(expected)
    special = expected.strip().lower()
    # the loader accepts special answers in any case (checks._expected_fits), so match them so too
    return special if special in (*SPECIAL_ANSWERS, MISSING) else expected


def _question_is(cond: QuestionIs, facts: Facts) -> bool:
    return _matches(facts.answers(cond.question), cond.is_)


def _question_in(cond: QuestionIn, facts: Facts) -> bool:
    answer = facts.answers(cond.question)
    return any(_matches(answer, expected) for expected in cond.in_)


def _indicator_below(cond: IndicatorBelow, facts: Facts) -> bool:
    score = facts.indicator_scores.get(cond.indicator)
    return score is not None and not reaches(score, cond.below)


def _indicator_at_least(cond: IndicatorAtLeast, facts: Facts) -> bool:
    score = facts.indicator_scores.get(cond.indicator)
    return score is not None and reaches(score, cond.at_least)


def _all(cond: AllOf, facts: Facts) -> bool:
    return all(holds(c, facts) for c in cond.all)


def _any(cond: AnyOf, facts: Facts) -> bool:
    return any(holds(c, facts) for c in cond.any)


def _not(cond: Not, facts: Facts) -> bool:
    return not holds(cond.not_, facts)


_EVALUATORS: dict[type, Callable[[Any, Facts], bool]] = {
    QuestionIs: _question_is,
    QuestionIn: _question_in,
    IndicatorBelow: _indicator_below,
    IndicatorAtLeast: _indicator_at_least,
    AllOf: _all,
    AnyOf: _any,
    Not: _not,
}
