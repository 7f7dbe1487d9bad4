from __future__ import annotations

import datetime
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import FIXTURES as ALL_FIXTURES
from ncr.loader import yaml_limits
from ncr.loader import yaml_reader as yamlread
from ncr.loader.yaml_limits import MAX_NODES
from ncr.loader.yaml_reader import MAX_FILE_BYTES, YamlDoc, parse_yaml, read_yaml
from ncr.problems import InputError, Problem

FIXTURES = ALL_FIXTURES / "yaml"


@pytest.fixture(params=["libyaml", "pure-python"], autouse=True)
def loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Every test runs with libyaml and with the pure-Python fallback: both must agree."""
    if request.param == "pure-python":
        monkeypatch.setattr(yamlread, "_LOADER", yamlread._PureLoader)
    yield request.param


def read_fixture(name: str) -> YamlDoc:
    return read_yaml(FIXTURES / name, display_name=name)


def errors_of(name: str) -> list[str]:
    with pytest.raises(InputError) as caught:
        read_fixture(name)
    return [str(problem) for problem in caught.value.problems]


# --- good input -----------------------------------------------------------------------------


def test_yaml_1_2_scalars_keep_norway_and_yes_no_as_text() -> None:
    assert read_fixture("norway.yaml").data == {
        "country": "NO",
        "countries": ["NO", "SE", "DK", "FI", "IS"],
        "answers": {"L1.1": "yes", "L1.2": "no", "L1.3": "on", "L1.4": "off", "L1.5": "y"}
        | {"L1.6": "n"},
        "published": True,
        "draft": False,
        "meeting": "12:30",  # not sexagesimal 750
        "code": "010",  # not octal 8: a leading zero keeps the text
        "count": 10,
        "hex": 31,
        "ratio": 0.75,
        "big": 1000.0,
        "thousands": "1_000",
        "date": datetime.date(2026, 3, 14),
        "reviewer": None,
        "notes": None,
        "2024": "first round",  # keys are always text
    }


def test_keys_are_the_text_the_user_typed() -> None:
    doc = parse_yaml("2024: a\ntrue: b\n1.5: c\n~: d\n0x10: e\n", "k.yaml")
    assert doc.data == {"2024": "a", "true": "b", "1.5": "c", "~": "d", "0x10": "e"}


def test_explicit_str_tag_and_quotes_keep_text() -> None:
    doc = parse_yaml("a: !!str 010\nb: 'true'\nc: !!int 0o17\n", "t.yaml")
    assert doc.data == {"a": "010", "b": "true", "c": 15}


def test_byte_order_mark_is_accepted_and_not_counted_as_a_column() -> None:
    doc = parse_yaml(b"\xef\xbb\xbftitle: Review\n", "bom.yaml")
    assert doc.data == {"title": "Review"}
    assert doc.where(("title",)) == (1, 8)


def test_text_and_bytes_give_the_same_document() -> None:
    text = "title: Caf\u00e9\nanswers: {L1.1: yes}\n"
    assert parse_yaml(text, "a.yaml") == parse_yaml(text.encode(), "a.yaml")


POSITIONS_YAML = """\
title: Review of Norway
answers:
  L1.2:
    status: partial
    evidence:
      - Act 12 of 2021
      - url: https://example.org
"""


def test_positions_of_keys_values_and_list_items() -> None:
    doc = parse_yaml(POSITIONS_YAML, "p.yaml")
    assert doc.where(("title",)) == (1, 8)
    assert doc.where_key(("title",)) == (1, 1)
    assert doc.where(("answers", "L1.2")) == (4, 5)
    assert doc.where_key(("answers", "L1.2")) == (3, 3)
    assert doc.where(("answers", "L1.2", "evidence", 0)) == (6, 9)
    assert doc.where_key(("answers", "L1.2", "evidence", 1)) == (7, 9)
    assert doc.where(("answers", "L1.2", "evidence", 1, "url")) == (7, 14)


def test_missing_paths_fall_back_to_the_nearest_parent() -> None:
    doc = parse_yaml(POSITIONS_YAML, "p.yaml")
    assert doc.where(("answers", "L1.2", "weight")) == (4, 5)
    assert doc.where_key(("answers", "L9.9", "status")) == (2, 1)
    assert doc.where(("nowhere", 3)) == (1, 1)


def test_problem_points_at_the_value_or_at_the_key() -> None:
    doc = parse_yaml(POSITIONS_YAML, "p.yaml")
    assert str(doc.problem(("answers", "L1.2", "status"), "bad status")) == (
        "p.yaml:4:13: bad status"
    )
    warning = doc.problem(("answers", "L1.2"), "unknown item", "warning", at_key=True)
    assert warning == Problem("p.yaml", 3, 3, "unknown item", "warning")


# --- bad input: one located message each ------------------------------------------------------


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        ("billion-laughs.yaml", "2:7: anchors and aliases (&/*) are not allowed in ncr files"),
        ("alias.yaml", "1:11: anchors and aliases (&/*) are not allowed in ncr files"),
        ("tabs.yaml", "4:1: tab character in indentation: use spaces"),
        ("bad-utf8.yaml", "4:14: the file is not valid UTF-8 (byte 0xff): save it as UTF-8"),
        ("empty.yaml", "1:1: the file is empty"),
        ("top-level-list.yaml", "1:1: expected a mapping at the top level, found a list"),
        (
            "python-tag.yaml",
            (
                "2:7: tag '!!python/object/apply:os.system' is not allowed: "
                "ncr files hold plain data only"
            ),
        ),
        ("local-tag.yaml", "2:10: tag '!country' is not allowed: ncr files hold plain data only"),
        (
            "merge-key.yaml",
            "4:5: merge keys (<<) are not allowed in ncr files: write the keys out in full",
        ),
        ("two-documents.yaml", "2:1: a second YAML document starts here: use one per file"),
        ("unclosed-quote.yaml", "1:8: this quoted text is never closed"),
        ("bad-date.yaml", "2:7: '2026-02-30' is not a valid date"),
    ],
)
def test_bad_file_gives_one_located_message(fixture: str, expected: str) -> None:
    assert errors_of(fixture) == [f"{fixture}:{expected}"]


def test_duplicate_keys_report_both_lines_at_every_level() -> None:
    assert errors_of("duplicate-keys.yaml") == [
        "duplicate-keys.yaml:7:5: duplicate key 'status' (first defined at line 6)",
        "duplicate-keys.yaml:8:3: duplicate key 'L1.1' (first defined at line 3)",
    ]


def test_quoted_and_plain_spellings_of_a_key_are_duplicates() -> None:
    with pytest.raises(
        InputError, match=r"d.yaml:2:1: duplicate key '10' \(first defined at line 1\)"
    ):
        parse_yaml("10: a\n'10': b\n", "d.yaml")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: 1\nb: *x\n", "a.yaml:2:4: anchors and aliases (&/*) are not allowed in ncr files"),
        (
            "a: &x 1\nb: 2\n",  # an anchor alone is refused too, as the README says
            "a.yaml:1:4: anchors and aliases (&/*) are not allowed in ncr files",
        ),
        ("- a\n- b\n", "a.yaml:1:1: expected a mapping at the top level, found a list"),
        ("just text\n", "a.yaml:1:1: expected a mapping at the top level, found a single value"),
        ("---\n", "a.yaml:1:1: the file is empty"),
        ("", "a.yaml:1:1: the file is empty"),
        ("a:\n  - 1\n  -\tb\n", "a.yaml:3:4: tab character here: use spaces"),
        ("a: b\x07c\n", "a.yaml:1:5: character U+0007 is not allowed in a YAML file"),
        ("a: !!int abc\n", "a.yaml:1:4: 'abc' is not a valid whole number"),
        ("a: !!int 010\n", "a.yaml:1:4: '010' is not a valid whole number"),
        ("a: !!bool yes\n", "a.yaml:1:4: 'yes' is not a valid boolean (true or false)"),
        (
            "a: !!set {x}\n",
            "a.yaml:1:4: tag '!!set' is not allowed: ncr files hold plain data only",
        ),
        ("? [a, b]\n: 1\n", "a.yaml:1:3: a key must be a plain name, not a list or mapping"),
    ],
)
def test_bad_text_gives_one_located_message(text: str, expected: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_yaml(text, "a.yaml")
    assert [str(problem) for problem in caught.value.problems] == [expected]


def test_other_syntax_errors_keep_the_parser_message_with_its_position() -> None:
    with pytest.raises(InputError) as caught:
        parse_yaml("title: x\nanswers: [1, 2\nnext: 3\n", "s.yaml")
    (problem,) = caught.value.problems
    assert (problem.line, problem.column) == (3, 5)
    assert "(while parsing a flow sequence at line 2, column 10)" in problem.message


def test_several_problems_are_reported_together() -> None:
    text = "a: !foo x\nb: 1\nb: 2\nc:\n  <<: {d: 1}\n"
    with pytest.raises(InputError) as caught:
        parse_yaml(text, "m.yaml")
    assert [(p.line, p.column) for p in caught.value.problems] == [(1, 4), (3, 1), (5, 3)]


# --- limits -------------------------------------------------------------------------------------


def nested_lists(levels: int) -> str:
    return "a: " + "[" * levels + "]" * levels + "\n"


def nested_mappings(levels: int) -> str:
    return "".join("  " * level + f"k{level}:\n" for level in range(levels)) + "  " * levels + "x\n"


def test_nesting_up_to_the_limit_is_accepted() -> None:
    # The top-level mapping is level 1, so 63 lists inside it reach the limit of 64.
    value = parse_yaml(nested_lists(63), "deep.yaml").data["a"]
    levels = 0
    while isinstance(value, list):
        levels += 1
        value = value[0] if value else None
    assert levels == 63


def test_nesting_beyond_the_limit_points_at_the_first_level_too_many() -> None:
    with pytest.raises(InputError) as caught:
        parse_yaml(nested_lists(100), "deep.yaml")
    assert str(caught.value) == (
        "deep.yaml:1:67: lists and mappings are nested too deeply (more than 64 levels)"
    )


def test_deep_block_mappings_are_refused_at_the_line_of_level_65() -> None:
    with pytest.raises(InputError) as caught:
        parse_yaml(nested_mappings(100), "deep.yaml")
    assert str(caught.value) == (
        "deep.yaml:65:129: lists and mappings are nested too deeply (more than 64 levels)"
    )


def test_nesting_that_breaks_the_parsers_is_still_a_located_problem(loader: str) -> None:
    # libyaml gives up at 1000 levels; the pure-Python composer runs out of stack at about 500.
    levels = 1200 if loader == "libyaml" else 600
    with pytest.raises(InputError) as caught:
        parse_yaml(nested_lists(levels), "deep.yaml")
    (problem,) = caught.value.problems
    assert problem.message == "lists and mappings are nested too deeply (more than 64 levels)"
    assert (problem.line, problem.column) == ((1, 1003) if loader == "libyaml" else (1, 67))


def test_a_file_over_the_size_limit_is_refused_without_parsing(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(b"a: [" + b"1," * (MAX_FILE_BYTES // 2) + b"]\n")
    with pytest.raises(InputError) as caught:
        read_yaml(big, display_name="big.yaml")
    assert str(caught.value) == "big.yaml:1:1: the file is larger than 5 MiB"


def test_too_many_nodes_are_refused_at_the_first_one_too_many(
    loader: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    limit = MAX_NODES if loader == "libyaml" else 1_000  # pure Python needs seconds for 200,000
    monkeypatch.setattr(yaml_limits, "MAX_NODES", limit)
    text = "items:\n" + "-\n" * limit  # empty items: no text, so only the node cap applies
    with pytest.raises(InputError) as caught:
        parse_yaml(text, "many.yaml")
    # Nodes counted: the mapping, the key `items`, the list, then item i is node i + 4 on line i + 2.
    assert str(caught.value) == (
        f"many.yaml:{limit - 1}:2: the file has more than {limit:,} keys and values"
    )


# --- files ------------------------------------------------------------------------------------


def test_a_missing_file_is_a_problem_named_as_the_user_wrote_it(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        read_yaml(tmp_path / "nope.yaml", display_name="reviews/nope.yaml")
    assert str(caught.value) == (
        "reviews/nope.yaml:0:0: cannot read the file: No such file or directory"
    )


def test_problems_name_the_path_by_default(tmp_path: Path) -> None:
    path = tmp_path / "list.yaml"
    path.write_text("- a\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_yaml(path)
    assert str(caught.value) == f"{path}:1:1: expected a mapping at the top level, found a list"
