"""The reviewers' prose keeps paragraphs and "- " bullets, nothing else."""

from __future__ import annotations

from ncr.outputs.reports.prose import Block, blocks


def test_paragraphs_and_bullets_as_typed() -> None:
    text = "First line\ncontinues.\n\n- one\n  wraps\n- two\n\nLast *not bold* <b>."
    assert blocks(text) == [
        Block("p", "First line continues."),
        Block("ul", items=["one wraps", "two"]),
        Block("p", "Last *not bold* <b>."),  # markup stays text: the templates escape it
    ]


def test_nothing_gives_no_block() -> None:
    assert blocks(None) == [] and blocks("  \n\n") == []
