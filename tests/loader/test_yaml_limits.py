"""The limits checked on the parser's events, before any node tree is built."""

from __future__ import annotations

import time

import pytest
import yaml

from ncr.loader.yaml_limits import ALIAS_MESSAGE, MAX_NODES, MAX_TEXT, first_breach
from ncr.loader.yaml_reader import parse_yaml
from ncr.problems import InputError


def breach_of(text: str, **limits: int) -> tuple[int, int, str] | None:
    loader = yaml.CSafeLoader(text) if yaml.__with_libyaml__ else yaml.SafeLoader(text)
    try:
        found = first_breach(loader, **limits)
    finally:
        loader.dispose()
    return None if found is None else (found.line + 1, found.column + 1, found.message)


def test_a_small_file_is_within_every_limit() -> None:
    assert breach_of("a: 1\nb: [x, y]\n") is None


def test_an_anchor_without_an_alias_is_refused_as_the_readme_says() -> None:
    assert breach_of("a: &keep 1\nb: 2\n") == (1, 4, ALIAS_MESSAGE)


def test_text_over_the_cap_is_refused_at_the_value_that_crosses_it() -> None:
    # 3 keys of 1 character and values of 4: the second value brings the total to 10 > 9
    assert breach_of("a: xxxx\nb: xxxx\nc: xxxx\n", max_text=9) == (
        2,
        4,
        "the file holds more than 9 characters of text (see README, Limits)",
    )


def test_a_huge_flow_list_is_refused_in_well_under_a_second() -> None:
    # Issue 13: a 5 MiB flow list was refused only after 11-15 s and ~1 GB while composing.
    text = "a: [" + "0," * 2_500_000 + "0]\n"
    start = time.perf_counter()
    with pytest.raises(InputError) as caught:
        parse_yaml(text, "big.yaml")
    elapsed = time.perf_counter() - start
    assert f"more than {MAX_NODES:,} keys and values" in str(caught.value)
    assert elapsed < 3  # measured 0.5 s here; generous for a loaded CI machine


def test_the_caps_are_documented_in_the_readme() -> None:
    from conftest import REPO
    from ncr.documents import Framework, Questionnaire, Response
    from ncr.documents.framework import MAX_INDICATORS
    from ncr.documents.questionnaire import MAX_QUESTIONS
    from ncr.documents.response import MAX_EVIDENCE

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    limits = readme.split("### Limits", 1)[1]
    row = next(line for line in limits.splitlines() if line.startswith("| characters of text"))
    assert f"response {Response.TEXT_CAP:,}" in row
    assert f"questionnaire {Questionnaire.TEXT_CAP:,}" in row
    assert f"framework {Framework.TEXT_CAP:,}" in row
    assert f"any other file {MAX_TEXT:,}" in row
    for cap in (MAX_QUESTIONS, MAX_INDICATORS, MAX_EVIDENCE, MAX_NODES):
        assert f"| {cap:,} |" in limits


def test_the_costliest_file_within_the_node_cap_reads_in_seconds() -> None:
    # Empty values carry no text, so only the node cap bounds them: 2 s here under a load of 10.
    text = "sections:\n- [" + "''," * (MAX_NODES - 10) + "'']\n"
    start = time.perf_counter()
    doc = parse_yaml(text, "n.yaml")
    assert len(doc.data["sections"][0]) == MAX_NODES - 9
    assert time.perf_counter() - start < 10
