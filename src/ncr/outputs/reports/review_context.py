"""What the assessment report shows (DESIGN §9), looked up once so its templates stay declarative.

The executive summary leads with the reviewers' key messages; without them a paragraph generated
from the scores stands in, and says so. Rules are named by their descriptions, never their ids.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from ncr.engine.result import AnswerResult, Assessment, PillarResult, Recommendation
from ncr.outputs.display import FOLLOW_UP_LABELS, HORIZON_LABELS, number, peer_note, signed
from ncr.outputs.reports.prose import Block, blocks
from ncr.outputs.reports.templating import assessment_frame, blocked, level_ranges

TOP = 5  # how many actions the executive summary lists


@dataclass(frozen=True)
class Horizon:
    key: str
    title: str
    recommendations: list[Recommendation]

    @property
    def notes(self) -> list[str]:
        """The rules that hold back an action's gain, each footnoted once under the table."""
        held = [rule for rec in self.recommendations if blocked(rec) for rule in rec.blocked_by]
        return list(dict.fromkeys(held))


def roadmap(recommendations: list[Recommendation]) -> list[Horizon]:
    """Every recommendation under its horizon, in priority order within each; empty ones left out."""
    groups = [
        Horizon(key, title, [r for r in recommendations if (r.horizon or "none") == key])
        for key, title in HORIZON_LABELS.items()
    ]
    return [group for group in groups if group.recommendations]


@dataclass(frozen=True)
class PillarSource:
    """Where a pillar's part of the overall score comes from (§6a): its indicators' contributions
    before caps, and what the caps on it and its indicators take off."""

    title: str
    points: float
    indicators: list[tuple[str, float]]
    caps: list[tuple[str, float]]


def score_sources(result: Assessment) -> tuple[list[PillarSource], list[tuple[str, float]]]:
    """Per pillar, and the caps on the overall score: together they add up to the overall."""
    rules = {rule.id: rule.description or rule.flag or rule.id for rule in result.rules}
    by_indicator: dict[str, float] = {}
    for item in result.contributions:
        by_indicator[item.indicator] = by_indicator.get(item.indicator, 0.0) + item.points
    sources = []
    for pillar in result.pillars:
        ids = {pillar.id, *(ind.id for ind in pillar.indicators)}
        caps = [
            (rules.get(c.rule, c.rule), c.points) for c in result.cap_effects if c.target in ids
        ]
        indicators = [
            (ind.title, by_indicator[ind.id]) for ind in pillar.indicators if ind.id in by_indicator
        ]
        total = sum(points for _, points in indicators) + sum(points for _, points in caps)
        sources.append(PillarSource(pillar.title, total, indicators, caps))
    overall = [
        (rules.get(c.rule, c.rule), c.points) for c in result.cap_effects if c.target == "overall"
    ]
    return sources, overall


def generated_summary(result: Assessment) -> list[str]:
    """Key messages drawn from the scores, for a review whose team wrote none."""
    o = result.overall
    scored = [p for p in result.pillars if p.score is not None]
    first = (
        f"{result.country.name} scores {number(o.score)} out of 100, level {o.level} "
        f"({o.level_name}), against a reference of {number(o.reference)}: "
        f"{signed(o.delta)} points."
    )
    messages = [first]
    if scored:
        best = max(scored, key=lambda p: (p.score or 0.0, p.id))
        worst = min(scored, key=lambda p: (p.score or 0.0, p.id))
        messages.append(
            f"The strongest pillar is {best.title} ({number(best.score)}); "
            f"the weakest is {worst.title} ({number(worst.score)})."
        )
    weak, gaps = len(result.weaknesses()), len(result.critical_gaps)
    shown = {0: "no critical gap stands out", 1: "one critical gap stands out"}
    messages.append(
        f"{weak} of {len(result.indicators())} indicators fall short of the benchmark; "
        f"{shown.get(gaps, f'{gaps} critical gaps stand out')}."
    )
    return messages


def follow_up_counts(result: Assessment) -> str:
    counts = Counter(item.status for item in result.follow_up)
    parts = [f"{n} {FOLLOW_UP_LABELS[key].lower()}" for key, n in counts.items()]
    return ", ".join(parts)


def pillar_findings(result: Assessment, pillar: PillarResult) -> list[Block]:
    text = result.findings.pillars.get(pillar.id) if result.findings else None
    return blocks(text)


def assessment_context(result: Assessment) -> dict[str, Any]:
    answers: dict[str, list[AnswerResult]] = {}
    for answer in result.answers:
        answers.setdefault(answer.indicator, []).append(answer)
    by_question = {answer.question: answer for answer in result.answers}
    pillar_titles = {pillar.id: pillar.title for pillar in result.pillars}
    indicator_titles = {ind.id: ind.title for ind in result.indicators()}
    findings = result.findings
    key_messages = list(findings.summary) if findings and findings.summary else None
    return {
        "result": result,
        "frame": assessment_frame(result),
        "key_messages": key_messages,
        "generated_messages": None if key_messages else generated_summary(result),
        "context_blocks": blocks(findings.context if findings else None),
        "pillar_findings": {p.id: pillar_findings(result, p) for p in result.pillars},
        "top_actions": result.recommendations[:TOP],
        "roadmap": roadmap(result.recommendations),
        "sources": score_sources(result),
        "follow_up_counts": follow_up_counts(result),
        "answers_by_indicator": answers,
        "missing": [by_question[q] for q in result.missing],
        "pillar_titles": pillar_titles,
        "indicator_titles": indicator_titles,
        "indicators": {ind.id: ind for ind in result.indicators()},
        "rule_texts": {rule.id: rule.description or rule.flag or rule.id for rule in result.rules},
        "cap_targets": {**pillar_titles, **indicator_titles, "overall": "the overall score"},
        "levels": level_ranges(result.levels),
        "benchmark_name": result.benchmark.title or result.benchmark.id or "no benchmark",
        "peer_note": peer_note(result.benchmark, result.country.name),
    }
