"""`ncr diff`: assess two reviews against one benchmark and show or write what changed."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rich.markup import escape

from ncr.cli.boundary import EXIT_OK, print_problems, stderr
from ncr.cli.report_look_options import read_by_look, report_look
from ncr.engine.review_diff import DiffResult, diff
from ncr.loader.loading import Loader
from ncr.loader.search_path import Catalog
from ncr.outputs import diff_words
from ncr.outputs.atomic_files import check_target
from ncr.outputs.emit import emit
from ncr.outputs.interface_text import _
from ncr.outputs.renderers import format_of
from ncr.outputs.terminal.diff_view import show_diff
from ncr.pipeline import Review, assess_review, open_review
from ncr.problems import InputError, Problem, UsageError


@dataclass(frozen=True)
class DiffOptions:
    old: Path
    new: Path
    output: Path | None = None
    fmt: str = "text"
    benchmark: str | None = None
    any_order: bool = False
    force: bool = False
    paths: Sequence[Path] = ()
    any_country: bool = False
    templates: Path | None = None
    profile: Path | None = None
    lang: str = "en"


def run(opts: DiffOptions) -> int:
    fmt = format_of(opts.output) if opts.output else opts.fmt
    if opts.output:
        check_target(opts.output, inputs=[opts.old, opts.new], force=opts.force)
    elif fmt not in ("text", "json"):
        raise UsageError(f"--format {fmt} needs -o FILE; the terminal shows text or json")
    catalog = Catalog.create(opts.paths)
    look = report_look(opts.templates, opts.profile, catalog)
    loader = Loader(catalog, lang=opts.lang)
    result = diff_files(opts, loader)
    if opts.output:  # again, now that every file the diff reads is known
        read = [*loader.read, *read_by_look(look, opts.profile)]
        check_target(opts.output, inputs=[opts.old, opts.new], force=opts.force, read=read)
    emit(
        "diff",
        result,
        output=opts.output,
        fmt=fmt,
        show=show_diff,
        summary=diff_words.headline(result),
        err=stderr(),
        look=look,
    )
    return EXIT_OK


def diff_files(opts: DiffOptions, loader: Loader | None = None) -> DiffResult:
    """Load both reviews, check they can be compared, assess both against one benchmark, diff."""
    loader = loader or Loader(Catalog.create(opts.paths), lang=opts.lang)
    old, new = _open_both(loader, opts.old, opts.new)
    _check_comparable(old, new, opts)
    benchmark = loader.benchmark_for(opts.benchmark, new.framework)
    old = dataclasses.replace(old, benchmark=benchmark)
    new = dataclasses.replace(new, benchmark=benchmark)
    before, after = assess_review(old), assess_review(new)
    # The same file twice (a "no changes" check) would list every warning twice.
    print_problems(sorted({w.as_problem() for w in (*before.warnings, *after.warnings)}))
    return diff(before, after, old.inputs(), new.inputs())


def _open_both(loader: Loader, old: Path, new: Path) -> tuple[Review, Review]:
    """Both reviews, or every problem found in either: a user fixes both files in one go."""
    reviews: list[Review] = []
    problems: list[Problem] = []
    for path in (old, new):
        try:
            reviews.append(open_review(loader, path, with_benchmark=False))
        except InputError as err:
            problems.extend(err.problems)
    if problems:
        raise InputError(problems)
    return reviews[0], reviews[1]


def _check_comparable(old: Review, new: Review, opts: DiffOptions) -> None:
    old_fw, new_fw = old.framework.model, new.framework.model
    if old_fw.id != new_fw.id:
        message = (
            f"questionnaire '{new.questionnaire.model.id}' is for framework '{new_fw.id}', but "
            f"{opts.old} was answered for framework '{old_fw.id}': only reviews of one framework "
            "can be compared"
        )
        raise InputError([new.response.doc.problem(("questionnaire",), message)])
    old_year, new_year = old.response.model.year, new.response.model.year
    if new_year < old_year and not opts.any_order:
        raise UsageError(
            f"{opts.new} ({new_year}) is older than {opts.old} ({old_year}): give the earlier "
            "review first, or pass --any-order"
        )
    old_country, new_country = old.response.model.country, new.response.model.country
    if old_country.code == new_country.code:
        return
    if not opts.any_country:
        message = (
            f"this is a review of {new_country.name} ({new_country.code}), but {opts.old} is "
            f"one of {old_country.name} ({old_country.code}): a diff follows one country; "
            "pass --any-country to compare two countries all the same"
        )
        raise InputError([new.response.doc.problem(("country", "code"), message)])
    warning = _("warning: comparing two countries, %(old)s and %(new)s") % {
        "old": f"{old_country.name} ({old_country.code})",
        "new": f"{new_country.name} ({new_country.code})",
    }
    stderr().print(f"[yellow]{escape(warning)}[/]")
