"""What every document accepts: ids, short texts, values, and no unknown keys."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from located import load, problems
from ncr.documents import Country, Indicator, Option
from ncr.documents.common import ID_PATTERN

OPTION = "value: full\nlabel: Fully\nscore: 100\n"


def test_an_unknown_key_is_refused_with_a_suggestion() -> None:
    assert problems(Option, "value: full\nlabel: Fully\nscroe: 100\n") == [
        "doc.yaml:1:1: missing required key 'score'",
        "doc.yaml:3:1: unknown key 'scroe': did you mean 'score'?",
    ]


def test_a_loaded_document_cannot_be_changed() -> None:
    option = load(Option, OPTION)
    with pytest.raises(ValidationError):
        option.score = 0  # type: ignore[misc]


@pytest.mark.parametrize(
    ("ident", "message"),
    [
        ("bad id!", f"must match pattern '{ID_PATTERN}'"),
        ("-leading-dash", f"must match pattern '{ID_PATTERN}'"),
        ("x" * 65, "must have at most 64 characters"),
        ("", "must have at least 1 character"),
    ],
)
def test_ids_are_letters_digits_dots_dashes_underscores_up_to_64(ident: str, message: str) -> None:
    # the id's value starts at column 5 of `id: "…"`
    assert problems(Indicator, f'id: "{ident}"\ntitle: T\n') == [f"doc.yaml:1:5: {message}"]


def test_an_id_of_64_characters_is_fine() -> None:
    assert problems(Indicator, f"id: {'x' * 64}\ntitle: T\n") == []


def test_a_good_id_and_short_text_are_kept_with_the_spaces_trimmed() -> None:
    country = load(Country, 'code: XA\nname: "  Aurelia  "\n')
    assert country.name == "Aurelia"


def test_a_short_text_of_only_spaces_is_empty() -> None:
    assert problems(Country, 'code: XA\nname: "   "\n') == [
        "doc.yaml:2:7: must have at least 1 character"
    ]


def test_a_bare_yes_as_a_value_asks_for_quotes_and_a_number_becomes_text() -> None:
    # YAML 1.2 reads `true` as a boolean; `yes` is text in ncr's reader, so only true/false get here.
    assert problems(Option, "value: true\nlabel: Yes\nscore: 100\n") == [
        'doc.yaml:1:8: write the value in quotes, e.g. "yes"'
    ]
    assert load(Option, "value: 5\nlabel: Five\nscore: 100\n").value == "5"
