"""The one YAML writer: what `ncr init` and `ncr benchmark build` write reads back exactly."""

from __future__ import annotations

import pytest

from ncr.loader.yaml_reader import parse_yaml
from ncr.outputs.yaml_writer import dump

# Text that YAML 1.1 or 1.2 would read as something else if written plain.
TRICKY = [
    "yes",
    "no",
    "NO",  # Norway
    "on",
    "true",
    "null",
    "~",
    "",
    "1e5",
    "0o17",
    "-5",
    ".5",
    "+1",
    "2026-03-14",
    "a: b",
    "# not a comment",
    "- not a list",
    "'quoted'",
    '"double"',
    "Ελλάδα — Ünïcode",
    "two\nlines",
    "trailing newline\n",
    "  leading spaces",
    "tab\there",
]


@pytest.mark.parametrize("text", TRICKY)
def test_text_reads_back_as_the_same_text(text: str) -> None:
    data = {"answers": {"L1": {"answer": text, "note": text}}, text or "empty": [text]}
    assert parse_yaml(dump(data), "out.yaml").data == data


def test_numbers_lists_and_empty_answers_read_back_as_written() -> None:
    data = {"year": 2026, "overall": 45.9, "L3": ["preservation", "production"], "L4": None}
    assert parse_yaml(dump(data), "out.yaml").data == data


def test_the_layout_a_reviewer_edits() -> None:
    text = dump({"reviewers": ["A. Reviewer"], "L1": "yes", "T4": None, "note": "one\ntwo"})
    assert text == (
        "reviewers:\n"
        "  - A. Reviewer\n"  # list items indented under their key
        'L1: "yes"\n'  # double quotes, as in the questionnaires
        "T4:\n"  # empty: not answered yet
        "note: |-\n"
        "  one\n"
        "  two\n"
    )


def test_keys_keep_their_order() -> None:
    assert list(parse_yaml(dump({"z": 1, "a": 2, "m": 3}), "out.yaml").data) == ["z", "a", "m"]
