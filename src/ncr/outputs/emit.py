"""The one ending of every command that produces a result: write the report file, print the JSON,
or draw the result on the terminal."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape

from ncr.documents.text_safety import visible
from ncr.outputs.atomic_files import write_atomic
from ncr.outputs.interface_text import _
from ncr.outputs.renderers import render
from ncr.outputs.reports.json_report import dumps
from ncr.outputs.reports.report_look import PLAIN, ReportLook
from ncr.outputs.terminal.tables import stdout_console


def emit(
    kind: str,
    result: Any,
    *,
    output: Path | None,
    fmt: str,
    show: Callable[[Any, Console], None],
    summary: str,
    err: Console,
    look: ReportLook = PLAIN,
) -> None:
    """`output` set: the report in `fmt`, then "wrote FILE — summary" on stderr; else JSON or the
    terminal view on stdout."""
    if output is not None:
        write_atomic(output, render(kind, fmt, result, look))
        line = _("wrote %(file)s — %(summary)s") % {
            "file": visible(str(output)),
            "summary": summary,
        }
        err.print(escape(line))
    elif fmt == "json":
        # straight to stdout: JSON needs none of rich's wrapping or markup, which cost 26-34 ms
        # of a one-file run (issue 19)
        sys.stdout.write(dumps(result))
    else:
        show(result, stdout_console())
