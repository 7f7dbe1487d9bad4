"""The result of assessing one response: the one model every output (terminal, JSON, reports) renders.

Field names and nesting follow the JSON contract of DESIGN §8; keys may be added, never renamed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, Literal, Self, cast

from pydantic import BaseModel, ConfigDict, Field

from ncr.documents.response import Findings, FollowUpStatus, Horizon
from ncr.problems import Problem

Status = Literal["strength", "on_track", "weakness", "unbenchmarked", "not_applicable"]
AnswerState = Literal["answered", "unknown", "missing", "n/a", "not_applicable", "unscored"]


class ResultModel(BaseModel):
    model_config = ConfigDict(frozen=True)

    @classmethod
    def built(cls, values: dict[str, Any]) -> Self:
        """A result from values the engine computed itself, already of the declared types, made
        without validating them again: a third of the time of `cls(**values)`, which counts for
        the hundreds of rows of every assessment. `values` come in declared order (the order of
        the JSON); fields left out take their defaults. tests/engine/test_result.py checks that
        validation would give every row of an assessment the same."""
        template, everything, factories = _TEMPLATES.get(cls) or _template(cls)
        if len(values) < len(template):
            given = set(values)
            values = {**template, **values}
            for name, factory in factories:
                if name not in given:
                    values[name] = factory()
        else:
            given = everything  # shared: pydantic copies the set before it changes one
        row = _new(cls)
        _set(row, "__dict__", values)
        _set(row, "__pydantic_fields_set__", given)
        _set(row, "__pydantic_extra__", None)
        _set(row, "__pydantic_private__", None)
        return row


_new = object.__new__
_set = object.__setattr__
_Template = tuple[dict[str, Any], set[str], tuple[tuple[str, Callable[[], Any]], ...]]
_TEMPLATES: dict[type, _Template] = {}


def _template(cls: type[BaseModel]) -> _Template:
    """Every field in declared order with its default (None stands in for a required one), the
    set of their names, and the fields whose default is made fresh for each row; kept by class."""
    fields = cls.model_fields
    template = {name: None if f.is_required() else f.default for name, f in fields.items()}
    # the result models' factories take no argument (list, dict)
    factories = tuple(
        (name, cast(Callable[[], Any], f.default_factory))
        for name, f in fields.items()
        if f.default_factory is not None
    )
    found = _TEMPLATES[cls] = (template, set(template), factories)
    return found


class Named(ResultModel):
    id: str
    title: str


class CountryRef(ResultModel):
    code: str
    name: str


class ReviewInfo(ResultModel):
    date: dt.date
    status: Literal["draft", "final"]
    reviewers: list[str]
    classification: str | None = None
    previous: str | None = None


class DocumentRef(ResultModel):
    id: str
    version: str | None = None
    title: str | None = None


class BenchmarkRef(ResultModel):
    id: str | None
    title: str | None = None
    source: str | None = None
    strength_threshold: float = 0.0
    weakness_threshold: float = -10.0
    peers: list[str] = Field(
        default_factory=list, description="for a peer benchmark, the reviews it was built from"
    )
    includes_assessed: bool = Field(
        False, description="true when the assessed country is itself among the peers"
    )


class LevelInfo(ResultModel):
    level: int
    name: str
    min: float


class Scored(ResultModel):
    """What overall, pillars and indicators have in common."""

    score: float | None
    uncapped_score: float | None
    level: int | None
    level_name: str | None
    coverage: float | None
    reference: float | None
    delta: float | None
    status: Status
    capped_by: list[str] = Field(default_factory=list)


class IndicatorResult(Scored):
    id: str
    title: str
    description: str = ""
    references: list[str] = Field(default_factory=list)
    pillar: str
    weight: float
    share: float | None = Field(description="this indicator's share of the overall score (0-1)")
    answered: int
    applicable: int
    questions: list[str]


class PillarResult(Scored):
    id: str
    title: str
    weight: float
    share: float | None
    answered: int
    applicable: int
    indicators: list[IndicatorResult]


class EvidenceItem(ResultModel):
    title: str
    url: str | None = None


class AnswerResult(ResultModel):
    """One question with the answer given, in questionnaire order."""

    question: str
    section: str
    section_title: str = ""
    indicator: str
    text: str
    type: str
    state: AnswerState
    answer: str | float | list[str] | None = Field(description="the raw answer value")
    display: str = Field(description="the answer as a reviewer reads it (option labels)")
    score: float | None
    weight: float
    evidence: list[EvidenceItem] = Field(default_factory=list)
    evidence_required: bool = False
    note: str | None = None


class CriticalGap(ResultModel):
    rule: str
    message: str


class FiredRule(ResultModel):
    id: str
    description: str
    cap_target: str | None = None
    cap_max: float | None = None
    flag: str | None = None


class RecommendationQuestion(ResultModel):
    id: str
    text: str
    answer: str | float | list[str] | None
    display: str
    score: float | None


class Recommendation(ResultModel):
    kind: Literal["indicator", "critical_gap"]
    indicator: str | None = None
    rule: str | None = None
    title: str
    pillar: str | None = None
    points_at_stake: float | None = Field(
        None,
        description="how much the overall score rises, re-scored with every cap in force, if this "
        "indicator reached its reference (a critical gap: if its rule did not apply)",
    )
    nominal_points: float | None = Field(
        None, description="(reference - score) × share: the rise if no cap existed"
    )
    blocked_by: list[str] = Field(
        default_factory=list,
        description="rules whose caps keep points_at_stake below nominal_points",
    )
    text: str
    questions: list[RecommendationQuestion] = Field(default_factory=list)
    id: str = Field(
        default="",
        description="the reviewers' id, else the indicator's or the rule's: what a follow-up names",
    )
    source: Literal["framework", "reviewers"] = "framework"
    indicators: list[str] = Field(default_factory=list, description="every indicator it serves")
    lead: str | None = None
    partners: list[str] = Field(default_factory=list)
    horizon: Horizon | None = None
    priority: int | None = None


class FollowUpResult(ResultModel):
    """One recommendation of the previous review and what became of it (DESIGN §10)."""

    recommendation: str
    text: str | None = Field(description="the previous review's text; None when it is not known")
    status: FollowUpStatus | Literal["not_followed_up"]
    note: str | None = None


class Contribution(ResultModel):
    """The points one scored question adds to the overall score, before any cap (§6a)."""

    question: str
    indicator: str
    pillar: str
    points: float = Field(
        description="question score × its share of the indicator × the indicator's of the "
        "pillar × the pillar's of the overall"
    )


class CapEffect(ResultModel):
    """The points a cap takes off the overall score (≤ 0), measured at the stage it applies."""

    rule: str
    target: str = Field(description="an indicator id, a pillar id, or `overall`")
    points: float


class Location(ResultModel):
    """A located warning about the input, kept with the result so every output can show it."""

    file: str
    line: int
    column: int
    message: str
    sheet: str | None = None  # set when the input is a workbook: `line` is the row (Problem)

    @property
    def place(self) -> str:
        """Where, as the user finds it: `FILE:LINE:COL` or `FILE.xlsx:SHEET!CELL`."""
        return self.as_problem().place

    def as_problem(self) -> Problem:
        return Problem(self.file, self.line, self.column, self.message, "warning", self.sheet)


class InputFile(ResultModel):
    role: Literal[
        "response",
        "questionnaire",
        "framework",
        "benchmark",
        "previous review",
        "translation",
        "template",
        "profile",
        "logo",
    ]
    id: str
    version: str | None = None
    path: str
    sha256: str


class Assessment(ResultModel):
    ncr_version: str
    country: CountryRef
    year: int
    review: ReviewInfo
    framework: DocumentRef
    questionnaire: DocumentRef
    benchmark: BenchmarkRef
    levels: list[LevelInfo]
    overall: Scored
    pillars: list[PillarResult]
    critical_gaps: list[CriticalGap]
    recommendations: list[Recommendation]
    rules_fired: list[str]
    rules: list[FiredRule] = Field(description="the rules that fired, with what they did")
    missing: list[str]
    contributions: list[Contribution] = Field(
        default_factory=list,
        description="per scored question; with cap_effects they add up to the overall score",
    )
    cap_effects: list[CapEffect] = Field(default_factory=list)
    answers: list[AnswerResult]
    warnings: list[Location]
    inputs: list[InputFile]
    findings: Findings | None = Field(default=None, description="the reviewers' words, as given")
    follow_up: list[FollowUpResult] = Field(default_factory=list)

    def indicators(self) -> list[IndicatorResult]:
        return [ind for pillar in self.pillars for ind in pillar.indicators]

    # One order everywhere (terminal, every report): largest gap first, ties by indicator id.
    def strengths(self) -> list[IndicatorResult]:
        """Strengths, furthest above their reference first."""
        found = [i for i in self.indicators() if i.status == "strength"]
        return sorted(found, key=lambda i: (-(i.delta or 0.0), i.id))

    def weaknesses(self) -> list[IndicatorResult]:
        """Weaknesses, furthest below their reference first."""
        found = [i for i in self.indicators() if i.status == "weakness"]
        return sorted(found, key=lambda i: (i.delta or 0.0, i.id))
