"""A workbook's cells as response data (DESIGN §3.3), each value remembering its cell.

Answers are read as a focal point types them: an option's label or its value, in any case, `n/a`
or `unknown` (Yes, No, unknown and n/a in any of the workbook languages, words.yaml); several choices separated by ";"; numbers as numbers; evidence one item per line.
What cannot be read is a problem at its cell; the rest goes on to the same model and checks as a
YAML response, whose problems the cell map locates too.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Final

from ncr.documents import Question, Questionnaire
from ncr.documents.languages import LANGUAGES, SOURCE_LANGUAGE
from ncr.documents.vocabulary import SPECIAL_ANSWERS
from ncr.documents.workbook_layout import (
    LANGUAGE_FIELD,
    MULTI_SEPARATOR,
    REVIEW,
    REVIEW_FIELDS,
    YES_NO,
    choices,
    evidence_item,
    named,
    special_answers,
)
from ncr.loader.cross_checks import did_you_mean
from ncr.loader.source_doc import DocPath, nearest
from ncr.loader.workbook_reader import (
    Cell,
    CellValue,
    QuestionRow,
    WorkbookCells,
    cell_text,
    value_text,
)
from ncr.problems import WHOLE_FILE, Problem, Severity

Answer = str | int | float | list[str]
Read = tuple[Answer | None, str | None]  # the answer, or why the cell cannot be read


@dataclass(frozen=True)
class WorkbookDoc:
    """Response data read from a workbook, and the cell each path of keys came from."""

    file: str
    data: dict[str, Any]
    cells: dict[DocPath, Cell]
    default: Cell

    def problem(
        self,
        path: Sequence[str | int],
        message: str,
        severity: Severity = "error",
        *,
        at_key: bool = False,  # a workbook row has no key apart from its value
    ) -> Problem:
        sheet, row, column = nearest(self.cells, path, self.default)
        return Problem(self.file, row, column, message, severity, sheet)


def header_doc(book: WorkbookCells) -> WorkbookDoc:
    """The Review sheet alone: enough to find the questionnaire and to locate problems there."""
    data: dict[str, Any] = {}
    cells: dict[DocPath, Cell] = {}
    for item in REVIEW_FIELDS:
        cell = book.review.get(item.label.casefold())
        if cell is None:
            continue
        cells[item.path] = cell.at
        value = _HEADER_VALUES.get(item.path, cell_text)(cell)
        if value is not None:
            parent = data
            for key in item.path[:-1]:
                parent = parent.setdefault(key, {})
            parent[item.path[-1]] = value
    default = (REVIEW, 1, 1) if book.has_review else (WHOLE_FILE, 0, 0)
    return WorkbookDoc(book.file, data, cells, default)


def workbook_language(book: WorkbookCells) -> tuple[str, Problem | None]:
    """The language the workbook shows its questions in (English when it does not say), and a
    problem at its cell when that is no language ncr knows."""
    cell = book.review.get(LANGUAGE_FIELD.label.casefold())
    text = (cell_text(cell) or "").strip().casefold() if cell is not None else ""
    if not text:
        return SOURCE_LANGUAGE, None
    if text in LANGUAGES:
        return text, None
    assert cell is not None
    message = f"'{_clip(text)}' is not a language of ncr: write one of {', '.join(LANGUAGES)}"
    return SOURCE_LANGUAGE, book.problem(cell.at, message)


def response_doc(
    book: WorkbookCells, qn: Questionnaire, shown: Questionnaire | None = None
) -> tuple[WorkbookDoc, list[Problem]]:
    """The whole response, and the problems of cells that could not be read; `shown` is the
    questionnaire as the workbook shows it (translated), whose labels count as well as `qn`'s."""
    header = header_doc(book)
    language = workbook_language(book)[0]
    questions = {q.id: q for q in qn.questions()}
    in_book = (shown or qn).by_id
    answers: dict[str, dict[str, Any]] = {}
    cells = dict(header.cells)
    problems = list(book.problems)
    for row in book.rows:
        q = questions.get(row.qid)
        if q is None:
            hint = did_you_mean(row.qid, questions)
            unknown = f"no question '{row.qid}' in questionnaire {qn.id}{hint}"
            problems.append(
                book.problem(row.id_cell, f"{unknown}: correct the ID or remove the row")
            )
            continue
        base = ("answers", q.id)
        cells.update({base: row.answer.at, (*base, "answer"): row.answer.at})
        cells.update({(*base, "evidence"): row.evidence.at, (*base, "note"): row.note.at})
        entry, unreadable = _entry(_versions(in_book.get(q.id), q), row, language)
        if unreadable is not None:
            problems.append(book.problem(row.answer.at, unreadable))
        if entry:
            answers[q.id] = entry
    data = {**header.data, "answers": answers}
    return WorkbookDoc(book.file, data, cells, header.default), problems


def _versions(shown: Question | None, q: Question) -> tuple[Question, ...]:
    """A question as the workbook shows it, then in English (the same when untranslated)."""
    return (q,) if shown is None or shown == q else (shown, q)


def _entry(
    qs: tuple[Question, ...], row: QuestionRow, language: str
) -> tuple[dict[str, Any], str | None]:
    value, message = answer_value(qs[0], row.answer.value, qs[1:], language)
    entry: dict[str, Any] = {} if value is None else {"answer": value}
    evidence = [evidence_item(line) for line in _lines(row.evidence)]
    if evidence:
        entry["evidence"] = evidence
    note = cell_text(row.note)
    if note is not None:
        entry["note"] = note
    return entry, message


def answer_value(
    q: Question, raw: object, also: Sequence[Question] = (), language: str = "en"
) -> Read:
    """The answer a cell gives to `q`, as a response holds it; a choice may be named by a label
    of `q` or of `also` (the same question in another language), or by its value. A message
    names the choices as a workbook in `language` shows them."""
    if raw is None:
        return None, None
    shared = named("answers", raw) if isinstance(raw, str) else None
    if shared in SPECIAL_ANSWERS:
        return shared, None
    if q.type == "yes_no" and (isinstance(raw, bool) or shared in YES_NO):
        return (shared or ("yes" if raw else "no")), None
    return _READERS[q.type]((q, *also), raw, language)


def _choice(qs: Sequence[Question], raw: object, language: str) -> Read:
    q = qs[0]
    text = value_text(raw) or ""
    value = _match(qs, text)
    if value is None:
        listing = _listing(q, language)
        return None, f"'{_clip(text)}' is not an answer to {q.id}; choose one of: {listing}"
    return value, None


def _multi(qs: Sequence[Question], raw: object, language: str) -> Read:
    q = qs[0]
    text = value_text(raw) or ""
    parts = [part.strip() for part in text.split(MULTI_SEPARATOR) if part.strip()]
    values = [_match(qs, part) for part in parts]
    unknown = [part for part, value in zip(parts, values, strict=True) if value is None]
    if unknown:
        listed = "; ".join(f"'{_clip(part)}'" for part in unknown)
        return None, (
            f"{listed}: not among the answers to {q.id}; choose any of {_listing(q, language)}, "
            f'separated by "{MULTI_SEPARATOR}"'
        )
    return [value for value in values if value is not None], None


def _number(qs: Sequence[Question], raw: object, language: str) -> Read:
    q = qs[0]
    number: float | None = None
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        number = float(raw)
    elif isinstance(raw, str):
        try:
            number = float(raw.strip())
        except ValueError:
            number = None
    if number is None or not math.isfinite(number):
        shown = _clip(value_text(raw) or "")
        also = " or n/a" if q.allow_na else ""
        return None, f"{q.id} takes a number of 0 or more (or unknown{also}), not '{shown}'"
    return (int(number) if number.is_integer() else number), None


def _text(qs: Sequence[Question], raw: object, language: str) -> Read:
    return value_text(raw), None


_READERS: Final[dict[str, Callable[[Sequence[Question], object, str], Read]]] = {
    "yes_no": _choice,  # Yes and No in any language are read before
    "choice": _choice,
    "multi": _multi,
    "number": _number,
    "text": _text,
}


def _match(qs: Sequence[Question], text: str) -> str | None:
    """The option a label or value names, case and spacing aside; labels first, as written, in
    the workbook's language first."""
    wanted = " ".join(text.split()).casefold()
    pairs = [pair for q in qs for pair in choices(q)]
    for value, shown in pairs:
        if shown.casefold() == wanted:
            return value
    return next((value for value, _ in pairs if value.casefold() == wanted), None)


def _listing(q: Question, language: str) -> str:
    shown = [f'"{text}"' for _, text in choices(q, language)] + special_answers(q, language)
    return ", ".join(shown[:-1]) + f" or {shown[-1]}" if len(shown) > 1 else shown[0]


def _lines(cell: CellValue) -> list[str]:
    text = cell_text(cell) or ""
    return [line.strip() for line in text.split("\n") if line.strip()]


def _clip(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _year(cell: CellValue) -> object:
    value = cell.value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _date(cell: CellValue) -> object:
    value = cell.value
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, int | float):  # a bare serial number; pydantic would read seconds
        return str(value)
    return value


def _status(cell: CellValue) -> object:
    """draft or final, in any of the languages."""
    text = cell_text(cell)
    return (named("statuses", text) or text.strip().lower()) if text is not None else None


def _reviewers(cell: CellValue) -> object:
    return _lines(cell)


_HEADER_VALUES: Final[dict[tuple[str, ...], Callable[[CellValue], object]]] = {
    ("year",): _year,
    ("review", "date"): _date,
    ("review", "status"): _status,
    ("review", "reviewers"): _reviewers,
}
