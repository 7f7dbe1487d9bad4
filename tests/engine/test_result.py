"""The result model's JSON shape (DESIGN §8): the keys every output and script relies on."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from pydantic import BaseModel
from pytest import approx

from assessing import MINI_A, assess_example, assess_file
from ncr.engine import Assessment
from ncr.engine.result import Location, Recommendation


@pytest.fixture(scope="module")
def result() -> Assessment:
    return assess_file(MINI_A)


def test_top_level_keys_in_the_documented_order(result: Assessment) -> None:
    assert list(result.model_dump(mode="json")) == [
        "ncr_version",
        "country",
        "year",
        "review",
        "framework",
        "questionnaire",
        "benchmark",
        "levels",
        "overall",
        "pillars",
        "critical_gaps",
        "recommendations",
        "rules_fired",
        "rules",
        "missing",
        "contributions",
        "cap_effects",
        "answers",
        "warnings",
        "inputs",
        "findings",
        "follow_up",
    ]


def test_dates_are_iso_text_and_an_absent_classification_is_null(result: Assessment) -> None:
    data = json.loads(result.model_dump_json())
    assert data["review"] == {
        "date": "2026-03-14",
        "status": "final",
        "reviewers": ["A. Reviewer"],
        "classification": None,
        "previous": None,
    }


def test_overall_carries_score_level_reference_and_status(result: Assessment) -> None:
    overall = result.model_dump(mode="json")["overall"]
    # law 77.22 (weight 2), tech 93.75 (weight 1): (2 × 77.22 + 93.75) / 3 = 82.73; ref 60 → +22.73
    assert overall["score"] == approx(82.7315, abs=1e-4)
    assert overall["delta"] == approx(22.7315, abs=1e-4)
    assert (overall["level"], overall["level_name"], overall["status"]) == (
        5,
        "Dynamic",
        "strength",
    )
    assert overall["capped_by"] == []


def test_an_answer_keeps_its_value_its_label_and_its_evidence(result: Assessment) -> None:
    first = result.model_dump(mode="json")["answers"][0]
    assert (first["question"], first["answer"], first["display"], first["score"]) == (
        "L1",
        "yes",
        "Yes",
        100.0,
    )
    assert first["evidence"] == [
        {"title": "Computer Misuse Act 2019", "url": None},
        {"title": "s. 4", "url": None},
    ]


def test_strengths_and_weaknesses_are_read_from_the_statuses(result: Assessment) -> None:
    # Against the `ref` benchmark (strength at delta >= 0, weakness below -10): law.offences 83.3 vs
    # 80, tech.csirt 75 vs overall's 60 (no indicator or pillar reference), tech.forensics 100 vs 50
    # are strengths; law.procedure 65 vs law's 70 (-5) is on track; tech.stats is not applicable.
    # Strengths come furthest above their reference first: +50, +15, +3.3.
    assert [i.id for i in result.strengths()] == ["tech.forensics", "tech.csirt", "law.offences"]
    assert result.weaknesses() == []
    assert [i.id for i in result.indicators()] == [
        "law.offences",
        "law.procedure",
        "tech.csirt",
        "tech.forensics",
        "tech.stats",
    ]


def test_a_kept_warning_prints_as_a_located_warning() -> None:
    warning = Location(file="xa.yaml", line=9, column=1, message="no answer to T4")
    assert str(warning.as_problem()) == "xa.yaml:9:1: warning: no answer to T4"


def _same(built: object, validated: object, where: str) -> None:
    """Equal and of the same type at every level: 100 and 100.0 are equal, but not in JSON."""
    assert type(built) is type(validated), where
    if isinstance(built, BaseModel):
        assert list(built.__dict__) == list(validated.__dict__), where  # the JSON's key order
        for name, value in built.__dict__.items():
            _same(value, validated.__dict__[name], f"{where}.{name}")
    elif isinstance(built, list):
        assert len(built) == len(validated), where  # type: ignore[arg-type]
        for index, (mine, theirs) in enumerate(zip(built, validated, strict=True)):  # type: ignore[call-overload]
            _same(mine, theirs, f"{where}[{index}]")
    else:
        assert built == validated, where


MADE: dict[str, Callable[[], Assessment]] = {
    "Borealis 2026": lambda: assess_example("xb-2026"),
    "Dorvania 2026": lambda: assess_example("xd-2026"),
    "Aurelia 2023": lambda: assess_example("xa-2023"),
    "mini-a": lambda: assess_file(MINI_A),
}


@pytest.mark.parametrize("name", MADE)
def test_the_rows_the_engine_builds_unvalidated_are_what_validation_makes(name: str) -> None:
    # assess() builds its answer, pillar, contribution and recommendation rows without validating
    # them again (ResultModel.built). Validating the same values must give the same result, down to
    # the types: an int where validation makes a float would print as 100, not 100.0, in the JSON.
    # Borealis has the team's findings and own recommendations, Dorvania four critical gaps and two
    # caps, Aurelia 2023 the 2023 questionnaire, mini-a an indicator with no applicable question.
    made = MADE[name]()
    assert made.answers and made.contributions
    validated = Assessment.model_validate(made.model_dump())
    _same(made, validated, "assessment")
    assert made.model_dump_json() == validated.model_dump_json()


def test_rows_built_with_defaults_share_no_list() -> None:
    # a default list is made anew for each row, as validation does: frozen rows may still hold lists
    first = Recommendation.built({"kind": "indicator", "title": "T", "text": "Do it."})
    second = Recommendation.built({"kind": "indicator", "title": "T", "text": "Do it."})
    assert first == Recommendation(kind="indicator", title="T", text="Do it.")
    assert first.partners == [] and first.partners is not second.partners
    assert first.questions is not second.questions
