"""`ncr import`: read a focal-point workbook back into a response file, as `ncr init` writes one."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ncr import __version__
from ncr.cli.boundary import EXIT_OK, print_problems, stderr
from ncr.cli.init import SCHEMA_FILE, ensure_schema
from ncr.engine import assess
from ncr.loader.loading import Loader, reference_from
from ncr.loader.search_path import Catalog
from ncr.loader.workbook_reader import is_workbook
from ncr.outputs import response_skeleton as skeleton
from ncr.outputs.atomic_files import check_target, write_atomic
from ncr.pipeline import answer_warnings, open_review
from ncr.problems import UsageError


@dataclass(frozen=True)
class ImportOptions:
    source: Path
    output: Path
    force: bool = False
    paths: Sequence[Path] = ()


def run(opts: ImportOptions) -> int:
    if not is_workbook(opts.source):
        raise UsageError(f"ncr import reads a workbook (.xlsx), not '{opts.source}'")
    if opts.output.suffix.lower() not in (".yaml", ".yml"):
        raise UsageError(f"-o names the response to write, ending in .yaml, not '{opts.output}'")
    check_target(opts.output, inputs=[opts.source], force=opts.force)
    # every problem of the workbook, located in its cells, is raised here: nothing is written
    review = open_review(Loader(Catalog.create(opts.paths)), opts.source, with_benchmark=False)
    response, qn = review.response.model, review.questionnaire.model
    result = assess(review.inputs(), ncr_version=__version__)
    print_problems(answer_warnings(review, result.answers, with_missing=False))
    header = skeleton.Header(
        code=response.country.code,
        name=response.country.name,
        year=response.year,
        questionnaire=reference_from(response.questionnaire, opts.source, opts.output),
        date=response.review.date,
        classification=response.review.classification,
        schema=f"./{SCHEMA_FILE.format(qn.id)}",
        status=response.review.status,
        reviewers=tuple(response.review.reviewers),
        origin=f"Answers read from the workbook {opts.source.name} by `ncr import`.",
    )
    write_atomic(opts.output, skeleton.render(header, qn, given=response.answers).encode())
    answered = sum(1 for given in response.answers.values() if given.answer is not None)
    stderr().print(
        f"wrote {opts.output}: {answered} answers to the {len(qn.questions())} questions of "
        f"{qn.id}, {len(result.missing)} missing; from {opts.source}",
        markup=False,
    )
    ensure_schema(opts.output.parent / SCHEMA_FILE.format(qn.id), qn)
    return EXIT_OK
