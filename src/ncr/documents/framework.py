"""Framework: what is assessed — pillars, indicators, maturity levels and rules (DESIGN §3.1, §5)."""

from __future__ import annotations

from functools import cached_property
from typing import Any, ClassVar

from pydantic import Field, model_validator

from ncr.documents.common import Document, Id, LongText, Score, ShortText, Weight
from ncr.documents.condition_walk import indicators_named
from ncr.documents.conditions import Condition

# Bounds the tables of a report (README "Limits"); the shipped framework has 30.
MAX_INDICATORS = 100


class Level(Document):
    level: int = Field(ge=0, le=100, strict=True)
    name: ShortText
    min: Score


class Indicator(Document):
    id: Id
    title: ShortText
    description: LongText = ""
    weight: Weight = 1.0
    references: list[ShortText] = Field(default_factory=list, max_length=50)
    recommendation: LongText = ""


class Pillar(Document):
    id: Id
    title: ShortText
    description: LongText = ""
    weight: Weight = 1.0
    indicators: list[Indicator] = Field(min_length=1, max_length=500)


class Cap(Document):
    target: Id
    max: Score


class Rule(Document):
    id: Id
    description: LongText = ""
    when: Condition
    cap: Cap | None = None
    flag: ShortText | None = None

    @model_validator(mode="after")
    def _does_something(self) -> Rule:
        if self.cap is None and self.flag is None:
            raise ValueError("a rule needs a `cap`, a `flag`, or both")
        return self


class Framework(Document):
    id: Id
    version: ShortText
    title: ShortText
    description: LongText = ""
    levels: list[Level] = Field(min_length=1, max_length=20)
    default_benchmark: Id | None = None
    pillars: list[Pillar] = Field(min_length=1, max_length=50)
    rules: list[Rule] = Field(default_factory=list, max_length=500)

    TEXT_CAP: ClassVar[int] = 60_000  # characters of text in the file (README "Limits")
    # Placeholders for a faulty part, so that a bad title, version or level list does not hide
    # the checks of the pillars and rules (see loader/loading.py).
    STAND_INS: ClassVar[dict[str, Any]] = {
        "title": "(set aside)",
        "version": "0.0.0",
        "levels": [{"level": 1, "name": "(set aside)", "min": 0}],
    }

    @model_validator(mode="after")
    def _not_too_many(self) -> Framework:
        count = sum(len(pillar.indicators) for pillar in self.pillars)
        if count > MAX_INDICATORS:
            raise ValueError(f"a framework holds at most {MAX_INDICATORS} indicators, not {count}")
        return self

    def indicators(self) -> list[Indicator]:
        return [indicator for pillar in self.pillars for indicator in pillar.indicators]

    @cached_property
    def pillar_of(self) -> dict[str, str]:
        """The pillar id of every indicator id."""
        return {i.id: p.id for p in self.pillars for i in p.indicators}

    @cached_property
    def rules_reading(self) -> dict[str, tuple[str, ...]]:
        """The ids of the rules whose condition reads each indicator, by indicator id: re-scoring
        one raised indicator evaluates again only these rules (answers do not change)."""
        found: dict[str, list[str]] = {}
        for rule in self.rules:
            for indicator in dict.fromkeys(indicators_named(rule.when)):
                found.setdefault(indicator, []).append(rule.id)
        return {indicator: tuple(rules) for indicator, rules in found.items()}
