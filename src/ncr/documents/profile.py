"""The report profile (DESIGN §13): who issues the report, with their logo, disclaimer,
distribution list and contact, shown on the cover and front matter of every format."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from ncr.documents.common import Document, LongText, ShortText

# A logo is a small picture on a cover page, never a payload: capped before it is decoded.
MAX_LOGO_BYTES = 512 * 1024
MAX_LOGO_PIXELS = 4096 * 4096
LogoPath = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True, min_length=1, max_length=300, pattern=r"(?i)\.(png|svg)$"
    ),
]


class Profile(Document):
    """`--profile FILE`: the issuing body's own front matter."""

    issuing_body: ShortText = Field(description="Who issues the report, as on its cover.")
    logo: LogoPath | None = Field(
        default=None,
        description=(
            "A PNG or SVG file, relative to the profile's folder, at most 512 KiB; an SVG may not "
            "reference external files or scripts."
        ),
    )
    disclaimer: LongText | None = Field(default=None, description="Shown in the front matter.")
    distribution: list[ShortText] = Field(
        default_factory=list, max_length=100, description="Who receives this report."
    )
    contact: ShortText | None = Field(default=None, description="Whom to ask about the report.")


LogoType = Literal["image/png", "image/svg+xml"]


@dataclass(frozen=True)
class Logo:
    """A logo file already read and checked: reports embed these bytes, never read it again."""

    media_type: LogoType
    data: bytes
    name: str  # as given in the profile, for provenance
    sha256: str


@dataclass(frozen=True)
class ReportProfile:
    profile: Profile
    name: str  # the profile file, as reports name it
    sha256: str
    logo: Logo | None = None
