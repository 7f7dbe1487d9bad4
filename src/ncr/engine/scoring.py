"""Scores from answers: questions → indicators → pillars → overall, with rules (DESIGN §4, §5)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TypeVar

from ncr.documents import Framework, Pillar, Question, Questionnaire, Response, Rule
from ncr.documents.vocabulary import NA, OVERALL
from ncr.engine.answers import Normalized, ScoredAnswer, normalize, score_answer
from ncr.engine.evaluation import Facts, holds
from ncr.engine.tolerance import reaches

A = TypeVar("A")


@dataclass(frozen=True)
class Aggregate:
    """A weighted mean before and after caps, with coverage counts."""

    uncapped: float | None
    score: float | None
    answered: int
    applicable: int
    capped_by: tuple[str, ...] = ()

    @property
    def coverage(self) -> float | None:
        return self.answered / self.applicable if self.applicable else None


@dataclass(frozen=True)
class Scores:
    """Every score of one review. `uncapped` holds the indicators before their caps: what rule
    conditions read, and where a re-scoring (points at stake, §6) starts from."""

    answers: dict[str, ScoredAnswer]
    indicators: dict[str, Aggregate]
    pillars: dict[str, Aggregate]
    overall: Aggregate
    fired: list[Rule] = field(default_factory=list)
    uncapped: dict[str, Aggregate] = field(default_factory=dict)


def weighted_mean(pairs: Iterable[tuple[float | None, float]]) -> float | None:
    """Mean of (value, weight) pairs, skipping None values; None when nothing is left."""
    kept = [(value, weight) for value, weight in pairs if value is not None]
    if not kept:
        return None
    total = sum([weight for _, weight in kept])
    if total <= 0:
        return None
    mean = sum([value * weight for value, weight in kept]) / total
    # rounding can carry a mean past its values ((100×4 + 100×0.1) / 4.1 = 100.00000000000001)
    values = [value for value, _ in kept]
    return min(max(mean, min(values)), max(values))


def score_answers(questionnaire: Questionnaire, response: Response) -> dict[str, ScoredAnswer]:
    """Every question's score, with `applies_if` resolved (chains allowed, cycles refused at load)."""
    questions = questionnaire.by_id
    raw = {
        qid: normalize(questions[qid], a.answer)
        for qid, a in response.answers.items()
        if qid in questions
    }
    conditional = questionnaire.conditional_order
    applicable: dict[str, bool] = {}

    def seen(qid: str) -> Normalized:
        # a question not yet placed (only on a cycle, which the loader refuses) reads as n/a
        placed = applicable.get(qid, False) if qid in conditional else True
        return raw.get(qid) if placed else NA

    facts = Facts(seen, {})
    for qid in conditional:
        applicable[qid] = holds(conditional[qid], facts)
    return {
        qid: score_answer(q, raw.get(qid), applicable.get(qid, True))
        for qid, q in questions.items()
    }


def facts_for(answers: Mapping[str, ScoredAnswer], indicators: Mapping[str, Aggregate]) -> Facts:
    def seen(qid: str) -> Normalized:
        scored = answers.get(qid)
        if scored is None:
            return None
        return NA if scored.state == "not_applicable" else scored.value

    return Facts(seen, _Uncapped(indicators))


class _Uncapped(Mapping[str, float | None]):
    """The uncapped score of each indicator, read from its aggregate when a condition asks: a
    re-scoring evaluates few rules, and copying fifty scores for each would cost more."""

    __slots__ = ("_aggregates",)

    def __init__(self, aggregates: Mapping[str, Aggregate]) -> None:
        self._aggregates = aggregates

    def __getitem__(self, iid: str) -> float | None:
        return self._aggregates[iid].uncapped

    def __iter__(self) -> Iterator[str]:
        return iter(self._aggregates)

    def __len__(self) -> int:
        return len(self._aggregates)


def score(
    framework: Framework,
    questionnaire: Questionnaire,
    response: Response,
    excluded: frozenset[str] = frozenset(),
) -> Scores:
    """All scores of a response. `excluded` questions are left out of every mean as if `n/a`,
    while rule conditions still read their answers (the like-for-like view of a diff, §7)."""
    answers = score_answers(questionnaire, response)
    counted = {
        qid: ScoredAnswer("n/a", a.value, None) if qid in excluded else a
        for qid, a in answers.items()
    }
    return roll_up(framework, answers, indicator_scores(framework, questionnaire, counted))


def indicator_scores(
    framework: Framework, questionnaire: Questionnaire, answers: Mapping[str, ScoredAnswer]
) -> dict[str, Aggregate]:
    """Each indicator's weighted mean of its counted questions, before any cap."""
    by_indicator = questionnaire.by_indicator
    return {
        ind.id: _indicator(by_indicator.get(ind.id, []), answers) for ind in framework.indicators()
    }


def roll_up(
    framework: Framework,
    answers: Mapping[str, ScoredAnswer],
    uncapped: Mapping[str, Aggregate],
    without: str | None = None,
    since: tuple[Scores, frozenset[str]] | None = None,
) -> Scores:
    """From uncapped indicator scores to the overall score: rules, caps, pillars (§4, §5).

    Re-scoring (points at stake, §6) starts here with answers scored once, one rule set aside
    (`without`), and `since`: the scores before and the indicators whose uncapped score changed,
    so that only the pillars touched by them or by a cap that came or went are computed again."""
    fired = _fired(framework, facts_for(answers, uncapped), without, since)
    caps = _caps(fired)
    before = since[0] if since else None
    stale = _stale(framework, fired, since)
    if before is None:
        indicators = {iid: _capped(agg, caps.get(iid, [])) for iid, agg in uncapped.items()}
    else:  # re-scoring copies the scores before and computes again only what is stale
        indicators = dict(before.indicators)
        for sid in stale:
            agg = uncapped.get(sid)
            if agg is not None:
                indicators[sid] = _capped(agg, caps.get(sid, []))
    pillar_of = framework.pillar_of
    touched = {pillar_of.get(sid, sid) for sid in stale}
    pillars = dict(before.pillars) if before is not None else {}
    for p in framework.pillars:
        if p.id in touched:
            pillars[p.id] = _capped(_pillar(p, indicators), caps.get(p.id, []))
    totals = pillars.values()
    mean = weighted_mean([(pillars[p.id].score, p.weight) for p in framework.pillars])
    overall = Aggregate(
        mean, mean, sum([a.answered for a in totals]), sum([a.applicable for a in totals])
    )
    capped = _capped(overall, caps.get(OVERALL, []))
    return Scores(_as_dict(answers), indicators, pillars, capped, fired, _as_dict(uncapped))


def _fired(
    framework: Framework,
    facts: Facts,
    without: str | None,
    since: tuple[Scores, frozenset[str]] | None,
) -> list[Rule]:
    """The rules that hold, in framework order. Re-scoring keeps the verdict of a rule that reads
    none of the changed indicators: its facts are the same as before."""
    if since is None:
        return [rule for rule in framework.rules if rule.id != without and holds(rule.when, facts)]
    before, changed = since
    held = {rule.id for rule in before.fired}
    readers = framework.rules_reading
    reading = {rid for iid in changed for rid in readers.get(iid, ())}
    if not reading:  # the same verdicts: the rules before, in their order
        return [rule for rule in before.fired if rule.id != without]
    return [
        rule
        for rule in framework.rules
        if rule.id != without
        and (holds(rule.when, facts) if rule.id in reading else rule.id in held)
    ]


def _stale(
    framework: Framework, fired: list[Rule], since: tuple[Scores, frozenset[str]] | None
) -> set[str]:
    """Ids whose capped score must be computed again: all without `since`; else the indicators
    that changed and the targets of caps that came or went."""
    if since is None:
        return {*(i.id for i in framework.indicators()), *(p.id for p in framework.pillars)}
    before, changed = since
    moved = {r.id for r in fired} ^ {r.id for r in before.fired}
    return {*changed, *(r.cap.target for r in (*fired, *before.fired) if r.cap and r.id in moved)}


def _as_dict(items: Mapping[str, A]) -> dict[str, A]:
    """The mapping itself when it is a dict already: re-scoring shares the answers, never edits."""
    return items if isinstance(items, dict) else dict(items)


def _indicator(questions: list[Question], answers: Mapping[str, ScoredAnswer]) -> Aggregate:
    pairs = [(answers[q.id], q.weight) for q in questions]
    counted = [(a.score, w) for a, w in pairs if a.score is not None]
    mean = weighted_mean(counted)
    answered = len([a for a, _ in pairs if a.score is not None and a.state != "missing"])
    return Aggregate(mean, mean, answered, len(counted))


def _pillar(pillar: Pillar, indicators: Mapping[str, Aggregate]) -> Aggregate:
    parts = [indicators[ind.id] for ind in pillar.indicators]
    weights = [ind.weight for ind in pillar.indicators]
    mean = weighted_mean([(agg.score, weight) for agg, weight in zip(parts, weights, strict=True)])
    return Aggregate(
        mean, mean, sum([agg.answered for agg in parts]), sum([agg.applicable for agg in parts])
    )


def _caps(fired: Iterable[Rule]) -> dict[str, list[tuple[str, float]]]:
    caps: dict[str, list[tuple[str, float]]] = {}
    for rule in fired:
        if rule.cap is not None:
            caps.setdefault(rule.cap.target, []).append((rule.id, rule.cap.max))
    return caps


def _capped(agg: Aggregate, caps: list[tuple[str, float]]) -> Aggregate:
    """Apply the lowest cap; name every rule whose cap is below the score it met."""
    if agg.score is None or not caps:
        return agg
    biting = tuple(rule_id for rule_id, cap in caps if not reaches(cap, agg.score))
    capped = min([agg.score, *(cap for _, cap in caps)])
    return Aggregate(agg.uncapped, capped, agg.answered, agg.applicable, biting)


def level_of(
    score: float | None, levels: Iterable[tuple[int, str, float]]
) -> tuple[int, str] | None:
    """The last level whose `min` is at or below the score."""
    if score is None:
        return None
    reached = [(number, name) for number, name, minimum in levels if reaches(score, minimum)]
    return reached[-1] if reached else None
