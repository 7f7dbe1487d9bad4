"""The languages ncr writes in (DESIGN §12): English is the source, the others are translations."""

from __future__ import annotations

from typing import Final, Literal

Language = Literal["en", "fr", "es", "ar"]
LANGUAGES: Final[tuple[Language, ...]] = ("en", "fr", "es", "ar")
SOURCE_LANGUAGE: Final[Language] = "en"
# written right to left: the report mirrors its layout and charts
RIGHT_TO_LEFT: Final[frozenset[str]] = frozenset({"ar"})


def is_language(code: str) -> bool:
    return code in LANGUAGES


def direction(code: str) -> Literal["ltr", "rtl"]:
    return "rtl" if code in RIGHT_TO_LEFT else "ltr"
