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
from ncr.outputs.interface_text import N_, _
from ncr.outputs.locale_format import weight


def expected(value: Expected) -> str:
    """An expected answer: text in quotes (so `"no"` is not read as a word of the sentence)."""
    if isinstance(value, bool):
        return '"yes"' if value else '"no"'
    if isinstance(value, int | float):
        return f"{value:g}"
    if value.strip().lower() in (*SPECIAL_ANSWERS, MISSING):
        return value.strip().lower()
    return json.dumps(value, ensure_ascii=False)


# How an expected answer of a question is shown: (question id, value) → text. A workbook shows
# the labels its dropdowns offer; documents and skeletons show the values (`expected`).
Shown = Callable[[str, Expected], str]


def condition(cond: Condition, shown: Shown | None = None) -> str:
    """The condition as one line; nested combinations are put in brackets."""
    words: Callable[[Any, Shown], str] = _WORDS[type(cond)]
    return words(cond, shown or _as_value)


def _as_value(question: str, value: Expected) -> str:
    return expected(value)


def _nested(cond: Condition, shown: Shown) -> str:
    text = condition(cond, shown)
    return f"({text})" if isinstance(cond, AllOf | AnyOf) else text


def _question_is(cond: QuestionIs, shown: Shown) -> str:
    return _("%(question)s is %(answer)s") % {
        "question": cond.question,
        "answer": shown(cond.question, cond.is_),
    }


def _question_in(cond: QuestionIn, shown: Shown) -> str:
    answers = ", ".join(shown(cond.question, v) for v in cond.in_)
    return _("%(question)s is one of %(answers)s") % {"question": cond.question, "answers": answers}


def _indicator_below(cond: IndicatorBelow, shown: Shown) -> str:
    return _("indicator %(indicator)s < %(score)s") % {
        "indicator": cond.indicator,
        "score": weight(cond.below),
    }


def _indicator_at_least(cond: IndicatorAtLeast, shown: Shown) -> str:
    return _("indicator %(indicator)s ≥ %(score)s") % {
        "indicator": cond.indicator,
        "score": weight(cond.at_least),
    }


def _all(cond: AllOf, shown: Shown) -> str:
    return _(" and ").join(_nested(c, shown) for c in cond.all)


def _any(cond: AnyOf, shown: Shown) -> str:
    return _(" or ").join(_nested(c, shown) for c in cond.any)


def _not(cond: Not, shown: Shown) -> str:
    return _("not (%(condition)s)") % {"condition": condition(cond.not_, shown)}


_WORDS: dict[type, Callable[[Any, Shown], str]] = {
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
        effects.append(
            _("cap %(target)s at %(max)s") % {"target": r.cap.target, "max": weight(r.cap.max)}
        )
    if r.flag is not None:
        effects.append(_("critical gap: %(flag)s") % {"flag": r.flag})
    return f"{condition(r.when)} → {'; '.join(effects)}"


TYPE_NAMES = {
    "yes_no": N_("yes/no"),
    "choice": N_("one choice"),
    "multi": N_("several choices"),
    "number": N_("number"),
    "text": N_("text"),
}
EVIDENCE_WORDS = {
    "required": N_("evidence required"),
    "optional": N_("evidence optional"),
}


def question_facts(q: Question) -> str:
    """`L1.1 · one choice · indicator legal.offences · weight 2 · evidence required`"""
    facts = [q.id, _(TYPE_NAMES[q.type]), _("indicator %(id)s") % {"id": q.indicator}]
    if q.weight != 1:
        facts.append(_("weight %(weight)s") % {"weight": weight(q.weight)})
    said = EVIDENCE_WORDS.get(q.evidence)
    facts.append(_(said) if said else f"evidence {q.evidence}")
    return " · ".join(facts)


def answer_kind(q: Question) -> str:
    """What the answer may be, in one sentence; choices are then listed by `options`."""
    if q.type == "number":
        bands = ", ".join(
            _("from %(low)s: %(score)s") % {"low": weight(b.min), "score": weight(b.score)}
            for b in q.bands
        )
        return _("A number, 0 or more. Scores by band: %(bands)s.") % {"bands": bands}
    return _(_ANSWER_KINDS[q.type])


_ANSWER_KINDS = {
    "yes_no": N_('Answer "yes" (scores 100) or "no" (0).'),
    "choice": N_("Choose one:"),
    "multi": N_("Choose any, as a list like [a, b] (the scores add up, to 100 at most):"),
    "text": N_("Free text: recorded and shown in the report, not scored."),
}


def options(q: Question) -> list[str]:
    """One line per option: the value as a response writes it, then `label (score)`, aligned."""
    values = [expected(o.value) for o in q.options]
    pad = max((len(value) for value in values), default=0)
    return [
        f"{value.ljust(pad)}  {' '.join(o.label.split())} ({weight(o.score)})"
        for value, o in zip(values, q.options, strict=True)
    ]
