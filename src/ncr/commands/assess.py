"""`ncr assess`: score responses; show them, or write reports."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console

from ncr.catalog import Catalog
from ncr.commands.boundary import EXIT_GATE, EXIT_OK, print_problems, stderr
from ncr.engine import Assessment
from ncr.formatting import number
from ncr.loading import Loader
from ncr.outputs.files import check_target, format_of, render, write_atomic
from ncr.outputs.terminal import show_assessment
from ncr.problems import Problem, UsageError
from ncr.reports.jsondata import dumps
from ncr.reviewing import assess_review, missing_as_errors, open_review


@dataclass(frozen=True)
class AssessOptions:
    files: Sequence[Path]
    output: Path | None = None
    fmt: str | None = None
    benchmark: str | None = None
    strict: bool = False
    fail_under: float | None = None
    jobs: int | None = None
    force: bool = False
    paths: Sequence[Path] = ()


def gate_problems(
    result: Assessment, strict_errors: list[Problem], fail_under: float | None
) -> list[str]:
    """Why this result fails a gate (`--strict`, `--fail-under`), one line each."""
    reasons = []
    if strict_errors:
        reasons.append(f"{len(strict_errors)} missing answer(s) (--strict)")
    score = result.overall.score
    if fail_under is not None and (score is None or score < fail_under):
        reasons.append(f"overall score {number(score)} is under {fail_under:g} (--fail-under)")
    return reasons


def run(opts: AssessOptions) -> int:
    many = len(opts.files) > 1 or (opts.output is not None and opts.output.is_dir())
    if many:
        from ncr.batch import run_batch

        return run_batch(opts)
    return assess_one(opts, opts.files[0])


def assess_one(opts: AssessOptions, source: Path) -> int:
    fmt = format_of(opts.output) if opts.output else opts.fmt or "text"
    if opts.output:
        check_target(opts.output, inputs=opts.files, force=opts.force)
    elif fmt not in ("text", "json"):
        raise UsageError(f"--format {fmt} needs -o FILE; the terminal shows text or json")
    loader = Loader(Catalog.create(opts.paths))
    review = open_review(loader, source, opts.benchmark)
    result = assess_review(review, strict=opts.strict)
    err = stderr()
    strict_errors = missing_as_errors(review, result) if opts.strict else []
    print_problems([*strict_errors, *(w.as_problem() for w in result.warnings)], err)
    out = Console(highlight=False)
    if opts.output:
        write_atomic(opts.output, render("assessment", fmt, result))
        err.print(
            f"wrote {opts.output} — {result.country.name} {result.year}: {number(result.overall.score)}"
        )
    elif fmt == "json":
        out.out(dumps(result), end="")
    else:
        show_assessment(result, out)
    reasons = gate_problems(result, strict_errors, opts.fail_under)
    for reason in reasons:
        err.print(f"[red]gate not met:[/] {reason}")
    return EXIT_GATE if reasons else EXIT_OK
