"""Problems as a reviewer reads them: FILE:LINE:COL, warnings marked, each once, in file order."""

from __future__ import annotations

from ncr.problems import InputError, Problem, errors_in

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
