"""A workbook's cells as response data: answers as a focal point types them, each problem at its
cell, the Review sheet's values in the types a response holds."""

from __future__ import annotations

import datetime as dt

import pytest

from assessing import review_of
from conftest import RESPONSES
from ncr.documents import Question
from ncr.loader.workbook_reader import CellValue, QuestionRow, WorkbookCells
from ncr.loader.workbook_response import answer_value, header_doc, response_doc

QN = review_of(RESPONSES / "mini-a.yaml").questionnaire.model
Q: dict[str, Question] = {q.id: q for q in QN.questions()}


@pytest.mark.parametrize(
    ("qid", "typed", "value"),
    [
        ("L1", "YES", "yes"),
        ("L1", True, "yes"),  # a spreadsheet's TRUE
        ("L1", " no ", "no"),
        ("L2", "not  AT all", "none"),  # a label, spacing and case aside
        ("L2", "Partial", "partial"),  # a value
        ("L3", "Preservation;Search and seizure;", ["preservation", "search"]),
        ("L3", "production", ["production"]),
        ("L4", 7, 7),
        ("L4", 7.0, 7),
        ("L4", " 2.5 ", 2.5),
        ("L4", "N/A", "n/a"),
        ("T1", "Unknown", "unknown"),
        ("T5", 2019, "2019"),
        ("T5", "=1+1", "=1+1"),  # text stays text
        ("T5", None, None),
    ],
)
def test_answers_read_as_typed(qid: str, typed: object, value: object) -> None:
    assert answer_value(Q[qid], typed) == (value, None)


@pytest.mark.parametrize(
    ("qid", "typed", "message"),
    [
        ("L1", "Maybe", '\'Maybe\' is not an answer to L1; choose one of: "Yes", "No" or unknown'),
        ("L4", "twelve", "L4 takes a number of 0 or more (or unknown or n/a), not 'twelve'"),
        ("T4", "inf", "T4 takes a number of 0 or more (or unknown), not 'inf'"),
        ("T4", True, "T4 takes a number of 0 or more (or unknown), not 'yes'"),
    ],
)
def test_answers_that_cannot_be_read_say_what_to_type(
    qid: str, typed: object, message: str
) -> None:
    assert answer_value(Q[qid], typed) == (None, message)


def _book(review: dict[str, object], rows: list[QuestionRow]) -> WorkbookCells:
    cells = {
        label: CellValue(value, ("Review", n, 2))
        for n, (label, value) in enumerate(review.items(), start=2)
    }
    return WorkbookCells("x.xlsx", "0" * 64, has_review=True, review=cells, rows=rows)


def _row(qid: str, number: int, answer: object, evidence: object = None) -> QuestionRow:
    return QuestionRow(
        qid,
        ("Law", number, 1),
        CellValue(answer, ("Law", number, 3)),
        CellValue(evidence, ("Law", number, 4)),
        CellValue(None, ("Law", number, 5)),
    )


def test_the_review_sheet_gives_values_of_the_right_types() -> None:
    book = _book(
        {
            "country code": "XA",
            "country name": "Aurelia",
            "year": 2026.0,
            "questionnaire": "mini-q",
            "review date": dt.datetime(2026, 3, 14),
            "status": "Final ",
            "reviewers": "A. Reviewer\n\nB. Reviewer",
            "classification": None,
        },
        [],
    )
    doc = header_doc(book)
    assert doc.data == {
        "country": {"code": "XA", "name": "Aurelia"},
        "year": 2026,
        "questionnaire": "mini-q",
        "review": {
            "date": dt.date(2026, 3, 14),
            "status": "final",
            "reviewers": ["A. Reviewer", "B. Reviewer"],
        },
    }
    assert str(doc.problem(("review", "date"), "bad")) == "x.xlsx:Review!B6: bad"
    assert str(doc.problem(("answers", "L1"), "missing")) == "x.xlsx:Review!A1: missing"


def test_answers_evidence_and_unknown_rows_become_data_and_located_problems() -> None:
    rows = [
        _row("L1", 2, "Yes", "Act 2019 <https://example.org/act>\n Decree 5 \n"),
        _row("L2", 3, "sometimes"),
        _row("L9", 4, "Yes"),
    ]
    doc, problems = response_doc(_book({"questionnaire": "mini-q"}, rows), QN)
    assert doc.data["answers"] == {
        "L1": {
            "answer": "yes",
            "evidence": [{"title": "Act 2019", "url": "https://example.org/act"}, "Decree 5"],
        }
    }
    assert [str(p) for p in problems] == [
        (
            "x.xlsx:Law!C3: 'sometimes' is not an answer to L2; choose one of: \"Fully\", "
            '"Partly", "Not at all" or unknown'
        ),
        "x.xlsx:Law!A4: no question 'L9' in questionnaire mini-q: correct the ID or remove the row",
    ]
    # later checks on an answer point at its cells
    assert doc.problem(("answers", "L1", "evidence", 1), "m").cell == "D2"
    assert doc.problem(("answers", "L2"), "m").cell == "C3"
