"""`ncr benchmark build`: a peer benchmark from assessed responses, written as a benchmark file."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError
from rich.console import Console

from ncr.cli.boundary import EXIT_OK, print_problems, stderr
from ncr.documents import Benchmark
from ncr.engine import Assessment
from ncr.engine.peer_benchmark import STATISTICS, Selection, build_benchmark, choose_peers
from ncr.loader.loading import Loader
from ncr.loader.search_path import Catalog
from ncr.outputs.atomic_files import check_target, write_atomic
from ncr.outputs.display import plural
from ncr.outputs.yaml_writer import dump
from ncr.pipeline import Review, assess_review, open_review
from ncr.problems import InputError, UsageError

HEADER = "# A peer benchmark built by `ncr benchmark build`; `source` says from what.\n"
# Only --id and --title come from the command line; everything else was validated on load.
OPTION_OF = {"id": "--id", "title": "--title"}


@dataclass(frozen=True)
class PeersOptions:
    files: Sequence[Path]
    ident: str
    stat: str = "median"
    title: str | None = None
    output: Path | None = None
    force: bool = False
    paths: Sequence[Path] = ()
    include_drafts: bool = False


def run(opts: PeersOptions) -> int:
    if opts.stat not in STATISTICS:
        raise UsageError(f"--stat must be one of: {', '.join(STATISTICS)}, not '{opts.stat}'")
    if opts.output:
        check_target(opts.output, inputs=opts.files, force=opts.force)
    loader = Loader(Catalog.create(opts.paths))
    assessed = assess_all(loader, opts.files)
    if opts.output:  # again, now that the questionnaires and frameworks read are known
        check_target(opts.output, inputs=opts.files, force=opts.force, read=loader.read)
    everything = [result for _, result in assessed]
    print_problems([w.as_problem() for result in everything for w in result.warnings])
    chosen = choose_peers(everything, include_drafts=opts.include_drafts)
    if not chosen.kept:
        raise UsageError(
            "every response given is a draft: a peer benchmark is built from final reviews "
            "(pass --include-drafts to count drafts)"
        )
    text = HEADER + to_yaml(_build(chosen.kept, opts))
    if opts.output:
        write_atomic(opts.output, text.encode())
    else:
        Console(highlight=False).out(text, end="")
    _report(opts, chosen)
    return EXIT_OK


def _report(opts: PeersOptions, chosen: Selection) -> None:
    """How many countries the benchmark stands on, and which responses it left out and why."""
    err = stderr()
    kept = chosen.kept
    which = "latest review" if opts.include_drafts else "latest final review"
    where = f"wrote {opts.output} — " if opts.output else ""
    err.print(
        f"{where}benchmark {opts.ident} from {plural(len(kept), 'country')}"
        f" ({len(kept)} of {len(kept) + len(chosen.left_out)} responses: the {which} of each)",
        markup=False,
    )
    for result, reason in chosen.left_out:
        err.print(f"  left out {result.country.code} {result.year}: {reason}", markup=False)


def assess_all(loader: Loader, files: Sequence[Path]) -> list[tuple[Review, Assessment]]:
    """Every response assessed, or every problem in all of them; all of one framework."""
    assessed, problems = [], []
    for path in files:
        try:
            review = open_review(loader, path, with_benchmark=False)
        except InputError as err:
            problems += err.problems
            continue
        assessed.append((review, assess_review(review)))
    if problems:
        raise InputError(problems)
    raise_on_mixed_frameworks(assessed)
    return assessed


def raise_on_mixed_frameworks(assessed: Sequence[tuple[Review, Assessment]]) -> None:
    first_review, first = assessed[0]
    problems = [
        review.response.doc.problem(
            ("questionnaire",),
            f"this response is for framework '{result.framework.id}', but "
            f"{first_review.response.name} is for '{first.framework.id}': "
            "a benchmark is built from responses of one framework",
        )
        for review, result in assessed[1:]
        if result.framework.id != first.framework.id
    ]
    if problems:
        raise InputError(problems)


def _build(results: Sequence[Assessment], opts: PeersOptions) -> Benchmark:
    try:
        return build_benchmark(results, ident=opts.ident, stat=opts.stat, title=opts.title)
    except ValidationError as err:
        reasons = "; ".join(
            f"{OPTION_OF.get(str(e['loc'][0]), e['loc'][0])}: {e['msg']}" for e in err.errors()
        )
        raise UsageError(f"cannot build the benchmark: {reasons}") from None


def to_yaml(benchmark: Benchmark) -> str:
    return dump(benchmark.model_dump(mode="json", exclude_none=True))
