"""What the loader needs of a parsed input, whether YAML or a workbook: its data, and a way to
locate a problem at a path of keys and indexes in that data."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol, TypeVar

from ncr.problems import Problem, Severity

P = TypeVar("P")
DocPath = tuple[str | int, ...]


class SourceDoc(Protocol):
    @property
    def file(self) -> str: ...

    @property
    def data(self) -> dict[str, Any]: ...

    def problem(
        self,
        path: Sequence[str | int],
        message: str,
        severity: Severity = "error",
        *,
        at_key: bool = False,
    ) -> Problem: ...


def nearest(places: Mapping[DocPath, P], path: Sequence[str | int], default: P) -> P:
    """Where `path` is, or its nearest parent that has a place, or `default`."""
    for end in range(len(path), -1, -1):
        found = places.get(tuple(path[:end]))
        if found is not None:
            return found
    return default
