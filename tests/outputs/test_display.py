"""How numbers, counts and statuses read, on screen and in every report."""

from __future__ import annotations

import pytest

from ncr.outputs.display import number, percent, plural, signed


@pytest.mark.parametrize(
    ("count", "word", "shown"),
    [
        (1, "country", "1 country"),
        (2, "country", "2 countries"),
        (0, "error", "0 errors"),
        (1, "error", "1 error"),
        (8, "warning", "8 warnings"),
    ],
)
def test_plurals(count: int, word: str, shown: str) -> None:
    assert plural(count, word) == shown


def test_numbers_keep_one_decimal_and_a_dash_for_none() -> None:
    assert number(82.25) == "82.2"  # round half to even, as Python formats it
    assert number(None) == "—"
    assert signed(3.0) == "+3.0"
    assert percent(0.995) == "99%"  # 199 of 200 answers never read as 100%
