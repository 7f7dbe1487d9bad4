"""A response as a focal point writes it: short answers, located mistakes."""

from __future__ import annotations

import datetime as dt

from located import load, problems
from ncr.documents import Answer, Response

HEAD = """country: {code: XA, name: Aurelia}
year: 2026
questionnaire: mini-q
review: {date: 2026-03-14}
"""


def test_short_answers_mean_the_same_as_the_long_form() -> None:
    text = (
        HEAD
        + 'answers:\n  L1: "yes"\n  L2:\n  L3: [a, b]\n  L4: {answer: 3, note: "  see annex  "}\n'
    )
    response = load(Response, text)
    assert response.answers == {
        "L1": Answer(answer="yes"),
        "L2": Answer(answer=None),  # written but left empty: not answered yet
        "L3": Answer(answer=["a", "b"]),
        "L4": Answer(answer=3, note="see annex"),
    }
    assert response.review.date == dt.date(2026, 3, 14)
    assert response.review.status == "draft"  # a review is a draft until it says final


def test_mistakes_in_the_header_are_each_located() -> None:
    text = (
        HEAD.replace("XA", "xa")
        .replace("year: 2026", "year: 1970")
        .replace("2026-03-14}", "2026-03-14, status: done}")
    )
    assert problems(Response, text) == [
        "doc.yaml:1:17: must match pattern '^[A-Z]{2}$'",
        "doc.yaml:2:7: must be greater than or equal to 1980, got 1970",
        "doc.yaml:4:36: expected one of 'draft' or 'final', got 'done'",
    ]


def test_a_misspelt_answer_key_and_a_bad_question_id_are_located() -> None:
    text = HEAD + 'answers:\n  L2:\n    answer: partial\n    evidnce: [x]\n  "bad id!": "no"\n'
    assert problems(Response, text) == [
        "doc.yaml:8:5: unknown key 'evidnce': did you mean 'evidence'?",
        "doc.yaml:9:3: must match pattern '^[A-Za-z0-9][A-Za-z0-9._-]*$'",
    ]


def test_evidence_is_a_title_or_a_titled_link_and_at_most_10() -> None:
    fine = (
        HEAD
        + "answers:\n  L1:\n    answer: yes\n    evidence:\n      - Penal code\n      - {title: Law, url: https://example.org}\n"
    )
    evidence = load(Response, fine).answers["L1"].evidence
    assert [e if isinstance(e, str) else e.title for e in evidence] == [
        "Penal code",
        "Law",
    ]
    many = (
        HEAD + "answers:\n  L1:\n    answer: yes\n    evidence: [" + ", ".join(["x"] * 11) + "]\n"
    )
    assert problems(Response, many) == ["doc.yaml:8:15: must have at most 10 items, not 11"]
