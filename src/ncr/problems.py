"""The one problem type: everything wrong with an input becomes a located Problem."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from ncr.documents.text_safety import visible

Severity = Literal["error", "warning"]

WHOLE_FILE = ""  # `sheet` of a workbook problem about the file itself (not a workbook, too big)
# A sheet name that a spreadsheet's Name Box takes without quotes.
_PLAIN_SHEET = re.compile(r"^[A-Za-z_][A-Za-z0-9_.]*$")


@functools.total_ordering
@dataclass(frozen=True)
class Problem:
    """A located finding in an input file. Lines and columns are 1-based (0 when unknown).

    A problem in a workbook sets `sheet`: `line` is then the row and `column` the column number, and
    it reads `FILE.xlsx:SHEET!CELL: message` (`sheet` WHOLE_FILE: about the file as a whole)."""

    file: str
    line: int
    column: int
    message: str
    severity: Severity = "error"
    sheet: str | None = None

    def __str__(self) -> str:
        if self.severity == "warning":
            return f"{self.place}: warning: {self.message}"
        return f"{self.place}: {self.message}"

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Problem):
            return NotImplemented
        return self._key() < other._key()

    def _key(self) -> tuple[str, str, int, int, str, str]:
        return (self.file, self.sheet or "", self.line, self.column, self.message, self.severity)

    @property
    def place(self) -> str:
        """`FILE:LINE:COL`, or for a workbook `FILE:SHEET!CELL` as a spreadsheet names the cell."""
        return place(self.file, self.line, self.column, self.sheet)

    @property
    def cell(self) -> str | None:
        """The cell (`C12`) of a workbook problem, else None."""
        if not self.sheet or not self.line or not self.column:
            return None
        return f"{column_letters(self.column)}{self.line}"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


def place(file: str, line: int, column: int, sheet: str | None = None) -> str:
    # a file name is not ours to choose: its control and bidi characters are shown, not obeyed
    file = visible(file)
    if sheet is None:
        return f"{file}:{line}:{column}"
    if sheet == WHOLE_FILE:
        return file
    name = sheet if _PLAIN_SHEET.match(sheet) else "'" + sheet.replace("'", "''") + "'"
    if not line:
        return f"{file}:{name}"
    cell = f"{column_letters(column)}{line}" if column else str(line)
    return f"{file}:{name}!{cell}"


def column_letters(column: int) -> str:
    """1 → A, 27 → AA: how spreadsheets name a column."""
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


class InputError(Exception):
    """The user's input is invalid. Carries every problem found, not just the first."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(p) for p in self.problems))


def errors_in(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.is_error]


class UsageError(Exception):
    """The command line asks for something that cannot be done (exit 2, no location)."""
