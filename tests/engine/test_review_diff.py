"""The diff engine on fixture pairs, every number computed by hand (scores in the fixtures' comments).

Benchmark `ref` of framework mini: overall 60, law 70, law.offences 80, tech.forensics 50; the other
tech indicators and the tech pillar fall back to overall (60). Strength when delta ≥ 0, weakness
when delta < -10. Levels: 1 Start-up ≥ 0, 2 Formative ≥ 20, 3 Established ≥ 40, 4 Strategic ≥ 60,
5 Dynamic ≥ 80.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from conftest import FIXTURES, LIB
from ncr.engine import Assessment, Inputs
from ncr.engine.review_diff import DiffResult, IndicatorChange, diff, match_questions
from ncr.loader.loading import Loader
from ncr.loader.search_path import Catalog
from ncr.pipeline import assess_review, open_review

DIFF = FIXTURES / "diff"
NEXT_LIB = DIFF / "lib"  # mini-q-next, the next questionnaire cycle
LIB2 = DIFF / "lib2"  # mini 1.3.0, with the indicator tech.training


def assessed(path: Path, roots: Sequence[Path]) -> tuple[Assessment, Inputs]:
    review = open_review(Loader(Catalog.create(roots, env={})), path)
    return assess_review(review), review.inputs()


def diff_of(
    old: Path, new: Path, old_roots: Sequence[Path], new_roots: Sequence[Path]
) -> DiffResult:
    (before, old_in), (after, new_in) = assessed(old, old_roots), assessed(new, new_roots)
    return diff(before, after, old_in, new_in)


@pytest.fixture(scope="module")
def same_questionnaire() -> DiffResult:
    """Case (a): mini-q both times, different answers."""
    return diff_of(DIFF / "xa-2023.yaml", DIFF / "xa-2026.yaml", [LIB], [LIB])


@pytest.fixture(scope="module")
def next_cycle() -> DiffResult:
    """Case (b): mini-q, then mini-q-next with renamed, dropped and new questions."""
    roots = [LIB, NEXT_LIB]
    return diff_of(DIFF / "xa-2023.yaml", DIFF / "xa-2026-next.yaml", roots, roots)


@pytest.fixture(scope="module")
def newer_framework() -> DiffResult:
    """Case (c): the old review on mini 1.2.0, the new one on mini 1.3.0 (one indicator more)."""
    return diff_of(DIFF / "xa-2023.yaml", DIFF / "xa-2026-plus.yaml", [LIB], [LIB2])


def indicator(result: DiffResult, ident: str) -> IndicatorChange:
    return next(i for i in result.indicators if i.id == ident)


def row(change: IndicatorChange) -> tuple[object, ...]:
    return (
        change.old,
        change.new,
        change.delta,
        change.old_status,
        change.new_status,
        change.old_level,
        change.new_level,
    )


# --- case (a): same questionnaire ----------------------------------------------------------------


def test_headers_name_both_reviews(same_questionnaire: DiffResult) -> None:
    d = same_questionnaire
    assert (d.old.year, d.new.year) == (2023, 2026)
    assert (d.old.review.status, d.new.review.status) == ("final", "draft")
    assert d.draft
    assert d.classification == "RESTRICTED"
    assert d.old.questionnaire.id == d.new.questionnaire.id == "mini-q"
    assert d.benchmark.id == "ref"
    assert d.labels() == ("2023", "2026")


def test_overall_falls_under_the_new_cap(same_questionnaire: DiffResult) -> None:
    o = same_questionnaire.overall
    # old (2×55.556 + 75) / 3 = 62.037 (level 4, +2.04 over 60: strength);
    # new uncapped (2×72.222 + 95) / 3 = 79.815, capped at 50 by no-powers: level 3, delta -10 is not
    # below -10, so on track.
    assert o.old == pytest.approx(62.037, abs=1e-3)
    assert o.new == 50.0
    assert o.delta == pytest.approx(50 - 62.037, abs=1e-3)
    assert (o.old_level, o.new_level) == (4, 3)
    assert (o.old_level_name, o.new_level_name) == ("Strategic", "Established")
    assert (o.old_status, o.new_status) == ("strength", "on_track")


def test_pillar_deltas(same_questionnaire: DiffResult) -> None:
    law, tech = same_questionnaire.pillars
    # law: (2×33.333 + 100) / 3 = 55.556 → (2×83.333 + 50) / 3 = 72.222, reference 70
    assert (law.old, law.new, law.delta) == pytest.approx((55.556, 72.222, 16.667), abs=1e-3)
    assert (law.old_status, law.new_status, law.old_level, law.new_level) == (
        "weakness",
        "strength",
        3,
        4,
    )
    # tech: (0 + 3×100) / 4 = 75 → (75 + 3×100 + 100) / 5 = 95, reference 60
    assert (tech.old, tech.new, tech.delta) == (75.0, 95.0, 20.0)
    assert (tech.old_status, tech.new_status, tech.old_level, tech.new_level) == (
        "strength",
        "strength",
        4,
        5,
    )


def test_indicator_deltas_statuses_and_levels(same_questionnaire: DiffResult) -> None:
    d = same_questionnaire
    # law.offences: (2×0 + 100) / 3 = 33.333 → (2×100 + 50) / 3 = 83.333; reference 80
    assert row(indicator(d, "law.offences")) == pytest.approx(
        (33.333, 83.333, 50.0, "weakness", "strength", 2, 5), abs=1e-3
    )
    # law.procedure: (100 + 100) / 2 = 100 → ([none] 0 + 100) / 2 = 50; reference 70
    assert row(indicator(d, "law.procedure")) == (100.0, 50.0, -50.0, "strength", "weakness", 5, 3)
    # tech.csirt: T1 no → 0 (T2 does not apply) → (100 + office 50) / 2 = 75; reference 60
    assert row(indicator(d, "tech.csirt")) == (0.0, 75.0, 75.0, "weakness", "strength", 1, 4)
    # tech.forensics: (100 + 2×100) / 3 = 100 both times
    assert row(indicator(d, "tech.forensics")) == (100.0, 100.0, 0.0, "strength", "strength", 5, 5)
    # tech.stats: n/a (not applicable) → yes 100: no delta, since the old side has no score
    assert row(indicator(d, "tech.stats")) == (
        None,
        100.0,
        None,
        "not_applicable",
        "strength",
        None,
        5,
    )
    assert {i.presence for i in d.indicators} == {"both"}
    assert d.indicators_added == d.indicators_removed == []
    assert d.unchanged.indicators == 1  # tech.forensics
    assert d.unchanged.pillars == 0


def test_movers_in_order(same_questionnaire: DiffResult) -> None:
    assert [i.id for i in same_questionnaire.improved()] == ["tech.csirt", "law.offences"]
    assert [i.id for i in same_questionnaire.regressed()] == ["law.procedure"]


def test_status_changes(same_questionnaire: DiffResult) -> None:
    s = same_questionnaire.status_changes
    assert s.new_strengths == ["law.offences", "tech.csirt", "tech.stats"]
    assert s.resolved_weaknesses == ["law.offences", "tech.csirt"]
    assert s.new_weaknesses == ["law.procedure"]
    assert s.lost_strengths == ["law.procedure"]


def test_critical_gaps_opened_and_closed(same_questionnaire: DiffResult) -> None:
    gaps = same_questionnaire.critical_gaps
    # L3 [none] fires no-powers; T1 yes no longer fires no-csirt.
    assert [g.rule for g in gaps.opened] == ["no-powers"]
    assert [g.rule for g in gaps.closed] == ["no-csirt"]
    assert gaps.still_open == []


def test_every_changed_answer_with_its_score_change(same_questionnaire: DiffResult) -> None:
    changes = {
        a.question: (a.old_display, a.new_display, a.score_delta)
        for a in same_questionnaire.answers
    }
    assert changes == {
        "L1": ("No", "Yes", 100.0),
        "L2": ("Fully", "Partly", -50.0),
        "L3": ("Preservation; Production order; Search and seizure", "None of these", -100.0),
        "L4": ("5", "5", 0.0),  # same answer, one more piece of evidence
        "T1": ("No", "Yes", 100.0),
        "T2": ("(does not apply)", "Office hours", None),  # not scored before
        # T5 is a text question: recorded, never scored
        "T5": ("A lab in the capital.", "An accredited lab in the capital <since 2025>.", None),
        "T6": ("not applicable", "Yes", None),  # n/a is left out of the score
    }
    assert same_questionnaire.unchanged.answers == 2  # T3, T4
    assert same_questionnaire.questions_added == same_questionnaire.questions_removed == []
    assert all(a.old_question is None for a in same_questionnaire.answers)


def test_evidence_added_and_removed(same_questionnaire: DiffResult) -> None:
    by_id = {a.question: a for a in same_questionnaire.answers}
    assert [e.title for e in by_id["L1"].evidence_added] == ["Computer Misuse Act 2024, s. 4"]
    assert [e.title for e in by_id["L4"].evidence_added] == ["Training records 2025"]
    assert by_id["L4"].evidence_removed == []


def test_a_review_against_itself_is_identical() -> None:
    before, inputs = assessed(DIFF / "xa-2026.yaml", [LIB])
    d = diff(before, before, inputs, inputs)
    assert d.identical
    assert d.answers == [] and d.improved() == [] and d.status_moves() == []
    assert d.unchanged.answers == 10 and d.unchanged.indicators == 5
    assert d.overall.delta == 0.0
    assert d.labels() == ("Old", "New")


# --- case (b): two questionnaire cycles ----------------------------------------------------------


def test_renamed_questions_are_matched_through_replaces(next_cycle: DiffResult) -> None:
    changes = {
        a.question: (a.old_question, a.old_display, a.new_display, a.score_delta)
        for a in next_cycle.answers
    }
    assert changes == {
        "L1.1": ("L1", "No", "Yes", 100.0),
        "L2.1": ("L2", "Fully", "Partly", -50.0),
        "L3": (None, "Preservation; Production order; Search and seizure", "None of these", -100.0),
        "L4": (None, "5", "5", 0.0),
        "T1": (None, "No", "Yes", 100.0),
        "T2": (None, "(does not apply)", "Office hours", None),
        "T6": (None, "not applicable", "Yes", None),
    }
    # T3 by id and T4.1 (was T4, 12 examiners both times) are unchanged.
    assert next_cycle.unchanged.answers == 2
    assert next_cycle.old.questionnaire.id == "mini-q"
    assert next_cycle.new.questionnaire.id == "mini-q-next"


def test_questions_of_one_cycle_only(next_cycle: DiffResult) -> None:
    assert [(q.question, q.display, q.score) for q in next_cycle.questions_added] == [
        ("T7", "Yes", 100.0)
    ]
    assert [(q.question, q.display, q.score) for q in next_cycle.questions_removed] == [
        ("T5", "A lab in the capital.", None)
    ]


def test_next_cycle_scores(next_cycle: DiffResult) -> None:
    # tech.csirt: 0 → (100 + 50 + T7 100) / 3 = 83.333; tech: 75 → (83.333 + 300 + 100) / 5 = 96.667
    assert row(indicator(next_cycle, "tech.csirt")) == pytest.approx(
        (0.0, 83.333, 83.333, "weakness", "strength", 1, 5), abs=1e-3
    )
    tech = next_cycle.pillars[1]
    assert (tech.old, tech.new, tech.delta) == pytest.approx((75.0, 96.667, 21.667), abs=1e-3)
    # overall uncapped (2×72.222 + 96.667) / 3 = 80.370, capped at 50 again
    assert (next_cycle.overall.new, next_cycle.overall.new_level) == (50.0, 3)
    assert [g.rule for g in next_cycle.critical_gaps.opened] == ["no-powers"]
    assert [g.rule for g in next_cycle.critical_gaps.closed] == ["no-csirt"]
    assert next_cycle.status_changes.new_strengths == ["law.offences", "tech.csirt", "tech.stats"]


def test_replaces_is_followed_backwards_too() -> None:
    # --any-order: the newer questionnaire is the old side, its `replaces` still pairs L1.1 with L1.
    old_qn = assessed(DIFF / "xa-2023.yaml", [LIB])[1].questionnaire
    next_qn = assessed(DIFF / "xa-2026-next.yaml", [LIB, NEXT_LIB])[1].questionnaire
    backwards = match_questions(next_qn, old_qn)
    assert ("L1.1", "L1") in backwards.pairs
    assert ("T4.1", "T4") in backwards.pairs
    assert backwards.added == ["T5"]
    assert backwards.removed == ["T7"]


def test_same_id_wins_over_replaces() -> None:
    # A new question that names an old id in `replaces` while that id is still asked: the old
    # answer stays with its own question, and the other one is new.
    qn = assessed(DIFF / "xa-2023.yaml", [LIB])[1].questionnaire
    first = qn.sections[0].questions[0]
    renamed = first.model_copy(update={"id": "L1.9", "replaces": "L1"})
    sections = [qn.sections[0].model_copy(update={"questions": [first, renamed]})]
    newer = qn.model_copy(update={"id": "mini-q-split", "sections": sections})
    matching = match_questions(qn, newer)
    assert ("L1", "L1") in matching.pairs
    assert matching.added == ["L1.9"]


# --- case (c): an indicator added by a newer framework version -----------------------------------


def test_framework_versions_differ(newer_framework: DiffResult) -> None:
    assert newer_framework.old.framework.version == "1.2.0"
    assert newer_framework.new.framework.version == "1.3.0"


def test_added_indicator_is_listed_apart(newer_framework: DiffResult) -> None:
    d = newer_framework
    training = indicator(d, "tech.training")
    # T8 "no" → 0 against the overall reference 60: a weakness, level 1; no old side at all.
    assert training.presence == "added"
    assert row(training) == (None, 0.0, None, None, "weakness", None, 1)
    assert d.indicators_added == ["tech.training"]
    assert d.indicators_removed == []
    # Status changes compare indicators assessed in both reviews only.
    assert "tech.training" not in d.status_changes.new_weaknesses
    assert [(q.question, q.score) for q in d.questions_added] == [("T8", 0.0)]


def test_added_indicator_weighs_on_its_pillar(newer_framework: DiffResult) -> None:
    tech = newer_framework.pillars[1]
    # tech: 75 → (75 + 3×100 + 100 + 0) / 6 = 79.167, still level 4 and a strength
    assert (tech.old, tech.new, tech.delta) == pytest.approx((75.0, 79.167, 4.167), abs=1e-3)
    assert (tech.old_level, tech.new_level, tech.new_status) == (4, 4, "strength")
    # overall uncapped (2×72.222 + 79.167) / 3 = 74.537, capped at 50
    assert newer_framework.overall.new == 50.0
    # indicators in both are unchanged from case (a)
    assert row(indicator(newer_framework, "tech.csirt"))[:3] == (0.0, 75.0, 75.0)
    assert newer_framework.unchanged.indicators == 1


# --- case (d): like for like across two questionnaire cycles (tests/fixtures/cycles) -------------

CYCLES = FIXTURES / "cycles"


@pytest.fixture(scope="module")
def cycles() -> DiffResult:
    """cyc-2023 → cyc-2026: A1 and C1 kept, B1 → B1.1 with a value map, A2 and C3 new, C2 dropped."""
    return diff_of(CYCLES / "xc-2023.yaml", CYCLES / "xc-2026.yaml", [CYCLES], [CYCLES])


def test_like_for_like_scores_both_reviews_on_the_shared_questions(cycles: DiffResult) -> None:
    o = cycles.overall
    # as assessed: (62.5 + 50)/2 = 56.25 → (75 + 50)/2 = 62.5; on A1, B1/B1.1 and C1 only:
    # 2023 ((100 + 25)/2 + 100)/2 = 81.25 → 2026 ((100 + 100)/2 + 100)/2 = 100
    assert (o.old, o.new, o.delta) == (56.25, 62.5, 6.25)
    assert o.like_for_like is not None
    assert (o.like_for_like.old, o.like_for_like.new, o.like_for_like.delta) == (81.25, 100, 18.75)
    law, tech = cycles.pillars
    assert law.like_for_like is not None and law.like_for_like.delta == 37.5  # 62.5 → 100
    assert tech.like_for_like is not None and tech.like_for_like.delta == 0.0  # C1 yes both times
    assert cycles.questions.model_dump() == {"shared": 3, "new": ["A2", "C3"], "dropped": ["C2"]}


def test_the_headline_gives_both_changes_and_the_questions(cycles: DiffResult) -> None:
    assert cycles.headline == (
        "Overall 56.2 → 62.5 (+6.2 as assessed, +18.8 like for like), "
        "level 3 Established → 4 Strategic; 3 questions shared, 2 new, 1 dropped"
    )


def test_the_json_carries_the_headline_and_the_like_for_like_figures(cycles: DiffResult) -> None:
    data = cycles.model_dump(mode="json")
    assert data["headline"] == cycles.headline
    assert data["overall"]["like_for_like"] == {"old": 81.25, "new": 100.0, "delta": 18.75}
    assert data["questions"] == {"shared": 3, "new": ["A2", "C3"], "dropped": ["C2"]}


def test_a_change_made_by_the_questionnaire_is_no_rise_or_fall(cycles: DiffResult) -> None:
    # law.a 100 → 50 only because A2 (new, "no") joined A1 ("yes" both times): like for like 0
    law_a = indicator(cycles, "law.a")
    assert (law_a.delta, law_a.like_for_like and law_a.like_for_like.delta) == (-50.0, 0.0)
    assert [i.id for i in cycles.regressed()] == []
    assert [i.id for i in cycles.reweighed()] == ["law.a"]
    # law.b 25 → 100 comes from the answer (draft → in force): a rise both ways
    assert [i.id for i in cycles.improved()] == ["law.b"]


def test_an_answer_is_matched_through_the_value_map(cycles: DiffResult) -> None:
    [change] = cycles.answers
    assert (change.question, change.old_question, change.old, change.new) == (
        "B1.1",
        "B1",
        "draft",
        "in-force",
    )
    assert (change.old_in_new_terms, change.not_carried, change.score_delta) == (
        "bill",
        False,
        75.0,
    )


def test_an_old_value_the_map_does_not_name_is_not_matched() -> None:
    d = diff_of(CYCLES / "xc-2023-none.yaml", CYCLES / "xc-2026.yaml", [CYCLES], [CYCLES])
    [change] = d.answers
    assert (change.old, change.old_in_new_terms, change.not_carried) == ("none", None, True)


def test_the_same_answer_through_the_map_is_no_change(tmp_path: Path) -> None:
    # 2026 answered "bill": the 2023 "draft" in the new options' terms, scoring 25 both times
    source = (CYCLES / "xc-2026.yaml").read_text(encoding="utf-8")
    bill = tmp_path / "xc-2026.yaml"
    bill.write_text(source.replace("B1.1: in-force", "B1.1: bill"), encoding="utf-8")
    d = diff_of(CYCLES / "xc-2023.yaml", bill, [CYCLES], [CYCLES])
    assert d.answers == [] and d.unchanged.answers == 3
