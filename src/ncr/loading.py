"""Loading documents from files: YAML → model → cross-reference checks, every problem located.

The contract: a function here returns a loaded document or raises InputError carrying every problem
found in the file, never a YAML or pydantic exception.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import BaseModel

from ncr.catalog import Catalog, Found
from ncr.checks import (
    Finding,
    check_benchmark,
    check_framework,
    check_questionnaire,
    check_response,
    did_you_mean,
)
from ncr.documents import Benchmark, Framework, Questionnaire, Response
from ncr.locate import validate_model
from ncr.problems import InputError, Problem, UsageError, errors_in
from ncr.yamlread import YamlDoc, parse_yaml

M = TypeVar("M", bound=BaseModel)
MAX_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class Loaded(Generic[M]):
    """A validated document with where it came from and what was noticed while loading it."""

    model: M
    doc: YamlDoc
    path: Path
    sha256: str
    warnings: tuple[Problem, ...] = ()

    @property
    def name(self) -> str:
        return self.doc.file


def read_document(path: Path, model: type[M]) -> tuple[M, YamlDoc, str]:
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(
            [Problem(str(path), 0, 0, f"cannot read the file: {err.strerror}")]
        ) from None
    doc = parse_yaml(data, str(path))
    return validate_model(model, doc), doc, hashlib.sha256(data).hexdigest()


def _finish(
    path: Path, model: type[M], check: Callable[[M], list[Finding]] | None = None
) -> Loaded[M]:
    instance, doc, digest = read_document(path, model)
    problems = [to_problem(doc, f) for f in (check(instance) if check else [])]
    if errors_in(problems):
        raise InputError(problems)
    return Loaded(instance, doc, path, digest, tuple(problems))


def to_problem(doc: YamlDoc, finding: Finding) -> Problem:
    return doc.problem(finding.path, finding.message, finding.severity, at_key=finding.at_key)


@dataclass
class Loader:
    """Loads documents through a catalog, each file once per process (a batch shares frameworks)."""

    catalog: Catalog
    _cache: dict[tuple[str, Path], Loaded[BaseModel]] = field(default_factory=dict)

    def framework(self, path: Path) -> Loaded[Framework]:
        def check(fw: Framework) -> list[Finding]:
            findings = check_framework(fw)
            if path.name == "framework.yaml" and path.parent.name != fw.id:
                message = f"the id '{fw.id}' must match its folder name '{path.parent.name}'"
                findings.append(Finding(("id",), message))
            return findings

        return self._cached("framework", path, lambda: _finish(path, Framework, check))

    def framework_by_id(self, ident: str, wanted_by: Loaded[BaseModel]) -> Loaded[Framework]:
        return self.framework(self._find(self.catalog.frameworks(), ident, "framework", wanted_by))

    def questionnaire(self, path: Path) -> tuple[Loaded[Questionnaire], Loaded[Framework]]:
        loaded = self._cached("questionnaire", path, lambda: _finish(path, Questionnaire))
        fw = self.framework_by_id(loaded.model.framework, loaded)
        findings = check_questionnaire(loaded.model, fw.model)
        problems = tuple(to_problem(loaded.doc, f) for f in findings)
        if errors_in(problems):
            raise InputError(problems)
        return Loaded(loaded.model, loaded.doc, path, loaded.sha256, problems), fw

    def benchmark(self, path: Path) -> tuple[Loaded[Benchmark], Loaded[Framework]]:
        loaded = self._cached("benchmark", path, lambda: _finish(path, Benchmark))
        fw = self.framework_by_id(loaded.model.framework, loaded)
        problems = tuple(to_problem(loaded.doc, f) for f in check_benchmark(loaded.model, fw.model))
        if errors_in(problems):
            raise InputError(problems)
        return Loaded(loaded.model, loaded.doc, path, loaded.sha256, problems), fw

    def benchmark_for(self, spec: str | None, fw: Loaded[Framework]) -> Loaded[Benchmark] | None:
        """`--benchmark ID|FILE`, or the framework's default; None when neither exists."""
        ident = spec or fw.model.default_benchmark
        if ident is None:
            return None
        known = self.catalog.benchmarks(fw.model.id)
        if _looks_like_path(ident):
            path = Path(ident)
        elif ident in known:
            path = known[ident].path
        elif spec is None:
            path = self._find(known, ident, "benchmark", fw)
        else:
            names = ", ".join(sorted(known)) or "none"
            raise UsageError(f"no benchmark '{ident}' for framework {fw.model.id} (known: {names})")
        loaded, bm_fw = self.benchmark(path)
        if bm_fw.model.id != fw.model.id:
            message = f"benchmark is for framework '{bm_fw.model.id}', not '{fw.model.id}'"
            raise InputError([loaded.doc.problem(("framework",), message)])
        return loaded

    def response(self, path: Path) -> Loaded[Response]:
        return _finish(path, Response)

    def questionnaire_for(
        self, resp: Loaded[Response]
    ) -> tuple[Loaded[Questionnaire], Loaded[Framework]]:
        ref = resp.model.questionnaire
        if _looks_like_path(ref):
            path = resp.path.parent / ref
            if not path.is_file():
                message = f"questionnaire file '{ref}' not found (looked for {path})"
                raise InputError([resp.doc.problem(("questionnaire",), message)])
        else:
            path = self._find(self.catalog.questionnaires(), ref, "questionnaire", resp)
        return self.questionnaire(path)

    def check_answers(self, resp: Loaded[Response], qn: Loaded[Questionnaire]) -> None:
        problems = [to_problem(resp.doc, f) for f in check_response(resp.model, qn.model)]
        if errors_in(problems):
            raise InputError(problems)

    def _find(
        self, found: dict[str, Found], ident: str, kind: str, wanted_by: Loaded[BaseModel]
    ) -> Path:
        if ident in found:
            return found[ident].path
        key = {"questionnaire": "questionnaire", "benchmark": "default_benchmark"}.get(
            kind, "framework"
        )
        hint = did_you_mean(ident, found) or (
            f"; known: {', '.join(sorted(found))}" if found else ""
        )
        message = f"no {kind} '{ident}' on the search path{hint} (add a folder with --path DIR)"
        raise InputError([wanted_by.doc.problem((key,), message)])

    def _cached(self, kind: str, path: Path, load: Callable[[], Loaded[M]]) -> Loaded[M]:
        key = (kind, path.resolve())
        if key not in self._cache:
            self._cache[key] = load()  # type: ignore[assignment]
        return self._cache[key]  # type: ignore[return-value]


def _looks_like_path(ref: str) -> bool:
    return ref.endswith((".yaml", ".yml")) or "/" in ref or "\\" in ref
