"""`ncr compare`: many countries side by side, on screen or as an overview report."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rich.markup import escape

from ncr import __version__
from ncr.cli.batch import Settings, assess_many, report
from ncr.cli.boundary import EXIT_OK, stderr
from ncr.cli.report_look_options import read_by_look, report_look
from ncr.engine.overview import NotComparable, build_overview
from ncr.loader.search_path import Catalog
from ncr.outputs.atomic_files import check_target
from ncr.outputs.emit import emit
from ncr.outputs.interface_text import _, ngettext
from ncr.outputs.renderers import format_of
from ncr.outputs.terminal.overview_view import show_overview
from ncr.problems import UsageError


@dataclass(frozen=True)
class CompareOptions:
    files: Sequence[Path]
    output: Path | None = None
    fmt: str = "text"
    benchmark: str | None = None
    jobs: int | None = None
    force: bool = False
    paths: Sequence[Path] = ()
    templates: Path | None = None
    profile: Path | None = None
    lang: str = "en"


def run(opts: CompareOptions) -> int:
    if opts.output is not None:
        fmt = format_of(opts.output)
        check_target(opts.output, inputs=opts.files, force=opts.force)
    elif opts.fmt in ("text", "json"):
        fmt = opts.fmt
    else:
        raise UsageError("--format must be text or json; write a report with -o FILE")
    err = stderr()
    catalog = Catalog.create(opts.paths)
    look = report_look(opts.templates, opts.profile, catalog)
    settings = Settings(catalog, benchmark=opts.benchmark, lang=opts.lang)
    outcomes = assess_many(opts.files, settings, opts.jobs, err)
    code = report(outcomes, err)
    if code != EXIT_OK:
        refused = _("no overview: every review must be valid to be compared")
        err.print(f"[red]{escape(refused)}[/]")
        return code
    if opts.output is not None:  # again, now that every file the reviews were read with is known
        read = [*(path for o in outcomes for path in o.read), *read_by_look(look, opts.profile)]
        check_target(opts.output, inputs=opts.files, force=opts.force, read=read)
    try:
        overview = build_overview(
            [o.snapshot for o in outcomes if o.snapshot], ncr_version=__version__
        )
    except NotComparable as why:
        raise UsageError(str(why)) from None
    countries = len(overview.countries)
    summary = ngettext("%(count)d country", "%(count)d countries", countries) % {"count": countries}
    emit(
        "overview",
        overview,
        output=opts.output,
        fmt=fmt,
        show=show_overview,
        summary=summary,
        err=err,
        look=look,
    )
    return EXIT_OK
