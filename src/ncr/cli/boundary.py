"""The one error boundary: user errors become located lines and exit 2, bugs a short report."""

from __future__ import annotations

import os
import signal
import traceback
from collections.abc import Callable

from rich.console import Console
from rich.markup import escape

from ncr.outputs.interface_text import _, ngettext
from ncr.outputs.interrupts import Interrupted, pending
from ncr.problems import InputError, Problem, UsageError

EXIT_OK, EXIT_GATE, EXIT_INVALID, EXIT_INTERRUPTED, EXIT_BUG = 0, 1, 2, 130, 70


def stderr() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


def print_problems(problems: list[Problem], console: Console | None = None) -> None:
    console = console or stderr()
    for problem in problems:
        style = "yellow" if problem.severity == "warning" else "red"
        console.print(f"[{style}]{escape(str(problem))}[/]")


def guarded(action: Callable[[], int]) -> int:
    """Run a command body; translate every way it can end into an exit code."""
    try:
        return action()
    except Interrupted as stop:
        return interrupted(stop)
    except KeyboardInterrupt:  # in process, where ncr's own handler is not installed
        stderr().print(escape(_("interrupted")))
        return EXIT_INTERRUPTED
    except Exception as error:  # noqa: BLE001 — the boundary: nothing ends in a traceback
        # A signal that met a library's C code running Python comes back as that library's
        # error: pydantic_core wraps it in a SchemaError, or reports the value it was checking
        # as invalid. Whatever the command then raised, the signal is what ended it.
        if (signalled := pending()) is not None:
            return interrupted(signalled)
        return _failed(error)


def _failed(error: Exception) -> int:
    if isinstance(error, InputError):
        print_problems(error.problems)
        nothing_written(sum(1 for p in error.problems if p.is_error))
        return EXIT_INVALID
    if isinstance(error, UsageError):
        stderr().print(f"[red]error:[/] {escape(str(error))}")
        return EXIT_INVALID
    if os.environ.get("NCR_DEBUG"):
        traceback.print_exception(error)
    else:
        bug = _("internal error (%(error)s): this is a bug in ncr, please report it.")
        stderr().print(
            f"[red]{escape(bug % {'error': type(error).__name__})}[/]\n"
            + escape(_("Run again with NCR_DEBUG=1 to see the details."))
        )
    return EXIT_BUG


def interrupted(stop: Interrupted) -> int:
    """Ctrl-C or SIGTERM: one short line, and the shell's code (130, 143). Nothing half-written
    is left (outputs/interrupts.py), so there is nothing else to say."""
    if stop.signum == signal.SIGINT:
        what = _("interrupted")
    else:
        what = _("stopped by %(signal)s") % {"signal": str(stop)}
    stderr().print(escape(what))
    return stop.exit_code


def nothing_written(errors: int) -> None:
    """The last line of a run refused for its inputs: "2 errors — nothing was written."."""
    counted = ngettext("%(count)d error", "%(count)d errors", errors) % {"count": errors}
    line = escape(_("%(errors)s — nothing was written.")).replace(
        "%(errors)s", f"[red]{escape(counted)}[/]"
    )
    stderr().print(line)
