"""Whether an answer fits its question, and the words a reviewer is told when it does not."""

from __future__ import annotations

import pytest

from located import load
from ncr.documents import Question
from ncr.documents.answer_fit import allowed_values, answer_problem


def question(kind: str, **extra: object) -> Question:
    options = "options: [{value: none, label: No, score: 0}, {value: full, label: Yes, score: 100}]"
    lines = [f"id: Q1\nindicator: i\ntext: T\ntype: {kind}"]
    if kind in ("choice", "multi"):
        lines.append(options)
    lines += [f"{key}: {value}" for key, value in extra.items()]
    return load(Question, "\n".join(lines) + "\n")


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        ("yes_no", "yes"),
        ("yes_no", "NO"),
        ("yes_no", True),
        ("choice", "full"),
        ("multi", ["none", "full"]),
        ("number", 0),
        ("number", 12.5),
        ("text", "anything"),
        ("choice", "unknown"),  # a special answer fits every question
        ("number", " Unknown "),
    ],
)
def test_answers_that_fit(kind: str, value: object) -> None:
    assert answer_problem(question(kind), value) is None


@pytest.mark.parametrize(
    ("kind", "value", "message"),
    [
        ("yes_no", "maybe", 'Q1 is a yes/no question: answer "yes" or "no", not \'maybe\''),
        ("choice", "half", "'half' is not an option of Q1; choose one of: none, full"),
        ("multi", "full", "Q1 takes a list of options, e.g. [none]"),
        ("multi", ["full", "most"], "not options of Q1: 'most'; choose from: none, full"),
        ("multi", ["full", "full"], "Q1 lists full more than once"),
        ("number", -1, "Q1 takes a number of 0 or more, not -1"),
        ("number", True, "Q1 takes a number of 0 or more, not true"),  # YAML spelling
        ("text", 5, "Q1 takes text; put the answer in quotes"),
    ],
)
def test_answers_that_do_not_fit_say_what_to_write(kind: str, value: object, message: str) -> None:
    assert answer_problem(question(kind), value) == message


def test_n_a_only_where_the_question_allows_it() -> None:
    assert answer_problem(question("number"), "n/a") == (
        "Q1 does not allow 'n/a'; answer it, or use 'unknown'"
    )
    assert answer_problem(question("number", allow_na="true"), "n/a") is None


def test_allowed_values_of_a_yes_no_and_a_choice_question() -> None:
    assert allowed_values(question("yes_no")) == ["yes", "no"]
    assert allowed_values(question("choice")) == ["none", "full"]
