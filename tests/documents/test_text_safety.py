"""Characters refused in values and shown visibly in file names; values spelled as YAML spells them."""

from __future__ import annotations

import datetime as dt

import pytest

from ncr.documents.text_safety import quoted_number_hint, spelled, unsafe_char_problem, visible


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("\x1b[2J", "U+001B (ESC)"),
        ("a\x00b", "U+0000 (NUL)"),
        ("bell\x07", "U+0007 (BEL)"),
        ("c1 \x9b", "U+009B"),
        ("abc\u202eevil", "U+202E"),
        ("\u2066isolate\u2069", "U+2066"),
        ("line\rover", "U+000D (carriage return)"),
    ],
)
def test_control_and_bidi_characters_are_named(text: str, named: str) -> None:
    problem = unsafe_char_problem(text)
    assert problem is not None
    assert named in problem


@pytest.mark.parametrize(
    "text", ["plain", "tab\tand\nnewline", "Aurélia", "مرحبا", "left\u200fmark"]
)
def test_ordinary_text_passes(text: str) -> None:
    # tab, newline, accents, Arabic and the right-to-left *mark* are text, not controls
    assert unsafe_char_problem(text) is None


def test_visible_shows_every_unsafe_character_as_its_code() -> None:
    assert visible("rtl\u202eyaml\x1b.yaml") == "rtl⟨U+202E⟩yaml⟨U+001B⟩.yaml"


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (True, "true"),
        (False, "false"),
        (None, "an empty value"),
        (12, "12"),
        (0.5, "0.5"),
        (dt.date(2026, 3, 14), "2026-03-14"),
        ("it's", "'it''s'"),
        ("x" * 50, "'" + "x" * 37 + "...'"),
        ({"a": 1}, "a mapping"),
    ],
)
def test_values_are_spelled_as_yaml_writes_them(value: object, shown: str) -> None:
    assert spelled(value) == shown


def test_the_remove_the_quotes_hint_is_for_text_that_reads_as_a_number() -> None:
    assert "remove the quotes" in quoted_number_hint("12")
    assert "remove the quotes" in quoted_number_hint("2026")
    assert "remove the quotes" in quoted_number_hint("0.5")
    assert quoted_number_hint("twelve") == ""
    assert quoted_number_hint(12) == ""
