"""Holding scores against a benchmark: references, deltas and statuses (DESIGN §3.4, §6)."""

from __future__ import annotations

from dataclasses import dataclass

from ncr.documents import Benchmark
from ncr.engine.result import Status
from ncr.engine.tolerance import reaches


@dataclass(frozen=True)
class Comparison:
    reference: float | None
    delta: float | None
    status: Status


def indicator_reference(benchmark: Benchmark | None, pillar: str, indicator: str) -> float | None:
    """The indicator's own entry, else its pillar's (`pillar` holds it), else `overall`, else none."""
    if benchmark is None:
        return None
    if indicator in benchmark.indicators:
        return benchmark.indicators[indicator]
    return pillar_reference(benchmark, pillar)


def pillar_reference(benchmark: Benchmark | None, pillar: str) -> float | None:
    if benchmark is None:
        return None
    return benchmark.pillars.get(pillar, benchmark.overall)


def compare(
    score: float | None, reference: float | None, benchmark: Benchmark | None
) -> Comparison:
    if score is None:
        return Comparison(reference, None, "not_applicable")
    if reference is None or benchmark is None:
        return Comparison(None, None, "unbenchmarked")
    delta = score - reference
    thresholds = benchmark.thresholds
    if reaches(delta, thresholds.strength):
        return Comparison(reference, delta, "strength")
    if not reaches(delta, thresholds.weakness):
        return Comparison(reference, delta, "weakness")
    return Comparison(reference, delta, "on_track")
