"""`ncr list`, `ncr show`, `ncr schema`: what is on the search path, and what it holds."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ncr.cli.boundary import EXIT_OK, stderr
from ncr.loader.loading import Loader
from ncr.loader.search_path import Catalog, Found
from ncr.outputs.atomic_files import check_target, write_atomic
from ncr.outputs.json_schemas import schema_text
from ncr.outputs.terminal.document_trees import framework_tree, questionnaire_tree
from ncr.outputs.terminal.tables import table
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
            entries.append(load(item))
        except InputError as err:
            entries.append(Entry(item.id, item.origin, item.path, problem=err.problems[0]))
    return entries


def _catalog_entries(loader: Loader) -> dict[str, list[Entry]]:
    def framework(found: Found) -> Entry:
        fw = loader.framework(found.path).model
        return Entry(fw.id, found.origin, found.path, fw.title, version=fw.version)

    def questionnaire(found: Found) -> Entry:
        qn = loader.questionnaire(found.path)[0].model
        return Entry(qn.id, found.origin, found.path, qn.title, framework=qn.framework)

    def benchmark(found: Found) -> Entry:
        bm = loader.benchmark(found.path)[0].model
        return Entry(bm.id, found.origin, found.path, bm.title, framework=bm.framework)

    catalog = loader.catalog
    frameworks = catalog.frameworks()
    return {
        "frameworks": _entries(frameworks, framework),
        "questionnaires": _entries(catalog.questionnaires(), questionnaire),
        "benchmarks": [
            entry for fw in frameworks for entry in _entries(catalog.benchmarks(fw), benchmark)
        ],
    }


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
    out = Console(highlight=False)
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
        result.add_row(entry.id, getattr(entry, attribute) or "", title, entry.origin)
    return result


def run_show(ident: str, *, paths: Sequence[Path] = ()) -> int:
    loader = Loader(Catalog.create(paths))
    frameworks = loader.catalog.frameworks()
    questionnaires = loader.catalog.questionnaires()
    trees = []
    if ident in frameworks:
        fw = loader.framework(frameworks[ident].path).model
        trees.append(framework_tree(fw, sorted(loader.catalog.benchmarks(ident))))
    if ident in questionnaires:
        trees.append(questionnaire_tree(loader.questionnaire(questionnaires[ident].path)[0].model))
    if not trees:
        known = ", ".join(sorted({*frameworks, *questionnaires})) or "none"
        raise UsageError(f"no framework or questionnaire '{ident}' (known: {known})")
    out = Console(highlight=False)
    for tree in trees:
        out.print(tree)
    return EXIT_OK


def run_schema(kind: str, *, output: Path | None = None, force: bool = False) -> int:
    text = schema_text(kind)
    if output is None:
        Console().out(text, end="")
        return EXIT_OK
    check_target(output, inputs=[], force=force)
    write_atomic(output, text.encode())
    stderr().print(f"wrote {output}: the JSON Schema of a {kind}", markup=False)
    return EXIT_OK
