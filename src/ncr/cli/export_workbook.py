"""`ncr export`: a response's questionnaire as a workbook for the country's focal points."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ncr.cli.boundary import EXIT_OK, stderr
from ncr.loader.loading import Loader, reference_from
from ncr.loader.search_path import Catalog
from ncr.loader.workbook_reader import is_workbook
from ncr.outputs.atomic_files import check_target, write_atomic
from ncr.outputs.workbook_writer import workbook_bytes
from ncr.pipeline import open_review
from ncr.problems import UsageError


@dataclass(frozen=True)
class ExportOptions:
    source: Path
    output: Path
    force: bool = False
    paths: Sequence[Path] = ()
    lang: str = "en"


def run(opts: ExportOptions) -> int:
    if not is_workbook(opts.output):
        raise UsageError(f"-o names the workbook to write, ending in .xlsx, not '{opts.output}'")
    check_target(opts.output, inputs=[opts.source], force=opts.force)
    review = open_review(
        Loader(Catalog.create(opts.paths), lang=opts.lang), opts.source, with_benchmark=False
    )
    response, qn = review.response.model, review.questionnaire.model
    reference = reference_from(response.questionnaire, opts.source, opts.output)
    write_atomic(opts.output, workbook_bytes(qn, response, reference))
    answered = sum(1 for given in response.answers.values() if given.answer is not None)
    stderr().print(
        f"wrote {opts.output}: {len(qn.questions())} questions of {qn.id} on "
        f"{len(qn.sections)} sheets, {answered} answered; "
        f"read it back with: ncr import {opts.output} -o RESPONSE.yaml",
        markup=False,
    )
    return EXIT_OK
