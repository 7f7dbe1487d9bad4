"""Walking nested conditions: every condition inside one, and the questions and indicators named."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

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


def applies_if_order(depends_on: Mapping[str, list[str]]) -> tuple[list[str], set[str]]:
    """The questions in an order where each comes after every question its `applies_if` names, and
    the questions that lie on a cycle of such conditions (they have no such order).

    Iterative (Tarjan's strongly connected components), so a chain of thousands of conditions
    neither recurses nor costs more than one pass over it. `depends_on` maps each question id to
    the question ids its `applies_if` names; names that are not keys are ignored.
    """
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    order: list[str] = []
    cyclic: set[str] = set()
    for root in depends_on:
        if root in index:
            continue
        work = [(root, iter(depends_on[root]))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, targets = work[-1]
            target = next((t for t in targets if t in depends_on), None)
            if target is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    _close_component(node, stack, on_stack, depends_on, order, cyclic)
            elif target not in index:
                index[target] = low[target] = len(index)
                stack.append(target)
                on_stack.add(target)
                work.append((target, iter(depends_on[target])))
            elif target in on_stack:
                low[node] = min(low[node], index[target])
    return order, cyclic


def _close_component(
    head: str,
    stack: list[str],
    on_stack: set[str],
    depends_on: Mapping[str, list[str]],
    order: list[str],
    cyclic: set[str],
) -> None:
    component = []
    while True:
        node = stack.pop()
        on_stack.discard(node)
        component.append(node)
        if node == head:
            break
    # Tarjan closes components dependencies first, which is the order scoring needs.
    order.extend(reversed(component))
    if len(component) > 1 or head in depends_on[head]:
        cyclic.update(component)
