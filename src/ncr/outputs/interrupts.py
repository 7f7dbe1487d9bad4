"""Ctrl-C and SIGTERM: noted by ncr itself, so that no library can swallow them into a bad report.

WeasyPrint catches `BaseException` while it draws an SVG chart (weasyprint/images.py): a Ctrl-C
raised there is logged and dropped, and the render goes on to produce a PDF with an empty chart.
So the handler installed here both raises `Interrupted` (to stop the work quickly) and notes the
signal; `write_atomic` looks at the note, with the signals held back, before it puts a report in
place. A render that a signal reached is discarded even when the exception was swallowed.

Once a report is in place (`commit`), a later signal no longer raises: the run has done what was
asked, and the file is the one an uninterrupted run writes. Exit codes are the shell's: 128 plus the
signal number (130 for SIGINT, 143 for SIGTERM).
"""

from __future__ import annotations

import contextlib
import signal
import sys
from collections.abc import Callable, Iterator
from types import FrameType

SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Interrupted(BaseException):
    """A signal asked ncr to stop. Not a KeyboardInterrupt, so that click and typer, which turn
    that into "Aborted!" and exit 1, let it through to ncr's boundary."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        return 128 + self.signum


class _State:
    # A plain class, not a dataclass: this module is imported before anything else at start-up,
    # and the shorter that takes, the smaller the moment a Ctrl-C would meet Python's own handler.
    def __init__(self) -> None:
        self.installed = False
        self.signum: int | None = None  # the first signal that came, if any
        self.count = 0
        self.committed = False


_state = _State()


def install() -> None:
    """Handle SIGINT and SIGTERM in this process (the command line's, never a library user's).
    A signal ignored on entry stays ignored, as Python does for SIGINT: a job started in the
    background of a script, or under `nohup`, is not meant to be stopped by it."""
    for signum in SIGNALS:
        if signal.getsignal(signum) is not signal.SIG_IGN:
            signal.signal(signum, _on_signal)
    sys.unraisablehook = _quiet_about_signals(sys.unraisablehook)
    _state.installed = True


def _quiet_about_signals(
    hook: Callable[[sys.UnraisableHookArgs], object],
) -> Callable[[sys.UnraisableHookArgs], object]:
    """Python prints "Exception ignored in …" and a traceback when our handler raises where no
    exception can go (a finaliser, a callback from C). The signal is noted all the same, and ends
    the run at the next point that can take it: nothing to print."""

    def unraisable(args: sys.UnraisableHookArgs) -> object:
        if isinstance(args.exc_value, Interrupted):
            return None
        return hook(args)

    return unraisable


def _on_signal(signum: int, _frame: FrameType | None) -> None:
    _state.count += 1
    if _state.signum is None:
        _state.signum = signum
    if not _state.committed:
        raise Interrupted(signum)


def reset() -> None:
    """Forget what this process noted (a worker starts with a clean slate)."""
    global _state
    _state = _State()


def noted() -> int | None:
    """The signal that came since `install`, or None."""
    return _state.signum


def pending() -> Interrupted | None:
    """The signal that came and still ends the run (none once the report is committed), as the
    exception that ends it; None if there is none. For an error raised in its place: a signal
    that meets a library's C code running Python comes back as that library's error."""
    if _state.signum is None or _state.committed:
        return None
    return Interrupted(_state.signum)


def count() -> int:
    """How many signals came: a batch stops at once on the second."""
    return _state.count


def discard_if_interrupted() -> None:
    """Raise `Interrupted` if a signal came, even one whose exception was swallowed."""
    if (stop := pending()) is not None:
        raise stop


def commit() -> None:
    """The run's output is in place: signals from now on end nothing half-way. Also called as
    the process exits, so that a late signal raises nowhere (no traceback from shutdown)."""
    if _state.installed:
        _state.committed = True


def ending() -> None:
    """The process is about to exit: ignore the signals from here on. Committing is not enough:
    as the interpreter shuts down it puts back the default handlers of signals that had a Python
    handler, and a Ctrl-C in those last milliseconds would kill a run that has done its work (an
    ignored signal stays ignored)."""
    commit()
    if _state.installed:
        for signum in SIGNALS:
            signal.signal(signum, signal.SIG_IGN)


@contextlib.contextmanager
def held() -> Iterator[None]:
    """Hold SIGINT and SIGTERM back for a few milliseconds of work that must not be cut in two
    (writing and renaming a report, starting a worker). They are delivered when the block ends.
    A child process started inside inherits the held mask, so it cannot be interrupted before
    it has set up its own handling."""
    if not hasattr(signal, "pthread_sigmask"):  # Windows: nothing to hold
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)
