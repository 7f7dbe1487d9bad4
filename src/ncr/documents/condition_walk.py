"""Walking nested conditions: every condition inside one, and the questions and indicators named."""

from __future__ import annotations

from collections.abc import Iterator

from ncr.documents.conditions import (
    AllOf,
    AnyOf,
    Condition,
    IndicatorAtLeast,
    IndicatorBelow,
    Not,
    QuestionIn,
    QuestionIs,
)

ConditionPath = tuple[str | int, ...]


def walk(
    condition: Condition, path: ConditionPath = ()
) -> Iterator[tuple[ConditionPath, Condition]]:
    """Every condition inside `condition` (itself first) with its path in the document, so checks
    can point at the line of a nested one."""
    yield path, condition
    for step, child in _children(condition):
        yield from walk(child, (*path, *step))


def questions_named(condition: Condition) -> list[str]:
    """Every question id a condition looks at, in order of appearance."""
    return [c.question for _, c in walk(condition) if isinstance(c, QuestionIs | QuestionIn)]


def indicators_named(condition: Condition) -> list[str]:
    return [
        c.indicator for _, c in walk(condition) if isinstance(c, IndicatorBelow | IndicatorAtLeast)
    ]


def _children(condition: Condition) -> list[tuple[ConditionPath, Condition]]:
    if isinstance(condition, AllOf):
        return [(("all", i), child) for i, child in enumerate(condition.all)]
    if isinstance(condition, AnyOf):
        return [(("any", i), child) for i, child in enumerate(condition.any)]
    if isinstance(condition, Not):
        return [(("not",), condition.not_)]
    return []
