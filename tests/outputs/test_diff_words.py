"""The diff of two reviews in words, in English as the engine says it and in French."""

from __future__ import annotations

import pytest

from conftest import EXAMPLES
from ncr.cli.diff import DiffOptions, diff_files
from ncr.engine.review_diff import DiffResult
from ncr.outputs import diff_words
from ncr.outputs.interface_text import speaking


@pytest.fixture(scope="module")
def borealis() -> DiffResult:
    return diff_files(DiffOptions(EXAMPLES / "xb-2023.yaml", EXAMPLES / "xb-2026.yaml"))


def test_the_english_lines_are_the_engine_s(borealis: DiffResult) -> None:
    assert diff_words.headline(borealis) == borealis.headline
    assert diff_words.labels(borealis) == borealis.labels()


def test_the_french_headline_has_decimal_commas(borealis: DiffResult) -> None:
    """Borealis 2023 → 2026: 33.9 → 57.5, +23.6 as assessed and +35.1 like for like."""
    with speaking("fr"):
        line = diff_words.headline(borealis)
    assert line.startswith(
        "Score global 33,9 → 57,5 (+23,6 tel qu’évalué, +35,1 à périmètre constant)"
    )
    assert "90 questions communes, 116 nouvelles, 2 supprimées" in line


def test_the_counts_agree_in_number(borealis: DiffResult) -> None:
    with speaking("es"):
        counts = diff_words.change_counts(borealis)
    assert counts.startswith("35 indicadores mejoraron, 1 retrocedieron")
    assert counts.endswith("70 respuestas modificadas.")
