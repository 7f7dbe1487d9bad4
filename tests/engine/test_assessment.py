"""Properties of the scoring engine over random frameworks, questionnaires and answers.

Documents are built in memory as plain data (so they are easy to scale and reorder), then validated
into the same models the loader produces.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from ncr.documents import Benchmark, Framework, Questionnaire, Response
from ncr.engine import Assessment, Inputs, assess

# modest, so the suite stays fast; no deadline, as the first examples pay for imports
examples = settings(deadline=None)  # how many examples: the profile in conftest.py

ABSENT = object()  # no entry at all in `answers`: a missing answer, like null
WEIGHTS = st.floats(min_value=0.1, max_value=10, allow_nan=False)
LEVELS = [
    {"level": 1, "name": "Low", "min": 0},
    {"level": 2, "name": "Middle", "min": 40},
    {"level": 3, "name": "High", "min": 75},
]
TYPES = ["yes_no", "choice", "multi", "number", "text"]


@dataclass(frozen=True)
class Case:
    """A framework, questionnaire, benchmark and answers as plain data."""

    pillars: list[dict[str, Any]]
    sections: list[dict[str, Any]]
    answers: dict[str, Any]
    benchmark: dict[str, Any]
    rules: list[dict[str, Any]] = field(default_factory=list)

    def questions(self) -> list[dict[str, Any]]:
        return [q for section in self.sections for q in section["questions"]]

    def inputs(self) -> Inputs:
        framework = {
            "id": "fw",
            "version": "1.0.0",
            "title": "Random",
            "levels": LEVELS,
            "pillars": self.pillars,
            "rules": self.rules,
        }
        questionnaire = {
            "id": "q",
            "framework": "fw",
            "framework_version": ">=1",
            "title": "Random",
            "sections": self.sections,
        }
        response = {
            "country": {"code": "XA", "name": "Aurelia"},
            "year": 2026,
            "questionnaire": "q",
            "review": {"date": "2026-01-01"},
            "answers": self.answers,
        }
        return Inputs(
            Framework.model_validate(framework),
            Questionnaire.model_validate(questionnaire),
            Response.model_validate(response),
            Benchmark.model_validate(
                {"id": "b", "framework": "fw", "title": "B", **self.benchmark}
            ),
        )

    def assess(self) -> Assessment:
        return assess(self.inputs(), ncr_version="test")


@st.composite
def questions(draw: st.DrawFn, qid: str, indicator: str) -> dict[str, Any]:
    kind = draw(st.sampled_from(TYPES))
    question: dict[str, Any] = {
        "id": qid,
        "indicator": indicator,
        "text": qid,
        "type": kind,
        "weight": draw(WEIGHTS),
        "allow_na": True,
    }
    if kind in ("choice", "multi"):
        scores = draw(st.lists(st.integers(0, 100), min_size=2, max_size=4))
        question["options"] = [
            {"value": f"o{n}", "label": f"o{n}", "score": s} for n, s in enumerate(scores)
        ]
    if kind == "number":
        mins = sorted(draw(st.sets(st.integers(0, 20), min_size=1, max_size=3)))
        question["bands"] = [{"min": m, "score": draw(st.integers(0, 100))} for m in mins]
    return question


def valid_answers(question: dict[str, Any]) -> st.SearchStrategy[Any]:
    """Answers that score (or, for text, are recorded): what `ncr validate` accepts."""
    values = [o["value"] for o in question.get("options", [])]
    by_type: dict[str, st.SearchStrategy[Any]] = {
        "yes_no": st.sampled_from(["yes", "no", True, False]),
        "choice": st.sampled_from(values or ["-"]),
        "multi": st.lists(st.sampled_from(values or ["-"]), unique=True),
        "number": st.integers(0, 30) | st.floats(0, 30, allow_nan=False),
        "text": st.just("A description."),
    }
    return by_type[question["type"]]


def scored_answers(question: dict[str, Any]) -> st.SearchStrategy[Any]:
    """Any answer that gives the question a score: valid, unknown or missing (not n/a)."""
    return valid_answers(question) | st.sampled_from(["unknown", None, ABSENT])


def any_answers(question: dict[str, Any]) -> st.SearchStrategy[Any]:
    return scored_answers(question) | st.just("n/a")


@st.composite
def cases(draw: st.DrawFn, with_rules: bool = False) -> Case:
    pillars, flat, answers = [], [], {}
    for p in range(draw(st.integers(1, 3))):
        indicators = []
        for i in range(draw(st.integers(1, 3))):
            iid = f"p{p}.i{i}"
            indicators.append({"id": iid, "title": iid, "weight": draw(WEIGHTS)})
            for k in range(draw(st.integers(1, 3))):
                question = draw(questions(f"{iid}.q{k}", iid))
                flat.append(question)
                answer = draw(any_answers(question))
                if answer is not ABSENT:
                    answers[question["id"]] = answer
        pillars.append(
            {"id": f"p{p}", "title": f"p{p}", "weight": draw(WEIGHTS), "indicators": indicators}
        )
    count = draw(st.integers(1, 3))
    sections = [
        {"id": f"s{n}", "title": f"s{n}", "questions": flat[n::count]}
        for n in range(count)
        if flat[n::count]
    ]
    case = Case(pillars, sections, answers, draw(benchmarks(pillars)))
    return replace(case, rules=draw(rules(pillars))) if with_rules else case


def ids_of(pillars: list[dict[str, Any]]) -> tuple[list[str], list[str]]:
    return [p["id"] for p in pillars], [i["id"] for p in pillars for i in p["indicators"]]


@st.composite
def benchmarks(draw: st.DrawFn, pillars: list[dict[str, Any]]) -> dict[str, Any]:
    pillar_ids, indicator_ids = ids_of(pillars)
    reference = st.integers(0, 100)
    strength = draw(st.integers(-20, 20))
    return {
        "thresholds": {"strength": strength, "weakness": strength - draw(st.integers(0, 20))},
        "overall": draw(st.none() | reference),
        "pillars": draw(st.dictionaries(st.sampled_from(pillar_ids), reference)),
        "indicators": draw(st.dictionaries(st.sampled_from(indicator_ids), reference)),
    }


@st.composite
def rules(draw: st.DrawFn, pillars: list[dict[str, Any]]) -> list[dict[str, Any]]:
    pillar_ids, indicator_ids = ids_of(pillars)
    targets = st.sampled_from([*indicator_ids, *pillar_ids, "overall"])
    return [
        {
            "id": f"r{n}",
            "when": {
                "indicator": draw(st.sampled_from(indicator_ids)),
                "below": draw(st.integers(0, 101)),
            },
            "cap": {"target": draw(targets), "max": draw(st.integers(0, 100))},
        }
        for n in range(draw(st.integers(0, 4)))
    ]


# --- comparing results ------------------------------------------------------------------------------


def rows(result: Assessment) -> Iterator[tuple[str, Any]]:
    """Every figure a reader sees, by a stable name."""
    yield "overall", result.overall
    for pillar in result.pillars:
        yield pillar.id, pillar
        yield from ((ind.id, ind) for ind in pillar.indicators)


def close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def assert_same(one: Assessment, other: Assessment) -> None:
    theirs = dict(rows(other))
    for name, mine in rows(one):
        their = theirs[name]
        for key in ("score", "uncapped_score", "coverage", "delta"):
            assert close(getattr(mine, key), getattr(their, key)), (name, key)
        assert (mine.level, mine.status) == (their.level, their.status), name
        if name != "overall":
            assert close(mine.share, their.share), (name, "share")


# --- properties --------------------------------------------------------------------------------------


@examples
@given(cases(with_rules=True))
def test_every_score_is_between_0_and_100_or_none(case: Case) -> None:
    result = case.assess()
    for name, scored in rows(result):
        for value in (scored.score, scored.uncapped_score):
            assert value is None or 0 <= value <= 100, name
        assert scored.coverage is None or 0 <= scored.coverage <= 1, name
        if scored.score is not None:
            assert scored.score <= scored.uncapped_score, name  # caps only ever lower
    shares = [ind.share for ind in result.indicators() if ind.share is not None]
    if result.overall.score is not None:
        assert math.isclose(sum(shares), 1.0)  # the shares of applicable indicators add up


@examples
@given(st.data())
def test_raising_one_answer_never_lowers_a_score(data: st.DataObject) -> None:
    case = data.draw(cases())
    scored = [q for q in case.questions() if q["type"] != "text"]
    assume(scored)
    question = data.draw(st.sampled_from(scored))
    results = []
    for _ in range(2):
        answers = {k: v for k, v in case.answers.items() if k != question["id"]}
        answer = data.draw(scored_answers(question))
        if answer is not ABSENT:
            answers[question["id"]] = answer
        results.append(replace(case, answers=answers).assess())

    def question_score(result: Assessment) -> float:
        found = next(a.score for a in result.answers if a.question == question["id"])
        assert found is not None
        return found

    low, high = sorted(results, key=question_score)
    indicator = question["indicator"]
    for name in (indicator, indicator.split(".")[0], "overall"):
        lower, higher = dict(rows(low))[name].score, dict(rows(high))[name].score
        assert lower is not None and higher is not None
        assert lower <= higher + 1e-9, name


def scaled(case: Case, level: str, factor: float) -> Case:
    def times(item: dict[str, Any]) -> dict[str, Any]:
        return {**item, "weight": item["weight"] * factor}

    if level == "question":
        sections = [{**s, "questions": [times(q) for q in s["questions"]]} for s in case.sections]
        return replace(case, sections=sections)
    if level == "indicator":
        pillars = [{**p, "indicators": [times(i) for i in p["indicators"]]} for p in case.pillars]
        return replace(case, pillars=pillars)
    return replace(case, pillars=[times(p) for p in case.pillars])


@examples
@given(
    cases(with_rules=True),
    st.sampled_from(["question", "indicator", "pillar"]),
    st.floats(min_value=0.01, max_value=50, allow_nan=False),
)
def test_scaling_the_weights_of_one_level_changes_nothing(
    case: Case, level: str, factor: float
) -> None:
    assert_same(case.assess(), scaled(case, level, factor).assess())


@examples
@given(st.data())
def test_reordering_answers_questions_and_sections_changes_nothing(data: st.DataObject) -> None:
    case = data.draw(cases(with_rules=True))
    sections = [
        {**s, "questions": data.draw(st.permutations(s["questions"]))}
        for s in data.draw(st.permutations(case.sections))
    ]
    answers = dict(data.draw(st.permutations(list(case.answers.items()))))
    reordered = replace(case, sections=sections, answers=answers)
    assert_same(case.assess(), reordered.assess())


@examples
@given(cases(with_rules=True))
def test_contributions_and_cap_effects_add_up_to_the_overall_score(case: Case) -> None:
    result = case.assess()
    parts = [c.points for c in result.contributions] + [c.points for c in result.cap_effects]
    assert all(c.points <= 1e-9 for c in result.cap_effects)  # a cap only ever takes away
    if result.overall.score is None:
        assert parts == [] or math.fsum(parts) == 0
    else:
        assert abs(math.fsum(parts) - result.overall.score) <= 1e-9


@examples
@given(cases())
def test_without_rules_points_at_stake_are_the_nominal_points(case: Case) -> None:
    for rec in case.assess().recommendations:
        assert rec.points_at_stake is not None and rec.nominal_points is not None
        assert math.isclose(rec.points_at_stake, rec.nominal_points, abs_tol=1e-9)
        assert rec.blocked_by == []
