"""The pieces every terminal view is built of: tables, status words in colour, levels."""

from __future__ import annotations

from rich import box
from rich.table import Table
from rich.text import Text

from ncr.engine.result import Scored, Status
from ncr.outputs.display import status_label

STATUS_STYLE: dict[Status, str] = {
    "strength": "green",
    "on_track": "cyan",
    "weakness": "red",
    "unbenchmarked": "dim",
    "not_applicable": "dim",
}
TOP = 5


def status_text(status: Status) -> Text:
    return Text(status_label(status).lower(), style=STATUS_STYLE[status])


def level_text(item: Scored) -> str:
    return "—" if item.level is None else f"{item.level} {item.level_name}"


def table(*columns: str, title: str | None = None, plain: bool = False) -> Table:
    result = Table(title=title, box=box.ASCII if plain else box.SIMPLE_HEAD, title_justify="left")
    for column in columns:
        numeric = column in ("Score", "Ref.", "Delta", "Coverage", "Points")
        result.add_column(column, justify="right" if numeric else "left")
    return result
