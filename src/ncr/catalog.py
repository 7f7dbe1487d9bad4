"""The search path: where frameworks, questionnaires and benchmarks are found (DESIGN §2).

Each root is laid out like the repository: `frameworks/<id>/framework.yaml`,
`frameworks/<id>/benchmarks/<id>.yaml`, `questionnaires/<id>.yaml`. User roots come first, built-ins
last; the same id found twice is an error naming both files.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ncr.problems import InputError, Problem

BUILTIN = "built-in"
SHIPPED = ("frameworks", "questionnaires", "templates")
ENV_VAR = "NCR_PATH"


def builtin_root() -> Path:
    """The shipped documents: inside the installed wheel, or at the top of a source checkout."""
    packaged = Path(str(resources.files("ncr"))) / "_data"
    if packaged.is_dir():
        return packaged
    # An editable install runs from src/ncr; the data sits at the top of the repository.
    return Path(__file__).resolve().parents[2]


def display_path(path: Path) -> str:
    """How a file is named in a report: shipped documents as `built-in:…`, so reports name no local
    folders and read the same on every machine; others as given."""
    try:
        inside = path.resolve().relative_to(builtin_root().resolve())
    except ValueError:
        return str(path)
    # a source checkout's root also holds examples/ and tests/, which are not shipped documents
    return f"built-in:{inside.as_posix()}" if inside.parts[0] in SHIPPED else str(path)


def template_dir() -> Path:
    return builtin_root() / "templates"


@dataclass(frozen=True)
class Found:
    id: str
    path: Path
    origin: str


@dataclass(frozen=True)
class Catalog:
    roots: tuple[tuple[Path, str], ...]

    @classmethod
    def create(cls, paths: Sequence[Path] = (), env: Mapping[str, str] | None = None) -> Catalog:
        env = os.environ if env is None else env
        from_env = [Path(p) for p in env.get(ENV_VAR, "").split(os.pathsep) if p]
        roots: list[tuple[Path, str]] = []
        seen: set[Path] = set()
        for root, origin in [
            *((p, str(p)) for p in [*paths, *from_env]),
            (builtin_root(), BUILTIN),
        ]:
            resolved = root.resolve()
            if resolved not in seen:
                seen.add(resolved)
                roots.append((root, origin))
        return cls(tuple(roots))

    def frameworks(self) -> dict[str, Found]:
        return self._collect("framework", self._glob("frameworks/*/framework.yaml"), _parent_name)

    def questionnaires(self) -> dict[str, Found]:
        return self._collect("questionnaire", self._glob("questionnaires/*.yaml"), _stem)

    def benchmarks(self, framework: str) -> dict[str, Found]:
        found = self._glob(f"frameworks/{framework}/benchmarks/*.yaml")
        return self._collect("benchmark", found, _stem)

    def _glob(self, pattern: str) -> list[tuple[Path, str]]:
        return [
            (path, origin) for root, origin in self.roots for path in sorted(root.glob(pattern))
        ]

    @staticmethod
    def _collect(
        kind: str, files: Iterable[tuple[Path, str]], name: Callable[[Path], str]
    ) -> dict[str, Found]:
        found: dict[str, Found] = {}
        problems = []
        for path, origin in files:
            ident = name(path)
            if ident in found:
                first = found[ident].path
                message = f"{kind} id '{ident}' is also defined in {first}; rename one of them"
                problems.append(Problem(str(path), 1, 1, message))
                continue
            found[ident] = Found(ident, path, origin)
        if problems:
            raise InputError(problems)
        return found


def _parent_name(path: Path) -> str:
    return path.parent.name


def _stem(path: Path) -> str:
    return path.stem
