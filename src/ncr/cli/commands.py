"""The `ncr` command line: parse options, call one command module, exit with its code.

Only typer is imported at start-up; each command imports what it needs when it runs, so
`ncr --help` stays quick.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperArgument, TyperCommand

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
templates_app = typer.Typer(
    help="The report templates: copy the built-in ones to make your own.", no_args_is_help=True
)
app.add_typer(templates_app, name="templates")
translation_app = typer.Typer(
    help="Translations of frameworks, questionnaires and benchmarks: start one, or stamp it.",
    short_help="Translations of frameworks, questionnaires and benchmarks: start one, or stamp it.",
    no_args_is_help=True,
)
app.add_typer(translation_app, name="translation")

SearchPath = Annotated[
    list[Path] | None,
    typer.Option(
        "--path",
        help="Folder with extra frameworks/ and questionnaires/ (repeatable; also NCR_PATH).",
        show_default=False,
        metavar="DIR",
    ),
]
BenchmarkOpt = Annotated[
    str | None,
    typer.Option(
        "--benchmark",
        "-b",
        help="Benchmark id or file (default: the framework's).",
        metavar="ID|FILE",
    ),
]
Force = Annotated[bool, typer.Option("--force", help="Replace an existing output file.")]
AnyCountry = Annotated[
    bool,
    typer.Option("--any-country", help="Allow the two reviews to be of different countries."),
]
Templates = Annotated[
    Path | None,
    typer.Option(
        "--templates",
        help="Folder of your own report templates, overriding the built-in ones by file name "
        "(start with: ncr templates copy DIR).",
        show_default=False,
        metavar="DIR",
    ),
]
ProfileOpt = Annotated[
    Path | None,
    typer.Option(
        "--profile",
        help="Report profile (YAML): issuing body, logo, disclaimer, distribution, contact.",
        show_default=False,
        metavar="FILE",
    ),
]


# The languages ncr writes in: ncr.documents.languages.LANGUAGES, spelled out here so that
# `ncr --help` imports nothing more (tests/cli/test_commands.py keeps the two equal).
LANGUAGE_CHOICES = ("en", "fr", "es", "ar")


def _language(code: str) -> str:
    if code not in LANGUAGE_CHOICES:
        raise typer.BadParameter(
            f"'{code}' is not a language ncr writes in; choose en (English), fr (French), "
            "es (Spanish) or ar (Arabic)."
        )
    return code


Lang = Annotated[
    str,
    typer.Option(
        "--lang",
        envvar="NCR_LANG",
        callback=_language,
        help="Language of reports and screens: en, fr, es or ar (also NCR_LANG).",
        metavar="en|fr|es|ar",
        show_default=False,
    ),
]


def _spoken(lang: str, action: Callable[[], int]) -> Callable[[], int]:
    """The command body, with every output from it written in `lang`: its ending lines too
    ("nothing was written", "interrupted"), so the boundary runs inside the language. The
    caller's own `guarded` still catches what goes wrong in choosing the language."""

    def run() -> int:
        from ncr.cli.boundary import guarded
        from ncr.outputs.interface_text import speaking

        with speaking(lang):
            return guarded(action)

    return run


def _exit(code: int) -> None:
    raise typer.Exit(code)


def _print_version(wanted: bool) -> None:
    if wanted:
        from ncr import __version__

        typer.echo(f"ncr {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_print_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """National Cyber Review toolkit: questionnaires, scoring against benchmarks, reports, diffs."""


@app.command()
def validate(
    files: Annotated[
        list[Path],
        typer.Argument(
            help="Response (.yaml or .xlsx), questionnaire, framework or benchmark files.",
            metavar="FILE...",
        ),
    ],
    strict: Annotated[bool, typer.Option(help="Missing answers are errors (exit 1).")] = False,
    fmt: Annotated[
        str, typer.Option("--format", help="text or json.", metavar="text|json")
    ] = "text",
    path: SearchPath = None,
) -> None:
    """Check files and print every problem as FILE:LINE:COL: message.

    Example: ncr validate examples/xa-2026.yaml
    """
    from ncr.cli import validate as command
    from ncr.cli.boundary import guarded

    _exit(guarded(lambda: command.run(files, strict=strict, fmt=fmt, paths=path or [])))


@app.command()
def assess(
    files: Annotated[
        list[Path],
        typer.Argument(help="Response files to score (.yaml or .xlsx).", metavar="FILE..."),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Report file (.pdf .html .md .json .docx) or folder.",
            metavar="PATH",
        ),
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            help="text or json on screen; pdf, html, md, json or docx into a folder.",
            metavar="text|json|pdf|html|md|docx",
        ),
    ] = None,
    benchmark: BenchmarkOpt = None,
    strict: Annotated[bool, typer.Option(help="Missing answers fail the run (exit 1).")] = False,
    fail_under: Annotated[
        float | None,
        typer.Option(help="Exit 1 when the overall score is below this.", metavar="SCORE"),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", help="Parallel workers for many files.", metavar="N"),
    ] = None,
    force: Force = False,
    path: SearchPath = None,
    templates: Templates = None,
    profile: ProfileOpt = None,
    lang: Lang = "en",
) -> None:
    """Score responses against a benchmark; show the result or write reports.

    Example: ncr assess examples/xa-2026.yaml -o xa-2026.pdf
    """
    from ncr.cli.assess import run
    from ncr.cli.boundary import guarded
    from ncr.cli.gates import AssessOptions

    opts = AssessOptions(
        files,
        output,
        fmt,
        benchmark,
        strict,
        fail_under,
        jobs,
        force,
        path or [],
        templates,
        profile,
        lang,
    )
    _exit(guarded(_spoken(lang, lambda: run(opts))))


@app.command()
def init(
    questionnaire: Annotated[
        str,
        typer.Option("--questionnaire", "-q", help="Questionnaire id or file.", metavar="ID|FILE"),
    ],
    country: Annotated[
        str, typer.Option("--country", "-c", help="Country code, e.g. XA or FR.", metavar="CODE")
    ],
    year: Annotated[int, typer.Option("--year", "-y", help="Review year.", metavar="YEAR")],
    name: Annotated[
        str | None,
        typer.Option("--name", help="Country name (default: the code).", metavar="TEXT"),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="File to write (default: code-year.yaml, e.g. xa-2026.yaml).",
            metavar="FILE",
        ),
    ] = None,
    from_: Annotated[
        Path | None,
        typer.Option(
            "--from",
            help="An earlier review whose answers, evidence and notes carry over.",
            metavar="FILE",
        ),
    ] = None,
    any_country: AnyCountry = False,
    force: Force = False,
    path: SearchPath = None,
    lang: Lang = "en",
) -> None:
    """Start a response file listing every question as a commented block.

    Example: ncr init -q ncr-core-2026 -c XA -y 2026 --from examples/xa-2023.yaml
    """
    from ncr.cli import init as command
    from ncr.cli.boundary import guarded

    opts = command.InitOptions(
        questionnaire, country, year, name, output, from_, force, path or [], any_country, lang
    )
    _exit(guarded(_spoken(lang, lambda: command.run(opts))))


@app.command()
def export(
    response: Annotated[
        Path,
        typer.Argument(help="A response file (an `ncr init` skeleton too).", metavar="FILE"),
    ],
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help="The workbook to write (.xlsx).", metavar="FILE"),
    ],
    force: Force = False,
    path: SearchPath = None,
    lang: Lang = "en",
) -> None:
    """Write a response's questionnaire as a workbook for the focal points, with its answers.

    Example: ncr export xa-2026.yaml -o xa-2026.xlsx
    """
    from ncr.cli import export_workbook as command
    from ncr.cli.boundary import guarded

    opts = command.ExportOptions(response, output, force, path or [], lang)
    _exit(guarded(_spoken(lang, lambda: command.run(opts))))


@app.command(name="import")
def import_(
    workbook: Annotated[
        Path, typer.Argument(help="A workbook written by `ncr export`, filled in.", metavar="FILE")
    ],
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help="The response to write (.yaml).", metavar="FILE"),
    ],
    force: Force = False,
    path: SearchPath = None,
) -> None:
    """Read a filled-in workbook back into a response file; every bad cell is named.

    Example: ncr import xa-2026.xlsx -o xa-2026.yaml
    """
    from ncr.cli import import_workbook as command
    from ncr.cli.boundary import guarded

    opts = command.ImportOptions(workbook, output, force, path or [])
    _exit(guarded(lambda: command.run(opts)))


@app.command(name="list")
def list_(
    fmt: Annotated[
        str, typer.Option("--format", help="text or json.", metavar="text|json")
    ] = "text",
    path: SearchPath = None,
) -> None:
    """List the frameworks, questionnaires and benchmarks found, with versions and origins.

    Example: ncr list --path ./my-frameworks
    """
    from ncr.cli import installed as command
    from ncr.cli.boundary import guarded

    _exit(guarded(lambda: command.run_list(fmt=fmt, paths=path or [])))


@app.command()
def show(
    ident: Annotated[
        str, typer.Argument(metavar="ID", help="A framework, questionnaire or benchmark id.")
    ],
    path: SearchPath = None,
    lang: Lang = "en",
) -> None:
    """Show a framework, questionnaire or benchmark as a readable tree.

    Example: ncr show ncr-core
    """
    from ncr.cli import installed as command
    from ncr.cli.boundary import guarded

    _exit(guarded(_spoken(lang, lambda: command.run_show(ident, paths=path or [], lang=lang))))


@app.command()
def schema(
    kind: Annotated[
        str,
        typer.Argument(
            help="framework, questionnaire, response, benchmark, profile, result, diff or overview.",
            metavar="KIND",
        ),
    ],
    questionnaire: Annotated[
        str | None,
        typer.Option(
            "--questionnaire",
            "-q",
            help="With `response`: a schema listing that questionnaire's question ids and answers.",
            metavar="ID|FILE",
        ),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file.", metavar="FILE")
    ] = None,
    force: Force = False,
    path: SearchPath = None,
) -> None:
    """Print the JSON Schema of a document kind (for editors and other tools).

    Example: ncr schema response -o response.schema.json
    """
    from ncr.cli import installed as command
    from ncr.cli.boundary import guarded

    _exit(
        guarded(
            lambda: command.run_schema(
                kind, output=output, force=force, questionnaire=questionnaire, paths=path or []
            )
        )
    )


@app.command()
def diff(
    old: Annotated[Path, typer.Argument(help="The earlier review.", metavar="OLD")],
    new: Annotated[Path, typer.Argument(help="The later review.", metavar="NEW")],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Report file (.pdf .html .md .json .docx).", metavar="FILE"
        ),
    ] = None,
    fmt: Annotated[
        str, typer.Option("--format", help="text or json on screen.", metavar="text|json")
    ] = "text",
    benchmark: BenchmarkOpt = None,
    any_order: Annotated[bool, typer.Option(help="Allow NEW to be older than OLD.")] = False,
    any_country: AnyCountry = False,
    force: Force = False,
    path: SearchPath = None,
    templates: Templates = None,
    profile: ProfileOpt = None,
    lang: Lang = "en",
) -> None:
    """Compare two reviews of one country: what changed, what improved, what regressed.

    Example: ncr diff examples/xb-2023.yaml examples/xb-2026.yaml -o xb-diff.pdf
    """
    from ncr.cli import diff as command
    from ncr.cli.boundary import guarded

    opts = command.DiffOptions(
        old,
        new,
        output,
        fmt,
        benchmark,
        any_order,
        force,
        path or [],
        any_country,
        templates,
        profile,
        lang,
    )
    _exit(guarded(_spoken(lang, lambda: command.run(opts))))


@app.command()
def explain(
    file: Annotated[Path, typer.Argument(help="The response to explain.", metavar="FILE")],
    indicator: Annotated[
        str | None,
        typer.Option("--indicator", help="Explain one indicator, by question.", metavar="ID"),
    ] = None,
    pillar: Annotated[
        str | None,
        typer.Option("--pillar", help="Explain one pillar, by indicator.", metavar="ID"),
    ] = None,
    fmt: Annotated[
        str, typer.Option("--format", help="text or json.", metavar="text|json")
    ] = "text",
    benchmark: BenchmarkOpt = None,
    path: SearchPath = None,
    lang: Lang = "en",
) -> None:
    """Show where a score comes from: the points each part adds, and what caps took away.

    Example: ncr explain examples/xb-2026.yaml --pillar technical
    """
    from ncr.cli import explain as command
    from ncr.cli.boundary import guarded

    opts = command.ExplainOptions(file, indicator, pillar, fmt, benchmark, path or [], lang)
    _exit(guarded(_spoken(lang, lambda: command.run(opts))))


@app.command()
def compare(
    files: Annotated[
        list[Path],
        typer.Argument(help="Responses of several countries (and years).", metavar="FILE..."),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Overview file (.pdf .html .md .json).", metavar="FILE"
        ),
    ] = None,
    fmt: Annotated[
        str, typer.Option("--format", help="text or json on screen.", metavar="text|json")
    ] = "text",
    benchmark: BenchmarkOpt = None,
    jobs: Annotated[
        int | None, typer.Option("--jobs", "-j", help="Parallel workers.", metavar="N")
    ] = None,
    force: Force = False,
    path: SearchPath = None,
    templates: Templates = None,
    profile: ProfileOpt = None,
    lang: Lang = "en",
) -> None:
    """Put many countries side by side: scores, levels, a heat map, common strengths and weaknesses.

    Example: ncr compare examples/*.yaml -o overview.pdf
    """
    from ncr.cli import compare as command
    from ncr.cli.boundary import guarded

    opts = command.CompareOptions(
        files, output, fmt, benchmark, jobs, force, path or [], templates, profile, lang
    )
    _exit(guarded(_spoken(lang, lambda: command.run(opts))))


@benchmark_app.command("build")
def benchmark_build(
    files: Annotated[
        list[Path], typer.Argument(help="Assessed responses of one framework.", metavar="FILE...")
    ],
    ident: Annotated[str, typer.Option("--id", help="Id of the new benchmark.", metavar="ID")],
    stat: Annotated[
        str, typer.Option("--stat", help="mean or median.", metavar="mean|median")
    ] = "median",
    title: Annotated[
        str | None, typer.Option("--title", help="Title of the new benchmark.", metavar="TEXT")
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Write to this file (default: screen).", metavar="FILE"
        ),
    ] = None,
    include_drafts: Annotated[
        bool,
        typer.Option(
            "--include-drafts", help="Count draft reviews too (default: final reviews only)."
        ),
    ] = False,
    jobs: Annotated[
        int | None, typer.Option("--jobs", "-j", help="Parallel workers.", metavar="N")
    ] = None,
    force: Force = False,
    path: SearchPath = None,
) -> None:
    """Build a peer benchmark from each country's latest final review (mean or median of each
    score); earlier reviews of a country and drafts are left out, and listed.

    Example: ncr benchmark build examples/*-2026.yaml --id peers-2026 -o peers-2026.yaml
    """
    from ncr.cli import benchmark_build as command
    from ncr.cli.boundary import guarded

    opts = command.PeersOptions(
        files, ident, stat, title, output, force, path or [], include_drafts, jobs
    )
    _exit(guarded(lambda: command.run(opts)))


@templates_app.command("copy")
def templates_copy(
    folder: Annotated[
        Path, typer.Argument(help="Folder to write the templates into.", metavar="DIR")
    ],
    force: Force = False,
) -> None:
    """Write the built-in report templates (HTML, CSS, Markdown, Word reference document) into
    DIR, to edit and use with --templates DIR.

    Example: ncr templates copy my-templates && ncr assess xa.yaml -o xa.pdf --templates my-templates
    """
    from ncr.cli.boundary import guarded
    from ncr.cli.templates_copy import run

    _exit(guarded(lambda: run(folder, force=force)))


@translation_app.command("stamp")
def translation_stamp(
    files: Annotated[
        list[Path],
        typer.Argument(help="Translation files, e.g. framework.fr.yaml.", metavar="FILE..."),
    ],
    path: SearchPath = None,
) -> None:
    """Record in each entry without one the hash of the English it translates (`english_hash`),
    keeping the file's comments and layout; a later change of the English then shows as stale.

    Example: ncr translation stamp questionnaires/ncr-core-2026.fr.yaml
    """
    from ncr.cli import translation_stamp as command
    from ncr.cli.boundary import guarded

    _exit(guarded(lambda: command.run(files, paths=path or [])))


@translation_app.command("new")
def translation_new(
    document: Annotated[
        Path,
        typer.Argument(help="The English framework, questionnaire or benchmark.", metavar="FILE"),
    ],
    lang: Annotated[str, typer.Option("--lang", help="fr, es or ar.", metavar="LANG")],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Default: beside the document, e.g. x.fr.yaml.", metavar="FILE"
        ),
    ] = None,
    force: Force = False,
    path: SearchPath = None,
) -> None:
    """Start a translation: every entry of the document, its English as a comment to translate.

    Example: ncr translation new my-questionnaires/questionnaires/local-2026.yaml --lang fr
    """
    from ncr.cli import translation_new as command
    from ncr.cli.boundary import guarded

    opts = command.NewOptions(document, lang, output, force, tuple(path or []))
    _exit(guarded(lambda: command.run(opts)))


class _PlainArgument(TyperArgument):
    """An argument shown by its metavar alone: typer would add the Python type (`<list[Path]>`),
    and write `{FILE...}...` in the usage line."""

    def display_type_rich(self, ctx: object) -> str | None:
        return None

    def _usage_display_name(self) -> str:
        name = self.display_name_raw
        return name if self.required else f"[{name}]"


class _PlainCommand(TyperCommand):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:
            if type(param) is TyperArgument:
                param.__class__ = _PlainArgument


def _summary(doc: str) -> str:
    """A docstring's first paragraph as one line."""
    return " ".join(doc.strip().split("\n\n")[0].split())


def _plain_help() -> None:
    """Each command lists its whole summary (click would cut it at 45 characters) and its
    arguments without Python types."""
    for group in (app, benchmark_app, templates_app, translation_app):
        for command in group.registered_commands:
            doc = command.callback.__doc__ if command.callback else None
            if doc and command.short_help is None:
                command.short_help = _summary(doc)
            if command.cls in (None, TyperCommand):
                command.cls = _PlainCommand


_plain_help()


def main() -> None:
    app()
