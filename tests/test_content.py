"""The shipped content: ncr-core, its questionnaires, benchmarks and examples hold together."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import EXAMPLES, REPO
from ncr.documents import Question, Questionnaire, Response
from ncr.engine.scoring import score
from ncr.loader.loading import Loader
from ncr.loader.search_path import Catalog
from ncr.pipeline import assess_review, open_review

QUESTIONNAIRES = sorted((REPO / "questionnaires").glob("*.yaml"))


@pytest.fixture(scope="module")
def loader() -> Loader:
    return Loader(Catalog.create([], env={}))


def test_the_framework_and_its_benchmarks_load_without_warnings(loader: Loader) -> None:
    fw = loader.framework(REPO / "frameworks" / "ncr-core" / "framework.yaml")
    assert len(fw.model.indicators()) >= 35
    assert fw.warnings == ()
    for path in sorted((REPO / "frameworks" / "ncr-core" / "benchmarks").glob("*.yaml")):
        bm, _ = loader.benchmark(path)
        assert bm.warnings == (), path


@pytest.mark.parametrize("path", QUESTIONNAIRES, ids=lambda p: p.stem)
def test_every_indicator_has_two_scored_questions(loader: Loader, path: Path) -> None:
    qn, fw = loader.questionnaire(path)
    assert qn.warnings == ()
    for indicator in fw.model.indicators():
        scored = [q for q in qn.model.questions() if q.indicator == indicator.id and q.scored]
        assert len(scored) >= 2, (
            f"{indicator.id} has {len(scored)} scored question(s) in {path.name}"
        )


def test_the_2026_cycle_is_larger_and_links_renamed_questions(loader: Loader) -> None:
    old, _ = loader.questionnaire(REPO / "questionnaires" / "ncr-core-2023.yaml")
    new, _ = loader.questionnaire(REPO / "questionnaires" / "ncr-core-2026.yaml")
    old_ids = {q.id for q in old.model.questions()}
    renamed = [q for q in new.model.questions() if q.replaces]
    assert len(new.model.questions()) >= 120
    assert len(renamed) >= 5
    assert all(q.replaces in old_ids for q in renamed)
    assert {q.type for q in new.model.questions()} == {
        "yes_no",
        "choice",
        "multi",
        "number",
        "text",
    }


def _extreme_answer(question: Question, best: bool) -> object:
    """The highest- or lowest-scoring answer a question can take."""
    if question.type == "yes_no":
        return "yes" if best else "no"
    if question.type == "number":
        # bands may fall as the number rises ("weeks of backlog"): take the band, not the number
        band = (max if best else min)(question.bands, key=lambda b: b.score)
        return band.min
    if question.type == "multi":
        return [o.value for o in question.options if o.score > 0] if best else []
    ranked = sorted(question.options, key=lambda o: o.score)
    return (ranked[-1] if best else ranked[0]).value


def _response(questionnaire: Questionnaire, best: bool) -> Response:
    answers = {q.id: _extreme_answer(q, best) for q in questionnaire.questions() if q.scored}
    return Response.model_validate(
        {
            "country": {"code": "ZZ", "name": "Test"},
            "year": 2026,
            "questionnaire": questionnaire.id,
            "review": {"date": dt.date(2026, 1, 1)},
            "answers": answers,
        }
    )


@pytest.mark.parametrize("path", QUESTIONNAIRES, ids=lambda p: p.stem)
def test_every_rule_fires_on_the_worst_answers_and_none_on_the_best(
    loader: Loader, path: Path
) -> None:
    qn, fw = loader.questionnaire(path)
    worst = score(fw.model, qn.model, _response(qn.model, best=False))
    best = score(fw.model, qn.model, _response(qn.model, best=True))
    assert {r.id for r in worst.fired} == {r.id for r in fw.model.rules}
    assert best.fired == []
    assert best.overall.score == pytest.approx(100.0)


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_example_loads_and_scores(loader: Loader, path: Path) -> None:
    result = assess_review(open_review(loader, path))
    assert result.overall.score is not None
    assert result.benchmark.id == "good-practice"
    if result.review.status == "final":
        assert result.missing == [], f"a final review should be complete: {result.missing}"


def test_the_three_countries_are_at_clearly_different_maturity(loader: Loader) -> None:
    overall = {
        path.stem: assess_review(open_review(loader, path)).overall.score
        for path in sorted(EXAMPLES.glob("*-2026.yaml"))
    }
    assert overall["xa-2026"] > overall["xb-2026"] + 20 > overall["xc-2026"] + 40
