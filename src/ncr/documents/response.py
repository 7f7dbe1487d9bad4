"""Response: one country's answers in one review (DESIGN §3.3)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, ClassVar, Literal

from pydantic import Field, StringConstraints, field_validator

from ncr.documents.common import Document, Id, LongText, ShortText
from ncr.documents.questionnaire import MAX_QUESTIONS

CountryCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]
# What an answer may hold before it is checked against its question's type.
AnswerValue = bool | int | float | Annotated[str, StringConstraints(max_length=5000)] | list[str]
MAX_EVIDENCE = 10  # items per answer (README "Limits"); each is a line of the report


class Country(Document):
    code: CountryCode = Field(
        description="ISO 3166-1 alpha-2 code, or a user-assigned one (XA-XZ…)"
    )
    name: ShortText


class Review(Document):
    date: dt.date
    status: Literal["draft", "final"] = "draft"
    reviewers: list[ShortText] = Field(default_factory=list, max_length=50)
    classification: ShortText | None = None
    previous: ShortText | None = Field(
        default=None,
        description="the earlier review of this country: a response file, relative to this file",
    )


class EvidenceLink(Document):
    title: ShortText
    url: Annotated[str, StringConstraints(max_length=2000)] | None = None


Evidence = ShortText | EvidenceLink


class Answer(Document):
    answer: AnswerValue | None = None
    evidence: list[Evidence] = Field(default_factory=list, max_length=MAX_EVIDENCE)
    note: LongText | None = None


Horizon = Literal["short", "medium", "long"]
FollowUpStatus = Literal["implemented", "partly", "not_started", "no_longer_relevant"]
# Findings are prose: paragraphs and "- " bullets, never markup (DESIGN §9), capped like every text.
Prose = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=10000)]

KeyMessage = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=400)]


class ReviewersRecommendation(Document):
    """A country-specific action of the review team, stable by id across cycles (DESIGN §10)."""

    id: Id
    text: LongText = Field(min_length=1)
    indicators: list[Id] = Field(min_length=1, max_length=20)
    lead: ShortText | None = None
    partners: list[ShortText] = Field(default_factory=list, max_length=20)
    horizon: Horizon | None = None
    priority: int | None = Field(default=None, ge=1, le=1000)


class Findings(Document):
    """The review team's own words: key messages, how the review was done, findings per pillar."""

    # 3-6 messages on the one-page executive summary: each kept short enough for the page to hold
    summary: list[KeyMessage] = Field(default_factory=list, max_length=6)
    context: Prose | None = None
    pillars: dict[Id, Prose] = Field(default_factory=dict, max_length=50)
    recommendations: list[ReviewersRecommendation] = Field(default_factory=list, max_length=100)


class FollowUp(Document):
    status: FollowUpStatus
    note: LongText | None = None


class Response(Document):
    country: Country
    year: int = Field(ge=1980, le=2200, strict=True)
    questionnaire: ShortText = Field(
        description="a questionnaire id, or a path relative to this file"
    )
    review: Review
    answers: dict[Id, Answer] = Field(default_factory=dict, max_length=MAX_QUESTIONS)
    findings: Findings | None = None
    follow_up: dict[Id, FollowUp] = Field(
        default_factory=dict, description="the previous review's recommendations, by id"
    )

    # Valid placeholders for a faulty required part, so that the loader can still check the answers
    # of a file whose country or review is wrong. The file keeps its errors: never shown or scored.
    TEXT_CAP: ClassVar[int] = 60_000  # characters of text in the file (README "Limits")
    STAND_INS: ClassVar[dict[str, Any]] = {
        "country": {"code": "ZZ", "name": "(set aside)"},
        "year": 2000,
        "review": {"date": dt.date(2000, 1, 1)},
    }

    # The schema editors read must admit the short form and an empty (missing) answer too.
    @field_validator(
        "answers", mode="before", json_schema_input_type=dict[Id, Answer | AnswerValue | None]
    )
    @classmethod
    def _short_form(cls, value: Any) -> Any:
        """`L1.1: "yes"` is short for `L1.1: {answer: "yes"}`."""
        if not isinstance(value, dict):
            return value
        return {
            key: item if isinstance(item, dict) else {"answer": item} for key, item in value.items()
        }
