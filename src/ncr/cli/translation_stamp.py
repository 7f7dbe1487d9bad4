"""`ncr translation stamp`: record in a translation file which English each entry translates."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ncr.cli.boundary import EXIT_OK, stderr
from ncr.loader.loading import Loader
from ncr.loader.search_path import Catalog
from ncr.loader.stamping import hashes_to_stamp, stamped
from ncr.loader.translations import read_translation
from ncr.outputs.atomic_files import write_atomic
from ncr.outputs.display import plural
from ncr.problems import InputError, errors_in


def run(files: Sequence[Path], paths: Sequence[Path]) -> int:
    loader = Loader(Catalog.create(paths))
    for file in files:
        english = loader.english_of(file)
        tr = read_translation(file)
        if errors_in(tr.problems):
            raise InputError(tr.problems)
        hashes = hashes_to_stamp(tr.model, english.model)
        if hashes:
            text = file.read_bytes().decode("utf-8")
            write_atomic(file, stamped(text, str(file), hashes).encode("utf-8"))
        kept = sum(1 for e in tr.model.entries().values() if e.english_hash is not None)
        stderr().print(
            f"{file}: stamped {plural(len(hashes), 'entry')} ({kept} already stamped); "
            f"check it with: ncr validate {file}",
            markup=False,
        )
    return EXIT_OK
