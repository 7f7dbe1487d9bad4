"""The focal-point workbook (DESIGN §11): a questionnaire as sheets to answer, filled in with a
response's answers, laid out by documents/workbook_layout so that `ncr import` reads it back.

A focal point should see a form, not a database: the cells to fill are yellow and open, everything
else is locked; choices come as dropdowns of their labels; each sheet prints on landscape pages as
wide as the paper, with the header row repeated. Text that a spreadsheet would run as a formula
(`=`, `+`, `-`, `@` first) is stored as text.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import string
import textwrap
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final

from ncr.documents import Answer, Question, Questionnaire, Response, Section
from ncr.documents.conditions import Expected
from ncr.documents.languages import direction
from ncr.documents.vocabulary import SPECIAL_ANSWERS
from ncr.documents.workbook_layout import (
    ANSWER,
    EVIDENCE,
    HELP,
    HOW_TO_ANSWER,
    ID,
    INSTRUCTIONS,
    LANGUAGE_FIELD,
    LISTS,
    MULTI_SEPARATOR,
    NOTE,
    QUESTION,
    REVIEW,
    REVIEW_FIELDS,
    SECTION_COLUMNS,
    STATUSES,
    choices,
    evidence_line,
    section_sheets,
    special_answers,
    word,
)
from ncr.outputs import condition_words as describe
from ncr.outputs.interface_text import N_, _, active_language
from ncr.shipped import template_dir

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

CellData = str | int | float | dt.date | None
FORMULA_STARTS: Final = ("=", "+", "-", "@")
WIDTHS: Final = {
    ID: 8,
    QUESTION: 46,
    ANSWER: 24,
    EVIDENCE: 36,
    NOTE: 28,
    HOW_TO_ANSWER: 28,
    HELP: 32,
}
INSTRUCTIONS_WIDTH: Final = 76
REVIEW_WIDTHS: Final = (20, 44, 46)
FONT: Final = "Arial"  # on every machine; LibreOffice's Liberation Sans has the same metrics
LINE_POINTS: Final = 12.75  # one line of 10-point text, as Excel spaces it
TYPE_WORDS: Final = {
    "yes_no": N_("Yes or no: choose from the list."),
    "choice": N_("One choice, from the list:"),
    "multi": N_('One or more, separated by "%(separator)s":'),
    "number": N_("A number, 0 or more."),
    "text": N_("Free text."),
}
# the instructions sheet in the reader's language: instructions.<lang>.txt
YELLOW, GREY, BORDER = "FFF7D6", "E7E6E6", "BFBFBF"


def workbook_bytes(
    qn: Questionnaire, response: Response, questionnaire_ref: str, language: str = "en"
) -> bytes:
    """The workbook of `qn` (its text in `language`), filled with `response`; the Review sheet
    names `questionnaire_ref` and the language. Sheet names, headers, field names and the shared
    answers are the words of `language` (words.yaml), which `ncr import` reads back."""
    from openpyxl import Workbook

    book = Workbook()
    look = _Look.create(language, answer_shown(qn, language))
    _instructions(book.active, qn, response, look)
    _review(book.create_sheet(word("sheets", REVIEW, language)), response, questionnaire_ref, look)
    lists = _Lists(book.create_sheet(LISTS), look.body_font)
    for name, section in zip(section_sheets(qn.sections, language), qn.sections, strict=True):
        _section(book.create_sheet(name), section, response, lists, look)
    lists.finish()
    for ws in book.worksheets:  # Arabic reads from the right: column A on the right-hand side
        ws.sheet_view.rightToLeft = direction(language) == "rtl"
        if ws.sheet_view.rightToLeft:
            _right_to_left_print(ws)
    _properties(book, qn, response, language)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@dataclass(frozen=True)
class _Look:
    """The workbook's language and the few styles every sheet shares, made once."""

    language: str
    shown: describe.Shown  # how "Answer only if …" names an answer: as its cell shows it
    body_font: Any
    header_font: Any
    header_fill: Any
    open_fill: Any
    border: Any
    wrap: Any
    wrap_left: Any
    title_font: Any
    heading_font: Any
    quiet_font: Any
    unlocked: Any

    @classmethod
    def create(cls, language: str, shown: describe.Shown) -> _Look:
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side

        side = Side(style="thin", color=BORDER)
        return cls(
            language=language,
            shown=shown,
            body_font=Font(name=FONT, size=10),
            header_font=Font(name=FONT, size=10, bold=True),
            header_fill=PatternFill("solid", fgColor=GREY),
            open_fill=PatternFill("solid", fgColor=YELLOW),
            border=Border(left=side, right=side, top=side, bottom=side),
            wrap=Alignment(wrap_text=True, vertical="top"),
            wrap_left=Alignment(wrap_text=True, vertical="top", horizontal="left"),
            title_font=Font(name=FONT, size=14, bold=True),
            heading_font=Font(name=FONT, size=12, bold=True),
            quiet_font=Font(name=FONT, size=10, italic=True, color="595959"),
            unlocked=Protection(locked=False),
        )


def put(ws: Worksheet, row: int, column: int, value: CellData, font: Any) -> Any:
    """Write a value; text is always text. openpyxl would store text that starts with "=" as a
    formula (PITFALLS); the quote prefix keeps any of = + - @ as text when a focal point edits it."""
    cell = ws.cell(row=row, column=column)
    cell.value = value
    cell.font = font
    if isinstance(value, str):
        cell.data_type = "s"
        if value.startswith(FORMULA_STARTS):
            cell.quotePrefix = True
    return cell


def _print_setup(sheet: Worksheet, *, landscape: bool, header: str, footer: str) -> None:
    from openpyxl.worksheet.page import PageMargins

    ws: Any = sheet  # openpyxl's stubs type these parts optional; a new sheet always has them
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as it takes
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins = PageMargins(left=0.4, right=0.4, top=0.8, bottom=0.7, header=0.3, footer=0.3)
    ws.oddHeader.left.text = _escape_header(header)
    ws.oddFooter.left.text = _escape_header(footer)
    ws.oddFooter.right.text = _("Page %(page)s of %(pages)s") % {"page": "&P", "pages": "&N"}


# RIGHT-TO-LEFT EMBEDDING ... POP DIRECTIONAL FORMATTING: page headers and footers are laid out
# left to right, where "الصفحة 3 من 22" came out in pieces (LibreOffice honours no isolates)
RLE, PDF, RLM, NBSP = "\u202b", "\u202c", "\u200f", "\u00a0"
_PAGE_FIELD = re.compile(r"( ?)(?<!&)(&[PN])( ?)")


def _right_to_left_print(sheet: Worksheet) -> None:
    """Headers and footers of a right-to-left sheet mirrored: the title on the right, the page
    number on the left, each read right to left."""
    ws: Any = sheet
    for part in (ws.oddHeader, ws.oddFooter):
        left, right = (_marked_fields(side.text) for side in (part.left, part.right))
        part.right.text = f"{RLE}{left}{PDF}" if left else None
        part.left.text = f"{RLE}{right}{PDF}" if right else None


def _marked_fields(text: str | None) -> str | None:
    """A right-to-left mark on each side of a page field, and no-break spaces beside it:
    LibreOffice otherwise moved the spaces around "&P" ("الصفحة3 من 23")."""
    if text is None:
        return None
    return _PAGE_FIELD.sub(lambda m: f"{NBSP * len(m[1])}{RLM}{m[2]}{RLM}{NBSP * len(m[3])}", text)


def _escape_header(text: str) -> str:
    return text.replace("&", "&&")  # "&" starts a code in page headers and footers


def _protect(ws: Worksheet) -> None:
    """Locked cells stay as sent; no password: it prevents accidents, it is not security."""
    ws.protection.sheet = True
    ws.protection.formatColumns = False  # still allowed: widen a column, heighten a row
    ws.protection.formatRows = False


# --- Instructions ---------------------------------------------------------------------------------


def instructions_text() -> str:
    return (template_dir() / "workbook" / f"instructions.{active_language()}.txt").read_text(
        encoding="utf-8"
    )


def instruction_blocks(text: str) -> Iterator[tuple[str, str]]:
    """("heading" | "paragraph" | "bullet", text) from the instructions file: `# ` starts a
    heading, `- ` a bullet, a blank line ends a paragraph."""
    for block in text.split("\n\n"):
        lines = [line.strip() for line in block.strip().splitlines() if line.strip()]
        if not lines:
            continue
        if lines[0].startswith("# "):
            yield "heading", lines[0][2:]
            lines = lines[1:]
        if lines and all(line.startswith("- ") for line in lines):
            yield from (("bullet", line[2:]) for line in lines)
        elif lines:
            yield "paragraph", " ".join(lines)


def _instructions(ws: Any, qn: Questionnaire, response: Response, look: _Look) -> None:
    sheets = section_sheets(qn.sections, look.language)
    text = string.Template(instructions_text()).safe_substitute(
        country=response.country.name,
        year=response.year,
        questionnaire=f"{qn.title} ({qn.id})",
        sheets=", ".join(
            f'"{name}"' if name == s.title else f'"{name}" ({s.title})'
            for name, s in zip(sheets, qn.sections, strict=True)
        ),
    )
    ws.title = word("sheets", INSTRUCTIONS, look.language)
    ws.column_dimensions["A"].width = INSTRUCTIONS_WIDTH
    title = _("National Cyber Review — %(country)s %(year)s") % {
        "country": response.country.name,
        "year": response.year,
    }
    put(ws, 1, 1, title, look.title_font)
    ws.row_dimensions[1].height = 2 * LINE_POINTS
    row = 2
    for kind, words in instruction_blocks(text):
        row += 1 if kind == "heading" else 0  # air above a heading
        font = look.heading_font if kind == "heading" else look.body_font
        cell = put(ws, row, 1, f"•  {words}" if kind == "bullet" else words, font)
        cell.alignment = look.wrap
        ws.row_dimensions[row].height = row_height([(cell.value, INSTRUCTIONS_WIDTH)])
        if kind == "heading":
            ws.row_dimensions[row].height = 1.4 * LINE_POINTS
        row += 1
    _print_setup(ws, landscape=False, header=qn.title, footer=ws.title)
    _protect(ws)


# --- Review ---------------------------------------------------------------------------------------


def _review(ws: Worksheet, response: Response, questionnaire_ref: str, look: _Look) -> None:
    """The Review sheet, naming the questionnaire and the workbook's language."""
    from openpyxl.worksheet.datavalidation import DataValidation

    values: dict[tuple[str, ...], CellData] = {
        ("country", "code"): response.country.code,
        ("country", "name"): response.country.name,
        ("year",): response.year,
        ("questionnaire",): questionnaire_ref,
        ("review", "date"): response.review.date,
        ("review", "status"): word("statuses", response.review.status, look.language),
        ("review", "reviewers"): "\n".join(response.review.reviewers) or None,
        ("review", "classification"): response.review.classification,
        LANGUAGE_FIELD.path: look.language,
    }
    _header_row(ws, [_("Field"), _("Value"), _("About")], look)
    shown = ",".join(word("statuses", status, look.language) for status in STATUSES)
    status = DataValidation(type="list", formula1=f'"{shown}"', allow_blank=False)
    status.showErrorMessage = True
    ws.add_data_validation(status)
    for row, item in enumerate((*REVIEW_FIELDS, LANGUAGE_FIELD), start=2):
        label = word("fields", item.label, look.language)
        put(ws, row, 1, label, look.header_font).alignment = look.wrap
        cell = put(ws, row, 2, values[item.path], look.body_font)
        cell.alignment = look.wrap_left
        cell.border = look.border
        if item.editable:
            cell.protection, cell.fill = look.unlocked, look.open_fill
        if item.path == ("review", "date"):
            cell.number_format = "yyyy-mm-dd"
        if item.path == ("review", "status"):
            status.add(cell.coordinate)
        put(ws, row, 3, _(item.about), look.quiet_font).alignment = look.wrap
        ws.row_dimensions[row].height = row_height([(values[item.path], REVIEW_WIDTHS[1])])
    for column, width in zip("ABC", REVIEW_WIDTHS, strict=True):
        ws.column_dimensions[column].width = width
    ws.freeze_panes = "A2"
    _print_setup(ws, landscape=False, header=ws.title, footer=ws.title)
    _protect(ws)


def _header_row(ws: Worksheet, names: list[str], look: _Look) -> None:
    for column, name in enumerate(names, start=1):
        cell = put(ws, 1, column, name, look.header_font)
        cell.fill, cell.border, cell.alignment = look.header_fill, look.border, look.wrap


# --- Section sheets -------------------------------------------------------------------------------


@dataclass
class _Lists:
    """The hidden sheet of dropdown lists, one range per distinct list, shared by the questions
    that have it. A range rather than an inline list: Excel caps inline lists at 255 characters
    and splits a label at its commas (PITFALLS)."""

    ws: Worksheet
    font: Any
    ranges: dict[tuple[str, ...], str] = field(default_factory=dict)
    next_row: int = 1

    def formula(self, entries: tuple[str, ...]) -> str:
        if entries not in self.ranges:
            first = self.next_row
            for entry in entries:
                put(self.ws, self.next_row, 1, entry, self.font)
                self.next_row += 1
            self.ranges[entries] = f"{LISTS}!$A${first}:$A${self.next_row - 1}"
        return self.ranges[entries]

    def finish(self) -> None:
        self.ws.sheet_state = "hidden"
        _protect(self.ws)


def _validations(
    ws: Worksheet, questions: list[tuple[Question, str]], lists: _Lists, language: str
) -> None:
    """Dropdowns for choices, a number check for numbers; one validation per kind of list on the
    sheet (a validation belongs to one sheet)."""
    from openpyxl.worksheet.datavalidation import DataValidation

    found: dict[str, DataValidation] = {}
    for q, cell in questions:
        if q.type in ("yes_no", "choice"):
            entries = tuple(text for _, text in choices(q, language))
            entries += tuple(special_answers(q, language))
            key = lists.formula(entries)
            if key not in found:
                found[key] = DataValidation(type="list", formula1=key, allow_blank=True)
                found[key].errorTitle, found[key].error = (
                    _("Not an answer"),
                    _("Choose from the list."),
                )
        elif q.type == "number":
            key = "number"
            if key not in found:
                found[key] = DataValidation(
                    type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True
                )
                found[key].errorStyle, found[key].errorTitle = "warning", _("Not an answer")
                found[key].error = _("Type a number of 0 or more (or unknown).")
        else:
            continue
        found[key].add(cell)
    for dv in found.values():
        dv.showErrorMessage = True
        ws.add_data_validation(dv)


def _section(
    ws: Worksheet, section: Section, response: Response, lists: _Lists, look: _Look
) -> None:
    from openpyxl.utils import get_column_letter

    _header_row(ws, [word("columns", name, look.language) for name in SECTION_COLUMNS], look)
    answers = []
    for row, q in enumerate(section.questions, start=2):
        cells = _question_row(ws, row, q, response.answers.get(q.id), look)
        answers.append((q, cells[ANSWER].coordinate))
    _validations(ws, answers, lists, look.language)
    for column, name in enumerate(SECTION_COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(column)].width = WIDTHS[name]
    ws.freeze_panes = "A2"
    ws.print_title_rows = "1:1"
    header = f"{section.title}  ·  {response.country.name} {response.year}"
    _print_setup(ws, landscape=True, header=header, footer=ws.title)
    _protect(ws)


def _question_row(
    ws: Worksheet, row: int, q: Question, given: Answer | None, look: _Look
) -> dict[str, Cell]:
    values: Mapping[str, CellData] = {
        ID: q.id,
        QUESTION: " ".join(q.text.split()),
        ANSWER: shown_answer(q, given, look.language),
        EVIDENCE: "\n".join(evidence_line(item) for item in given.evidence) if given else None,
        NOTE: given.note if given else None,
        HOW_TO_ANSWER: how_to_answer(q, look.language, look.shown),
        HELP: " ".join(q.help.split()) or None,
    }
    cells = {}
    for column, name in enumerate(SECTION_COLUMNS, start=1):
        font = look.header_font if name == ID else look.body_font
        cell = put(ws, row, column, values[name] if values[name] != "" else None, font)
        cell.alignment, cell.border = look.wrap, look.border
        if name in (ANSWER, EVIDENCE, NOTE):
            cell.protection, cell.fill = look.unlocked, look.open_fill
            if not (name == ANSWER and q.type == "number"):
                cell.number_format = "@"  # typed text stays text, even "=…"
        cells[name] = cell
    ws.row_dimensions[row].height = row_height([(values[n], WIDTHS[n]) for n in SECTION_COLUMNS])
    return cells


def row_height(texts: list[tuple[CellData, float]]) -> float:
    """Points for a row whose cells wrap: spreadsheets do not fit a row to its text when they open
    a file (LibreOffice leaves it one line high), so the lines are counted here, generously."""
    lines = 1
    for value, width in texts:
        if isinstance(value, str):
            # a width counts digits of the default font; more letters of 10-point Arial fit in it
            per_line = max(int(width * 1.15), 1)
            count = sum(max(1, len(textwrap.wrap(part, per_line))) for part in value.split("\n"))
            lines = max(lines, count)
    return lines * LINE_POINTS + 4


def shown_answer(
    q: Question, given: Answer | None, language: str = "en"
) -> str | int | float | None:
    """The answer as the cell shows it: option labels, `;` between several, numbers as numbers,
    unknown and n/a in the workbook's words."""
    value = given.answer if given else None
    if value is None:
        return None
    if isinstance(value, bool):
        value = "yes" if value else "no"
    if isinstance(value, str) and value.strip().lower() in SPECIAL_ANSWERS:
        return word("answers", value.strip().lower(), language)
    shown = dict(choices(q, language))
    if q.type in ("yes_no", "choice") and isinstance(value, str):
        return shown.get(value.lower() if q.type == "yes_no" else value, value)
    if isinstance(value, list):
        return f"{MULTI_SEPARATOR} ".join(shown.get(v, v) for v in value)
    return value


def how_to_answer(q: Question, language: str = "en", shown: describe.Shown | None = None) -> str:
    """What the answer may be, in the focal point's words: kind, choices, extras, conditions."""
    lines = [_(TYPE_WORDS[q.type]) % {"separator": MULTI_SEPARATOR}]
    if q.type in ("choice", "multi"):
        lines.extend(f"•  {text}" for _, text in choices(q, language))
    extras = special_answers(q, language)
    if extras:
        lines.append(_("Also: %(answers)s.") % {"answers": _(" or ").join(extras)})
    if q.evidence == "required":
        lines.append(_("Evidence required."))
    if q.applies_if is not None:
        condition = describe.condition(q.applies_if, shown)
        lines.append(
            _("Answer only if %(condition)s; otherwise leave it empty.") % {"condition": condition}
        )
    return "\n".join(lines)


def answer_shown(qn: Questionnaire, language: str) -> describe.Shown:
    """How a condition names an expected answer in the workbook: as the Answer cell of that
    question shows it (its label, Oui, inconnu), not as the value a response stores."""
    questions = qn.by_id

    def shown(qid: str, value: Expected) -> str:
        q = questions.get(qid)
        if q is None or (isinstance(value, int | float) and not isinstance(value, bool)):
            return describe.expected(value)
        given = ("yes" if value else "no") if isinstance(value, bool) else value.strip()
        if given.lower() in SPECIAL_ANSWERS:
            return word("answers", given.lower(), language)
        key = given.lower() if q.type == "yes_no" else given
        return json.dumps(dict(choices(q, language)).get(key, given), ensure_ascii=False)

    return shown


def _properties(book: Workbook, qn: Questionnaire, response: Response, language: str) -> None:
    book.properties.title = f"{qn.title} — {response.country.name} {response.year}"
    book.properties.language = language
    book.properties.creator = "ncr"
    book.active = 0  # the Instructions sheet
