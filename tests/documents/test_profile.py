"""The report profile's model: what a profile may say, and its JSON Schema."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from ncr.documents.profile import Profile
from ncr.outputs.json_schemas import schema_text


def test_only_the_issuing_body_is_required() -> None:
    profile = Profile.model_validate({"issuing_body": "  Review Unit "})
    assert profile.issuing_body == "Review Unit"
    assert (profile.logo, profile.disclaimer, profile.distribution, profile.contact) == (
        None,
        None,
        [],
        None,
    )


@pytest.mark.parametrize("logo", ["logo.gif", "logo.png.exe", "logo", ""])
def test_a_logo_is_named_as_a_png_or_svg_file(logo: str) -> None:
    with pytest.raises(ValidationError):
        Profile.model_validate({"issuing_body": "Unit", "logo": logo})


def test_the_schema_describes_every_key() -> None:
    schema = json.loads(schema_text("profile"))
    assert schema["title"] == "ncr profile"
    assert set(schema["properties"]) == {
        "issuing_body", "logo", "disclaimer", "distribution", "contact",
    }  # fmt: skip
    assert schema["required"] == ["issuing_body"]
    assert schema["additionalProperties"] is False
