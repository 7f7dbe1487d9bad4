"""References, deltas and statuses against a benchmark (DESIGN §3.4, §6)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from pytest import approx

from assessing import assess_file, review_of, scores_by_id, write_questionnaire, write_variant
from conftest import RESPONSES
from ncr.pipeline import assess_review

MINI_A = RESPONSES / "mini-a.yaml"


def references(path: Path, benchmark: str | None = None) -> dict[str, float | None]:
    return {key: s.reference for key, s in scores_by_id(assess_file(path, benchmark)).items()}


def statuses(path: Path, benchmark: str | None = None) -> dict[str, str]:
    return {key: s.status for key, s in scores_by_id(assess_file(path, benchmark)).items()}


def test_reference_falls_back_from_indicator_to_pillar_to_overall() -> None:
    # ref: overall 60, pillars {law: 70}, indicators {law.offences: 80, tech.forensics: 50}
    assert references(MINI_A) == {
        "law.offences": 80.0,  # its own entry
        "law.procedure": 70.0,  # law's
        "tech.csirt": 60.0,  # no tech entry: overall
        "tech.forensics": 50.0,  # its own entry
        "tech.stats": 60.0,  # kept although the indicator is not applicable
        "law": 70.0,
        "tech": 60.0,  # overall
        "overall": 60.0,
    }


def test_without_overall_an_indicator_can_be_unbenchmarked() -> None:
    # pillars-only: pillars {law: 70} and nothing else
    result = assess_file(MINI_A, "pillars-only")
    assert references(MINI_A, "pillars-only") == {
        "law.offences": 70.0,
        "law.procedure": 70.0,
        "tech.csirt": None,
        "tech.forensics": None,
        "tech.stats": None,
        "law": 70.0,
        "tech": None,
        "overall": None,
    }
    assert statuses(MINI_A, "pillars-only") == {
        "law.offences": "strength",  # 83.33 - 70 = +13.33
        "law.procedure": "on_track",  # 65 - 70 = -5: under 0 (strength), not under -10
        "tech.csirt": "unbenchmarked",
        "tech.forensics": "unbenchmarked",
        "tech.stats": "not_applicable",
        "law": "strength",  # 77.22 - 70 = +7.22
        "tech": "unbenchmarked",
        "overall": "unbenchmarked",
    }
    assert result.benchmark.id == "pillars-only"
    assert scores_by_id(result)["tech.csirt"].delta is None


def test_statuses_on_both_threshold_edges() -> None:
    # edges: thresholds {strength: 5, weakness: -5}
    assert statuses(MINI_A, "edges") == {
        "law.offences": "weakness",  # 83.33 - 90 = -6.67 < -5
        "law.procedure": "on_track",  # 65 - 70 = -5 exactly: not below -5, so not a weakness
        "tech.csirt": "weakness",  # 75 - tech's 88.75 = -13.75
        "tech.forensics": "strength",  # 100 - 95 = +5 exactly: ≥ 5
        "tech.stats": "not_applicable",
        "law": "on_track",  # 77.22 - 80 = -2.78
        "tech": "strength",  # 93.75 - 88.75 = +5 exactly
        "overall": "on_track",  # 82.73 - 82.7 = +0.03
    }
    deltas = {key: s.delta for key, s in scores_by_id(assess_file(MINI_A, "edges")).items()}
    assert deltas["tech.forensics"] == 5.0
    assert deltas["law.procedure"] == -5.0
    assert deltas["tech.stats"] is None


def test_default_thresholds_on_their_edges(tmp_path: Path) -> None:
    # ref: thresholds {strength: 0, weakness: -10}
    # mini-powers: overall capped to 50, 50 - 60 = -10 exactly → on track
    assert statuses(RESPONSES / "mini-powers.yaml")["overall"] == "on_track"
    # L3 search 40, L4 5 → 100: law.procedure (40 + 100) / 2 = 70, 70 - 70 = 0 → strength
    variant = write_variant(tmp_path, {"L3": ["search"], "L4": 5})
    result = scores_by_id(assess_file(variant))["law.procedure"]
    assert (result.score, result.delta, result.status) == (70.0, 0.0, "strength")


def test_a_delta_off_by_float_noise_keeps_its_status(tmp_path: Path) -> None:
    # (L3 40×0.2 + L4 100×0.1) / 0.3 = 60 by hand, 59.99999999999999 in floating point; against
    # law's 70 the delta is -10 (shown -10.0), on the weakness threshold: on track.
    questionnaire = write_questionnaire(tmp_path, {"L3": {"weight": 0.2}, "L4": {"weight": 0.1}})
    changes = {"L3": ["preservation"], "L4": 5}
    procedure = scores_by_id(
        assess_file(write_variant(tmp_path, changes, questionnaire=questionnaire))
    )["law.procedure"]
    assert procedure.delta == approx(-10.0)
    assert procedure.status == "on_track"


def test_no_benchmark_leaves_everything_unbenchmarked() -> None:
    result = assess_review(replace(review_of(MINI_A), benchmark=None))
    assert result.benchmark.id is None
    assert {s.status for s in scores_by_id(result).values()} == {"unbenchmarked", "not_applicable"}
    assert result.recommendations == []


@pytest.mark.parametrize("benchmark", ["ref", "edges"])
def test_the_benchmark_is_described_in_the_result(benchmark: str) -> None:
    result = assess_file(MINI_A, benchmark)
    thresholds = {"ref": (0.0, -10.0), "edges": (5.0, -5.0)}[benchmark]
    assert result.benchmark.id == benchmark
    assert (result.benchmark.strength_threshold, result.benchmark.weakness_threshold) == thresholds
