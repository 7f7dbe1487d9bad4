"""How numbers, counts, statuses and points at stake read, on screen and in every report."""

from __future__ import annotations

from typing import get_args

import pytest

from assessing import assess_stakes
from ncr.documents.response import FollowUpStatus, Horizon
from ncr.engine.result import FiredRule, Recommendation
from ncr.outputs.display import (
    FOLLOW_UP_LABELS,
    HORIZON_LABELS,
    number,
    percent,
    plural,
    rule_words,
    signed,
    stake_note,
)


def test_numbers_have_one_decimal_and_coverage_rounds_down() -> None:
    assert (number(None), number(59.94), number(2.0, signed=True)) == ("—", "59.9", "+2.0")
    assert percent(199 / 200) == "99%"


def test_a_rule_reads_as_its_description_never_its_id_alone() -> None:
    rules = [
        FiredRule(id="r1", description="Without a lab, evidence is weak."),
        FiredRule(id="r2", description="", flag="No lab."),
    ]
    assert rule_words("r1", rules) == "“Without a lab, evidence is weak”"
    assert rule_words("r2", rules) == "“No lab”"


def by_key(name: str) -> dict[str, tuple[Recommendation, list[FiredRule]]]:
    result = assess_stakes(name)
    return {r.indicator or r.rule or "": (r, result.rules) for r in result.recommendations}


def test_a_blocked_gain_says_which_rule_holds_it_and_by_how_much() -> None:
    # lift.yaml: tech.c at 80 gains nothing while law.a keeps the overall score capped at 30
    rec, rules = by_key("lift")["tech.c"]
    assert stake_note(rec, rules) == (
        "While “Without the core offences the overall score is at most 30” holds, this raises "
        "the overall score by 0.0 points, not 15.0."
    )


def test_two_holding_rules_are_both_named() -> None:
    rec, rules = by_key("capped")["tech.c"]
    note = stake_note(rec, rules)
    assert note is not None and note.startswith(
        "While “Without a plan the technical pillar is at most 40” and “Without the core offences"
    )
    assert " hold, " in note


def test_a_gain_that_lifts_a_cap_says_so_and_a_plain_one_says_nothing() -> None:
    rec, rules = by_key("lift")["law.a"]  # 35 points where 12.5 is its share
    assert stake_note(rec, rules) == (
        "Worth more than its share of the score (12.5 points): reaching the reference also lifts "
        "a cap on the score."
    )
    gap, rules = by_key("lift")["lift"]  # a critical gap has no nominal share
    assert stake_note(gap, rules) is None


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


def test_every_horizon_and_follow_up_status_has_words() -> None:
    assert set(HORIZON_LABELS) == {*get_args(Horizon), "none"}
    assert HORIZON_LABELS["short"] == "Short term (0–12 months)"
    assert set(FOLLOW_UP_LABELS) == {*get_args(FollowUpStatus), "not_followed_up"}
