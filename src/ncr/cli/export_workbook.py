"""`ncr export`: a response's questionnaire as a workbook for the country's focal points."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ncr.cli.boundary import EXIT_OK, print_problems, stderr
from ncr.loader.loading import Loader, reference_from
from ncr.loader.search_path import Catalog
from ncr.loader.workbook_reader import is_workbook
from ncr.outputs.atomic_files import check_target, write_atomic
from ncr.outputs.interface_text import _, ngettext
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
    loader = Loader(Catalog.create(opts.paths), lang=opts.lang)
    review = open_review(loader, opts.source, with_benchmark=False)
    print_problems(review.language_warnings())
    response, qn = review.response.model, review.questionnaire.model
    reference = reference_from(response.questionnaire, opts.source, opts.output)
    write_atomic(opts.output, workbook_bytes(qn, response, reference, opts.lang))
    answered = sum(1 for given in response.answers.values() if given.answer is not None)
    questions, sheets = len(qn.questions()), len(qn.sections)
    # Translators: English says "questions", "sheets" even for one; give each form its grammar.
    line = _(
        "wrote %(file)s: %(questions)s of %(questionnaire)s on %(sheets)s, %(answered)s; "
        "read it back with: %(command)s"
    ) % {
        "file": opts.output,
        "questions": ngettext("%(count)d questions", "%(count)d questions", questions)
        % {"count": questions},
        "questionnaire": qn.id,
        "sheets": ngettext("%(count)d sheets", "%(count)d sheets", sheets) % {"count": sheets},
        "answered": ngettext("%(count)d answered", "%(count)d answered", answered)
        % {"count": answered},
        "command": f"ncr import {opts.output} -o RESPONSE.yaml",
    }
    stderr().print(line, markup=False)
    return EXIT_OK
