"""The same render through one of ncr's WeasyPrint modules (svg_text, drawn_lines, kept_layouts)
and through WeasyPrint's own code, for the tests that compare both."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol


class Patch(Protocol):
    def install(self) -> bool: ...
    def uninstall(self) -> None: ...


def ours_and_weasyprints(patch: Patch, make: Callable[[], bytes]) -> tuple[bytes, bytes]:
    """`make()` with `patch` installed, then without it; `patch` is installed again after."""
    ours = make()
    patch.uninstall()
    try:
        theirs = make()
    finally:
        assert patch.install()
    return ours, theirs
