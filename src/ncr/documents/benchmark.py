"""Benchmark: the reference a country is held against (DESIGN §3.4)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints, model_validator

from ncr.documents.common import Document, Id, LongText, Score, ShortText


class Thresholds(Document):
    strength: float = Field(default=0.0, ge=-100, le=100, strict=True)
    weakness: float = Field(default=-10.0, ge=-100, le=100, strict=True)

    @model_validator(mode="after")
    def _ordered(self) -> Thresholds:
        if self.weakness > self.strength:
            raise ValueError("`weakness` must not be above `strength`")
        return self


class Peer(Document):
    """One review a built benchmark was computed from."""

    country: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]
    year: int = Field(ge=1980, le=2200)


class Benchmark(Document):
    id: Id
    framework: Id
    title: ShortText
    source: LongText = ""
    thresholds: Thresholds = Thresholds()
    overall: Score | None = None
    pillars: dict[Id, Score] = Field(default_factory=dict)
    indicators: dict[Id, Score] = Field(default_factory=dict)
    peers: list[Peer] = Field(
        default_factory=list,
        max_length=1000,
        description="the reviews a built peer benchmark comes from, one per country",
    )
