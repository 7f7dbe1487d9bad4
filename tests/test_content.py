"""The shipped content: every framework release, questionnaire, benchmark and example holds together."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import EXAMPLES, REPO
from content_responses import response
from ncr.engine.scoring import score
from ncr.loader.loading import Loader
from ncr.loader.search_path import Catalog, is_translation_file
from ncr.loader.translations import checked_against, read_translation
from ncr.pipeline import assess_review, open_review
from ncr.problems import errors_in


def _documents(*patterns: str) -> list[Path]:
    """Shipped documents; their translations (`*.fr.yaml`…) are checked on their own, below."""
    found = [p for pattern in patterns for p in REPO.glob(pattern)]
    return sorted(p for p in found if not is_translation_file(p))


FRAMEWORKS = _documents("frameworks/*/framework.yaml", "frameworks/*/*/framework.yaml")
BENCHMARKS = _documents("frameworks/*/benchmarks/*.yaml", "frameworks/*/*/benchmarks/*.yaml")
QUESTIONNAIRES = _documents("questionnaires/*.yaml")
TRANSLATIONS = sorted(
    p
    for pattern in ("frameworks/**/*.yaml", "questionnaires/*.yaml")
    for p in REPO.glob(pattern)
    if is_translation_file(p)
)
NCR_CORE_QUESTIONNAIRES = [p for p in QUESTIONNAIRES if p.stem.startswith("ncr-core-")]


def _name(path: Path) -> str:
    return str(path.relative_to(REPO))


@pytest.fixture(scope="module")
def loader() -> Loader:
    return Loader(Catalog.create([], env={}))


@pytest.mark.parametrize("path", TRANSLATIONS, ids=_name)
def test_every_shipped_translation_fits_its_english(loader: Loader, path: Path) -> None:
    # no unknown id, option value or field; stale or missing entries are the translators' list
    english = loader.english_of(path)
    assert errors_in(checked_against(read_translation(path), english.model)[1]) == []


@pytest.mark.parametrize("path", FRAMEWORKS, ids=_name)
def test_every_framework_release_loads_without_warnings(loader: Loader, path: Path) -> None:
    fw = loader.framework(path)
    assert fw.warnings == ()
    assert fw.model.rules, "a framework without rules flags no critical gap"


@pytest.mark.parametrize("path", BENCHMARKS, ids=_name)
def test_every_benchmark_loads_against_its_release(loader: Loader, path: Path) -> None:
    bm, fw = loader.benchmark(path)
    assert bm.warnings == ()
    # a benchmark kept with an earlier release is checked against that release
    expected = path.parent.parent.name if path.parent.parent.name[0].isdigit() else None
    assert expected in (None, fw.model.version)


@pytest.mark.parametrize("path", QUESTIONNAIRES, ids=lambda p: p.stem)
def test_every_questionnaire_loads_without_warnings(loader: Loader, path: Path) -> None:
    qn, _ = loader.questionnaire(path)
    assert qn.warnings == ()


def test_old_questionnaires_keep_the_framework_release_they_were_made_for(loader: Loader) -> None:
    versions = {
        path.stem: loader.questionnaire(path)[1].model.version for path in NCR_CORE_QUESTIONNAIRES
    }
    assert versions["ncr-core-2023"] == "1.0.0"
    assert versions["ncr-core-2026"] == "1.1.0"


@pytest.mark.parametrize("path", NCR_CORE_QUESTIONNAIRES, ids=lambda p: p.stem)
def test_every_indicator_has_two_scored_questions(loader: Loader, path: Path) -> None:
    qn, fw = loader.questionnaire(path)
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
    assert len(new.model.questions()) >= 180
    assert len(renamed) >= 5
    for q in renamed:
        assert q.replaced in old_ids, q.id
    assert {q.type for q in new.model.questions()} == {
        "yes_no",
        "choice",
        "multi",
        "number",
        "text",
    }


def test_release_1_0_rules_fire_on_the_worst_answers_and_none_on_the_best(loader: Loader) -> None:
    qn, fw = loader.questionnaire(REPO / "questionnaires" / "ncr-core-2023.yaml")
    worst = score(fw.model, qn.model, response(qn.model, best=False))
    best = score(fw.model, qn.model, response(qn.model, best=True))
    assert {r.id for r in worst.fired} == {r.id for r in fw.model.rules}
    assert best.fired == []
    assert best.overall.score == pytest.approx(100.0)


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_example_validates_and_scores(loader: Loader, path: Path) -> None:
    review = open_review(loader, path)
    result = assess_review(review)
    assert result.overall.score is not None
    assert result.benchmark is not None
    assert result.benchmark.id == review.framework.model.default_benchmark
    if result.review.status == "final":
        assert result.missing == [], f"a final review should be complete: {result.missing}"
        assert review.response.warnings == (), "a final review carries all the evidence asked for"
