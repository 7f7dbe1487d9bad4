"""How numbers and statuses read, the same on screen and in every report."""

from __future__ import annotations

import math

from ncr.engine.result import Status

STATUS_LABELS: dict[Status, str] = {
    "strength": "Strength",
    "on_track": "On track",
    "weakness": "Weakness",
    "unbenchmarked": "No reference",
    "not_applicable": "Not applicable",
}


def number(value: float | None, signed: bool = False) -> str:
    """A score as reviewers read it: one decimal, an em dash when there is none."""
    if value is None:
        return "—"
    return f"{value:+.1f}" if signed else f"{value:.1f}"


def signed(value: float | None) -> str:
    return number(value, signed=True)


def percent(value: float | None) -> str:
    """Rounded down, so that 199 answers out of 200 never read as 100%."""
    return "—" if value is None else f"{math.floor(value * 100 + 1e-9)}%"


def plural(count: int, word: str) -> str:
    """`1 country`, `2 countries`, `0 errors`."""
    if count == 1:
        return f"1 {word}"
    return f"{count} {word[:-1]}ies" if word.endswith("y") else f"{count} {word}s"


def status_label(status: Status) -> str:
    return STATUS_LABELS[status]
