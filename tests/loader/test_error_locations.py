from __future__ import annotations

import datetime
from typing import Annotated, Literal

import pytest
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    field_validator,
)

from ncr.loader.error_locations import problems_from_validation_error, validate_model
from ncr.loader.yaml_reader import parse_yaml
from ncr.problems import InputError


class Evidence(BaseModel):
    model_config = ConfigDict(extra="forbid")

    source: str
    pages: int = 0


class Answer(BaseModel):
    model_config = ConfigDict(extra="forbid")

    status: Literal["yes", "no", "partial"]
    score: int | Literal["n/a"] = "n/a"
    evidence: list[Evidence] = []


class Person(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str


class Team(BaseModel):
    model_config = ConfigDict(extra="forbid")

    team: str
    members: int


class Review(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: str
    country: str
    date: datetime.date
    answers: dict[Annotated[str, StringConstraints(pattern=r"^L\d+\.\d+$")], Answer] = {}
    summary: str | list[str] = ""
    reviewer: Person | Team | None = None
    tags: list[str] = Field(default=[], max_length=2)

    @field_validator("title")
    @classmethod
    def title_not_blank(cls, title: str) -> str:
        if not title.strip():
            raise ValueError("the title must not be blank")
        return title


HEADER = "title: Review of Norway\ncountry: NO\ndate: 2026-03-14\n"


def problems(text: str, model: type[BaseModel] | None = Review) -> list[str]:
    """Validate `text` as a Review and return the located messages, as the user sees them."""
    doc = parse_yaml(text, "review.yaml")
    with pytest.raises(ValidationError) as caught:
        Review.model_validate(doc.data)
    return [str(p) for p in problems_from_validation_error(caught.value, doc, model)]


def test_a_valid_file_gives_the_model() -> None:
    text = HEADER + "answers:\n  L1.1:\n    status: partial\n    score: 2\n"
    review = validate_model(Review, parse_yaml(text, "review.yaml"))
    assert review.country == "NO"
    assert review.date == datetime.date(2026, 3, 14)
    assert review.answers["L1.1"] == Answer(status="partial", score=2)


def test_unknown_key_points_at_the_key_and_suggests_the_field() -> None:
    text = "titel: Review of Norway\ncountry: NO\ndate: 2026-03-14\n"
    assert problems(text) == [
        "review.yaml:1:1: missing required key 'title'",
        "review.yaml:1:1: unknown key 'titel': did you mean 'title'?",
    ]


def test_unknown_key_in_a_list_item_suggests_from_the_sub_model() -> None:
    text = HEADER + (
        "answers:\n"
        "  L1.1:\n"
        "    status: 'yes'\n"
        "    evidence:\n"
        "      - source: Act 12 of 2021\n"
        "        page: 4\n"
    )
    assert problems(text) == ["review.yaml:9:9: unknown key 'page': did you mean 'pages'?"]


def test_no_suggestion_without_the_model_or_a_close_name() -> None:
    text = HEADER + "titel: x\nflavour: 1\n"
    assert problems(text, model=None) == [
        "review.yaml:4:1: unknown key 'titel'",
        "review.yaml:5:1: unknown key 'flavour'",
    ]


def test_no_suggestion_of_a_key_that_is_already_there() -> None:
    assert problems(HEADER + "titel: x\n") == ["review.yaml:4:1: unknown key 'titel'"]


def test_missing_key_is_located_at_the_mapping_that_lacks_it() -> None:
    text = HEADER + "answers:\n  L1.1:\n    score: 3\n  L1.2:\n    status: 'no'\n"
    assert problems(text) == ["review.yaml:6:5: missing required key 'status'"]


def test_missing_key_in_a_list_item_is_located_at_the_item() -> None:
    text = HEADER + (
        "answers:\n"
        "  L1.1:\n"
        "    status: partial\n"
        "    evidence:\n"
        "      - source: Act 12\n"
        "      - pages: 3\n"
    )
    assert problems(text) == ["review.yaml:9:9: missing required key 'source'"]


def test_literal_error_lists_the_allowed_values() -> None:
    text = HEADER + "answers:\n  L1.1:\n    status: maybe\n"
    assert problems(text) == [
        "review.yaml:6:13: expected one of 'yes', 'no' or 'partial', got 'maybe'"
    ]


def test_plain_union_of_scalars_gives_one_combined_message() -> None:
    text = HEADER + "answers:\n  L1.1:\n    status: partial\n    score: high\n"
    assert problems(text) == ["review.yaml:7:12: expected a whole number or 'n/a', got 'high'"]


def test_plain_union_of_text_and_list_gives_one_combined_message() -> None:
    text = HEADER + "summary:\n  good: 1\n"
    assert problems(text) == ["review.yaml:5:3: expected text or a list, got a mapping"]


def test_union_of_models_reports_only_the_closest_member() -> None:
    text = HEADER + "reviewer:\n  team: CERT\n  member: 4\n"
    assert problems(text) == [
        "review.yaml:5:3: missing required key 'members'",
        "review.yaml:6:3: unknown key 'member': did you mean 'members'?",
    ]


def test_type_error_says_what_was_expected_and_what_was_found() -> None:
    text = HEADER + (
        "answers:\n"
        "  L1.1:\n"
        "    status: partial\n"
        "    evidence:\n"
        "      - source: Act 12\n"
        "        pages: four\n"
        "      - just a string\n"
    )
    assert problems(text) == [
        "review.yaml:9:16: expected a whole number, got 'four'",
        "review.yaml:10:9: expected a mapping (key: value lines), got 'just a string'",
    ]


def test_a_number_where_text_belongs_suggests_quotes() -> None:
    text = "title: 1.10\ncountry: NO\ndate: 2026-03-14\n"
    assert problems(text) == [
        "review.yaml:1:8: expected text, got 1.1 (put it in quotes to keep it as text)"
    ]


def test_an_empty_value_is_named_as_such() -> None:
    text = "title: Review\ncountry:\ndate: 2026-03-14\n"
    assert problems(text) == ["review.yaml:2:9: expected text, got an empty value"]


def test_a_bad_date_shows_the_expected_form() -> None:
    text = "title: Review\ncountry: NO\ndate: March 14\n"
    assert problems(text) == ["review.yaml:3:7: expected a date like 2026-03-14, got 'March 14'"]


def test_value_error_prefix_is_removed() -> None:
    text = "title: '  '\ncountry: NO\ndate: 2026-03-14\n"
    assert problems(text) == ["review.yaml:1:8: the title must not be blank"]


def test_a_bad_dict_key_points_at_the_key() -> None:
    text = HEADER + "answers:\n  L1.1:\n    status: 'yes'\n  Q7:\n    status: 'no'\n"
    assert problems(text) == [r"review.yaml:7:3: must match pattern '^L\d+\.\d+$'"]


def test_length_limits_read_as_plain_words() -> None:
    assert problems(HEADER + "tags: [a, b, c]\n") == [
        "review.yaml:4:7: must have at most 2 items, not 3"
    ]


def test_every_problem_is_reported_once_and_in_file_order() -> None:
    text = (
        "title: Review\n"
        "colour: blue\n"
        "date: someday\n"
        "answers:\n"
        "  L1.1:\n"
        "    status: unknown\n"
        "    score: lots\n"
    )
    assert problems(text) == [
        "review.yaml:1:1: missing required key 'country'",
        "review.yaml:2:1: unknown key 'colour': did you mean 'country'?",
        "review.yaml:3:7: expected a date like 2026-03-14, got 'someday'",
        "review.yaml:6:13: expected one of 'yes', 'no' or 'partial', got 'unknown'",
        "review.yaml:7:12: expected a whole number or 'n/a', got 'lots'",
    ]


class Cat(BaseModel):
    kind: Literal["cat"]
    lives: int = 9


class Dog(BaseModel):
    kind: Literal["dog"]


class Household(BaseModel):
    pets: list[Annotated[Cat | Dog, Field(discriminator="kind")]]


def test_discriminated_union_points_at_the_discriminator() -> None:
    doc = parse_yaml("pets:\n  - kind: cat\n  - kind: cow\n  - lives: 3\n", "pets.yaml")
    with pytest.raises(InputError) as caught:
        validate_model(Household, doc)
    assert [str(p) for p in caught.value.problems] == [
        "pets.yaml:3:11: expected one of 'cat', 'dog', got 'cow'",
        "pets.yaml:4:5: missing required key 'kind'",
    ]


def test_validate_model_raises_input_error_with_every_problem() -> None:
    doc = parse_yaml("title: Review\n", "review.yaml")
    with pytest.raises(InputError) as caught:
        validate_model(Review, doc)
    assert str(caught.value) == (
        "review.yaml:1:1: missing required key 'country'\n"
        "review.yaml:1:1: missing required key 'date'"
    )
