"""Whether an answer fits its question (DESIGN §3.2), in words a reviewer can act on."""

from __future__ import annotations

from collections import Counter

from ncr.documents.questionnaire import Question
from ncr.documents.text_safety import quoted_number_hint, spelled
from ncr.documents.vocabulary import SPECIAL_ANSWERS


def allowed_values(q: Question) -> list[str]:
    if q.type == "yes_no":
        return ["yes", "no"]
    return [o.value for o in q.options]


def answer_problem(q: Question, value: object) -> str | None:
    """Why this answer does not fit its question, or None when it does."""
    if isinstance(value, str) and value.strip().lower() in SPECIAL_ANSWERS:
        if value.strip().lower() == "n/a" and not q.allow_na:
            return f"{q.id} does not allow 'n/a'; answer it, or use 'unknown'"
        return None
    return _TYPE_CHECKS[q.type](q, value)


def _check_yes_no(q: Question, value: object) -> str | None:
    if isinstance(value, bool) or (isinstance(value, str) and value.lower() in ("yes", "no")):
        return None
    return f'{q.id} is a yes/no question: answer "yes" or "no", not {spelled(value)}'


def _check_choice(q: Question, value: object) -> str | None:
    if isinstance(value, str) and q.option(value):
        return None
    return f"{spelled(value)} is not an option of {q.id}; choose one of: {', '.join(allowed_values(q))}"


def _check_multi(q: Question, value: object) -> str | None:
    if not isinstance(value, list):
        return f"{q.id} takes a list of options, e.g. [{allowed_values(q)[0]}]"
    unknown = [spelled(v) for v in value if not isinstance(v, str) or not q.option(v)]
    if unknown:
        return f"not options of {q.id}: {', '.join(unknown)}; choose from: {', '.join(allowed_values(q))}"
    repeated = sorted(v for v, n in Counter(value).items() if n > 1)
    if repeated:
        return f"{q.id} lists {', '.join(repeated)} more than once"
    return None


def _check_number(q: Question, value: object) -> str | None:
    if isinstance(value, int | float) and not isinstance(value, bool) and value >= 0:
        return None
    return f"{q.id} takes a number of 0 or more, not {spelled(value)}{quoted_number_hint(value)}"


def _check_text(q: Question, value: object) -> str | None:
    return None if isinstance(value, str) else f"{q.id} takes text; put the answer in quotes"


_TYPE_CHECKS = {
    "yes_no": _check_yes_no,
    "choice": _check_choice,
    "multi": _check_multi,
    "number": _check_number,
    "text": _check_text,
}
