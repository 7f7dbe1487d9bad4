"""Many reviews side by side: ranking, heat map, common strengths and weaknesses. Pure: no I/O.

An overview is built from `Snapshot`s, the few scores of an assessed review it needs, so a batch of
hundreds of reviews can be assessed in worker processes that send back a few kilobytes each instead
of whole assessments. A country reviewed in several years is shown once, by its latest review, with
the change since the review before it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence

from pydantic import Field

from ncr.engine.result import (
    Assessment,
    BenchmarkRef,
    CountryRef,
    DocumentRef,
    LevelInfo,
    Named,
    ResultModel,
    ReviewInfo,
    Scored,
    Status,
)

# How a heat map shows a cell, in every output: a shade of one colour for the maturity level (so
# the order survives grey-scale and colour-vision deficiencies) and a shape for the status, beside
# the number that is always printed.
SHADES = 5  # steps of colour, whatever the number of levels
STATUS_MARKS: dict[Status, str] = {
    "strength": "▲",
    "on_track": "●",
    "weakness": "▼",
    "unbenchmarked": "",
    "not_applicable": "",
}


class NotComparable(ValueError):
    """The reviews cannot be put side by side; the message says why and what to give instead."""


def shade(band: int | None, bands: int) -> int | None:
    """The colour step (0 = palest) of a level's band on a scale of `bands` levels."""
    if band is None:
        return None
    return round(band * (SHADES - 1) / (bands - 1)) if bands > 1 else SHADES - 1


class Mark(ResultModel):
    """A score with its maturity level and its standing against the benchmark."""

    score: float | None
    level: int | None
    level_name: str | None
    band: int | None = Field(description="position of the level on the scale, 0 = the lowest")
    reference: float | None
    delta: float | None
    status: Status


class PillarMark(Mark):
    id: str


class Snapshot(ResultModel):
    """What an overview needs from one assessed review."""

    file: str
    country: CountryRef
    year: int
    review: ReviewInfo
    framework: DocumentRef
    benchmark: BenchmarkRef
    levels: list[LevelInfo]
    overall: Mark
    pillars: list[PillarMark]
    pillar_titles: list[Named]
    strengths: list[Named]
    weaknesses: list[Named]


class Change(ResultModel):
    """The review before the one shown, and how far the overall score moved since."""

    year: int
    file: str
    score: float | None
    delta: float | None


class CountryRow(ResultModel):
    rank: int | None = Field(description="1 = highest overall score; equal scores share a rank")
    file: str
    country: CountryRef
    year: int
    draft: bool
    overall: Mark
    pillars: list[PillarMark] = Field(description="this country's heat-map row, one per column")
    previous: Change | None


class Column(ResultModel):
    id: str
    title: str
    reference: float | None


class Common(ResultModel):
    """An indicator and the countries for which it is a strength (or a weakness)."""

    indicator: str
    title: str
    count: int
    countries: list[str]


class Overview(ResultModel):
    """Countries ranked by overall score. Their `pillars` against `pillars` form the heat map."""

    ncr_version: str
    framework: DocumentRef
    benchmark: BenchmarkRef
    levels: list[LevelInfo]
    reference: float | None = Field(description="the benchmark's overall reference")
    pillars: list[Column]
    countries: list[CountryRow]
    strengths: list[Common]
    weaknesses: list[Common]
    date: dt.date = Field(description="the date of the latest review shown")
    draft: bool = Field(description="true when any review shown is a draft")
    classifications: list[str]


def snapshot(result: Assessment, file: str) -> Snapshot:
    def mark(item: Scored) -> dict[str, object]:
        return {
            "score": item.score,
            "level": item.level,
            "level_name": item.level_name,
            "band": bands.get(item.level) if item.level is not None else None,
            "reference": item.reference,
            "delta": item.delta,
            "status": item.status,
        }

    bands = {level.level: position for position, level in enumerate(result.levels)}
    return Snapshot(
        file=file,
        country=result.country,
        year=result.year,
        review=result.review,
        framework=result.framework,
        benchmark=result.benchmark,
        levels=result.levels,
        overall=Mark(**mark(result.overall)),
        pillars=[PillarMark(id=p.id, **mark(p)) for p in result.pillars],
        pillar_titles=[Named(id=p.id, title=p.title) for p in result.pillars],
        strengths=[Named(id=i.id, title=i.title) for i in result.strengths()],
        weaknesses=[Named(id=i.id, title=i.title) for i in result.weaknesses()],
    )


def build_overview(snapshots: Sequence[Snapshot], *, ncr_version: str) -> Overview:
    """The overview of the given reviews; NotComparable when they cannot be put side by side."""
    if not snapshots:
        raise NotComparable("an overview needs at least one review")
    _check_comparable(snapshots)
    latest, previous = _latest_reviews(snapshots)
    columns = _columns(latest)
    # the framework, its levels and the reference as the newest review shown has them: an
    # earlier review given first may be on an older version of the framework
    newest = max(latest, key=lambda s: (s.review.date, s.year))
    rows = _ranked([_row(s, previous.get(s.country.code), columns) for s in latest])
    return Overview(
        ncr_version=ncr_version,
        framework=newest.framework,
        benchmark=newest.benchmark,
        levels=newest.levels,
        reference=newest.overall.reference,
        pillars=columns,
        countries=rows,
        strengths=_common(latest, lambda s: s.strengths),
        weaknesses=_common(latest, lambda s: s.weaknesses),
        date=max(s.review.date for s in latest),
        draft=any(s.review.status == "draft" for s in latest),
        classifications=sorted({c for s in latest if (c := s.review.classification)}),
    )


def _check_comparable(snapshots: Sequence[Snapshot]) -> None:
    first = snapshots[0]
    seen: dict[tuple[str, int], Snapshot] = {}
    for other in snapshots:
        if other.framework.id != first.framework.id:
            raise NotComparable(
                f"{first.file} is a review on framework {first.framework.id} but {other.file} "
                f"is on {other.framework.id}: an overview compares reviews of one framework"
            )
        if other.benchmark.id != first.benchmark.id:
            raise NotComparable(
                f"{first.file} is held against benchmark {first.benchmark.id} but {other.file} "
                f"against {other.benchmark.id}: choose one with --benchmark"
            )
        key = (other.country.code, other.year)
        if key in seen:
            raise NotComparable(
                f"{seen[key].file} and {other.file} are both the {other.year} review of "
                f"{other.country.code}: give only one of them"
            )
        seen[key] = other


def _latest_reviews(
    snapshots: Iterable[Snapshot],
) -> tuple[list[Snapshot], dict[str, Snapshot]]:
    """Each country's latest review (in first-seen order), and the review before it if any."""
    by_country: dict[str, list[Snapshot]] = defaultdict(list)
    for item in snapshots:
        by_country[item.country.code].append(item)
    latest, previous = [], {}
    for code, reviews in by_country.items():
        ordered = sorted(reviews, key=lambda s: s.year)
        latest.append(ordered[-1])
        if len(ordered) > 1:
            previous[code] = ordered[-2]
    return latest, previous


def _columns(latest: Sequence[Snapshot]) -> list[Column]:
    """Every pillar of the reviews shown, in framework order (versions may add pillars)."""
    columns: dict[str, Column] = {}
    for item in latest:
        references = {p.id: p.reference for p in item.pillars}
        for pillar in item.pillar_titles:
            columns.setdefault(
                pillar.id, Column(id=pillar.id, title=pillar.title, reference=references[pillar.id])
            )
    return list(columns.values())


def _row(item: Snapshot, before: Snapshot | None, columns: Sequence[Column]) -> CountryRow:
    marks = {p.id: p for p in item.pillars}
    absent = {"score": None, "level": None, "level_name": None, "band": None, "delta": None}
    cells = [
        marks.get(c.id)
        or PillarMark(id=c.id, reference=c.reference, status="not_applicable", **absent)
        for c in columns
    ]
    return CountryRow(
        rank=None,
        file=item.file,
        country=item.country,
        year=item.year,
        draft=item.review.status == "draft",
        overall=item.overall,
        pillars=cells,
        previous=_change(item, before) if before else None,
    )


def _change(item: Snapshot, before: Snapshot) -> Change:
    now, then = item.overall.score, before.overall.score
    delta = now - then if now is not None and then is not None else None
    return Change(year=before.year, file=before.file, score=then, delta=delta)


def _ranked(rows: list[CountryRow]) -> list[CountryRow]:
    """Highest overall score first, ties by country code; equal scores share a rank, the next
    rank skips (1, 2, 2, 4); a review with no overall score has no rank and comes last."""
    rows = sorted(
        rows,
        key=lambda r: (r.overall.score is None, -(r.overall.score or 0.0), r.country.code),
    )
    ranked: list[CountryRow] = []
    for position, row in enumerate(rows, start=1):
        rank = position if row.overall.score is not None else None
        if ranked and rank is not None and ranked[-1].overall.score == row.overall.score:
            rank = ranked[-1].rank
        ranked.append(row.model_copy(update={"rank": rank}))
    return ranked


def _common(latest: Sequence[Snapshot], pick: Callable[[Snapshot], list[Named]]) -> list[Common]:
    """Indicators by how many countries have them picked, most first, ties by indicator id."""
    countries: dict[str, list[str]] = defaultdict(list)
    titles: dict[str, str] = {}
    for item in latest:
        for indicator in pick(item):
            countries[indicator.id].append(item.country.code)
            titles.setdefault(indicator.id, indicator.title)
    found = [
        Common(indicator=ind, title=titles[ind], count=len(codes), countries=sorted(codes))
        for ind, codes in countries.items()
    ]
    return sorted(found, key=lambda c: (-c.count, c.indicator))
