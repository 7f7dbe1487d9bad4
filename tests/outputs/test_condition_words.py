"""Conditions and rules in words, as `ncr show` and the `ncr init` comments print them."""

from __future__ import annotations

import pytest
from pydantic import TypeAdapter

from conftest import LIB
from ncr.documents import Condition
from ncr.loader.loading import Loader
from ncr.loader.search_path import Catalog
from ncr.outputs import condition_words as describe

MINI_RULES = {
    "no-offences-cap": "indicator law.offences < 20 → cap law at 39.9",
    "no-csirt": 'T1 is "no" → critical gap: No national CSIRT.',
    "weak-forensics": "indicator tech.forensics < 50 → cap tech.forensics at 30",
    "no-lab-no-csirt": 'T3 is "no" and not (T1 is "yes") → cap tech.forensics at 10',
    "no-powers": (
        'indicator law.procedure < 10 or L3 is one of "none" → cap overall at 50; '
        "critical gap: No procedural powers."
    ),
}


def test_every_rule_of_the_mini_framework_reads_as_a_sentence() -> None:
    loader = Loader(Catalog.create([LIB], env={}))
    fw = loader.framework(LIB / "frameworks" / "mini" / "framework.yaml").model
    assert {rule.id: describe.rule(rule) for rule in fw.rules} == MINI_RULES


@pytest.mark.parametrize(
    ("condition", "words"),
    [
        ({"indicator": "a.b", "at_least": 60}, "indicator a.b ≥ 60"),
        ({"question": "Q1", "is": True}, 'Q1 is "yes"'),
        ({"question": "Q1", "is": 5}, "Q1 is 5"),
        ({"question": "Q1", "is": "N/A"}, "Q1 is n/a"),
        ({"question": "Q1", "is": "missing"}, "Q1 is missing"),
        ({"question": "Q1", "is": 'say "hi"'}, 'Q1 is "say \\"hi\\""'),
        ({"question": "Q1", "in": ["a", 2.5]}, 'Q1 is one of "a", 2.5'),
        (
            {"any": [{"question": "Q1", "is": "a"}, {"all": [{"question": "Q2", "is": "b"}]}]},
            'Q1 is "a" or (Q2 is "b")',
        ),
        (
            {"not": {"any": [{"question": "Q1", "is": "a"}, {"question": "Q2", "is": "b"}]}},
            'not (Q1 is "a" or Q2 is "b")',
        ),
    ],
)
def test_conditions_read_as_words(condition: object, words: str) -> None:
    parsed = TypeAdapter(Condition).validate_python(condition)
    assert describe.condition(parsed) == words
