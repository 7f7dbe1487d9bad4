"""`ncr init --from`: an earlier review's answers carried into the next questionnaire cycle.

mini-a answers mini-q; mini-q2 (its next cycle, see its header) renames L2 to L2b, gives T2 new
options, stops allowing n/a for T6, drops T5 and adds T7.
"""

from __future__ import annotations

from pathlib import Path

from assessing import MINI_A, review_of, write_variant
from conftest import LIB
from ncr.documents import Questionnaire
from ncr.engine.carry_over import CarryOver, Earlier, carry_over
from ncr.loader.loading import Loader
from ncr.loader.search_path import Catalog
from ncr.pipeline import open_review


def next_cycle() -> Questionnaire:
    loaded, _ = Loader(Catalog.create([LIB], env={})).questionnaire(
        LIB / "questionnaires" / "mini-q2.yaml"
    )
    return loaded.model


def carried_from(path: Path) -> CarryOver:
    review = review_of(path)
    earlier = Earlier(path.name, review.response.model, review.questionnaire.model)
    return carry_over(earlier, next_cycle())


def test_fitting_answers_carry_over_under_the_new_ids() -> None:
    result = carried_from(MINI_A)
    fitting = {new: (c.source, c.given.answer) for new, c in result.answers.items() if not c.unfit}
    assert fitting == {
        "L1": ("L1", "yes"),
        "L2b": ("L2", "partial"),  # through `replaces: L2`
        "L3": ("L3", ["preservation", "production"]),
        "L4": ("L4", 3),
        "T1": ("T1", "yes"),
        "T3": ("T3", "yes"),
        "T4": ("T4", 12),
    }
    assert result.kept == 7


def test_answers_that_no_longer_fit_are_flagged_with_the_reason() -> None:
    result = carried_from(MINI_A)
    assert {new: c.unfit for new, c in result.answers.items() if c.unfit} == {
        "T2": "'office' is not an option of T2; choose one of: always, business-hours",
        "T6": "T6 does not allow 'n/a'; answer it, or use 'unknown'",
    }
    assert result.unfit == 2


def test_answers_to_questions_no_longer_asked_are_listed_as_dropped() -> None:
    result = carried_from(MINI_A)
    assert result.dropped == ["T5"]
    assert "T7" not in result.answers  # new in mini-q2: nothing to carry


def test_an_empty_earlier_answer_is_carried_but_not_counted_as_kept(tmp_path: Path) -> None:
    result = carried_from(write_variant(tmp_path, {"L1": None}))
    assert result.answers["L1"].given.answer is None and result.answers["L1"].unfit is None
    assert result.kept == 6  # the 7 fitting answers above, less L1


CYCLES = Path(__file__).parent.parent / "fixtures" / "cycles"


def carried_between(old: str) -> CarryOver:
    loader = Loader(Catalog.create([CYCLES], env={}))
    review = open_review(loader, CYCLES / old, with_benchmark=False)
    earlier = Earlier(old, review.response.model, review.questionnaire.model)
    new, _ = loader.questionnaire(CYCLES / "questionnaires" / "cyc-2026.yaml")
    return carry_over(earlier, new.model)


def test_a_value_map_carries_the_old_answer_in_the_new_options_terms() -> None:
    # cyc-2026's B1.1 replaces {question: B1, values: {draft: bill, law: in-force}}
    result = carried_between("xc-2023.yaml")
    b = result.answers["B1.1"]
    assert (b.source, b.given.answer, b.unfit) == ("B1", "bill", None)
    assert result.dropped == ["C2"]


def test_an_old_value_outside_the_map_is_to_answer_again() -> None:
    # "none" is an option of B1.1 by another name ("nothing"), but the map does not say so
    b = carried_between("xc-2023-none.yaml").answers["B1.1"]
    assert b.given.answer == "none"
    assert b.unfit is not None and "no counterpart" in b.unfit
