"""The article-by-article checklist framework: its questionnaire, benchmark and example hold together,
its rules fire when they should, and its example assesses and renders like any review."""

from __future__ import annotations

import json
from typing import Any

import pytest
import yaml

from conftest import EXAMPLES, FIXTURES, REPO, RunNcr
from content_responses import response
from ncr.engine.scoring import score
from ncr.loader.loading import Loader
from ncr.loader.search_path import Catalog
from ncr.pipeline import assess_review, open_review

QUESTIONNAIRE = REPO / "questionnaires" / "cybercrime-legislation-2026.yaml"
EXAMPLE = EXAMPLES / "legislation" / "xb-2026.yaml"
TRIGGERS: dict[str, Any] = yaml.safe_load(
    (FIXTURES / "content" / "cybercrime-legislation-rule-triggers.yaml").read_text(encoding="utf-8")
)
# Budapest Convention art. 40 (declarations) and art. 42 (reservations), as articles of the checklist
BUDAPEST_RESERVABLE = {"B2", "B3", "B4", "B6", "B7", "B9", "B10", "B11", "B14", "B22", "B27", "B29"}


@pytest.fixture(scope="module")
def loaded() -> Any:
    return Loader(Catalog.create([], env={})).questionnaire(QUESTIONNAIRE)


def test_one_article_one_question_with_the_national_provision_as_evidence(loaded: Any) -> None:
    qn, fw = loaded
    questions = qn.model.questions()
    assert {q.indicator for q in questions} == {i.id for i in fw.model.indicators()}
    assert len(questions) == len(fw.model.indicators())
    for q in questions:
        assert q.evidence == "required" and q.allow_na, q.id
        values = [o.value for o in q.options]
        assert values[:2] == ["yes", "partial"] and values[-1] == "no", q.id


def test_the_checklist_covers_the_articles_it_promises(loaded: Any) -> None:
    qn, fw = loaded
    ids = {q.id for q in qn.model.questions()}
    budapest = {f"B{n}" for n in range(2, 36)} - {"B28"}  # arts. 27-28 are one item
    assert budapest <= ids
    assert {f"P{n}" for n in range(6, 15)} <= ids
    pillars = {p.id for p in fw.model.pillars}
    assert {"un-mandatory", "un-optional"} <= pillars


def test_a_reservation_is_offered_only_where_budapest_permits_one(loaded: Any) -> None:
    qn, _ = loaded
    offered = {q.id for q in qn.model.questions() if q.option("reservation") and q.id[0] == "B"}
    assert offered == BUDAPEST_RESERVABLE


def test_no_rule_fires_when_every_article_is_in_force(loaded: Any) -> None:
    qn, fw = loaded
    best = score(fw.model, qn.model, response(qn.model))
    assert best.fired == []
    assert best.overall.score == pytest.approx(100.0)


def test_every_rule_has_a_response_built_to_fire_it(loaded: Any) -> None:
    _, fw = loaded
    assert set(TRIGGERS["rules"]) == {rule.id for rule in fw.model.rules}


@pytest.mark.parametrize("rule", sorted(TRIGGERS["rules"]))
def test_each_rule_fires_on_the_response_built_for_it(loaded: Any, rule: str) -> None:
    qn, fw = loaded
    built = response(qn.model, answers=TRIGGERS["rules"][rule]["answers"])
    assert rule in {r.id for r in score(fw.model, qn.model, built).fired}


def test_the_example_assesses_against_its_own_benchmark() -> None:
    result = assess_review(open_review(Loader(Catalog.create([], env={})), EXAMPLE))
    assert result.framework.id == "cybercrime-legislation"
    assert result.benchmark is not None and result.benchmark.id == "party-expectations"
    assert result.missing == []
    pillars = {p.id: p.score for p in result.pillars}
    # a recent Budapest party: the Convention largely in law, the Protocol not yet
    assert pillars["budapest-substantive"] > 90 > pillars["budapest-procedural"]  # type: ignore[operator]
    assert pillars["protocol"] < 30  # type: ignore[operator]


@pytest.mark.parametrize("suffix", [".md", ".html", ".json"])
def test_the_example_renders(run_ncr: RunNcr, tmp_path: Any, suffix: str) -> None:
    target = tmp_path / f"checklist{suffix}"
    result = run_ncr("assess", EXAMPLE, "-o", target)
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert "Art. 35 24/7 network" in text
    assert "Reservation or declaration made" in text or suffix == ".json"


def test_two_checklists_of_one_country_diff(run_ncr: RunNcr, tmp_path: Any) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    later = text.replace("year: 2026", "year: 2028").replace("date: 2026-04-08", "date: 2028-04-08")
    later = later.replace('  B15:\n    answer: "partial"', '  B15:\n    answer: "yes"')
    assert later.count("2028") == 2 and '  B15:\n    answer: "yes"' in later
    path = tmp_path / "xb-2028-legislation.yaml"
    path.write_text(later, encoding="utf-8")
    result = run_ncr("diff", EXAMPLE, path, "--format", "json")
    assert result.exit_code == 0, result.output
    assert '"question": "B15"' in result.stdout


def test_the_checklist_goes_through_the_focal_point_workbook(
    run_ncr: RunNcr, tmp_path: Any
) -> None:
    workbook, back = tmp_path / "checklist.xlsx", tmp_path / "back.yaml"
    assert run_ncr("export", EXAMPLE, "-o", workbook).exit_code == 0
    assert run_ncr("import", workbook, "-o", back).exit_code == 0
    before = run_ncr("assess", EXAMPLE, "--format", "json")
    after = run_ncr("assess", back, "--format", "json")
    assert before.exit_code == after.exit_code == 0
    assert '"B2"' in back.read_text(encoding="utf-8") or "B2:" in back.read_text(encoding="utf-8")
    assert json.loads(after.stdout)["overall"] == json.loads(before.stdout)["overall"]
