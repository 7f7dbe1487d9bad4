"""Assembling the Assessment: the engine's one entry point. Pure: documents in, result out."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ncr.documents import Benchmark, Framework, Questionnaire, Response
from ncr.documents.response import EvidenceLink
from ncr.engine.answers import ScoredAnswer, display
from ncr.engine.benchmarking import compare, indicator_reference, pillar_reference
from ncr.engine.contributions import cap_effects, contributions, overall_shares
from ncr.engine.recommendations import Priorities, recommend
from ncr.engine.result import (
    AnswerResult,
    Assessment,
    BenchmarkRef,
    CountryRef,
    CriticalGap,
    DocumentRef,
    EvidenceItem,
    FiredRule,
    IndicatorResult,
    InputFile,
    LevelInfo,
    Location,
    PillarResult,
    Recommendation,
    ReviewInfo,
    Scored,
)
from ncr.engine.reviewers_voice import follow_up, with_reviewers
from ncr.engine.scoring import Aggregate, Scores, level_of, score


@dataclass(frozen=True)
class Inputs:
    framework: Framework
    questionnaire: Questionnaire
    response: Response
    benchmark: Benchmark | None = None


def assess(
    inputs: Inputs,
    *,
    ncr_version: str,
    provenance: Sequence[InputFile] = (),
    warnings: Sequence[Location] = (),
    previous: Sequence[Recommendation] | None = None,
) -> Assessment:
    """`previous`: the recommendations of the review before this one, when it is known."""
    fw, qn, resp, bm = inputs.framework, inputs.questionnaire, inputs.response, inputs.benchmark
    scores = score(fw, qn, resp)
    share_of = overall_shares(fw, scores)
    pillars = _pillars(inputs, scores, share_of)
    indicators = [ind for pillar in pillars for ind in pillar.indicators]
    overall = _scored(fw, scores.overall, bm.overall if bm else None, bm)
    answers = _answers(qn, resp, scores.answers)
    by_question = {a.question: a for a in answers}
    return Assessment(
        ncr_version=ncr_version,
        country=CountryRef(code=resp.country.code, name=resp.country.name),
        year=resp.year,
        review=ReviewInfo(**resp.review.model_dump()),
        framework=DocumentRef(id=fw.id, version=fw.version, title=fw.title),
        questionnaire=DocumentRef(id=qn.id, title=qn.title),
        benchmark=_benchmark_ref(bm, resp.country.code),
        levels=[LevelInfo(level=lv.level, name=lv.name, min=lv.min) for lv in fw.levels],
        overall=overall,
        pillars=pillars,
        critical_gaps=[CriticalGap(rule=r.id, message=r.flag) for r in scores.fired if r.flag],
        recommendations=with_reviewers(
            recommend(Priorities(fw, scores), indicators, by_question),
            resp.findings,
            {ind.id: ind for ind in indicators},
        ),
        rules_fired=[rule.id for rule in scores.fired],
        rules=[
            FiredRule(
                id=r.id,
                description=r.description,
                cap_target=r.cap.target if r.cap else None,
                cap_max=r.cap.max if r.cap else None,
                flag=r.flag,
            )
            for r in scores.fired
        ],
        missing=[qid for qid, a in scores.answers.items() if a.state == "missing"],
        contributions=contributions(fw, qn, scores, share_of),
        cap_effects=cap_effects(fw, scores, share_of),
        answers=answers,
        warnings=list(warnings),
        inputs=list(provenance),
        findings=resp.findings,
        follow_up=follow_up(previous, resp.follow_up),
    )


def _benchmark_ref(benchmark: Benchmark | None, country: str) -> BenchmarkRef:
    if benchmark is None:
        return BenchmarkRef(id=None)
    return BenchmarkRef(
        peers=[f"{p.country}-{p.year}" for p in benchmark.peers],
        includes_assessed=any(p.country == country for p in benchmark.peers),
        id=benchmark.id,
        title=benchmark.title,
        source=benchmark.source,
        strength_threshold=benchmark.thresholds.strength,
        weakness_threshold=benchmark.thresholds.weakness,
    )


def _scored(fw: Framework, agg: Aggregate, reference: float | None, bm: Benchmark | None) -> Scored:
    return Scored.built(_scored_fields(fw, agg, reference, bm))


def _scored_fields(
    fw: Framework, agg: Aggregate, reference: float | None, bm: Benchmark | None
) -> dict[str, Any]:
    level = level_of(agg.score, [(lv.level, lv.name, lv.min) for lv in fw.levels])
    comparison = compare(agg.score, reference, bm)
    return {
        "score": agg.score,
        "uncapped_score": agg.uncapped,
        "level": level[0] if level else None,
        "level_name": level[1] if level else None,
        "coverage": agg.coverage,
        "reference": comparison.reference,
        "delta": comparison.delta,
        "status": comparison.status,
        "capped_by": list(agg.capped_by),
    }


def _pillars(
    inputs: Inputs, scores: Scores, share_of: Mapping[str, float | None]
) -> list[PillarResult]:
    fw, bm = inputs.framework, inputs.benchmark
    of_indicator = inputs.questionnaire.by_indicator
    results = []
    for pillar in fw.pillars:
        indicators = [
            IndicatorResult.built(
                {
                    **_scored_fields(
                        fw,
                        scores.indicators[ind.id],
                        indicator_reference(bm, pillar.id, ind.id),
                        bm,
                    ),
                    "id": ind.id,
                    "title": ind.title,
                    "description": ind.description,
                    "references": list(ind.references),
                    "pillar": pillar.id,
                    "weight": ind.weight,
                    "share": share_of[ind.id],
                    "answered": scores.indicators[ind.id].answered,
                    "applicable": scores.indicators[ind.id].applicable,
                    "questions": [q.id for q in of_indicator.get(ind.id, [])],
                }
            )
            for ind in pillar.indicators
        ]
        agg = scores.pillars[pillar.id]
        results.append(
            PillarResult.built(
                {
                    **_scored_fields(fw, agg, pillar_reference(bm, pillar.id), bm),
                    "id": pillar.id,
                    "title": pillar.title,
                    "weight": pillar.weight,
                    "share": share_of[pillar.id],
                    "answered": agg.answered,
                    "applicable": agg.applicable,
                    "indicators": indicators,
                }
            )
        )
    return results


def _answers(
    qn: Questionnaire, resp: Response, scored: Mapping[str, ScoredAnswer]
) -> list[AnswerResult]:
    results = []
    given_answers = resp.answers
    for section in qn.sections:
        for q in section.questions:
            given = given_answers.get(q.id)
            result = scored[q.id]
            results.append(
                AnswerResult.built(
                    {
                        "question": q.id,
                        "section": section.id,
                        "section_title": section.title,
                        "indicator": q.indicator,
                        "text": q.text,
                        "type": q.type,
                        "state": result.state,
                        "answer": result.value,
                        "display": display(q, result.value),
                        "score": result.score,
                        "weight": q.weight,
                        "evidence": _evidence(given.evidence) if given else [],
                        "evidence_required": q.evidence == "required",
                        "note": given.note if given else None,
                    }
                )
            )
    return results


def _evidence(items: Sequence[str | EvidenceLink]) -> list[EvidenceItem]:
    return [
        EvidenceItem.built(
            {"title": item.title, "url": item.url}
            if isinstance(item, EvidenceLink)
            else {"title": item, "url": None}
        )
        for item in items
    ]
