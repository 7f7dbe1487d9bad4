"""A questionnaire's questions: types, options and scores a reviewer can get wrong."""

from __future__ import annotations

from located import load, problems
from ncr.documents import Questionnaire

HEAD = """id: q
framework: mini
framework_version: ">=1.0"
title: Q
sections:
"""
TWO_SECTIONS = (
    HEAD
    + """  - id: law
    title: Law
    questions:
      - {id: L1, indicator: law.a, text: Is there a law?, type: yes_no}
      - id: L2
        indicator: law.a
        text: How far?
        type: choice
        options:
          - {value: full, label: Fully, score: 100}
          - {value: partial, label: Partly, score: 50}
  - id: tech
    title: Tech
    questions:
      - {id: T1, indicator: tech.a, text: Describe it., type: text}
"""
)


def test_questions_come_in_section_order_and_text_is_not_scored() -> None:
    qn = load(Questionnaire, TWO_SECTIONS)
    assert [q.id for q in qn.questions()] == ["L1", "L2", "T1"]
    assert [q.scored for q in qn.questions()] == [True, True, False]


def test_an_option_is_found_by_its_value() -> None:
    l2 = load(Questionnaire, TWO_SECTIONS).questions()[1]
    option = l2.option("partial")
    assert option is not None and (option.label, option.score) == ("Partly", 50)
    assert l2.option("Partly") is None  # the label is not the value


def test_a_bad_type_and_a_score_over_100_are_located() -> None:
    text = TWO_SECTIONS.replace("type: text", "type: yesno").replace("score: 50", "score: 101")
    assert problems(Questionnaire, text) == [
        "doc.yaml:16:52: must be less than or equal to 100, got 101",
        "doc.yaml:20:63: expected one of 'yes_no', 'choice', 'multi', 'number' or 'text', got 'yesno'",
    ]


def test_a_section_needs_at_least_one_question() -> None:
    text = HEAD + "  - {id: law, title: Law, questions: []}\n"
    assert problems(Questionnaire, text) == ["doc.yaml:6:38: must have at least 1 item, not 0"]
