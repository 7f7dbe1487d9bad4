"""What the assessment report shows (DESIGN §9), looked up once so its templates stay declarative.

The executive summary leads with the reviewers' key messages; without them a paragraph generated
from the scores stands in, and says so. Rules are named by their descriptions, never their ids.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from ncr.engine.result import AnswerResult, Assessment, PillarResult, Recommendation
from ncr.outputs.display import (
    HORIZON_LABELS,
    follow_up_label,
    horizon_label,
    number,
    peer_note,
    signed,
)
from ncr.outputs.interface_text import _, ngettext
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
        Horizon(
            key, horizon_label(key), [r for r in recommendations if (r.horizon or "none") == key]
        )
        for key in HORIZON_LABELS
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
    first = _(
        "%(country)s scores %(score)s out of 100, level %(level)s (%(level_name)s), against a "
        "reference of %(reference)s: %(delta)s points."
    ) % {
        "country": result.country.name,
        "score": number(o.score),
        "level": o.level,
        "level_name": o.level_name,
        "reference": number(o.reference),
        "delta": signed(o.delta),
    }
    messages = [first]
    if scored:
        best = max(scored, key=lambda p: (p.score or 0.0, p.id))
        worst = min(scored, key=lambda p: (p.score or 0.0, p.id))
        messages.append(
            _(
                "The strongest pillar is %(best)s (%(best_score)s); the weakest is %(worst)s (%(worst_score)s)."
            )
            % {
                "best": best.title,
                "best_score": number(best.score),
                "worst": worst.title,
                "worst_score": number(worst.score),
            }
        )
    weak, gaps = len(result.weaknesses()), len(result.critical_gaps)
    shown = (
        _("no critical gap stands out")
        if gaps == 0
        else ngettext("one critical gap stands out", "%(num)d critical gaps stand out", gaps)
        % {"num": gaps}
    )
    messages.append(
        ngettext(
            "%(weak)d of %(num)d indicator falls short of the benchmark; %(gaps)s.",
            "%(weak)d of %(num)d indicators fall short of the benchmark; %(gaps)s.",
            len(result.indicators()),
        )
        % {"weak": weak, "num": len(result.indicators()), "gaps": shown}
    )
    return messages


def follow_up_counts(result: Assessment) -> str:
    counts = Counter(item.status for item in result.follow_up)
    parts = [f"{n} {follow_up_label(key).lower()}" for key, n in counts.items()]
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
        "cap_targets": {**pillar_titles, **indicator_titles, "overall": _("the overall score")},
        "levels": level_ranges(result.levels),
        "benchmark_name": result.benchmark.title or result.benchmark.id or _("no benchmark"),
        "peer_note": peer_note(result.benchmark, result.country.name),
    }
