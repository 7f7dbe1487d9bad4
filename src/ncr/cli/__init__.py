"""The command line: thin typer commands over the pipeline (stage 5)."""

from ncr.cli.commands import app, main

__all__ = ["app", "main"]
