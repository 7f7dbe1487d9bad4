"""The command line: thin typer commands over the pipeline (stage 5).

`main` installs ncr's Ctrl-C and SIGTERM handling (outputs/interrupts.py) before anything else is
imported: a signal at any moment, start-up and exit included, ends the run with one short line
and 130 (143 for SIGTERM), never a traceback.
"""

from __future__ import annotations

import os
import sys

# ncr uses no pydantic plugin; looking for them reads the metadata of every installed package
# (about 60 ms of each start). A user who wants a plugin sets the variable themselves.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
# Not `typing.TYPE_CHECKING`: importing typing (and re) here would widen the moment at start-up
# when a Ctrl-C meets Python's own handler. mypy treats any name TYPE_CHECKING alike.
TYPE_CHECKING = False
if TYPE_CHECKING:
    import typer

__all__ = ["app", "main"]


def main() -> None:
    try:
        from ncr.outputs import interrupts

        interrupts.install()
    except KeyboardInterrupt:  # before the handler was in place
        sys.stderr.write("interrupted\n")
        sys.exit(130)
    code: int | str | None = 0
    try:
        try:
            from ncr.cli.commands import app

            app()
        except SystemExit as done:
            code = done.code
        except (interrupts.Interrupted, Exception) as error:  # outside a command's boundary
            # start-up and parsing; an Exception only when it is a signal a library wrapped
            stop = error if isinstance(error, interrupts.Interrupted) else interrupts.pending()
            if stop is None:
                raise
            from ncr.cli.boundary import interrupted

            code = interrupted(stop)
    except interrupts.Interrupted as stop:  # a second signal while the first was reported
        code = stop.exit_code
    interrupts.ending()  # from here a signal ends nothing: the process is exiting
    sys.exit(code)


def __getattr__(name: str) -> typer.Typer:
    if name == "app":  # imported on first use: `main` must run before typer is imported
        from ncr.cli.commands import app

        return app
    raise AttributeError(name)
