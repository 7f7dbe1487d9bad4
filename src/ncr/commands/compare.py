"""`ncr compare`: many countries side by side, on screen or as an overview report."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.markup import escape

from ncr import __version__
from ncr.batch import Settings, assess_many, report
from ncr.catalog import Catalog
from ncr.commands.boundary import EXIT_OK, stderr
from ncr.outputs.files import check_target, format_of, render, write_atomic
from ncr.outputs.overviewterminal import show_overview
from ncr.overview import build_overview
from ncr.problems import UsageError
from ncr.reports.jsondata import dumps


@dataclass(frozen=True)
class CompareOptions:
    files: Sequence[Path]
    output: Path | None = None
    fmt: str = "text"
    benchmark: str | None = None
    jobs: int | None = None
    force: bool = False
    paths: Sequence[Path] = ()


def run(opts: CompareOptions) -> int:
    if opts.output is not None:
        fmt = format_of(opts.output)
        check_target(opts.output, inputs=opts.files, force=opts.force)
    elif opts.fmt in ("text", "json"):
        fmt = opts.fmt
    else:
        raise UsageError("--format must be text or json; write a report with -o FILE")
    err = stderr()
    settings = Settings(Catalog.create(opts.paths), Path.cwd(), benchmark=opts.benchmark)
    outcomes = assess_many(opts.files, settings, opts.jobs, err)
    code = report(outcomes, err)
    if code != EXIT_OK:
        err.print("[red]no overview: every review must be valid to be compared[/]")
        return code
    overview = build_overview([o.snapshot for o in outcomes if o.snapshot], ncr_version=__version__)
    if opts.output is not None:
        write_atomic(opts.output, render("overview", fmt, overview))
        err.print(f"wrote {escape(str(opts.output))} — {len(overview.countries)} countries")
    elif fmt == "json":
        Console().out(dumps(overview), end="")
    else:
        show_overview(overview, Console(highlight=False))
    return EXIT_OK
