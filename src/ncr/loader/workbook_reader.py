"""Read a focal-point workbook (.xlsx, DESIGN §11) into its cells, each with its place, refusing
what is unsafe or not a workbook with a located Problem.

A workbook comes from outside (a ministry, by e-mail), so before openpyxl sees it the zip directory
is checked: the sizes it declares bound what unpacking produces (Python's zipfile stops each member
at its declared size), which stops zip bombs. Every part is refused if it declares a DTD or
entities (no "billion laughs"), whichever XML parser openpyxl uses; openpyxl also parses with
defusedxml where it does not use lxml. Sheets are read
streaming and only up to the rows a questionnaire can have. Values only: a formula is an error to
fix, never evaluated, and never mistaken for the value a spreadsheet computed from it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import warnings
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from ncr.documents.languages import LANGUAGES, SOURCE_LANGUAGE
from ncr.documents.workbook_layout import (
    ANSWER,
    EVIDENCE,
    ID,
    LANGUAGE_FIELD,
    NOTE,
    REQUIRED_COLUMNS,
    REVIEW,
    fold,
    named,
    reserved_sheet,
    word,
)
from ncr.problems import WHOLE_FILE, InputError, Problem, place

MAX_WORKBOOK_BYTES: Final = 10 * 1024 * 1024
MAX_UNPACKED_BYTES: Final = 40 * 1024 * 1024  # an exported 2026 questionnaire unpacks to ~0.3 MiB
MAX_PARTS: Final = 2000
MAX_SHEETS: Final = 210  # 200 sections at most, and the Instructions, Review and Lists sheets
MAX_ROWS: Final = 2001  # a header and 2,000 questions, the most a section may have
MAX_COLUMNS: Final = 26

Cell = tuple[str, int, int]  # sheet, row, column (1-based)
_OLE_MAGIC: Final = bytes.fromhex("d0cf11e0a1b11ae1")  # .xls, and any password-protected workbook
_ODS_MIME: Final = b"application/vnd.oasis.opendocument.spreadsheet"
SAVE_AS: Final = "save it from Excel or LibreOffice as an Excel workbook (.xlsx)"


def is_workbook(path: Path) -> bool:
    return path.suffix.lower() == ".xlsx"


@dataclass(frozen=True)
class CellValue:
    value: object  # text, number, boolean, date and time, or None for an empty cell
    at: Cell


@dataclass(frozen=True)
class QuestionRow:
    qid: str
    id_cell: Cell
    answer: CellValue
    evidence: CellValue
    note: CellValue


@dataclass(frozen=True)
class WorkbookCells:
    """What a workbook says: the Review sheet's values by field (its English label, case-folded,
    whatever the language of the sheet) and one row per question, with the problems found in its
    structure (formulas, foreign sheets, repeated ids)."""

    file: str
    sha256: str
    has_review: bool
    review: dict[str, CellValue] = field(default_factory=dict)
    rows: list[QuestionRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def problem(self, at: Cell, message: str) -> Problem:
        sheet, row, column = at
        return Problem(self.file, row, column, message, sheet=sheet)


@dataclass(frozen=True)
class _Sheet:
    name: str
    rows: list[list[tuple[object, str]]]  # (value, openpyxl data type) per cell, row 1 first


def read_workbook(path: Path) -> WorkbookCells:
    """The cells of a workbook file; raises InputError when it cannot be read at all."""
    file = str(path)
    data = _read_bytes(path, file)
    _check_container(data, file)
    _refuse_declarations(data, file)
    book = WorkbookCells(file, hashlib.sha256(data).hexdigest(), has_review=False)
    sheets = _sheets(data, file)
    return _collect(book, sheets)


def _whole(file: str, message: str) -> InputError:
    return InputError([Problem(file, 0, 0, message, sheet=WHOLE_FILE)])


def _read_bytes(path: Path, file: str) -> bytes:
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_WORKBOOK_BYTES + 1)
    except OSError as err:
        raise _whole(file, f"cannot read the file: {err.strerror or err}") from None
    if len(data) > MAX_WORKBOOK_BYTES:
        limit = MAX_WORKBOOK_BYTES // (1024 * 1024)
        raise _whole(
            file, f"the workbook is larger than {limit} MiB; a questionnaire needs far less"
        )
    return data


# What zipfile raises on a damaged, truncated or lying archive: its own errors, a corrupt deflate
# stream (zlib.error), an encrypted member (RuntimeError), an unknown compression method.
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    OSError,
    EOFError,
    ValueError,
    zlib.error,
    RuntimeError,
    NotImplementedError,
)


def _check_container(data: bytes, file: str) -> None:
    """Refuse what is not an .xlsx zip, or what would unpack to more than a workbook ever needs."""
    if data.startswith(_OLE_MAGIC):
        raise _whole(
            file,
            "this is an Excel 97-2003 (.xls) file or a password-protected workbook: "
            f"remove the password and {SAVE_AS}",
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
            names = {info.filename for info in parts}
            mimetype = archive.read("mimetype")[:100] if "mimetype" in names else b""
    except _ZIP_ERRORS:
        raise _whole(file, f"this is not an Excel workbook (.xlsx); {SAVE_AS}") from None
    if mimetype.startswith(_ODS_MIME):
        raise _whole(file, f"this is an OpenDocument spreadsheet (.ods); {SAVE_AS}")
    if "[Content_Types].xml" not in names:
        raise _whole(file, f"this is a zip archive, not an Excel workbook (.xlsx); {SAVE_AS}")
    unpacked = sum(info.file_size for info in parts)
    if len(parts) > MAX_PARTS or unpacked > MAX_UNPACKED_BYTES:
        raise _whole(
            file,
            f"the workbook would unpack to {unpacked:,} bytes in {len(parts):,} parts, more than "
            f"{MAX_UNPACKED_BYTES // (1024 * 1024)} MiB or {MAX_PARTS:,} parts: refused as unsafe "
            "(a questionnaire workbook is far smaller)",
        )


# A DTD or entity declaration in any encoding a workbook part may use. openpyxl parses some parts
# with lxml when lxml is installed (python-docx brings it), and lxml leaves entities unexpanded
# without raising; defusedxml raises only on the parts openpyxl still parses with it. So every
# part is checked here, whichever parser openpyxl picks.
_DECLARATIONS = tuple(
    marker.encode(encoding)
    for marker in ("<!DOCTYPE", "<!ENTITY", "<!doctype", "<!entity")
    for encoding in ("utf-8", "utf-16-le", "utf-16-be")
)
_UNSAFE_XML = (
    "the workbook's XML declares entities or a DTD, which no spreadsheet program writes: "
    "refused as unsafe"
)


def _refuse_declarations(data: bytes, file: str) -> None:
    """Refuse a workbook any of whose parts declares a DTD or entities (a "billion laughs")."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            # _check_container has bounded what the parts unpack to
            parts = [archive.read(info) for info in archive.infolist()]
    except _ZIP_ERRORS as err:  # a damaged or lying part
        why = "a damaged part" if isinstance(err, zlib.error) else type(err).__name__
        raise _whole(
            file, f"this file cannot be read as an Excel workbook ({why}); {SAVE_AS}"
        ) from None
    if any(marker in part for part in parts for marker in _DECLARATIONS):
        raise _whole(file, _UNSAFE_XML)


def _sheets(data: bytes, file: str) -> list[_Sheet]:
    """Every worksheet's cells as plain values. openpyxl's own errors on a damaged or hostile file
    become one located problem: nothing it raises is ncr's bug."""
    import openpyxl  # heavy: only when a workbook is read
    from defusedxml import DefusedXmlException

    if not openpyxl.DEFUSEDXML:  # e.g. OPENPYXL_DEFUSEDXML=False in the environment
        raise _whole(file, "cannot read workbooks safely: defusedxml is missing or turned off")
    try:
        with warnings.catch_warnings():
            # openpyxl warns about features it drops (extensions, styles); they do not matter here
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(
                io.BytesIO(data), read_only=True, data_only=False, keep_links=False
            )
            try:
                return _worksheets(book, file)
            finally:
                book.close()
    except InputError:
        raise
    except Exception as err:  # noqa: BLE001 — any failure inside openpyxl means a damaged file
        if _caused_by(err, DefusedXmlException):  # openpyxl wraps it in a ValueError
            raise _whole(file, _UNSAFE_XML) from None
        raise _whole(
            file, f"this file cannot be read as an Excel workbook ({type(err).__name__}); {SAVE_AS}"
        ) from None


def _caused_by(err: BaseException | None, kind: type[BaseException]) -> bool:
    seen = 0
    while err is not None and seen < 20:
        if isinstance(err, kind):
            return True
        err, seen = err.__cause__ or err.__context__, seen + 1
    return False


def _worksheets(book: Any, file: str) -> list[_Sheet]:
    if len(book.worksheets) > MAX_SHEETS:
        raise _whole(
            file, f"the workbook has {len(book.worksheets)} sheets, more than {MAX_SHEETS}"
        )
    sheets = []
    for ws in book.worksheets:
        rows = [
            [(getattr(c, "value", None), getattr(c, "data_type", "n")) for c in row]
            for row in ws.iter_rows(min_row=1, max_row=MAX_ROWS + 1, max_col=MAX_COLUMNS)
        ]
        sheets.append(_Sheet(ws.title, rows))
    return sheets


def _collect(book: WorkbookCells, sheets: list[_Sheet]) -> WorkbookCells:
    """The Review sheet first (its Language names the words of the messages), then the questions;
    sheets are known by their name in any language."""
    seen: dict[str, Cell] = {}
    review: dict[str, CellValue] = {}
    reviews = [sheet for sheet in sheets if reserved_sheet(sheet.name) == REVIEW]
    has_review = bool(reviews)
    if reviews:
        review = dict(_review_fields(book, reviews[0]))
    language = _language(review)
    for sheet in sheets:
        if reserved_sheet(sheet.name) is None:
            book.rows.extend(_question_rows(book, sheet, seen, language))
    if not has_review:
        message = f"the workbook has no sheet '{REVIEW}' (country, year, questionnaire): restore it"
        book.problems.append(Problem(book.file, 0, 0, message, sheet=WHOLE_FILE))
    return WorkbookCells(book.file, book.sha256, has_review, review, book.rows, book.problems)


def _review_fields(book: WorkbookCells, sheet: _Sheet) -> Iterator[tuple[str, CellValue]]:
    """Column A names a field (in any language), column B holds its value."""
    for number, row in enumerate(sheet.rows[1:], start=2):
        label = cell_text(_value(book, sheet.name, number, 1, row))
        if label is not None:
            field_name = named("fields", label) or label
            yield fold(field_name), _value(book, sheet.name, number, 2, row)


def _language(review: dict[str, CellValue]) -> str:
    """The language a workbook says it is in, for naming its words in messages; English when it
    does not say (workbook_language reports a language ncr does not know)."""
    cell = review.get(fold(LANGUAGE_FIELD.label))
    text = fold(cell_text(cell) or "") if cell is not None else ""
    return text if text in LANGUAGES else SOURCE_LANGUAGE


def _question_rows(
    book: WorkbookCells, sheet: _Sheet, seen: dict[str, Cell], language: str
) -> list[QuestionRow]:
    """The rows of a sheet of questions, its columns known by their header in any language."""
    header = sheet.rows[0] if sheet.rows else []
    columns: dict[str, int] = {}
    for index, (value, _) in enumerate(header, start=1):
        column = named("columns", value) if isinstance(value, str) else None
        if column is not None:
            columns.setdefault(column, index)
    missing = [word("columns", name, language) for name in REQUIRED_COLUMNS if name not in columns]
    if missing:
        expected = ", ".join(word("columns", name, language) for name in REQUIRED_COLUMNS)
        message = (
            f"this is not a question sheet of the workbook: row 1 must name the columns "
            f"{expected} (missing: {', '.join(missing)}); restore the header row, or remove the "
            "sheet"
        )
        book.problems.append(book.problem((sheet.name, 1, 1), message))
        return []
    if len(sheet.rows) > MAX_ROWS and any(v is not None for v, _ in sheet.rows[MAX_ROWS]):
        message = f"the sheet goes on past row {MAX_ROWS}: a section has one row per question"
        book.problems.append(book.problem((sheet.name, MAX_ROWS + 1, 1), message))
    where = {name: columns[name] for name in (ID, ANSWER, EVIDENCE, NOTE)}
    found = []
    for number, row in enumerate(sheet.rows[1:MAX_ROWS], start=2):
        cells = {name: _value(book, sheet.name, number, col, row) for name, col in where.items()}
        item = _question_row(book, cells, seen)
        if item is not None:
            found.append(item)
    return found


def _question_row(
    book: WorkbookCells, cells: dict[str, CellValue], seen: dict[str, Cell]
) -> QuestionRow | None:
    id_cell = cells[ID]
    qid = cell_text(id_cell)
    given = [cells[name] for name in (ANSWER, EVIDENCE, NOTE) if cells[name].value is not None]
    if qid is None:
        if given:
            message = "this row has an answer but no question ID: put the ID back, or clear the row"
            book.problems.append(book.problem(id_cell.at, message))
        return None
    qid = qid.strip()
    if qid in seen:
        first = place(book.file, seen[qid][1], seen[qid][2], seen[qid][0])
        message = f"question {qid} appears twice (first at {first}): keep one row for it"
        book.problems.append(book.problem(id_cell.at, message))
        return None
    seen[qid] = id_cell.at
    return QuestionRow(qid, id_cell.at, cells[ANSWER], cells[EVIDENCE], cells[NOTE])


def _value(
    book: WorkbookCells, sheet: str, row: int, column: int, cells: list[tuple[object, str]]
) -> CellValue:
    """One cell's value; a formula or an error value is a problem, and reads as empty."""
    value, kind = cells[column - 1] if column <= len(cells) else (None, "n")
    at = (sheet, row, column)
    if kind == "f":
        shown = str(value) if len(str(value)) <= 40 else str(value)[:37] + "..."
        message = (
            f"this cell holds a formula ({shown}); type the answer itself: "
            "ncr reads values and never runs formulas"
        )
        book.problems.append(book.problem(at, message))
        return CellValue(None, at)
    if kind == "e":
        book.problems.append(book.problem(at, f"this cell shows the error {value}; type a value"))
        return CellValue(None, at)
    if isinstance(value, str):
        # Excel keeps a line break as "\n"; some programs write "\r\n"
        value = value.replace("\r\n", "\n").replace("\r", "\n")
        if not value.strip():
            value = None
    return CellValue(value, at)


def cell_text(cell: CellValue) -> str | None:
    return value_text(cell.value)


def value_text(value: object) -> str | None:
    """A cell's value as text, as the user sees it: `2019`, not `2019.0`; a date as 2026-03-14."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date().isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)
