"""Documents in words, as a reviewer reads them: conditions, rules, what a question takes.

Shared by `ncr show` and the comments `ncr init` writes, so both say the same thing the same way.

`{indicator: legal.offences, below: 20}` with `cap: {target: legal, max: 39.9}` reads
`indicator legal.offences < 20 → cap legal at 39.9`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from ncr.documents import (
    AllOf,
    AnyOf,
    Condition,
    IndicatorAtLeast,
    IndicatorBelow,
    Not,
    Question,
    QuestionIn,
    QuestionIs,
    Rule,
)
from ncr.documents.conditions import Expected
from ncr.documents.vocabulary import MISSING, SPECIAL_ANSWERS


def expected(value: Expected) -> str:
    """An expected answer: text in quotes (so `"no"` is not read as a word of the sentence)."""
    if isinstance(value, bool):
        return '"yes"' if value else '"no"'
    if isinstance(value, int | float):
        return f"{value:g}"
    if value.strip().lower() in (*SPECIAL_ANSWERS, MISSING):
        return value.strip().lower()
    return json.dumps(value, ensure_ascii=False)


def condition(cond: Condition) -> str:
    """The condition as one line; nested combinations are put in brackets."""
    words: Callable[[Any], str] = _WORDS[type(cond)]
    return words(cond)


def _nested(cond: Condition) -> str:
    text = condition(cond)
    return f"({text})" if isinstance(cond, AllOf | AnyOf) else text


def _question_is(cond: QuestionIs) -> str:
    return f"{cond.question} is {expected(cond.is_)}"


def _question_in(cond: QuestionIn) -> str:
    return f"{cond.question} is one of {', '.join(expected(v) for v in cond.in_)}"


def _indicator_below(cond: IndicatorBelow) -> str:
    return f"indicator {cond.indicator} < {cond.below:g}"


def _indicator_at_least(cond: IndicatorAtLeast) -> str:
    return f"indicator {cond.indicator} ≥ {cond.at_least:g}"


def _all(cond: AllOf) -> str:
    return " and ".join(_nested(c) for c in cond.all)


def _any(cond: AnyOf) -> str:
    return " or ".join(_nested(c) for c in cond.any)


def _not(cond: Not) -> str:
    return f"not ({condition(cond.not_)})"


_WORDS: dict[type, Callable[[Any], str]] = {
    QuestionIs: _question_is,
    QuestionIn: _question_in,
    IndicatorBelow: _indicator_below,
    IndicatorAtLeast: _indicator_at_least,
    AllOf: _all,
    AnyOf: _any,
    Not: _not,
}


def rule(r: Rule) -> str:
    """`WHEN → what it does`, e.g. `C2.1 is "no" → critical gap: No 24/7 point of contact.`"""
    effects = []
    if r.cap is not None:
        effects.append(f"cap {r.cap.target} at {r.cap.max:g}")
    if r.flag is not None:
        effects.append(f"critical gap: {r.flag}")
    return f"{condition(r.when)} → {'; '.join(effects)}"


TYPE_NAMES = {
    "yes_no": "yes/no",
    "choice": "one choice",
    "multi": "several choices",
    "number": "number",
    "text": "text",
}


def question_facts(q: Question) -> str:
    """`L1.1 · one choice · indicator legal.offences · weight 2 · evidence required`"""
    facts = [q.id, TYPE_NAMES[q.type], f"indicator {q.indicator}"]
    if q.weight != 1:
        facts.append(f"weight {q.weight:g}")
    facts.append(f"evidence {q.evidence}")
    return " · ".join(facts)


def answer_kind(q: Question) -> str:
    """What the answer may be, in one sentence; choices are then listed by `options`."""
    if q.type == "number":
        bands = ", ".join(f"from {b.min:g}: {b.score:g}" for b in q.bands)
        return f"A number, 0 or more. Scores by band: {bands}."
    return _ANSWER_KINDS[q.type]


_ANSWER_KINDS = {
    "yes_no": 'Answer "yes" (scores 100) or "no" (0).',
    "choice": "Choose one:",
    "multi": "Choose any, as a list like [a, b] (the scores add up, to 100 at most):",
    "text": "Free text: recorded and shown in the report, not scored.",
}


def options(q: Question) -> list[str]:
    """One line per option: the value as a response writes it, then `label (score)`, aligned."""
    values = [expected(o.value) for o in q.options]
    pad = max((len(value) for value in values), default=0)
    return [
        f"{value.ljust(pad)}  {' '.join(o.label.split())} ({o.score:g})"
        for value, o in zip(values, q.options, strict=True)
    ]
