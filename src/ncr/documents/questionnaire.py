"""Questionnaire: how the data is collected — sections of typed questions (DESIGN §3.2)."""

from __future__ import annotations

from functools import cached_property
from typing import Any, ClassVar, Literal

from pydantic import Field, model_validator

from ncr.documents.common import Document, Id, LongText, Score, ShortText, ValueText, Weight
from ncr.documents.condition_walk import applies_if_order, questions_named
from ncr.documents.conditions import Condition

# With the text cap of every file (loader/yaml_limits.py), this bounds the length of a report:
# README "Limits", measured by benchmarks/worst_case.py. The shipped questionnaire has 165.
MAX_QUESTIONS = 300
QuestionType = Literal["yes_no", "choice", "multi", "number", "text"]
SCORED_TYPES: frozenset[str] = frozenset({"yes_no", "choice", "multi", "number"})


class Option(Document):
    value: ValueText
    label: ShortText
    score: Score


class Band(Document):
    min: float = Field(ge=0, strict=True)
    score: Score


class Replaces(Document):
    """A question of an earlier cycle whose options changed meaning: old values map to new ones;
    an old answer the map does not name is answered again, never carried (§7)."""

    question: Id
    values: dict[ValueText, ValueText] = Field(min_length=1, max_length=100)


class Question(Document):
    id: Id
    indicator: Id
    text: LongText = Field(min_length=1)
    help: LongText = ""
    type: QuestionType
    options: list[Option] = Field(default_factory=list, max_length=100)
    bands: list[Band] = Field(default_factory=list, max_length=100)
    weight: Weight = 1.0
    allow_na: bool = False
    evidence: Literal["required", "optional"] = "optional"
    applies_if: Condition | None = None
    replaces: Id | Replaces | None = None

    @property
    def scored(self) -> bool:
        return self.type in SCORED_TYPES

    @property
    def replaced(self) -> str | None:
        """The id this question had in an earlier questionnaire, if any."""
        return self.replaces.question if isinstance(self.replaces, Replaces) else self.replaces

    @property
    def value_map(self) -> dict[str, str] | None:
        """Old value → new value, when the options changed meaning; None when they did not."""
        return self.replaces.values if isinstance(self.replaces, Replaces) else None

    def option(self, value: str) -> Option | None:
        return self._options_by_value.get(value)

    @cached_property
    def _options_by_value(self) -> dict[str, Option]:
        return {o.value: o for o in self.options}


class Section(Document):
    id: Id
    title: ShortText
    description: LongText = ""
    questions: list[Question] = Field(min_length=1, max_length=2000)


class Questionnaire(Document):
    id: Id
    framework: Id
    framework_version: ShortText = Field(
        description="PEP 440 specifier the framework's version must satisfy, e.g. '>=1.0,<2.0'"
    )
    title: ShortText
    description: LongText = ""
    sections: list[Section] = Field(min_length=1, max_length=200)

    TEXT_CAP: ClassVar[int] = 100_000  # characters of text in the file (README "Limits")
    # Placeholders for a faulty part that no check reads, so that a bad title or version
    # specifier does not hide the checks of the questions (see loader/loading.py).
    STAND_INS: ClassVar[dict[str, Any]] = {"title": "(set aside)", "framework_version": ">=0"}

    @model_validator(mode="after")
    def _not_too_many(self) -> Questionnaire:
        count = sum(len(section.questions) for section in self.sections)
        if count > MAX_QUESTIONS:
            raise ValueError(
                f"a questionnaire holds at most {MAX_QUESTIONS} questions, not {count}"
            )
        return self

    def questions(self) -> list[Question]:
        return [q for section in self.sections for q in section.questions]

    @cached_property
    def by_id(self) -> dict[str, Question]:
        """Every question by id, in order (built once: the model never changes after load)."""
        return {q.id: q for q in self.questions()}

    @cached_property
    def by_indicator(self) -> dict[str, list[Question]]:
        """The questions of each indicator id, in questionnaire order (built once)."""
        found: dict[str, list[Question]] = {}
        for question in self.questions():
            found.setdefault(question.indicator, []).append(question)
        return found

    @cached_property
    def applies_if_order(self) -> tuple[str, ...]:
        """The question ids in an order where each comes after every question its `applies_if`
        names (see `condition_walk.applies_if_order`); computed once, not for every response."""
        depends_on = {
            qid: questions_named(q.applies_if) if q.applies_if else []
            for qid, q in self.by_id.items()
        }
        return tuple(applies_if_order(depends_on)[0])

    @cached_property
    def conditional_order(self) -> dict[str, Condition]:
        """The `applies_if` of each question that has one, in `applies_if_order`."""
        questions = self.by_id
        return {
            qid: condition
            for qid in self.applies_if_order
            if (condition := questions[qid].applies_if) is not None
        }
