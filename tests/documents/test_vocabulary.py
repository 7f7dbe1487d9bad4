"""Words with one meaning everywhere; the marking a report of several documents carries."""

from __future__ import annotations

import pytest

from ncr.documents.vocabulary import most_restrictive


@pytest.mark.parametrize(
    ("markings", "printed"),
    [
        (["OFFICIAL", "RESTRICTED"], "RESTRICTED"),
        (["restricted", "Official"], "restricted"),  # as written, ranked whatever the case
        (["SECRET", None, "CONFIDENTIAL"], "SECRET"),
        (["OFFICIAL SENSITIVE", "OFFICIAL"], "OFFICIAL SENSITIVE"),
        (["RESTRICTED", "EYES ONLY"], "EYES ONLY"),  # unknown: kept to the stricter handling
        ([None, None], None),
        ([], None),
    ],
)
def test_the_most_restrictive_marking_is_printed_never_two(
    markings: list[str | None], printed: str | None
) -> None:
    assert most_restrictive(markings) == printed
