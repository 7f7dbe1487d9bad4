"""`ncr explain`: where a review's score comes from, by pillar, indicator or question (§6a)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ncr.cli.boundary import EXIT_OK, print_problems, stderr
from ncr.engine.explanation import Explanation, explain, scope_ids
from ncr.engine.result import Assessment
from ncr.loader.cross_checks import did_you_mean
from ncr.loader.loading import Loader
from ncr.loader.search_path import Catalog
from ncr.outputs.emit import emit
from ncr.outputs.terminal.explain_view import show_explanation
from ncr.pipeline import assess_review, open_review
from ncr.problems import UsageError


@dataclass(frozen=True)
class ExplainOptions:
    file: Path
    indicator: str | None = None
    pillar: str | None = None
    fmt: str = "text"
    benchmark: str | None = None
    paths: Sequence[Path] = ()
    lang: str = "en"


def run(opts: ExplainOptions) -> int:
    if opts.indicator and opts.pillar:
        raise UsageError("give --indicator or --pillar, not both")
    if opts.fmt not in ("text", "json"):
        raise UsageError(f"--format takes text or json, not '{opts.fmt}'")
    review = open_review(
        Loader(Catalog.create(opts.paths), lang=opts.lang), opts.file, opts.benchmark
    )
    result = assess_review(review)
    print_problems([w.as_problem() for w in result.warnings], stderr())
    explanation = _explain(result, opts)
    summary = f"{explanation.title}: {explanation.total:.1f}"
    emit(
        "explanation",
        explanation,
        output=None,
        fmt=opts.fmt,
        show=show_explanation,
        summary=summary,
        err=stderr(),
    )
    return EXIT_OK


def _explain(result: Assessment, opts: ExplainOptions) -> Explanation:
    pillars, indicators = scope_ids(result)
    for option, wanted, known in (
        ("--pillar", opts.pillar, pillars),
        ("--indicator", opts.indicator, indicators),
    ):
        if wanted is not None and wanted not in known:
            hint = did_you_mean(wanted, known)
            raise UsageError(f"{option}: no '{wanted}' in {result.framework.id}{hint}")
    return explain(result, pillar=opts.pillar, indicator=opts.indicator)
