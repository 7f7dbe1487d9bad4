"""The search path: where frameworks, questionnaires and benchmarks are found (DESIGN §2).

Each root is laid out like the repository: `frameworks/<id>/framework.yaml`,
`frameworks/<id>/benchmarks/<id>.yaml`, `questionnaires/<id>.yaml`. User roots come first, built-ins
last; the same id found twice is an error naming both files, but only when that id is looked up: a
stray copy in some folder on the path must not break the files that do not use it.

Earlier releases of a framework stay beside the current one, each in a folder named by its version
with its own benchmarks: `frameworks/<id>/<version>/framework.yaml` and
`frameworks/<id>/<version>/benchmarks/*.yaml`. A questionnaire's `framework_version` specifier
picks the newest release it admits (the loader does the picking), so reviews made with an older
questionnaire keep assessing as before.

A translation sits beside the document it translates, its language before the suffix
(`framework.fr.yaml`, `questionnaires/<id>.es.yaml`, DESIGN §12): it is never a document of its own,
so a questionnaire or benchmark id cannot end in `.fr`, `.es` or `.ar`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ncr.documents.languages import LANGUAGES, SOURCE_LANGUAGE
from ncr.problems import InputError, Problem, UsageError
from ncr.shipped import BUILTIN, builtin_root

ENV_VAR = "NCR_PATH"


@dataclass(frozen=True)
class Found:
    id: str
    path: Path
    origin: str
    kind: str = "document"
    others: tuple[Path, ...] = ()  # further files with the same id, later on the path

    def checked(self) -> Path:
        """The file, or an error naming every file that has this id."""
        if self.others:
            raise InputError([self.conflict()])
        return self.path

    def conflict(self) -> Problem:
        names = ", ".join(str(other) for other in self.others)
        message = f"{self.kind} id '{self.id}' is defined in {self.path} and {names}; rename one"
        return Problem(str(self.others[0]), 1, 1, message)

    # for a kept earlier release of a framework: its version (the folder name); None otherwise
    release: str | None = None


@dataclass(frozen=True)
class Catalog:
    roots: tuple[tuple[Path, str], ...]

    @classmethod
    def create(cls, paths: Sequence[Path] = (), env: Mapping[str, str] | None = None) -> Catalog:
        env = os.environ if env is None else env
        missing = [p for p in paths if not p.is_dir()]
        if missing:  # a mistyped --path would otherwise fall back to the built-ins unnoticed
            raise UsageError(f"--path {missing[0]}: no such folder")
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

    def releases(self, framework: str) -> list[Found]:
        """The kept earlier releases of a framework, `frameworks/<id>/<version>/framework.yaml`,
        in every root; the current one is `frameworks()[framework]`."""
        return [
            Found(framework, path, origin, release=path.parent.name)
            for path, origin in self._glob(f"frameworks/{framework}/*/framework.yaml")
            if path.parent.name != "benchmarks"
        ]

    def benchmarks(self, framework: str, release: str | None = None) -> dict[str, Found]:
        folder = f"frameworks/{framework}" + (f"/{release}" if release else "")
        return self._collect("benchmark", self._glob(f"{folder}/benchmarks/*.yaml"), _stem)

    def _glob(self, pattern: str) -> list[tuple[Path, str]]:
        return [
            (path, origin)
            for root, origin in self.roots
            for path in sorted(root.glob(pattern))
            if not is_translation_file(path)
        ]

    @staticmethod
    def _collect(
        kind: str, files: Iterable[tuple[Path, str]], name: Callable[[Path], str]
    ) -> dict[str, Found]:
        found: dict[str, Found] = {}
        for path, origin in files:
            ident = name(path)
            first = found.get(ident)
            if first is None:
                found[ident] = Found(ident, path, origin, kind)
            else:
                found[ident] = replace(first, others=(*first.others, path))
        return found


def _parent_name(path: Path) -> str:
    return path.parent.name


def _stem(path: Path) -> str:
    return path.stem


TRANSLATED: tuple[str, ...] = tuple(code for code in LANGUAGES if code != SOURCE_LANGUAGE)


def translation_language(path: Path) -> str | None:
    """The language a translation file's name gives (`x.fr.yaml` → "fr"), or None."""
    base, dot, code = path.stem.rpartition(".")
    named = bool(base and dot) and path.suffix in (".yaml", ".yml")
    return code if named and code in TRANSLATED else None


def is_translation_file(path: Path) -> bool:
    return translation_language(path) is not None


def translation_path(document: Path, language: str) -> Path:
    """Where the `language` translation of a document lives: beside it, `x.yaml` → `x.fr.yaml`."""
    return document.with_name(f"{document.stem}.{language}{document.suffix}")


def english_path(translation: Path) -> Path | None:
    """The document a translation file translates (`x.fr.yaml` → `x.yaml`), None if not one."""
    language = translation_language(translation)
    if language is None:
        return None
    return translation.with_name(translation.stem.rpartition(".")[0] + translation.suffix)
