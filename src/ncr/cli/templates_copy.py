"""`ncr templates copy DIR`: the built-in templates as a starting point for a reviewer's own."""

from __future__ import annotations

from pathlib import Path

from rich.markup import escape

from ncr.cli.boundary import EXIT_OK, stderr
from ncr.outputs.atomic_files import refuse_inputs
from ncr.outputs.reports.template_files import copy_builtin


def run(folder: Path, *, force: bool = False) -> int:
    refuse_inputs(folder, [])  # the built-in templates are never written over
    written = copy_builtin(folder, force=force)
    err = stderr()
    err.print(f"wrote {len(written)} template files into {escape(str(folder))}:")
    for path in written:
        err.print(f"  {escape(path.name)}")
    err.print(
        f"edit them, delete those you keep as they are, and pass --templates {escape(str(folder))}"
    )
    return EXIT_OK
