"""Words with a fixed meaning in every document: the special answers and the overall target."""

from __future__ import annotations

from collections.abc import Iterable

NA = "n/a"
UNKNOWN = "unknown"
MISSING = "missing"
SPECIAL_ANSWERS = (NA, UNKNOWN)
# a cap's `target` and a benchmark key that mean the overall score, not a pillar or indicator
OVERALL = "overall"

# Protective markings from least to most restrictive, as governments commonly rank them. A report
# that carries several documents prints the most restrictive one, never "A / B" (DESIGN §9).
MARKINGS = (
    "UNCLASSIFIED",
    "PUBLIC",
    "OFFICIAL",
    "OFFICIAL-SENSITIVE",
    "OFFICIAL SENSITIVE",
    "RESTRICTED",
    "CONFIDENTIAL",
    "SECRET",
    "TOP SECRET",
)


def most_restrictive(markings: Iterable[str | None]) -> str | None:
    """The marking to print for several documents. One this list does not know ranks above every
    known one: a reader who cannot tell must keep to the stricter handling."""
    given = [m for m in markings if m]
    if not given:
        return None

    def rank(marking: str) -> tuple[int, str]:
        key = " ".join(marking.upper().replace("_", " ").split())
        return (MARKINGS.index(key) if key in MARKINGS else len(MARKINGS), marking)

    return max(given, key=rank)
