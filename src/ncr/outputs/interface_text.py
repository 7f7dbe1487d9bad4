"""Interface text in the reader's language (DESIGN §12): headings, labels and statuses come from
the gettext catalogs in src/ncr/locale (`make catalogs` extracts, updates and compiles them).

One language is active in a process: the command line picks it (`--lang`, `NCR_LANG`) before any
output is made, and a batch worker picks it again. Reading a compiled catalog needs only the
standard library's gettext, so English (the source, no catalog) costs nothing at start-up.
"""

from __future__ import annotations

import gettext
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ncr.documents.languages import LANGUAGES, SOURCE_LANGUAGE, Language, is_language

DOMAIN = "ncr"
LOCALE_DIR = Path(__file__).resolve().parents[1] / "locale"


class _Active:
    """The language every output of this process is written in."""

    language: Language = SOURCE_LANGUAGE
    catalog: gettext.NullTranslations = gettext.NullTranslations()


def N_(message: str) -> str:
    """Marks a message for extraction where it is defined; it is translated where it is shown."""
    return message


def NP_(singular: str, plural: str) -> tuple[str, str]:
    """Marks a singular and plural pair for extraction, to be shown through `ngettext`."""
    return singular, plural


def activate(code: str) -> Language:
    """Make `code` the language of every output from now on; English needs no catalog."""
    if not is_language(code):
        raise ValueError(f"unknown language {code!r}; ncr writes {', '.join(LANGUAGES)}")
    language: Language = code  # type: ignore[assignment]  # checked just above
    _Active.language = language
    _Active.catalog = (
        gettext.NullTranslations()
        if language == SOURCE_LANGUAGE
        else gettext.translation(DOMAIN, LOCALE_DIR, languages=[language])
    )
    return language


@contextmanager
def speaking(code: str) -> Iterator[Language]:
    """Outputs made inside the block are in `code`; the language before is active again after."""
    before = _Active.language
    try:
        yield activate(code)
    finally:
        activate(before)


def active_language() -> Language:
    return _Active.language


def _(message: str) -> str:
    return _Active.catalog.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return _Active.catalog.ngettext(singular, plural, count)
