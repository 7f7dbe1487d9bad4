"""`ncr init --from`: which answers of an earlier review carry over to a new questionnaire."""

from __future__ import annotations

from dataclasses import dataclass, field

from ncr.documents import Answer, Questionnaire, Response
from ncr.documents.answer_fit import answer_problem
from ncr.engine.review_diff import match_questions


@dataclass(frozen=True)
class Earlier:
    """An earlier review whose answers carry over; `name` is how comments refer to its file."""

    name: str
    response: Response
    questionnaire: Questionnaire


@dataclass(frozen=True)
class Carried:
    """An earlier answer for one question; `unfit` says why its answer cannot stay, if it cannot."""

    source: str
    given: Answer
    unfit: str | None = None


@dataclass(frozen=True)
class CarryOver:
    """What an earlier review gives the new questionnaire, by new question id."""

    earlier: Earlier
    answers: dict[str, Carried] = field(default_factory=dict)
    dropped: list[str] = field(default_factory=list)  # answered there, no question here

    @property
    def kept(self) -> int:
        return sum(
            1 for c in self.answers.values() if c.unfit is None and c.given.answer is not None
        )

    @property
    def unfit(self) -> int:
        return sum(1 for c in self.answers.values() if c.unfit is not None)


def carry_over(earlier: Earlier, qn: Questionnaire) -> CarryOver:
    """Each question takes the earlier answer to the same question (by id, or by `replaces`, as
    `ncr diff` pairs them) if the answer still fits it; through a `replaces` value map, in the
    new options' terms, and an old value the map does not name is to answer again."""
    questions = {q.id: q for q in qn.questions()}
    answers: dict[str, Carried] = {}
    matching = match_questions(earlier.questionnaire, qn)
    for old_id, new_id in matching.pairs:
        given = earlier.response.answers.get(old_id)
        if given is None:
            continue
        value, carried = matching.translate(new_id, given.answer)
        if not carried:
            reason = (
                f"{old_id}'s options changed meaning, and '{given.answer}' has no counterpart "
                f"among {new_id}'s (see its `replaces` values)"
            )
            answers[new_id] = Carried(old_id, given, reason)
            continue
        kept = given.model_copy(update={"answer": value})
        unfit = None if value is None else answer_problem(questions[new_id], value)
        answers[new_id] = Carried(old_id, kept, unfit)
    used = {c.source for c in answers.values()}
    dropped = [qid for qid in earlier.response.answers if qid not in used]
    return CarryOver(earlier, answers, dropped)
