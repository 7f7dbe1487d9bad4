"""`ncr translation new`: start a translation of a framework, questionnaire or benchmark."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ncr.cli.boundary import EXIT_OK, stderr
from ncr.documents.translation import english_entries, kind_of_model
from ncr.loader.document_reading import kind_of
from ncr.loader.loading import Loader
from ncr.loader.search_path import TRANSLATED, Catalog, translation_path
from ncr.loader.yaml_reader import read_yaml
from ncr.outputs.atomic_files import check_target, write_atomic
from ncr.outputs.translation_skeleton import skeleton
from ncr.problems import UsageError


@dataclass(frozen=True)
class NewOptions:
    document: Path
    lang: str
    output: Path | None = None
    force: bool = False
    paths: tuple[Path, ...] = ()


def run(opts: NewOptions) -> int:
    if opts.lang not in TRANSLATED:
        raise UsageError(f"--lang takes one of {', '.join(TRANSLATED)}, not '{opts.lang}'")
    kind = kind_of(read_yaml(opts.document, partial=True).data)
    if kind not in ("framework", "questionnaire", "benchmark"):
        raise UsageError(f"{opts.document} is no framework, questionnaire or benchmark")
    target = opts.output or translation_path(opts.document, opts.lang)
    check_target(target, inputs=[opts.document], force=opts.force)
    english = Loader(Catalog.create(opts.paths)).document(kind, opts.document).model
    about = {"of": english.id, "language": opts.lang}
    if kind == "framework":
        about = {"of": english.id, "version": english.version, "language": opts.lang}
    entries = english_entries(english)
    command = f"ncr translation new {opts.document.name} --lang {opts.lang}"
    write_atomic(target, skeleton(kind_of_model(english), about, entries, command).encode())
    stderr().print(
        f"wrote {target}: {len(entries)} entries to translate, each with its English as a "
        f"comment; check it with: ncr validate {target}",
        markup=False,
    )
    return EXIT_OK
