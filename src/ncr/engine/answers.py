"""From a raw answer to a question score (DESIGN §3.2 answer types, §4 step 1)."""

from __future__ import annotations

from dataclasses import dataclass

from ncr.documents import Question
from ncr.documents.response import AnswerValue
from ncr.documents.vocabulary import NA, SPECIAL_ANSWERS, UNKNOWN
from ncr.engine.result import AnswerState

_YES_NO = {True: "yes", False: "no", "true": "yes", "false": "no", "yes": "yes", "no": "no"}

Normalized = str | float | list[str] | None


@dataclass(frozen=True)
class ScoredAnswer:
    """A question's answer after normalisation, with its score; `score` is None when excluded."""

    state: AnswerState
    value: Normalized
    score: float | None

    @property
    def counts_in_mean(self) -> bool:
        return self.score is not None


def normalize(question: Question, raw: AnswerValue | None) -> Normalized:
    """The canonical form of an answer: `yes`/`no` for yes_no, floats for numbers."""
    if raw is None:
        return None
    if isinstance(raw, str) and raw.strip().lower() in SPECIAL_ANSWERS:
        return raw.strip().lower()
    if question.type == "yes_no":
        key = raw.strip().lower() if isinstance(raw, str) else raw
        return _YES_NO.get(key, str(raw)) if isinstance(key, str | bool) else str(raw)
    if question.type == "number" and isinstance(raw, int | float) and not isinstance(raw, bool):
        return float(raw)
    if question.type == "multi" and isinstance(raw, list):
        return list(raw)
    return str(raw) if not isinstance(raw, list) else list(raw)


def score_answer(question: Question, value: Normalized, applicable: bool) -> ScoredAnswer:
    if not applicable:
        return ScoredAnswer("not_applicable", value, None)
    if not question.scored:
        return ScoredAnswer("unscored", value, None)
    if value is None:
        return ScoredAnswer("missing", None, 0.0)
    if value == NA:
        return ScoredAnswer("n/a", value, None)
    if value == UNKNOWN:
        return ScoredAnswer("unknown", value, 0.0)
    return ScoredAnswer("answered", value, _SCORERS[question.type](question, value))


def _score_yes_no(question: Question, value: Normalized) -> float:
    return 100.0 if value == "yes" else 0.0


def _score_choice(question: Question, value: Normalized) -> float:
    option = question.option(str(value))
    return option.score if option else 0.0


def _score_multi(question: Question, value: Normalized) -> float:
    chosen = value if isinstance(value, list) else [str(value)]
    total = sum(opt.score for opt in question.options if opt.value in chosen)
    return min(total, 100.0)


def _score_number(question: Question, value: Normalized) -> float:
    if not isinstance(value, float):
        return 0.0
    reached = [band.score for band in question.bands if band.min <= value]
    return reached[-1] if reached else 0.0


_SCORERS = {
    "yes_no": _score_yes_no,
    "choice": _score_choice,
    "multi": _score_multi,
    "number": _score_number,
}


def display(question: Question, value: Normalized) -> str:
    """The answer as a reviewer reads it: option labels rather than values."""
    if value is None:
        return "(no answer)"
    if isinstance(value, list):
        return "; ".join(_label(question, item) for item in value) or "(none selected)"
    if isinstance(value, float):
        return f"{value:g}"
    return _label(question, value)


def _label(question: Question, value: str) -> str:
    if value == NA:
        return "not applicable"
    if value == UNKNOWN:
        return "unknown"
    if question.type == "yes_no":
        return {"yes": "Yes", "no": "No"}.get(value, value)
    option = question.option(value)
    return option.label if option else value
