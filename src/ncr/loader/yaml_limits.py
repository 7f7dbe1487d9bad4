"""The limits of an ncr YAML file, checked on the parser's events before any node is built.

Composing a node tree first and counting afterwards is too late: a 5 MiB flow list took 11-15 s and
about 1 GB to compose before the node cap refused it. The event stream is cheap (about 3 µs an event
with libyaml) and stops at the first event over a limit, so a hostile file costs well under a second.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

from yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    CollectionStartEvent,
    NodeEvent,
    ScalarEvent,
)

MAX_NODES: Final = 50_000  # a 300-question questionnaire has about 12,000; 50,000 validate in ~3 s
MAX_DEPTH: Final = 64  # nested lists/mappings; our deepest schema needs about 6
# Every scalar's characters added up. A report grows with the text it carries, so this bounds the
# length of any report (README "Limits"); the shipped questionnaire holds about 60,000.
MAX_TEXT: Final = 200_000  # any YAML file; each document kind has its own, lower TEXT_CAP

ALIAS_MESSAGE: Final = "anchors and aliases (&/*) are not allowed in ncr files"
TOO_DEEP_MESSAGE: Final = f"lists and mappings are nested too deeply (more than {MAX_DEPTH} levels)"


@dataclass(frozen=True)
class Breach:
    """The first event over a limit: 0-based line and column, as PyYAML marks them, and why."""

    line: int
    column: int
    message: str


def first_breach(
    loader: Any, *, max_nodes: int | None = None, max_text: int = MAX_TEXT
) -> Breach | None:
    """Read `loader`'s events to the end; the first one over a limit, or None. `loader` is a fresh
    PyYAML loader (libyaml or pure Python) on the text; it is left at the end of the stream."""
    max_nodes = MAX_NODES if max_nodes is None else max_nodes
    nodes = depth = text = 0
    while (event := loader.get_event()) is not None:
        if not isinstance(event, NodeEvent):
            if isinstance(event, CollectionEndEvent):
                depth -= 1
            continue
        nodes += 1
        depth += isinstance(event, CollectionStartEvent)
        text += len(event.value) if isinstance(event, ScalarEvent) else 0
        message = _over(event, (nodes, max_nodes), depth, (text, max_text))
        if message is not None:
            mark = event.start_mark
            return Breach(mark.line, mark.column, message) if mark else Breach(0, 0, message)
    return None


def _over(
    event: NodeEvent, nodes: tuple[int, int], depth: int, text: tuple[int, int]
) -> str | None:
    """Why `event` is over a limit; `nodes` and `text` are (count so far, limit)."""
    if isinstance(event, AliasEvent) or event.anchor is not None:
        return ALIAS_MESSAGE
    if depth > MAX_DEPTH:
        return TOO_DEEP_MESSAGE
    if nodes[0] > nodes[1]:
        return f"the file has more than {nodes[1]:,} keys and values"
    if text[0] > text[1]:
        return f"the file holds more than {text[1]:,} characters of text (see README, Limits)"
    return None
