"""`ncr list`, `ncr show`, `ncr schema`: what is on the search path, and what it holds."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from packaging.version import InvalidVersion, Version
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ncr.cli.boundary import EXIT_OK, stderr
from ncr.documents import Questionnaire
from ncr.loader.loading import Loader
from ncr.loader.search_path import Catalog, Found
from ncr.outputs.atomic_files import check_target, write_atomic
from ncr.outputs.json_schemas import response_schema_for, schema_text
from ncr.outputs.terminal.document_trees import benchmark_tree, framework_tree, questionnaire_tree
from ncr.outputs.terminal.tables import stdout_console, table
from ncr.problems import InputError, Problem, UsageError


@dataclass(frozen=True)
class Entry:
    """One document found on the search path; `problem` is its first problem when it is broken."""

    id: str
    origin: str
    path: Path
    title: str | None = None
    version: str | None = None
    framework: str | None = None
    problem: Problem | None = None

    def as_json(self, *keys: str) -> dict[str, object]:
        shown = {key: getattr(self, key) for key in ("id", *keys, "title", "origin")}
        if "framework" in keys:  # the framework release the document is read with
            shown["framework_version"] = self.version
        return {
            **shown,
            "path": str(self.path),
            "problem": None if self.problem is None else str(self.problem),
        }


Load = Callable[[Found], Entry]


def _entries(found: dict[str, Found], load: Load) -> list[Entry]:
    entries = []
    for item in found.values():
        try:
            item.checked()  # a conflict is listed, naming both files, like any broken document
            entries.append(load(item))
        except InputError as err:
            entries.append(Entry(item.id, item.origin, item.path, problem=err.problems[0]))
    return entries


def _catalog_entries(loader: Loader) -> dict[str, list[Entry]]:
    def framework(found: Found) -> Entry:
        fw = loader.framework(found.path).model
        return Entry(fw.id, found.origin, found.path, fw.title, version=fw.version)

    def tied(found: Found, loaded: Any) -> Entry:
        # a questionnaire or benchmark, shown with the framework release it is read against
        doc, fw = loaded
        return Entry(
            doc.model.id,
            found.origin,
            found.path,
            doc.model.title,
            version=fw.model.version,
            framework=doc.model.framework,
        )

    def questionnaire(found: Found) -> Entry:
        return tied(found, loader.questionnaire(found.path))

    def benchmark(found: Found) -> Entry:
        return tied(found, loader.benchmark(found.path))

    catalog = loader.catalog
    frameworks = catalog.frameworks()
    # each framework's current release, then the earlier releases kept beside it (newest first)
    releases = {ident: _newest_first(catalog.releases(ident)) for ident in frameworks}
    return {
        "frameworks": [
            entry
            for ident, found in frameworks.items()
            for entry in _entries({found.id: found, **_by_path(releases[ident])}, framework)
        ],
        "questionnaires": _entries(catalog.questionnaires(), questionnaire),
        "benchmarks": [
            entry
            for ident in frameworks
            for release in [None, *(r.release for r in releases[ident])]
            for entry in _entries(catalog.benchmarks(ident, release), benchmark)
        ],
    }


def _newest_first(found: list[Found]) -> list[Found]:
    def key(item: Found) -> tuple[int, Version | str]:
        try:
            return (1, Version(item.release or ""))
        except InvalidVersion:
            return (0, item.release or "")

    return sorted(found, key=key, reverse=True)


def _by_path(found: list[Found]) -> dict[str, Found]:
    return {str(item.path): item for item in found}


# The column after the id, per kind: (Entry attribute, heading).
_SECOND_COLUMN = {
    "frameworks": ("version", "Version"),
    "questionnaires": ("framework", "Framework"),
    "benchmarks": ("framework", "Framework"),
}


def run_list(*, fmt: str = "text", paths: Sequence[Path] = ()) -> int:
    if fmt not in ("text", "json"):
        raise UsageError("--format must be text or json")
    kinds = _catalog_entries(Loader(Catalog.create(paths)))
    out = stdout_console()
    if fmt == "json":
        data = {
            kind: [e.as_json(_SECOND_COLUMN[kind][0]) for e in entries]
            for kind, entries in kinds.items()
        }
        out.out(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        for kind, entries in kinds.items():
            out.print(_table(kind, entries, plain=not out.is_terminal))
    broken = sum(1 for entries in kinds.values() for e in entries if e.problem is not None)
    if broken:
        stderr().print(
            f"[yellow]{broken} broken document(s)[/]: `ncr validate FILE` lists every problem"
        )
    return EXIT_OK


def _table(kind: str, entries: list[Entry], *, plain: bool) -> Table:
    attribute, heading = _SECOND_COLUMN[kind]
    result = table("Id", heading, "Title", "Origin", title=kind.capitalize(), plain=plain)
    result.columns[-1].overflow = "fold"  # a folder on the search path is shown in full
    for entry in entries:
        title = (
            Text(entry.title or "")
            if entry.problem is None
            else Text(f"broken: {entry.problem}", style="red")
        )
        second = getattr(entry, attribute) or ""
        if attribute == "framework" and entry.version:
            second = f"{second} {entry.version}"
        result.add_row(entry.id, second, title, entry.origin)
    return result


def run_show(ident: str, *, paths: Sequence[Path] = (), lang: str = "en") -> int:
    loader = Loader(Catalog.create(paths), lang=lang)
    catalog = loader.catalog
    frameworks, questionnaires = catalog.frameworks(), catalog.questionnaires()
    trees = []
    if ident in frameworks:
        fw = loader.framework(frameworks[ident].checked()).model
        trees.append(framework_tree(fw, sorted(catalog.benchmarks(ident))))
    if ident in questionnaires:
        qn = loader.questionnaire(questionnaires[ident].checked())[0].model
        trees.append(questionnaire_tree(qn))
    benchmarks = {
        name: found for fw in frameworks for name, found in catalog.benchmarks(fw).items()
    }
    if ident in benchmarks:
        trees.append(benchmark_tree(loader.benchmark(benchmarks[ident].checked())[0].model))
    if not trees:
        known = ", ".join(sorted({*frameworks, *questionnaires, *benchmarks})) or "none"
        raise UsageError(f"no framework, questionnaire or benchmark '{ident}' (known: {known})")
    out = stdout_console()
    for tree in trees:
        out.print(tree)
    return EXIT_OK


def run_schema(
    kind: str,
    *,
    output: Path | None = None,
    force: bool = False,
    questionnaire: str | None = None,
    paths: Sequence[Path] = (),
) -> int:
    """`questionnaire` (with kind `response`): a schema that knows that questionnaire's question ids
    and answers, so an editor completes them and underlines a wrong one."""
    if questionnaire is not None and kind != "response":
        raise UsageError("--questionnaire goes with `ncr schema response` only")
    loader = Loader(Catalog.create(paths))
    qn = load_questionnaire(loader, questionnaire) if questionnaire else None
    text = schema_text(kind) if qn is None else response_schema_for(qn)
    if output is None:
        Console().out(text, end="")
        return EXIT_OK
    check_target(output, inputs=[], force=force, read=loader.read)
    write_atomic(output, text.encode())
    stderr().print(f"wrote {output}: the JSON Schema of a {kind}", markup=False)
    return EXIT_OK


def load_questionnaire(loader: Loader, spec: str) -> Questionnaire:
    """A questionnaire by id on the search path, or from a file."""
    found = loader.catalog.questionnaires()
    if spec in found:
        return loader.questionnaire(found[spec].checked())[0].model
    if Path(spec).is_file():
        return loader.questionnaire(Path(spec))[0].model
    known = ", ".join(sorted(found)) or "none"
    raise UsageError(
        f"no questionnaire '{spec}' on the search path, nor such a file (known: {known})"
    )
