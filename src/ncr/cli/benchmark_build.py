"""`ncr benchmark build`: a peer benchmark from assessed responses, written as a benchmark file."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from ncr.cli.boundary import EXIT_OK, print_problems, stderr
from ncr.documents import Benchmark
from ncr.engine.peer_benchmark import (
    STATISTICS,
    PeerScores,
    Selection,
    build_benchmark,
    choose_peers,
    peer_scores,
)
from ncr.loader.loading import Loader
from ncr.loader.search_path import Catalog
from ncr.outputs.atomic_files import check_target, write_atomic
from ncr.outputs.display import plural
from ncr.outputs.yaml_writer import dump
from ncr.pipeline import Review, assess_review, open_review
from ncr.problems import InputError, Problem, UsageError

HEADER = "# A peer benchmark built by `ncr benchmark build`; `source` says from what.\n"
# Only --id and --title come from the command line; everything else was validated on load.
OPTION_OF = {"id": "--id", "title": "--title"}
# Up to this many warnings are shown as located lines; more are counted in one line.
SHOWN_WARNINGS = 20


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
    err = stderr()
    everything, warnings = assess_all(loader, opts.files, err)
    if opts.output:  # again, now that the questionnaires and frameworks read are known
        check_target(opts.output, inputs=opts.files, force=opts.force, read=loader.read)
    if len(warnings) <= SHOWN_WARNINGS:
        print_problems(warnings, err)
    else:  # thousands of "no answer" lines would bury the result; validate lists them per file
        err.print(f"[yellow]{len(warnings):,} warning(s)[/]; `ncr validate FILE` lists them")
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
        sys.stdout.write(text)
    _report(opts, chosen, err)
    return EXIT_OK


def _report(opts: PeersOptions, chosen: Selection, err: Console) -> None:
    """How many countries the benchmark stands on, and which responses it left out and why."""
    kept = chosen.kept
    which = "latest review" if opts.include_drafts else "latest final review"
    where = f"wrote {opts.output} — " if opts.output else ""
    err.print(
        f"{where}benchmark {opts.ident} from {plural(len(kept), 'country')}"
        f" ({len(kept)} of {len(kept) + len(chosen.left_out)} responses: the {which} of each)",
        markup=False,
    )
    for peer, reason in chosen.left_out:
        err.print(f"  left out {peer.country} {peer.year}: {reason}", markup=False)


def assess_all(
    loader: Loader, files: Sequence[Path], err: Console
) -> tuple[list[PeerScores], list[Problem]]:
    """The scores of every response and its warnings, or every problem in all of them;
    all of one framework. Only the scores and warnings are kept, not the assessments, so any
    number of responses fits in memory."""
    peers: list[PeerScores] = []
    problems: list[Problem] = []
    warnings: list[Problem] = []
    first: tuple[str, str] | None = None  # the first response's file and framework
    with _progress(err) as progress:
        task = progress.add_task("assessing", total=len(files))
        for path in files:
            try:
                review = open_review(loader, path, with_benchmark=False)
            except InputError as error:
                problems += error.problems
                continue
            finally:
                progress.advance(task)
            result = assess_review(review)
            peer = peer_scores(result)
            first = first or (review.response.name, peer.framework)
            if peer.framework != first[1]:
                problems.append(_mixed(review, peer.framework, first))
            warnings += [w.as_problem() for w in result.warnings]
            peers.append(peer)
    if problems:
        raise InputError(problems)
    return peers, warnings


def _progress(err: Console) -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )


def _mixed(review: Review, framework: str, first: tuple[str, str]) -> Problem:
    return review.response.doc.problem(
        ("questionnaire",),
        f"this response is for framework '{framework}', but {first[0]} is for '{first[1]}': "
        "a benchmark is built from responses of one framework",
    )


def _build(peers: Sequence[PeerScores], opts: PeersOptions) -> Benchmark:
    try:
        return build_benchmark(peers, ident=opts.ident, stat=opts.stat, title=opts.title)
    except ValidationError as err:
        reasons = "; ".join(
            f"{OPTION_OF.get(str(e['loc'][0]), e['loc'][0])}: {e['msg']}" for e in err.errors()
        )
        raise UsageError(f"cannot build the benchmark: {reasons}") from None


def to_yaml(benchmark: Benchmark) -> str:
    return dump(benchmark.model_dump(mode="json", exclude_none=True))
