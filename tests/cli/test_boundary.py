"""The one error boundary: every way a command can end becomes an exit code and a short message."""

from __future__ import annotations

import signal
import subprocess
import sys

import pytest

from ncr.cli.boundary import EXIT_BUG, EXIT_INTERRUPTED, EXIT_INVALID, EXIT_OK, guarded
from ncr.outputs.interface_text import speaking
from ncr.outputs.interrupts import Interrupted
from ncr.problems import InputError, Problem, UsageError

WARNING = Problem("xa.yaml", 9, 1, "no answer to T4", "warning")


def fail(error: BaseException) -> int:
    raise error


def test_a_command_that_succeeds_keeps_its_exit_code(capsys: pytest.CaptureFixture[str]) -> None:
    assert guarded(lambda: EXIT_OK) == 0
    assert guarded(lambda: 1) == 1  # a failed gate
    assert capsys.readouterr().err == ""


def test_invalid_input_lists_the_problems_and_counts_only_the_errors(
    capsys: pytest.CaptureFixture[str],
) -> None:
    problems = [WARNING, Problem("xa.yaml", 12, 7, "bad L2"), Problem("xa.yaml", 14, 7, "bad T1")]
    assert guarded(lambda: fail(InputError(problems))) == EXIT_INVALID == 2
    assert capsys.readouterr().err.splitlines() == [
        "xa.yaml:9:1: warning: no answer to T4",
        "xa.yaml:12:7: bad L2",
        "xa.yaml:14:7: bad T1",
        "2 errors — nothing was written.",
    ]


def test_one_error_is_one_error(capsys: pytest.CaptureFixture[str]) -> None:
    guarded(lambda: fail(InputError([Problem("xa.yaml", 1, 1, "the file is empty")])))
    assert capsys.readouterr().err.endswith("1 error — nothing was written.\n")


def test_a_usage_error_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert guarded(lambda: fail(UsageError("xa.pdf already exists; use --force"))) == 2
    assert capsys.readouterr().err == "error: xa.pdf already exists; use --force\n"


def test_markup_in_a_message_is_printed_as_written(capsys: pytest.CaptureFixture[str]) -> None:
    guarded(lambda: fail(UsageError("cannot read [bold]x[/bold].yaml")))
    assert capsys.readouterr().err == "error: cannot read [bold]x[/bold].yaml\n"


def test_ctrl_c_is_exit_130(capsys: pytest.CaptureFixture[str]) -> None:
    assert guarded(lambda: fail(KeyboardInterrupt())) == EXIT_INTERRUPTED == 130
    assert capsys.readouterr().err == "interrupted\n"


def test_ncr_s_own_signals_give_the_shell_s_codes(capsys: pytest.CaptureFixture[str]) -> None:
    # What outputs/interrupts.py raises once `ncr` has installed its handler: 128 + the signal.
    assert guarded(lambda: fail(Interrupted(signal.SIGINT))) == 130
    assert guarded(lambda: fail(Interrupted(signal.SIGTERM))) == 143
    assert capsys.readouterr().err == "interrupted\nstopped by SIGTERM\n"


def test_a_bug_is_a_short_report_not_a_traceback(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NCR_DEBUG", raising=False)
    assert guarded(lambda: fail(ZeroDivisionError("division by zero"))) == EXIT_BUG == 70
    err = capsys.readouterr().err
    assert err == (
        "internal error (ZeroDivisionError): this is a bug in ncr, please report it.\n"
        "Run again with NCR_DEBUG=1 to see the details.\n"
    )


def test_ncr_debug_shows_the_traceback(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NCR_DEBUG", "1")
    assert guarded(lambda: fail(ZeroDivisionError("division by zero"))) == EXIT_BUG
    err = capsys.readouterr().err
    assert (
        "Traceback (most recent call last)" in err and "ZeroDivisionError: division by zero" in err
    )


# --- the ending lines in the reader's language (issue 17) -----------------------------------------


def errors(count: int) -> InputError:
    return InputError([Problem("xa.yaml", line, 1, "bad") for line in range(1, count + 1)])


def test_nothing_was_written_is_said_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    with speaking("fr"):
        guarded(lambda: fail(errors(2)))
        guarded(lambda: fail(Interrupted(signal.SIGINT)))
        guarded(lambda: fail(Interrupted(signal.SIGTERM)))
    lines = capsys.readouterr().err.splitlines()
    assert lines[-3:] == [
        "2 erreurs — rien n’a été enregistré.",
        "interrompu",
        "arrêté par SIGTERM",
    ]


@pytest.mark.parametrize(
    ("count", "counted"),
    [  # Arabic's plural forms: one, two, three to ten, eleven to ninety-nine, a hundred
        (1, "خطأ واحد"),
        (2, "خطآن"),
        (3, "3 أخطاء"),
        (11, "11 خطأً"),
        (100, "100 خطأ"),
    ],
)
def test_the_arabic_error_count_takes_each_plural_form(
    count: int, counted: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with speaking("ar"):
        guarded(lambda: fail(errors(count)))
    assert capsys.readouterr().err.splitlines()[-1] == f"{counted} — لم يُحفظ أي شيء."


# A signal that meets a library's C code running Python comes back wrapped in that library's
# error: pydantic_core turned a Ctrl-C during `import` (building a model's validator) into a
# SchemaError, and ncr printed its traceback. Each case runs in a process of its own, as `ncr`
# does, with ncr's handler installed.
WRAPPED_IN_A_COMMAND = """
import os, signal
from ncr.cli.boundary import guarded
from ncr.outputs import interrupts
interrupts.install()
def body():
    try:
        os.kill(os.getpid(), signal.SIGINT)
    except interrupts.Interrupted as stop:
        raise RuntimeError("Error building validator") from stop
    return 0
print(guarded(body))
"""
MISTAKEN_FOR_BAD_INPUT = """
import os, signal
from ncr.cli.boundary import guarded
from ncr.outputs import interrupts
from ncr.problems import InputError, Problem
interrupts.install()
def body():
    try:
        os.kill(os.getpid(), signal.SIGINT)
    except interrupts.Interrupted:
        # what pydantic reported for the value it was checking when the signal came
        raise InputError([Problem("q.yaml", 117, 19, "must match pattern '<unprintable str>'")])
    return 0
print(guarded(body))
"""
WRAPPED_AT_START_UP = """
import importlib.abc, os, signal, sys
class Trap(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name == "ncr.cli.commands":
            try:
                os.kill(os.getpid(), signal.SIGINT)
            except BaseException as stop:
                raise RuntimeError("Error building validator") from stop
        return None
sys.meta_path.insert(0, Trap())
sys.argv = ["ncr", "--help"]
from ncr.cli import main
main()
"""


@pytest.mark.parametrize(
    ("code", "out"),
    [
        (WRAPPED_IN_A_COMMAND, "130\n"),
        (MISTAKEN_FOR_BAD_INPUT, "130\n"),
        (WRAPPED_AT_START_UP, ""),
    ],
)
def test_a_signal_wrapped_in_another_error_still_ends_as_a_signal(code: str, out: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert (done.stdout, done.stderr) == (out, "interrupted\n")
    assert done.returncode == (0 if out else EXIT_INTERRUPTED)


def test_a_signal_raised_where_no_exception_can_go_prints_nothing_and_is_kept() -> None:
    # in a finaliser Python cannot raise: it used to print "Exception ignored in …" and a
    # traceback; the signal is noted and ends the run at the next point that can take it
    code = """
import os, signal
from ncr.outputs import interrupts
interrupts.install()
class Closing:
    def __del__(self):
        os.kill(os.getpid(), signal.SIGINT)
Closing()
try:
    interrupts.discard_if_interrupted()
except interrupts.Interrupted as stop:
    print("ends with", stop.exit_code)
"""
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert (done.stdout, done.stderr) == ("ends with 130\n", "")
