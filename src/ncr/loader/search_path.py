"""The search path: where frameworks, questionnaires and benchmarks are found (DESIGN §2).

Each root is laid out like the repository: `frameworks/<id>/framework.yaml`,
`frameworks/<id>/benchmarks/<id>.yaml`, `questionnaires/<id>.yaml`. User roots come first, built-ins
last; the same id found twice is an error naming both files.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ncr.problems import InputError, Problem
from ncr.shipped import BUILTIN, builtin_root

ENV_VAR = "NCR_PATH"


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
