"""The workbook a focal point gets: text never becomes a formula, answer cells open and the rest
locked, dropdowns of labels, number checks, and sheets that print as wide as the paper."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from assessing import review_of
from clients import client
from conftest import EXAMPLES, LIB, RESPONSES, RunNcr
from ncr.documents import Answer
from ncr.outputs.workbook_writer import (
    how_to_answer,
    instruction_blocks,
    instructions_text,
    row_height,
    shown_answer,
    workbook_bytes,
)
from workbook_helpers import export, libreoffice, resave_with_libreoffice

MINI_A = RESPONSES / "mini-a.yaml"
FORMULAS = RESPONSES / "mini-formulas.yaml"


def written(tmp_path: Path, source: Path = MINI_A) -> Path:
    review = review_of(source)
    path = tmp_path / "book.xlsx"
    path.write_bytes(workbook_bytes(review.questionnaire.model, review.response.model, "mini-q"))
    return path


def questions() -> dict[str, object]:
    return {q.id: q for q in review_of(MINI_A).questionnaire.model.questions()}


def test_sheets_columns_and_answers_as_a_focal_point_sees_them(tmp_path: Path) -> None:
    book = load_workbook(written(tmp_path))
    assert book.sheetnames == ["Instructions", "Review", "Lists", "Law", "Tech"]
    assert book["Lists"].sheet_state == "hidden"
    law = book["Law"]
    header = [c.value for c in law[1]]
    assert header == ["ID", "Question", "Answer", "Evidence", "Note", "How to answer", "Help"]
    rows = {row[0].value: [c.value for c in row] for row in law.iter_rows(min_row=2)}
    assert rows["L1"][1:4] == [
        "Is illegal access a crime?",
        "Yes",
        "Computer Misuse Act 2019\ns. 4",  # two items: the flow list splits at its comma
    ]
    assert rows["L2"][2] == "Partly"  # the label of `partial`
    assert rows["L3"][2] == "Preservation; Production order"
    assert rows["L4"][2] == 3 and law["C5"].data_type == "n"
    assert rows["L1"][6] == "Budapest Convention art. 2."
    tech = {row[0].value: row for row in book["Tech"].iter_rows(min_row=2)}
    assert tech["T6"][2].value == "n/a"
    # the answer as T1's cell shows it, not the value a response stores
    assert 'Answer only if T1 is "Yes"; otherwise leave it empty.' in tech["T2"][5].value
    review = {row[0].value: row[1].value for row in book["Review"].iter_rows(min_row=2)}
    assert review["Country code"] == "XA" and review["Year"] == 2026
    assert review["Questionnaire"] == "mini-q" and review["Status"] == "final"
    assert review["Review date"].date().isoformat() == "2026-03-14"


def test_text_that_looks_like_a_formula_is_stored_as_text(tmp_path: Path) -> None:
    path = written(tmp_path, FORMULAS)
    book = load_workbook(path)  # not data_only: a formula would show as one
    law, tech = book["Law"], book["Tech"]
    assert law["D2"].value.splitlines()[0] == '=HYPERLINK("https://example.org","click")'
    assert tech["C6"].value == "=1+1"
    assert law["E2"].value == "=cmd|' /C calc'!A0"
    assert book["Review"]["B3"].value == "=Aurelia"
    cells = [law["D2"], law["E2"], tech["C6"], book["Review"]["B3"], book["Review"]["B8"]]
    assert [c.data_type for c in cells] == ["s"] * 5
    assert all(c.quotePrefix for c in cells)  # and stays text when a focal point edits it


@pytest.mark.slow
def test_formula_looking_text_stays_text_through_libreoffice(tmp_path: Path) -> None:
    saved = resave_with_libreoffice(written(tmp_path, FORMULAS), tmp_path / "lo")
    book = load_workbook(saved)
    assert book["Tech"]["C6"].value == "=1+1" and book["Tech"]["C6"].data_type == "s"
    assert book["Law"]["E2"].data_type == "s"


def test_only_answer_evidence_and_note_cells_are_open(tmp_path: Path) -> None:
    book = load_workbook(written(tmp_path))
    law = book["Law"]
    assert law.protection.sheet
    unlocked = {c.coordinate for row in law.iter_rows() for c in row if not c.protection.locked}
    assert unlocked == {f"{col}{row}" for col in "CDE" for row in range(2, 6)}
    review = book["Review"]
    open_fields = {review.cell(c.row, 1).value for c in review["B"] if not c.protection.locked}
    assert open_fields == {"Country name", "Review date", "Status", "Reviewers", "Classification"}
    assert book["Instructions"].protection.sheet and book["Lists"].protection.sheet


def test_choices_get_a_dropdown_of_labels_and_numbers_a_check(tmp_path: Path) -> None:
    book = load_workbook(written(tmp_path))
    lists = [c.value for c in book["Lists"]["A"]]
    by_cell = {}
    for dv in book["Law"].data_validations.dataValidation:
        for ref in str(dv.sqref).split():
            by_cell[ref] = dv
    assert by_cell["C2"].type == "list" and by_cell["C2"].showErrorMessage
    first, last = (int(x.split("$")[-1]) for x in by_cell["C3"].formula1.split(":"))
    assert lists[first - 1 : last] == ["Fully", "Partly", "Not at all", "unknown"]
    first, last = (int(x.split("$")[-1]) for x in by_cell["C2"].formula1.split(":"))
    assert lists[first - 1 : last] == ["Yes", "No", "unknown"]
    assert "C4" not in by_cell  # several choices: typed, separated by ";"
    assert (by_cell["C5"].type, by_cell["C5"].operator, by_cell["C5"].formula1) == (
        "decimal",
        "greaterThanOrEqual",
        "0",
    )


def test_every_sheet_prints_as_wide_as_the_paper_with_its_header_row(tmp_path: Path) -> None:
    book = load_workbook(written(tmp_path))
    for ws in book.worksheets:
        if ws.sheet_state == "hidden":
            continue
        setup = ws.page_setup
        assert (setup.fitToWidth, setup.fitToHeight, setup.paperSize) == (1, 0, 9), ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.oddFooter.right.text == "Page &P of &N"
    law = book["Law"]
    assert (law.freeze_panes, law.print_title_rows, law.page_setup.orientation) == (
        "A2",
        "$1:$1",
        "landscape",
    )
    assert law.row_dimensions[2].height >= 3 * 12.75  # "How to answer" takes 3 lines for L1
    assert law.column_dimensions["B"].width > law.column_dimensions["A"].width


def test_the_instructions_come_from_the_data_file(tmp_path: Path) -> None:
    book = load_workbook(written(tmp_path))
    text = "\n".join(str(c.value) for c in book["Instructions"]["A"] if c.value)
    assert text.startswith("National Cyber Review — Aurelia 2026")
    assert "What counts as evidence" in text
    assert '"Law", "Tech" (Technical)' in text  # the sheets, named for this questionnaire
    blocks = list(instruction_blocks(instructions_text()))
    assert blocks[0] == ("heading", "How to fill in this workbook")
    assert ("heading", "What counts as evidence") in blocks
    assert sum(kind == "bullet" for kind, _ in blocks) >= 8


def test_answers_are_shown_as_labels_and_questions_explained() -> None:
    qs = questions()
    assert shown_answer(qs["L1"], Answer(answer=True)) == "Yes"  # type: ignore[arg-type]
    assert shown_answer(qs["L2"], Answer(answer="none")) == "Not at all"  # type: ignore[arg-type]
    assert shown_answer(qs["L4"], Answer(answer="N/A")) == "n/a"  # type: ignore[arg-type]
    assert shown_answer(qs["L4"], None) is None  # type: ignore[arg-type]
    assert how_to_answer(qs["L4"]).splitlines() == [  # type: ignore[arg-type]
        "A number, 0 or more.",
        "Also: unknown or n/a.",
    ]
    assert how_to_answer(qs["L3"]).splitlines()[0] == 'One or more, separated by ";":'  # type: ignore[arg-type]


def test_row_height_counts_the_wrapped_lines_of_the_tallest_cell() -> None:
    # 40 letters in a column 10 wide (11 letters a line): 4 lines; "a\nb" in a wide one: 2 lines
    assert row_height([("x" * 40, 10), ("a\nb", 50), (12, 5)]) == 4 * 12.75 + 4
    assert row_height([(None, 10)]) == 12.75 + 4


def test_export_names_a_questionnaire_file_relative_to_the_workbook(
    run_ncr: RunNcr, tmp_path: Path
) -> None:
    folder = tmp_path / "reviews"
    folder.mkdir()
    shutil.copy(LIB / "questionnaires" / "mini-q.yaml", folder / "mini-q.yaml")
    source = folder / "xa.yaml"
    source.write_text(
        MINI_A.read_text(encoding="utf-8").replace(
            "questionnaire: mini-q", "questionnaire: ./mini-q.yaml"
        ),
        encoding="utf-8",
    )
    book = export(run_ncr, source, folder / "xa.xlsx", "--path", LIB)
    assert load_workbook(book)["Review"]["B5"].value == "./mini-q.yaml"
    assert run_ncr("validate", book, "--path", LIB).exit_code == 0
    # A workbook elsewhere would have to name `../reviews/mini-q.yaml`, out of its folder, which no
    # response may (issue 13): refused before anything is written.
    (tmp_path / "out").mkdir()
    away = run_ncr("export", source, "-o", tmp_path / "out" / "xa.xlsx", "--path", LIB)
    assert away.exit_code == 2
    assert "is not in the folder of" in away.stderr
    assert not (tmp_path / "out" / "xa.xlsx").exists()


@pytest.mark.slow
def test_the_exported_workbook_prints_readably(run_ncr: RunNcr, tmp_path: Path) -> None:
    """LibreOffice's PDF of the workbook: every sheet, questions and answers legible, numbered."""
    pdftotext = client("pdftotext")
    book = export(run_ncr, EXAMPLES / "xb-2026.yaml", tmp_path / "xb.xlsx")
    pdf = libreoffice(book, tmp_path / "lo", "pdf")
    text = subprocess.run(
        [pdftotext, "-layout", str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    pages = text.split("\f")
    assert "How to fill in this workbook" in pages[0]
    assert "Page 1 of" in pages[0]
    assert any("Does the criminal law make it an offence" in page for page in pages)
    # the header row repeats on every page of a section sheet
    legal = [page for page in pages if "Legal framework" in page]
    assert len(legal) > 1 and all("How to answer" in page for page in legal)
    assert len(pages) < 40
