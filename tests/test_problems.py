"""Problems as a reviewer reads them: FILE:LINE:COL (or FILE.xlsx:SHEET!CELL), warnings marked,
each once, in file order."""

from __future__ import annotations

from ncr.problems import WHOLE_FILE, InputError, Problem, column_letters, errors_in

MISSING = Problem("xa.yaml", 9, 1, "no answer to T4", "warning")
BAD = Problem("xa.yaml", 12, 7, "'half' is not an option of L2; choose one of: none, full")


def test_an_error_and_a_warning_are_printed_with_their_location() -> None:
    assert str(BAD) == "xa.yaml:12:7: 'half' is not an option of L2; choose one of: none, full"
    assert str(MISSING) == "xa.yaml:9:1: warning: no answer to T4"
    assert BAD.is_error and not MISSING.is_error


def test_an_input_error_lists_every_problem_once_in_file_order() -> None:
    other_file = Problem("mini-q.yaml", 3, 5, "unknown key 'txt'")
    err = InputError([BAD, MISSING, BAD, other_file])
    assert err.problems == [other_file, MISSING, BAD]  # by file, then line, then column
    assert str(err) == (
        "mini-q.yaml:3:5: unknown key 'txt'\n"
        "xa.yaml:9:1: warning: no answer to T4\n"
        "xa.yaml:12:7: 'half' is not an option of L2; choose one of: none, full"
    )


def test_line_10_comes_after_line_9() -> None:
    # numbers, not text: "10" < "9" as text
    tenth = Problem("xa.yaml", 10, 1, "x")
    assert InputError([tenth, MISSING]).problems == [MISSING, tenth]


def test_errors_in_leaves_the_warnings_out() -> None:
    assert errors_in([MISSING, BAD]) == [BAD]


def test_a_workbook_problem_names_the_cell_as_a_spreadsheet_does() -> None:
    assert str(Problem("xb.xlsx", 12, 3, "bad", sheet="Legal")) == "xb.xlsx:Legal!C12: bad"
    assert Problem("xb.xlsx", 12, 3, "bad", sheet="Legal").cell == "C12"
    quoted = Problem("xb.xlsx", 2, 28, "bad", sheet="Bob's sheet")
    assert str(quoted) == "xb.xlsx:'Bob''s sheet'!AB2: bad"
    assert (
        str(Problem("xb.xlsx", 0, 0, "not a workbook", sheet=WHOLE_FILE))
        == "xb.xlsx: not a workbook"
    )
    assert str(Problem("xb.xlsx", 0, 0, "bad sheet", sheet="Law")) == "xb.xlsx:Law: bad sheet"
    assert [column_letters(n) for n in (1, 26, 27, 702, 703)] == ["A", "Z", "AA", "ZZ", "AAA"]


def test_problems_are_listed_sheet_by_sheet_then_row_by_row() -> None:
    found = InputError(
        [
            Problem("b.xlsx", 3, 3, "c", sheet="Tech"),
            Problem("b.xlsx", 10, 1, "b", sheet="Law"),
            Problem("b.xlsx", 2, 3, "a", sheet="Law"),
            Problem("b.xlsx", 0, 0, "whole", sheet=WHOLE_FILE),
            Problem("a.yaml", 4, 1, "yaml"),
            Problem("b.xlsx", 2, 3, "a", sheet="Law"),  # the same problem twice: once
        ]
    ).problems
    assert [p.message for p in found] == ["yaml", "whole", "a", "b", "c"]
