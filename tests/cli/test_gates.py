"""The gates of `ncr assess`: --strict and --fail-under, each reason a line a reviewer reads."""

from __future__ import annotations

from assessing import MINI_A, assess_file
from ncr.cli.gates import AssessOptions, gate_problems
from ncr.outputs.interface_text import speaking
from ncr.problems import Problem


def test_a_score_under_the_bar_is_a_reason_with_both_numbers() -> None:
    """mini-a scores 82.73 overall (tests/engine/test_scoring.py): under 90, over 80."""
    result = assess_file(MINI_A)
    assert gate_problems(result, [], 80) == []
    assert gate_problems(result, [], 90) == ["overall score 82.7 is under 90 (--fail-under)"]


def test_missing_answers_under_strict_are_counted() -> None:
    missing = [Problem("x.yaml", 3, 1, "no answer to L4"), Problem("x.yaml", 4, 1, "no answer")]
    assert gate_problems(assess_file(MINI_A), missing, None) == ["2 missing answer(s) (--strict)"]


def test_the_score_in_a_reason_follows_the_language() -> None:
    with speaking("fr"):
        reasons = gate_problems(assess_file(MINI_A), [], 90)
    assert reasons == ["score global de 82,7 inférieur à 90 (--fail-under)"]


def test_options_default_to_english_and_no_gates() -> None:
    opts = AssessOptions([MINI_A])
    assert (opts.lang, opts.fail_under, opts.strict) == ("en", None, False)
