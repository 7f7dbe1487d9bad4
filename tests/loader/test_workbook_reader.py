"""Reading a workbook that comes from outside: bombs, foreign files and oversized sheets are
refused with a located message; formulas are errors, never values."""

from __future__ import annotations

import datetime as dt
import io
import struct
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from assessing import review_of
from conftest import RESPONSES
from ncr.loader.workbook_reader import (
    MAX_ROWS,
    MAX_UNPACKED_BYTES,
    CellValue,
    read_workbook,
    value_text,
)
from ncr.outputs.workbook_writer import workbook_bytes
from ncr.problems import InputError


@pytest.fixture
def exported(tmp_path: Path) -> Path:
    review = review_of(RESPONSES / "mini-a.yaml")
    path = tmp_path / "mini.xlsx"
    path.write_bytes(workbook_bytes(review.questionnaire.model, review.response.model, "mini-q"))
    return path


def refusal(path: Path) -> str:
    with pytest.raises(InputError) as caught:
        read_workbook(path)
    (problem,) = caught.value.problems
    return str(problem)


def rezip(source: Path, target: Path, replace: dict[str, bytes]) -> Path:
    """A copy of a workbook with some of its parts replaced or added."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            new.writestr(info.filename, replace.pop(info.filename, old.read(info.filename)))
        for name, data in replace.items():
            new.writestr(name, data)
    return target


def test_an_exported_workbook_reads_back_cell_by_cell(exported: Path) -> None:
    book = read_workbook(exported)
    assert book.problems == []
    assert book.review["country code"].value == "XA"
    assert book.review["review date"].value == dt.datetime(2026, 3, 14)
    rows = {row.qid: row for row in book.rows}
    assert list(rows) == ["L1", "L2", "L3", "L4", "T1", "T2", "T3", "T4", "T5", "T6"]
    assert rows["L2"].answer == CellValue("Partly", ("Law", 3, 3))
    assert rows["T4"].answer.value == 12


def test_a_zip_bomb_is_refused_before_it_is_unpacked(exported: Path, tmp_path: Path) -> None:
    # 64 MiB of zeros packs into about 64 KiB: small on disk, huge once unpacked
    bomb = b"\0" * (MAX_UNPACKED_BYTES + 24 * 1024 * 1024)
    path = rezip(exported, tmp_path / "bomb.xlsx", {"xl/media/image1.bin": bomb})
    assert path.stat().st_size < 1024 * 1024
    message = refusal(path)
    assert message.startswith(f"{path}: the workbook would unpack to ")
    assert "refused as unsafe" in message


def test_a_part_that_lies_about_its_size_unpacks_no_further(exported: Path, tmp_path: Path) -> None:
    """The sizes checked are the declared ones; zipfile stops a part at its declared size and
    then fails its checksum, so a part that claims 100 bytes never unpacks to more."""
    data = bytearray(exported.read_bytes())
    name = b"xl/worksheets/sheet4.xml"
    for signature, size_at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):  # local, central
        start = 0
        while (start := data.find(signature, start)) >= 0:
            name_at = start + (30 if size_at == 22 else 46)
            if data[name_at : name_at + len(name)] == name:
                struct.pack_into("<I", data, start + size_at, 100)
            start += 4
    path = tmp_path / "liar.xlsx"
    path.write_bytes(bytes(data))
    assert "cannot be read as an Excel workbook (BadZipFile)" in refusal(path)


def test_a_damaged_compressed_part_is_refused_not_a_bug(exported: Path, tmp_path: Path) -> None:
    # Bytes overwritten inside a deflated part, headers intact: zipfile raises zlib.error, which
    # was reported as "internal error (error)" (found by the workbook fuzzing, seed 11).
    data = bytearray(exported.read_bytes())
    with zipfile.ZipFile(exported) as archive:
        info = archive.getinfo("xl/worksheets/sheet4.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    data[start + 10 : start + 40] = bytes(range(30))
    path = tmp_path / "damaged.xlsx"
    path.write_bytes(bytes(data))
    assert "cannot be read as an Excel workbook (a damaged part)" in refusal(path)


def test_an_xml_entity_bomb_is_refused(exported: Path, tmp_path: Path) -> None:
    entities = b"".join(
        b'<!ENTITY lol%d "%s">' % (n, (b"&lol%d;" % (n - 1)) * 10) for n in range(1, 10)
    )
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY lol0 "lol">' + entities + b"]>"
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
        b"</sheetData></worksheet>"
    )  # a billion "lol"s once expanded
    with zipfile.ZipFile(exported) as archive:
        workbook = archive.read("xl/workbook.xml")
    tiny = b'<!DOCTYPE x [<!ENTITY a "aaaa">]>'
    bombs = {
        "xl/worksheets/sheet4.xml": laughs,  # the first section's sheet
        "xl/workbook.xml": workbook.replace(b"<workbook", tiny + b"<workbook", 1),
    }
    for part, data in bombs.items():
        path = rezip(exported, tmp_path / f"bomb-{part.split('/')[-1]}.xlsx", {part: data})
        assert "declares entities or a DTD" in refusal(path), part


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"country: {code: XA}\n", "this is not an Excel workbook (.xlsx)"),
        (
            bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 512,
            "Excel 97-2003 (.xls) file or a password",
        ),
        (b"", "this is not an Excel workbook (.xlsx)"),
    ],
    ids=["yaml", "xls", "empty"],
)
def test_files_that_are_not_workbooks_are_refused(
    tmp_path: Path, content: bytes, expected: str
) -> None:
    path = tmp_path / "answers.xlsx"
    path.write_bytes(content)
    message = refusal(path)
    assert message.startswith(f"{path}: ") and expected in message
    assert "save it from Excel or LibreOffice as an Excel workbook (.xlsx)" in message


def test_other_zip_files_are_refused(tmp_path: Path) -> None:
    ods = tmp_path / "answers.xlsx"
    with zipfile.ZipFile(ods, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
    assert "OpenDocument spreadsheet (.ods)" in refusal(ods)
    plain = tmp_path / "photos.xlsx"
    with zipfile.ZipFile(plain, "w") as archive:
        archive.writestr("a.txt", "hello")
    assert "a zip archive, not an Excel workbook" in refusal(plain)
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(broken, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    assert "cannot be read as an Excel workbook" in refusal(broken)


def _book(tmp_path: Path, build: dict[str, list[list[object]]]) -> Path:
    book = Workbook()
    book.remove(book.active)
    for name, rows in build.items():
        ws = book.create_sheet(name)
        for row in rows:
            ws.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    path = tmp_path / "made.xlsx"
    path.write_bytes(buffer.getvalue())
    return path


HEADER = ["ID", "Question", "Answer", "Evidence", "Note"]


def test_an_oversized_sheet_is_refused_at_the_row_past_the_limit(tmp_path: Path) -> None:
    rows = [HEADER, *([f"Q{n}", "?", "yes", None, None] for n in range(MAX_ROWS + 50))]
    path = _book(tmp_path, {"Review": [["Field", "Value"]], "Law": rows})
    messages = [str(p) for p in read_workbook(path).problems]
    assert messages == [
        (
            f"{path}:Law!A{MAX_ROWS + 1}: the sheet goes on past row {MAX_ROWS}: "
            "a section has one row per question"
        )
    ]


def test_structure_problems_are_located_in_their_cells(tmp_path: Path) -> None:
    rows = [
        HEADER,
        ["L1", "?", "=1+1", None, None],
        ["L1", "?", "yes", None, None],
        [None, None, "no", None, None],
        [None, None, None, None, None],  # an empty row is no problem
    ]
    path = _book(tmp_path, {"Legal framework": rows})
    found = [str(p) for p in sorted(read_workbook(path).problems)]
    assert found == [
        f"{path}: the workbook has no sheet 'Review' (country, year, questionnaire): restore it",
        (
            f"{path}:'Legal framework'!C2: this cell holds a formula (=1+1); type the answer "
            "itself: ncr reads values and never runs formulas"
        ),
        (
            f"{path}:'Legal framework'!A3: question L1 appears twice (first at "
            f"{path}:'Legal framework'!A2): keep one row for it"
        ),
        (
            f"{path}:'Legal framework'!A4: this row has an answer but no question ID: put the ID "
            "back, or clear the row"
        ),
    ]


def test_cell_values_read_as_the_user_sees_them() -> None:
    assert value_text(2019.0) == "2019"
    assert value_text(2.5) == "2.5"
    assert value_text(True) == "yes"
    assert value_text(dt.datetime(2026, 3, 14)) == "2026-03-14"
    assert value_text(dt.datetime(2026, 3, 14, 9, 30)) == "2026-03-14T09:30:00"
    assert value_text(None) is None


def test_a_french_workbook_reads_back_by_its_french_words(tmp_path: Path) -> None:
    """Sheets, headers and fields known by their French names; a header lost is named in
    French, at its sheet."""
    from openpyxl import load_workbook

    review = review_of(RESPONSES / "mini-a.yaml")
    path = tmp_path / "mini-fr.xlsx"
    path.write_bytes(
        workbook_bytes(review.questionnaire.model, review.response.model, "mini-q", "fr")
    )
    book = read_workbook(path)
    assert book.problems == [] and book.has_review
    assert book.review["country code"].value == "XA"  # from "Code du pays"
    assert book.review["language"].value == "fr"
    assert len(book.rows) == 10
    opened = load_workbook(path)
    opened["Law"]["C1"].value = "Réponses"  # not a column's name any more
    opened["Technical"]["E1"].value = "NOTE"  # any capitals
    opened.save(path)
    (found,) = [str(p) for p in read_workbook(path).problems]
    assert found == (
        f"{path}:Law!A1: this is not a question sheet of the workbook: row 1 must name the "
        "columns Réf., Question, Réponse, Justificatifs, Note (missing: Réponse); restore the "
        "header row, or remove the sheet"
    )
