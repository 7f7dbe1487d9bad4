"""A peer benchmark built from assessed reviews: the mean or median of every score (DESIGN §3.4).

Pure: assessments in, a Benchmark document out. The caller makes sure they share one framework.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Iterable, Sequence

from ncr.documents import Benchmark
from ncr.engine import Assessment

STATISTICS: dict[str, Callable[[Sequence[float]], float]] = {
    "mean": statistics.fmean,
    "median": statistics.median,
}


def build_benchmark(
    assessments: Sequence[Assessment], *, ident: str, stat: str, title: str | None = None
) -> Benchmark:
    """Each indicator, pillar and overall reference is the statistic of the scores of the reviews
    that have one; an indicator no review scores is left out (it falls back to its pillar's)."""
    summarise = STATISTICS[stat]
    first = assessments[0]
    pillars = _figures(summarise, ((p.id, p.score) for a in assessments for p in a.pillars))
    indicators = _figures(summarise, ((i.id, i.score) for a in assessments for i in a.indicators()))
    overall = _figures(summarise, (("overall", a.overall.score) for a in assessments))
    return Benchmark(
        id=ident,
        framework=first.framework.id,
        title=title or f"Peers: {stat} of {_count(assessments)}",
        source=_source(assessments, stat),
        overall=overall.get("overall"),
        pillars=pillars,
        indicators=indicators,
    )


def _figures(
    summarise: Callable[[Sequence[float]], float], scores: Iterable[tuple[str, float | None]]
) -> dict[str, float]:
    """The statistic per id, in order of first appearance, over the scores that are not None."""
    collected: dict[str, list[float]] = {}
    for ident, score in scores:
        if score is not None:
            collected.setdefault(ident, []).append(score)
    # one decimal, as every score is shown
    return {ident: round(summarise(values), 1) for ident, values in collected.items()}


def _count(assessments: Sequence[Assessment]) -> str:
    return f"{len(assessments)} response{'s' if len(assessments) != 1 else ''}"


def _source(assessments: Sequence[Assessment], stat: str) -> str:
    reviews = ", ".join(f"{a.country.code}-{a.year}" for a in assessments)
    return f"built by ncr from {_count(assessments)}: {reviews}; statistic: {stat}"
