"""The `ncr` command line: parse options, call one command module, exit with its code.

Only typer is imported at start-up; each command imports what it needs when it runs, so
`ncr --help` stays quick.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(
    name="ncr",
    help="National Cyber Review toolkit: questionnaires, scoring against benchmarks, reports, diffs.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
benchmark_app = typer.Typer(help="Build benchmarks from assessed reviews.", no_args_is_help=True)
app.add_typer(benchmark_app, name="benchmark")

SearchPath = Annotated[
    list[Path] | None,
    typer.Option(
        "--path",
        help="Folder with extra frameworks/ and questionnaires/ (repeatable; also NCR_PATH).",
        show_default=False,
    ),
]
BenchmarkOpt = Annotated[
    str | None,
    typer.Option("--benchmark", "-b", help="Benchmark id or file (default: the framework's)."),
]
Force = Annotated[bool, typer.Option("--force", help="Replace an existing output file.")]


def _exit(code: int) -> None:
    raise typer.Exit(code)


@app.command()
def validate(
    files: Annotated[
        list[Path], typer.Argument(help="Response, questionnaire, framework or benchmark files.")
    ],
    strict: Annotated[bool, typer.Option(help="Missing answers are errors (exit 1).")] = False,
    fmt: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
    path: SearchPath = None,
) -> None:
    """Check files and print every problem as FILE:LINE:COL: message.

    Example: ncr validate examples/xa-2026.yaml
    """
    from ncr.commands import validate as command
    from ncr.commands.boundary import guarded

    _exit(guarded(lambda: command.run(files, strict=strict, fmt=fmt, paths=path or [])))


@app.command()
def assess(
    files: Annotated[list[Path], typer.Argument(help="Response files to score.")],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Report file (.pdf .html .md .json) or folder."),
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format", help="text or json on screen; pdf, html, md or json into a folder."
        ),
    ] = None,
    benchmark: BenchmarkOpt = None,
    strict: Annotated[bool, typer.Option(help="Missing answers fail the run (exit 1).")] = False,
    fail_under: Annotated[
        float | None, typer.Option(help="Exit 1 when the overall score is below this.")
    ] = None,
    jobs: Annotated[
        int | None, typer.Option("--jobs", "-j", help="Parallel workers for many files.")
    ] = None,
    force: Force = False,
    path: SearchPath = None,
) -> None:
    """Score responses against a benchmark; show the result or write reports.

    Example: ncr assess examples/xa-2026.yaml -o xa-2026.pdf
    """
    from ncr.commands.assess import AssessOptions, run
    from ncr.commands.boundary import guarded

    opts = AssessOptions(files, output, fmt, benchmark, strict, fail_under, jobs, force, path or [])
    _exit(guarded(lambda: run(opts)))


def main() -> None:
    app()
