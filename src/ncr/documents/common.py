"""Building blocks shared by every document model."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"

# Length caps keep a hostile or broken file from producing a thousand-page report (PITFALLS: WeasyPrint
# has no limits of its own).
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, min_length=1, max_length=64)]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
LongText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=5000)]
# Numbers are strict: `year: "2026"` is refused like `"12"` for a number answer (one quoting rule
# for every number field, with a "remove the quotes" hint), and `true` is never 1.
Score = Annotated[float, Field(ge=0, le=100, strict=True)]
Weight = Annotated[float, Field(gt=0, le=1000, strict=True)]


def _scalar_to_text(value: Any) -> Any:
    """Accept `5` where a value string is meant, but not `true`: a bare boolean is almost always
    an unquoted yes/no that YAML 1.1 tools would have turned into a bool."""
    if isinstance(value, bool):
        hint = "yes" if value else "no"
        # pydantic locates only ValueError, so not TypeError here
        raise ValueError(f'write the value in quotes, e.g. "{hint}"')  # noqa: TRY004
    if isinstance(value, int | float):
        return str(value)
    return value


ValueText = Annotated[
    str,
    BeforeValidator(_scalar_to_text),
    StringConstraints(strip_whitespace=True, min_length=1, max_length=100),
]


class Document(BaseModel):
    """Every document and sub-document: unknown keys are errors, values never change after load."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
