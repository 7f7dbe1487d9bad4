"""Numbers and dates as each language writes them (DESIGN §12), with the same rounding."""

from __future__ import annotations

import datetime as dt

import pytest

from ncr.outputs.interface_text import speaking
from ncr.outputs.locale_format import count, long_date, number, percent, signed, weight

MARCH_1 = dt.date(2026, 3, 1)


def test_english_keeps_ncr_s_own_forms() -> None:
    assert (number(57.45), signed(-15.5), signed(3.25), percent(0.995), weight(1.5)) == (
        "57.5",  # 57.45 is stored a little above, so it rounds up, in every language
        "-15.5",
        "+3.2",
        "99%",
        "1.5",
    )
    assert long_date(MARCH_1) == "1 March 2026"
    assert number(None) == percent(None) == "—"


@pytest.mark.parametrize(
    ("lang", "decimal", "minus", "percentage", "date"),
    [
        ("fr", "57,5", "-15,5", "99\u00a0%", "1 mars 2026"),
        ("es", "57,5", "-15,5", "99\u00a0%", "1 de marzo de 2026"),
        ("ar", "57.5", "\u200e-15.5", "99%", "1 مارس 2026"),
    ],
)
def test_each_language_takes_its_symbols_from_babel(
    lang: str, decimal: str, minus: str, percentage: str, date: str
) -> None:
    with speaking(lang):
        assert number(57.45) == decimal
        assert signed(-15.5) == minus
        assert percent(0.995) == percentage  # rounded down: 199 of 200 is never 100 %
        assert long_date(MARCH_1) == date


def test_a_weight_keeps_its_shortest_form() -> None:
    with speaking("fr"):
        assert (weight(2.0), weight(0.25)) == ("2", "0,25")


@pytest.mark.parametrize(
    ("lang", "grouped"),
    [("en", "1,200"), ("fr", "1\u202f200"), ("es", "1.200"), ("ar", "1,200")],
)
def test_a_count_of_warnings_is_grouped_as_the_language_groups_digits(
    lang: str, grouped: str
) -> None:
    with speaking(lang):
        assert count(1200) == grouped
