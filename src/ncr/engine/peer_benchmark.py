"""A peer benchmark built from assessed reviews: the mean or median of every score (DESIGN §3.4).

Pure: the scores of assessed reviews in, a Benchmark document out. Only the scores of each review
are kept (`peer_scores`), not its assessment, so that thousands of reviews fit in memory. The caller
makes sure they share one framework.
"""

from __future__ import annotations

import datetime as dt
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
# `source` may hold 5,000 characters: name the reviews up to this many, then count the rest.
SOURCE_LIST_CHARS = 1500


@dataclass(frozen=True)
class PeerScores:
    """What a peer benchmark needs of one assessed review: whose, when, and its scores."""

    country: str
    year: int
    status: str
    date: dt.date
    framework: str
    overall: float | None
    pillars: tuple[tuple[str, float | None], ...]
    indicators: tuple[tuple[str, float | None], ...]

    @property
    def label(self) -> str:
        return f"{self.country}-{self.year}"


def peer_scores(result: Assessment) -> PeerScores:
    return PeerScores(
        country=result.country.code,
        year=result.year,
        status=result.review.status,
        date=result.review.date,
        framework=result.framework.id,
        overall=result.overall.score,
        pillars=tuple((p.id, p.score) for p in result.pillars),
        indicators=tuple((i.id, i.score) for i in result.indicators()),
    )


@dataclass(frozen=True)
class Selection:
    """The reviews a peer benchmark is built from, one per country, and why the others are not."""

    kept: list[PeerScores]
    left_out: list[tuple[PeerScores, str]]


def choose_peers(peers: Sequence[PeerScores], *, include_drafts: bool) -> Selection:
    """Each country's latest final review (latest by year, then review date); drafts only with
    `include_drafts`. A country counts once, or its reviews would weigh twice in every median."""
    latest: dict[str, PeerScores] = {}
    for a in peers:
        if a.status == "draft" and not include_drafts:
            continue
        best = latest.get(a.country)
        if best is None or (a.year, a.date) > (best.year, best.date):
            latest[a.country] = a
    kept = [a for a in peers if latest.get(a.country) is a]
    left_out = [
        (a, _why_not(a, latest, include_drafts)) for a in peers if latest.get(a.country) is not a
    ]
    return Selection(kept, left_out)


def _why_not(a: PeerScores, latest: dict[str, PeerScores], include_drafts: bool) -> str:
    if a.status == "draft" and not include_drafts:
        return "a draft (pass --include-drafts to count drafts)"
    chosen = latest[a.country]
    if chosen.year == a.year:
        return f"another review of {a.country} in {a.year} is later"
    return f"{chosen.country} {chosen.year} is a later review of the country"


def build_benchmark(
    peers: Sequence[PeerScores], *, ident: str, stat: str, title: str | None = None
) -> Benchmark:
    """Each indicator, pillar and overall reference is the statistic of the scores of the reviews
    that have one; an indicator no review scores is left out (it falls back to its pillar's)."""
    summarise = STATISTICS[stat]
    pillars = _figures(summarise, (pair for peer in peers for pair in peer.pillars))
    indicators = _figures(summarise, (pair for peer in peers for pair in peer.indicators))
    overall = _figures(summarise, (("overall", peer.overall) for peer in peers))
    return Benchmark(
        id=ident,
        framework=peers[0].framework,
        title=title or f"Peers: {stat} of {_count(len(peers))}",
        source=_source(peers, stat),
        overall=overall.get("overall"),
        pillars=pillars,
        indicators=indicators,
        peers=[Peer(country=peer.country, year=peer.year) for peer in peers],
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


def _count(reviews: int) -> str:
    return f"{reviews:,} response{'s' if reviews != 1 else ''}"


def _source(peers: Sequence[PeerScores], stat: str) -> str:
    """Which reviews, by name while they fit, then how many more (a world's worth would not fit)."""
    named: list[str] = []
    length = 0
    for peer in peers:
        length += len(peer.label) + 2
        if length > SOURCE_LIST_CHARS:
            break
        named.append(peer.label)
    rest = len(peers) - len(named)
    more = f" and {rest:,} more" if rest else ""
    return f"built by ncr from {_count(len(peers))}: {', '.join(named)}{more}; statistic: {stat}"
