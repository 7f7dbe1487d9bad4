"""The pieces every terminal view is built of: tables, status words in colour, levels."""

from __future__ import annotations

import os

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ncr.engine.result import Scored, Status
from ncr.outputs.display import status_label
from ncr.outputs.interface_text import N_, _

STATUS_STYLE: dict[Status, str] = {
    "strength": "green",
    "on_track": "cyan",
    "weakness": "red",
    "unbenchmarked": "dim",
    "not_applicable": "dim",
}
TOP = 5
# Columns of figures, right-aligned (named in English, matched in the reader's language)
NUMERIC = (N_("Score"), N_("Ref."), N_("Delta"), N_("Coverage"), N_("Points"))
# Piped output without COLUMNS: so wide that no table or line wraps; tables keep their natural width.
UNWRAPPED = 100_000


def stdout_console() -> Console:
    """The console for results: rich in a terminal; piped, plain text that wraps at COLUMNS if it
    is set, else not at all (rich would wrap at 80 columns)."""
    console = Console(highlight=False)
    if not console.is_terminal and not os.environ.get("COLUMNS"):
        console.width = UNWRAPPED
    return console


def status_text(status: Status) -> Text:
    return Text(status_label(status).lower(), style=STATUS_STYLE[status])


def level_text(item: Scored) -> str:
    return "—" if item.level is None else f"{item.level} {item.level_name}"


def table(*columns: str, title: str | None = None, plain: bool = False) -> Table:
    result = Table(title=title, box=box.ASCII if plain else box.SIMPLE_HEAD, title_justify="left")
    for column in columns:
        numeric = column in {_(name) for name in NUMERIC}
        result.add_column(column, justify="right" if numeric else "left")
    return result
