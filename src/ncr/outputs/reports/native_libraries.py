"""WeasyPrint and cairosvg, imported with their C libraries opened by soname alone.

Both try several names for each library (`libgobject-2.0-0`, `gobject-2.0`, … and only then
`libgobject-2.0.so.0`), and cffi hands every name that does not open to `ctypes.util.find_library`,
which on Linux runs `ldconfig`, `gcc` and `ld` for it — 16 times for WeasyPrint. That costs
0.2–0.4 s of each PDF run, and `gcc` links into a `tmp…` file of the temp folder: a Ctrl-C at that
moment left the file behind (the linker, not signalled, goes on writing it after `ncr` is gone).
While these packages are imported, `find_library` finds nothing, so the names that are real
sonames (the `lib….so.N` ones, which every Linux distribution installs) are the ones that open.
"""

from __future__ import annotations

import contextlib
import importlib
import sys
from collections.abc import Iterator
from types import ModuleType

# The packages whose import opens C libraries through cffi.
_NATIVE = ("weasyprint", "cairosvg", "cairocffi")


def imported(name: str) -> ModuleType:
    """`import name` (a module of WeasyPrint or cairosvg), its libraries opened by soname; should
    one of them be known to the system only by a search, imported again the usual way."""
    if name in sys.modules:
        return sys.modules[name]
    try:
        with _sonames_only():
            return importlib.import_module(name)
    except OSError:
        for loaded in [m for m in sys.modules if m.partition(".")[0] in _NATIVE]:
            del sys.modules[loaded]  # half-imported: forget it all, and search as ctypes does
        return importlib.import_module(name)


@contextlib.contextmanager
def _sonames_only() -> Iterator[None]:
    if not sys.platform.startswith("linux"):  # elsewhere the search runs no compiler
        yield
        return
    import ctypes.util

    search = ctypes.util.find_library
    ctypes.util.find_library = _nothing
    try:
        yield
    finally:
        ctypes.util.find_library = search


def _nothing(name: str) -> None:
    return None
