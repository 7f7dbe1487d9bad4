"""`ncr benchmark build`: a peer benchmark from assessed responses, written as a benchmark file."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from pydantic import ValidationError
from rich.console import Console

from ncr.cli.batch import Outcome, Settings, assess_many, report
from ncr.cli.boundary import EXIT_OK, stderr
from ncr.documents import Benchmark
from ncr.engine.peer_benchmark import (
    STATISTICS,
    PeerScores,
    Selection,
    build_benchmark,
    choose_peers,
)
from ncr.loader.search_path import Catalog
from ncr.outputs.atomic_files import check_target, write_atomic
from ncr.outputs.display import plural
from ncr.outputs.yaml_writer import dump
from ncr.problems import InputError, Problem, UsageError

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
    jobs: int | None = None


def run(opts: PeersOptions) -> int:
    if opts.stat not in STATISTICS:
        raise UsageError(f"--stat must be one of: {', '.join(STATISTICS)}, not '{opts.stat}'")
    if opts.output:
        check_target(opts.output, inputs=opts.files, force=opts.force)
    catalog = Catalog.create(opts.paths)
    err = stderr()
    outcomes = assess_many(opts.files, Settings(catalog, peers=True), opts.jobs, err)
    code = report(outcomes, err)  # every problem located, warnings counted in one line
    if code != EXIT_OK:
        return code
    everything = _one_framework(outcomes)
    if opts.output:  # again, now that the questionnaires and frameworks read are known
        read = [path for o in outcomes for path in o.read]  # as the workers recorded them
        check_target(opts.output, inputs=opts.files, force=opts.force, read=read)
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


def _one_framework(outcomes: Sequence[Outcome]) -> list[PeerScores]:
    """The scores of every response, when all are of the framework of the first."""
    peers = [(o, o.peer) for o in outcomes if o.peer is not None]
    first_file, first = peers[0][0].file, peers[0][1].framework
    problems = [
        replace(
            o.questionnaire_at or Problem(o.file, 0, 0, ""),
            message=f"this response is for framework '{peer.framework}', but {first_file} is "
            f"for '{first}': a benchmark is built from responses of one framework",
        )
        for o, peer in peers
        if peer.framework != first
    ]
    if problems:
        raise InputError(problems)
    return [peer for _, peer in peers]


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
