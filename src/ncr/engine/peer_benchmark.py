"""A peer benchmark built from assessed reviews: the mean or median of every score (DESIGN §3.4).

Pure: assessments in, a Benchmark document out. The caller makes sure they share one framework.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from ncr.documents import Benchmark
from ncr.documents.benchmark import Peer
from ncr.engine import Assessment

STATISTICS: dict[str, Callable[[Sequence[float]], float]] = {
    "mean": statistics.fmean,
    "median": statistics.median,
}


@dataclass(frozen=True)
class Selection:
    """The reviews a peer benchmark is built from, one per country, and why the others are not."""

    kept: list[Assessment]
    left_out: list[tuple[Assessment, str]]


def choose_peers(assessments: Sequence[Assessment], *, include_drafts: bool) -> Selection:
    """Each country's latest final review (latest by year, then review date); drafts only with
    `include_drafts`. A country counts once, or its reviews would weigh twice in every median."""
    latest: dict[str, Assessment] = {}
    for a in assessments:
        if a.review.status == "draft" and not include_drafts:
            continue
        best = latest.get(a.country.code)
        if best is None or (a.year, a.review.date) > (best.year, best.review.date):
            latest[a.country.code] = a
    kept = [a for a in assessments if latest.get(a.country.code) is a]
    left_out = [
        (a, _why_not(a, latest, include_drafts))
        for a in assessments
        if latest.get(a.country.code) is not a
    ]
    return Selection(kept, left_out)


def _why_not(a: Assessment, latest: dict[str, Assessment], include_drafts: bool) -> str:
    if a.review.status == "draft" and not include_drafts:
        return "a draft (pass --include-drafts to count drafts)"
    chosen = latest[a.country.code]
    if chosen.year == a.year:
        return f"another review of {a.country.code} in {a.year} is later"
    return f"{chosen.country.code} {chosen.year} is a later review of the country"


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
        peers=[Peer(country=a.country.code, year=a.year) for a in assessments],
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
