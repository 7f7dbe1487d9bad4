"""Numbers and dates as the active language writes them (DESIGN §12), on screen and in reports.

English keeps ncr's own forms (57.5, +3.2, 57%, 1 March 2026). Other languages take their symbols
from Babel's CLDR data (57,5 and 57 % in French; dates as "1 mars 2026"), with the same rounding as
English, so a score never reads differently from one language to another. Babel is imported only
when a language other than English is active.
"""

from __future__ import annotations

import datetime as dt
import math

from ncr.documents.languages import SOURCE_LANGUAGE
from ncr.outputs.interface_text import active_language

# Spelled out rather than taken from strftime, whose month names follow the process locale.
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def _localized(text: str) -> str:
    """A number written the English way ("-3.5", "+2") in the active language's symbols."""
    lang = active_language()
    if lang == SOURCE_LANGUAGE:
        return text
    from babel import numbers

    symbols = {
        ".": numbers.get_decimal_symbol(lang),
        "+": numbers.get_plus_sign_symbol(lang),
        "-": numbers.get_minus_sign_symbol(lang),
    }
    return "".join(symbols.get(char, char) for char in text)


def number(value: float | None, signed: bool = False) -> str:
    """A score as reviewers read it: one decimal, an em dash when there is none."""
    if value is None:
        return "—"
    return _localized(f"{value:+.1f}" if signed else f"{value:.1f}")


def signed(value: float | None) -> str:
    return number(value, signed=True)


def weight(value: float) -> str:
    return _localized(f"{value:g}")


def percent(value: float | None) -> str:
    """Rounded down, so that 199 answers out of 200 never read as 100%."""
    if value is None:
        return "—"
    whole = math.floor(value * 100 + 1e-9)
    lang = active_language()
    if lang == SOURCE_LANGUAGE:
        return f"{whole}%"
    from babel.numbers import format_percent

    return str(format_percent(whole / 100, locale=lang))


def count(value: int) -> str:
    """A count of things in the active language's digit grouping (1,200; 1 200 in French)."""
    lang = active_language()
    if lang == SOURCE_LANGUAGE:
        return f"{value:,}"
    from babel.numbers import format_decimal

    return str(format_decimal(value, locale=lang))


def long_date(value: dt.date) -> str:
    lang = active_language()
    if lang == SOURCE_LANGUAGE:
        return f"{value.day} {MONTHS[value.month - 1]} {value.year}"
    from babel.dates import format_date

    return str(format_date(value, format="long", locale=lang))
