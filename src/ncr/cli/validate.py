"""`ncr validate`: check any ncr document and report every problem, located."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from rich.console import Console
from rich.markup import escape

from ncr.cli.boundary import EXIT_GATE, EXIT_INVALID, EXIT_OK, print_problems, stderr
from ncr.documents.text_safety import visible
from ncr.loader.document_reading import kind_of
from ncr.loader.loading import Loader
from ncr.loader.search_path import TRANSLATED, Catalog
from ncr.loader.translations import checked_against, read_translation, translation_summary
from ncr.loader.workbook_reader import is_workbook
from ncr.loader.yaml_reader import read_yaml
from ncr.outputs.display import plural
from ncr.pipeline import assess_review, missing_as_errors, open_review
from ncr.problems import InputError, Problem, UsageError


@dataclass(frozen=True)
class Checked:
    file: Path
    kind: str
    problems: list[Problem]
    strict_failures: int = 0
    notes: tuple[str, ...] = ()  # how complete a translation is, or each translation of a document

    @property
    def errors(self) -> int:
        return sum(1 for p in self.problems if p.is_error)


def _response(loader: Loader, path: Path, strict: bool) -> tuple[list[Problem], int]:
    review = open_review(loader, path, with_benchmark=False)
    result = assess_review(review, strict=strict)
    strict_errors = missing_as_errors(review, result) if strict else []
    return [*strict_errors, *(w.as_problem() for w in result.warnings)], len(strict_errors)


def _questionnaire(loader: Loader, path: Path, strict: bool) -> tuple[list[Problem], int]:
    return list(loader.questionnaire(path)[0].warnings), 0


def _framework(loader: Loader, path: Path, strict: bool) -> tuple[list[Problem], int]:
    return list(loader.framework(path).warnings), 0


def _benchmark(loader: Loader, path: Path, strict: bool) -> tuple[list[Problem], int]:
    return list(loader.benchmark(path)[0].warnings), 0


def _translation(loader: Loader, path: Path, strict: bool) -> tuple[list[Problem], int]:
    """A translation against the English beside it; under `strict`, what falls back to English
    (missing, stale, incomplete entries: the warnings) fails the run."""
    english = loader.english_of(path)
    problems = checked_against(read_translation(path), english.model)[1]
    if not strict:
        return problems, 0
    failing = [replace(p, severity="error") for p in problems if not p.is_error]
    return [*(p for p in problems if p.is_error), *failing], len(failing)


def _notes(loader: Loader, kind: str, path: Path) -> tuple[str, ...]:
    """What `ncr validate` adds to its verdict: a translation's coverage, or a document's
    translations ("translations: fr 206/206, es 198/206 (8 stale)")."""
    if kind == "translation":
        english = loader.english_of(path)
        coverage = checked_against(read_translation(path), english.model)[0].coverage
        of = f"{type(english.model).__name__.lower()} {english.model.id}"
        return (f"translates {of}: {coverage.summary()}",)
    if kind in ("framework", "questionnaire", "benchmark"):
        found = translation_summary(loader.document(kind, path), TRANSLATED)
        return (f"translations: {', '.join(found)}",) if found else ()
    return ()


CHECKERS: dict[str, Callable[[Loader, Path, bool], tuple[list[Problem], int]]] = {
    "translation": _translation,
    "response": _response,
    "questionnaire": _questionnaire,
    "framework": _framework,
    "benchmark": _benchmark,
}


def check_file(loader: Loader, path: Path, strict: bool) -> Checked:
    try:
        if is_workbook(path):
            kind: str | None = "response"
        else:
            doc = read_yaml(path, partial=True)
            kind = kind_of(doc.data)
            if kind is None and doc.problems:
                return Checked(path, "invalid", sorted(doc.problems))
        if kind is None:
            message = (
                "cannot tell what this is: expected a response, questionnaire, framework, "
                "benchmark or translation"
            )
            return Checked(path, "unknown", [Problem(str(path), 1, 1, message)])
        problems, strict_failures = CHECKERS[kind](loader, path, strict)
        notes = _notes(loader, kind, path)
        return Checked(path, kind, sorted(problems), strict_failures, notes)
    except InputError as err:
        return Checked(path, "invalid", err.problems)


def run(files: Sequence[Path], *, strict: bool, fmt: str, paths: Sequence[Path]) -> int:
    if fmt not in ("text", "json"):
        raise UsageError("--format must be text or json")
    loader = Loader(Catalog.create(paths))
    results = [check_file(loader, path, strict) for path in files]
    if fmt == "json":
        text = json.dumps([_as_json(r) for r in results], indent=2, allow_nan=False)
        Console().out(text, end="\n")
    else:
        _print(results)
    if any(r.errors - r.strict_failures for r in results):
        return EXIT_INVALID
    return EXIT_GATE if any(r.strict_failures for r in results) else EXIT_OK


def _print(results: list[Checked]) -> None:
    err = stderr()
    for result in results:
        print_problems(result.problems, err)
    for result in results:
        warnings = len(result.problems) - result.errors
        verdict = (
            f"[red]{plural(result.errors, 'error')}[/]" if result.errors else "[green]valid[/]"
        )
        extra = f", {plural(warnings, 'warning')}" if warnings else ""
        err.print(f"{escape(visible(str(result.file)))}: {result.kind} — {verdict}{extra}")
        for note in result.notes:
            err.print(f"  {escape(note)}")


def _as_json(result: Checked) -> dict[str, object]:
    return {
        "file": visible(str(result.file)),
        "kind": result.kind,
        "valid": result.errors == 0,
        "notes": list(result.notes),
        "problems": [
            {
                "file": p.file,
                "line": p.line,
                "column": p.column,
                "severity": p.severity,
                "message": p.message,
                "sheet": p.sheet,
                "cell": p.cell,
            }
            for p in result.problems
        ],
    }
