"""`ncr explain`: where a score comes from (DESIGN §6a), for the overall score, a pillar or an
indicator. Pure: an Assessment in, an Explanation out; every figure is points of the overall score.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Any, Literal

from pydantic import Field

from ncr.engine.result import AnswerState, Assessment, CapEffect, ResultModel

Scope = Literal["overall", "pillar", "indicator"]
# Answers that count in no mean, as a reviewer names them.
LEFT_OUT: tuple[AnswerState, ...] = ("n/a", "not_applicable", "unscored")


class Part(ResultModel):
    """One pillar, indicator or question, with the points it adds to the overall score."""

    id: str
    title: str
    score: float | None
    points: float


class Explanation(ResultModel):
    country: str
    year: int
    scope: Scope
    id: str | None = Field(description="the pillar or indicator explained; null for overall")
    title: str
    score: float | None = Field(description="the score of what is explained, as assessed")
    share: float | None = Field(description="its share of the overall score (1 for overall)")
    parts: list[Part] = Field(description="largest contribution first")
    cap_effects: list[CapEffect] = Field(description="caps on it or inside it, at their stage")
    rules: dict[str, str] = Field(description="what each capping rule says, by rule id")
    total: float = Field(description="parts + cap effects: what it adds to the overall score")
    left_out: dict[str, int] = Field(
        description="questions in it counted in no mean, by answer state (n/a, not_applicable, "
        "unscored)"
    )


def explain(
    result: Assessment, *, pillar: str | None = None, indicator: str | None = None
) -> Explanation:
    """The overall score by pillar, a pillar by indicator, or an indicator by question. The caller
    checks that the id exists (`scope_ids`)."""
    if indicator is not None:
        return _indicator(result, indicator)
    if pillar is not None:
        return _pillar(result, pillar)
    parts = [
        Part(id=p.id, title=p.title, score=p.score, points=_sum(result, pillar=p.id))
        for p in result.pillars
    ]
    questions = {q.question for q in result.answers}
    return Explanation(
        **_head(result, "overall", None),
        title=f"Overall score of {result.country.name}",
        score=result.overall.score,
        share=1.0,
        **_figures(result, parts, result.cap_effects, questions),
    )


def scope_ids(result: Assessment) -> tuple[list[str], list[str]]:
    """The pillar ids and indicator ids a review can be explained by."""
    return [p.id for p in result.pillars], [i.id for i in result.indicators()]


def _pillar(result: Assessment, ident: str) -> Explanation:
    pillar = next(p for p in result.pillars if p.id == ident)
    inside = {ident, *(i.id for i in pillar.indicators)}
    parts = [
        Part(id=i.id, title=i.title, score=i.score, points=_sum(result, indicator=i.id))
        for i in pillar.indicators
    ]
    caps = [c for c in result.cap_effects if c.target in inside]
    questions = {q for i in pillar.indicators for q in i.questions}
    return Explanation(
        **_head(result, "pillar", ident),
        title=pillar.title,
        score=pillar.score,
        share=pillar.share,
        **_figures(result, parts, caps, questions),
    )


def _indicator(result: Assessment, ident: str) -> Explanation:
    ind = next(i for i in result.indicators() if i.id == ident)
    points = {c.question: c.points for c in result.contributions if c.indicator == ident}
    parts = [
        Part(id=a.question, title=a.text, score=a.score, points=points[a.question])
        for a in result.answers
        if a.question in points
    ]
    caps = [c for c in result.cap_effects if c.target == ident]
    return Explanation(
        **_head(result, "indicator", ident),
        title=ind.title,
        score=ind.score,
        share=ind.share,
        **_figures(result, parts, caps, set(ind.questions)),
    )


def _head(result: Assessment, scope: Scope, ident: str | None) -> dict[str, Any]:
    return {"country": result.country.name, "year": result.year, "scope": scope, "id": ident}


def _figures(
    result: Assessment, parts: list[Part], caps: list[CapEffect], questions: set[str]
) -> dict[str, Any]:
    """Parts largest first, their total with the caps, and the questions left out by state."""
    states = Counter(a.state for a in result.answers if a.question in questions)
    said = {r.id: (r.description or r.flag or r.id).rstrip(".") for r in result.rules}
    return {
        "rules": {c.rule: said.get(c.rule, c.rule) for c in caps},
        "parts": sorted(parts, key=lambda p: (-p.points, p.id)),
        "cap_effects": caps,
        "total": math.fsum([*(p.points for p in parts), *(c.points for c in caps)]),
        "left_out": {state: states[state] for state in LEFT_OUT if states[state]},
    }


def _sum(result: Assessment, *, pillar: str | None = None, indicator: str | None = None) -> float:
    return math.fsum(
        c.points
        for c in result.contributions
        if (pillar is None or c.pillar == pillar)
        and (indicator is None or c.indicator == indicator)
    )
