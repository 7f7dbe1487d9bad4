"""The benchmark document (DESIGN §3.4): thresholds in order, and the peers a built one names."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from ncr.documents import Benchmark

BASE = {"id": "peers", "framework": "mini", "title": "Peers"}


def test_defaults_and_peers_are_optional() -> None:
    bm = Benchmark.model_validate(BASE)
    assert (bm.thresholds.strength, bm.thresholds.weakness, bm.peers) == (0.0, -10.0, [])


def test_a_built_benchmark_names_one_review_per_peer() -> None:
    bm = Benchmark.model_validate({**BASE, "peers": [{"country": "XA", "year": 2026}]})
    assert [(p.country, p.year) for p in bm.peers] == [("XA", 2026)]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"thresholds": {"strength": -20, "weakness": -10}}, "must not be above `strength`"),
        ({"peers": [{"country": "Aurelia", "year": 2026}]}, "should match pattern"),
        ({"peers": [{"country": "XA", "year": 2026, "file": "x"}]}, "Extra inputs"),
    ],
)
def test_what_is_refused(extra: dict[str, object], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        Benchmark.model_validate({**BASE, **extra})
