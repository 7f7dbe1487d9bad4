"""Conditions used by framework rules and by questions' `applies_if` (DESIGN §5).

A condition is told apart by its keys, not by a type tag, so the union is discriminated by a function
that looks at which keys are present; a malformed condition then gets one clear error instead of one
per possible kind.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Discriminator, Field, Tag

from ncr.documents.common import Document, Id

# An expected answer: an option value, `yes`/`no`, a number, or one of the special answers.
Expected = str | bool | int | float


class QuestionIs(Document):
    question: Id
    is_: Expected = Field(alias="is")


class QuestionIn(Document):
    question: Id
    in_: list[Expected] = Field(alias="in", min_length=1, max_length=100)


class IndicatorBelow(Document):
    indicator: Id
    below: float = Field(strict=True)


class IndicatorAtLeast(Document):
    indicator: Id
    at_least: float = Field(strict=True)


class AllOf(Document):
    all: list[Condition] = Field(min_length=1, max_length=50)


class AnyOf(Document):
    any: list[Condition] = Field(min_length=1, max_length=50)


class Not(Document):
    not_: Condition = Field(alias="not")


_KIND_BY_KEY = {
    "is": "question-is",
    "in": "question-in",
    "below": "indicator-below",
    "at_least": "indicator-at-least",
    "all": "all",
    "any": "any",
    "not": "not",
}


_KIND_BY_SUBJECT = {"question": "question-is", "indicator": "indicator-below"}


def condition_kind(value: Any) -> str | None:
    if isinstance(value, Document):
        return _KIND_BY_MODEL.get(type(value))
    if not isinstance(value, dict):
        return None
    kinds = [_KIND_BY_KEY[key] for key in value if key in _KIND_BY_KEY]
    if len(kinds) == 1:
        return kinds[0]
    if not kinds:
        # A misspelt operator ({indicator: X, bellow: 20}) is best reported as the unknown key it is.
        return _KIND_BY_SUBJECT.get(next((k for k in value if k in _KIND_BY_SUBJECT), ""))
    return None


Condition = Annotated[
    Annotated[QuestionIs, Tag("question-is")]
    | Annotated[QuestionIn, Tag("question-in")]
    | Annotated[IndicatorBelow, Tag("indicator-below")]
    | Annotated[IndicatorAtLeast, Tag("indicator-at-least")]
    | Annotated[AllOf, Tag("all")]
    | Annotated[AnyOf, Tag("any")]
    | Annotated[Not, Tag("not")],
    Discriminator(
        condition_kind,
        custom_error_type="condition",
        custom_error_message=(
            "a condition needs exactly one of: {question, is}, {question, in}, {indicator, below}, "
            "{indicator, at_least}, {all: [...]}, {any: [...]}, {not: ...}"
        ),
    ),
]

_KIND_BY_MODEL: dict[type[Document], str] = {
    QuestionIs: "question-is",
    QuestionIn: "question-in",
    IndicatorBelow: "indicator-below",
    IndicatorAtLeast: "indicator-at-least",
    AllOf: "all",
    AnyOf: "any",
    Not: "not",
}

for _model in (AllOf, AnyOf, Not):
    _model.model_rebuild()
