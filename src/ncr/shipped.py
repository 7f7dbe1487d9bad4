"""Where the shipped frameworks, questionnaires and templates live, and how reports name them."""

from __future__ import annotations

import os
from functools import lru_cache
from importlib import resources
from pathlib import Path

BUILTIN = "built-in"
SHIPPED = ("frameworks", "questionnaires", "templates")


@lru_cache(maxsize=1)
def builtin_root() -> Path:
    """The shipped documents: inside the installed wheel, or at the top of a source checkout.
    Found once a process: each review's provenance asks for it several times."""
    packaged = Path(str(resources.files("ncr"))) / "_data"
    if packaged.is_dir():
        return packaged
    # An editable install runs from src/ncr; the data sits at the top of the repository.
    return Path(__file__).resolve().parents[2]


def _shipped_part(path: Path) -> Path | None:
    """`path` relative to the built-in root when it is a shipped document or template, else None."""
    try:
        inside = _resolved(path).relative_to(_resolved(builtin_root()))
    except ValueError:
        return None
    # a source checkout's root also holds examples/ and tests/, which are not shipped documents
    return inside if inside.parts and inside.parts[0] in SHIPPED else None


def is_builtin(path: Path) -> bool:
    """Whether `path` is (or would be) one of ncr's shipped files: never written."""
    return _shipped_part(path) is not None


def display_path(path: Path) -> str:
    """How a file is named in a report: shipped documents as `built-in:…`, others relative to the
    working directory, so a report never shows the folders of the machine that rendered it."""
    inside = _shipped_part(path)
    return _relative(path) if inside is None else f"built-in:{inside.as_posix()}"


def _relative(path: Path) -> str:
    try:
        return Path(os.path.relpath(path.resolve(), Path.cwd().resolve())).as_posix()
    except ValueError:  # another drive on Windows: the name alone
        return path.name


@lru_cache(maxsize=256)
def _resolved(path: Path) -> Path:
    # each review names its framework, questionnaire and benchmark: finding and resolving them
    # again for each of thousands of files took 5 % of a compare
    return path.resolve()


def template_dir() -> Path:
    return builtin_root() / "templates"
