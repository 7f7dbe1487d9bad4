"""`ncr assess`: score responses; show them, or write reports."""

from __future__ import annotations

from pathlib import Path

from rich.markup import escape

from ncr.cli.boundary import EXIT_GATE, EXIT_OK, print_problems, stderr
from ncr.cli.gates import AssessOptions, gate_problems
from ncr.cli.report_look_options import read_by_look, report_look
from ncr.loader.loading import Loader
from ncr.loader.search_path import Catalog
from ncr.outputs.atomic_files import check_target
from ncr.outputs.display import number
from ncr.outputs.emit import emit
from ncr.outputs.interface_text import _
from ncr.outputs.renderers import format_of
from ncr.outputs.terminal.assessment_view import show_assessment
from ncr.pipeline import assess_review, missing_as_errors, open_review
from ncr.problems import UsageError


def run(opts: AssessOptions) -> int:
    if opts.fail_under is not None and not 0 <= opts.fail_under <= 100:  # also refuses nan
        raise UsageError(f"--fail-under takes a score from 0 to 100, not {opts.fail_under:g}")
    many = len(opts.files) > 1 or (opts.output is not None and opts.output.is_dir())
    if many:
        from ncr.cli.batch import run_batch

        return run_batch(opts)
    return assess_one(opts, opts.files[0])


def assess_one(opts: AssessOptions, source: Path) -> int:
    fmt = format_of(opts.output) if opts.output else opts.fmt or "text"
    if opts.output:
        check_target(opts.output, inputs=opts.files, force=opts.force)
    elif fmt not in ("text", "json"):
        raise UsageError(f"--format {fmt} needs -o FILE; the terminal shows text or json")
    catalog = Catalog.create(opts.paths)
    look = report_look(opts.templates, opts.profile, catalog)
    loader = Loader(catalog, lang=opts.lang)
    review = open_review(loader, source, opts.benchmark)
    if opts.output:  # again, now that the questionnaire, framework and benchmark are known
        read = [*loader.read, *read_by_look(look, opts.profile)]
        check_target(opts.output, inputs=opts.files, force=opts.force, read=read)
    result = assess_review(review, strict=opts.strict)
    err = stderr()
    strict_errors = missing_as_errors(review, result) if opts.strict else []
    print_problems([*strict_errors, *(w.as_problem() for w in result.warnings)], err)
    summary = _("%(country)s %(year)s: %(score)s") % {
        "country": result.country.name,
        "year": result.year,
        "score": number(result.overall.score),
    }
    emit(
        "assessment",
        result,
        output=opts.output,
        fmt=fmt,
        show=show_assessment,
        summary=summary,
        err=err,
        look=look,
    )
    reasons = gate_problems(result, strict_errors, opts.fail_under)
    for reason in reasons:
        err.print("[red]" + escape(_("gate not met:")) + "[/] " + escape(reason))
    return EXIT_GATE if reasons else EXIT_OK
