"""What changed between two reviews (DESIGN §7). Pure: two assessments in, one DiffResult out.

Both assessments are expected to be scored against the same benchmark (the command sees to that).
Indicators and pillars are matched by id, so two framework versions compare fine; answers are matched
by question id, or through `replaces` when a questionnaire cycle renamed or reshaped a question.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal, TypeVar

from pydantic import Field, computed_field

from ncr.documents import Questionnaire
from ncr.documents.response import FollowUp
from ncr.documents.vocabulary import OVERALL, SPECIAL_ANSWERS, most_restrictive
from ncr.engine.assessment import Inputs
from ncr.engine.result import (
    AnswerResult,
    AnswerState,
    Assessment,
    BenchmarkRef,
    CountryRef,
    CriticalGap,
    DocumentRef,
    EvidenceItem,
    FollowUpResult,
    IndicatorResult,
    InputFile,
    LevelInfo,
    Named,
    PillarResult,
    ResultModel,
    ReviewInfo,
    Scored,
    Status,
)
from ncr.engine.reviewers_voice import follow_up
from ncr.engine.scoring import score

# Scores are kept at full precision; two computations of "the same" score through different weights
# can still differ in the last bits, which must not show as a change of -0.0.
TOLERANCE = 1e-9
# The headline gives the like-for-like change beside the as-assessed one when they differ by more.
HEADLINE_GAP = 0.05

Presence = Literal["both", "added", "removed"]
S = TypeVar("S", IndicatorResult, PillarResult)
V = TypeVar("V")
AnswerValue = str | float | list[str] | None


class ReviewHeader(ResultModel):
    """One side of the diff: which review it is and what it was assessed with."""

    country: CountryRef
    year: int
    review: ReviewInfo
    framework: DocumentRef
    questionnaire: DocumentRef
    file: str | None = Field(None, description="the response file")
    inputs: list[InputFile] = Field(description="the files it was assessed from, with SHA-256")


class LikeForLike(ResultModel):
    """Both reviews scored again on the questions they share only (§7): the country's own change."""

    old: float | None
    new: float | None
    delta: float | None = Field(description="new - old; null unless both are scored")


class Change(ResultModel):
    """A score on both sides: overall, a pillar or an indicator."""

    old: float | None
    new: float | None
    delta: float | None = Field(description="new - old; null unless both are scored")
    old_level: int | None
    new_level: int | None
    old_level_name: str | None
    new_level_name: str | None
    old_status: Status | None = Field(description="null when absent from the old review")
    new_status: Status | None = Field(description="null when absent from the new review")
    reference: float | None
    like_for_like: LikeForLike | None = Field(
        None, description="the same change scored on the questions both reviews asked"
    )

    @property
    def country_delta(self) -> float | None:
        """The change that comes from the answers: like for like when known, else as assessed."""
        return self.like_for_like.delta if self.like_for_like else self.delta

    @property
    def changed(self) -> bool:
        return (
            not _same(self.old, self.new)
            or self.old_status != self.new_status
            or self.old_level != self.new_level
        )

    def level_move(self) -> str:
        """Levels on both sides, as "3 Established → 4 Strategic" or "4 Strategic (unchanged)"."""
        old = _level(self.old_level, self.old_level_name)
        new = _level(self.new_level, self.new_level_name)
        return f"{new} (unchanged)" if old == new else f"{old} → {new}"


# Named comes last among the bases so that its fields come first in the JSON.
class PillarChange(Change, Named):
    presence: Presence


class IndicatorChange(Change, Named):
    pillar: str
    presence: Presence = Field(description="'added': assessed only in the new review")


class StatusChanges(ResultModel):
    """Indicator ids by how their status moved; weakness → strength is in the first two lists."""

    new_strengths: list[str]
    resolved_weaknesses: list[str]
    new_weaknesses: list[str]
    lost_strengths: list[str]


class GapChanges(ResultModel):
    opened: list[CriticalGap]
    closed: list[CriticalGap]
    still_open: list[CriticalGap]


class AnswerChange(ResultModel):
    """One question asked in both reviews whose answer, score or evidence changed."""

    question: str = Field(description="the question id in the new questionnaire")
    old_question: str | None = Field(
        None, description="the old id, when the question was matched through `replaces`"
    )
    indicator: str
    text: str
    old: AnswerValue
    new: AnswerValue
    old_display: str
    new_display: str
    old_state: AnswerState
    new_state: AnswerState
    old_score: float | None
    new_score: float | None
    score_delta: float | None = Field(description="null unless both answers are scored")
    old_in_new_terms: AnswerValue = Field(
        None,
        description="the old answer through the question's `replaces` value map, if it has one",
    )
    not_carried: bool = Field(
        False,
        description="the value map names no counterpart for the old answer: it was answered again",
    )
    evidence_added: list[EvidenceItem]
    evidence_removed: list[EvidenceItem]


class OneSidedAnswer(ResultModel):
    """A question asked in only one of the two questionnaires, with the answer it got."""

    question: str
    indicator: str
    text: str
    answer: AnswerValue
    display: str
    state: AnswerState
    score: float | None


class QuestionCounts(ResultModel):
    """How the two questionnaires compare: questions asked in both, and the ids asked in one."""

    shared: int = Field(description="questions asked in both (by id or through `replaces`)")
    new: list[str] = Field(description="asked only in the new review")
    dropped: list[str] = Field(description="asked only in the old review")


class Unchanged(ResultModel):
    pillars: int
    indicators: int
    answers: int


class DiffResult(ResultModel):
    ncr_version: str
    old: ReviewHeader
    new: ReviewHeader
    benchmark: BenchmarkRef
    levels: list[LevelInfo] = Field(description="the maturity levels of the new framework")
    overall: Change
    pillars: list[PillarChange]
    indicators: list[IndicatorChange] = Field(description="every indicator, new framework order")
    indicators_added: list[str]
    indicators_removed: list[str]
    status_changes: StatusChanges
    critical_gaps: GapChanges
    answers: list[AnswerChange] = Field(description="changed answers only, new questionnaire order")
    questions_added: list[OneSidedAnswer]
    questions_removed: list[OneSidedAnswer]
    questions: QuestionCounts
    unchanged: Unchanged
    identical: bool = Field(description="true when nothing at all changed")
    follow_up: list[FollowUpResult] = Field(
        default_factory=list,
        description="the earlier review's recommendations with the later one's follow-up",
    )

    def improved(self) -> list[IndicatorChange]:
        """Indicators whose answers raised their score (like for like), biggest rise first."""
        up = [i for i in self.indicators if (i.country_delta or 0.0) > 0]
        return sorted(up, key=lambda i: (-(i.country_delta or 0.0), i.id))

    def regressed(self) -> list[IndicatorChange]:
        """Indicators whose answers lowered their score (like for like), biggest fall first."""
        down = [i for i in self.indicators if (i.country_delta or 0.0) < 0]
        return sorted(down, key=lambda i: (i.country_delta or 0.0, i.id))

    def reweighed(self) -> list[IndicatorChange]:
        """Indicators whose score moved only because the questionnaire changed, not the answers."""
        return [
            i
            for i in self.indicators
            if i.presence == "both"
            and i.delta
            and i.like_for_like is not None
            and not i.like_for_like.delta
        ]

    @property
    def questionnaire_changed(self) -> bool:
        return bool(self.questions.new or self.questions.dropped)

    def status_moves(self) -> list[IndicatorChange]:
        """Indicators in both reviews whose status changed."""
        return [i for i in self.indicators if i.presence == "both" and i.old_status != i.new_status]

    @computed_field(  # type: ignore[prop-decorator]
        description="the change in one line: as assessed, like for like when the questionnaire "
        "moved the score, and the questions shared, new and dropped"
    )
    @property
    def headline(self) -> str:
        """The story in one line: "Overall 48.2 → 61.5 (+13.3), level 3 Established → 4
        Strategic", with both changes when the questionnaire moved the score, then the questions."""
        return f"{self.score_line()}; {self.question_line()}"

    def score_line(self) -> str:
        o = self.overall
        if o.delta == 0:
            return f"Overall {_number(o.new)} (unchanged), level {o.level_move()}"
        return (
            f"Overall {_number(o.old)} → {_number(o.new)}{self._changes()}, level {o.level_move()}"
        )

    def _changes(self) -> str:
        o = self.overall
        if o.delta is None:
            return ""
        own = o.like_for_like.delta if o.like_for_like else None
        if own is None or not self.questionnaire_changed:
            return f" ({o.delta:+.1f})"
        if abs(own - o.delta) <= HEADLINE_GAP:
            return f" ({o.delta:+.1f}, the same like for like)"
        return f" ({o.delta:+.1f} as assessed, {own:+.1f} like for like)"

    def question_line(self) -> str:
        """ "37 questions shared, 5 new, 2 dropped": the ground the two scores stand on."""
        q = self.questions
        return f"{q.shared} questions shared, {len(q.new)} new, {len(q.dropped)} dropped"

    def labels(self) -> tuple[str, str]:
        """Column headings for the two sides: the years, or Old/New when the years are equal."""
        if self.old.year == self.new.year:
            return "Old", "New"
        return str(self.old.year), str(self.new.year)

    @property
    def draft(self) -> bool:
        return "draft" in (self.old.review.status, self.new.review.status)

    @property
    def classification(self) -> str | None:
        """The marking to print: the more restrictive of the two reviews' (DESIGN §9)."""
        return most_restrictive((self.new.review.classification, self.old.review.classification))


def diff(old: Assessment, new: Assessment, old_inputs: Inputs, new_inputs: Inputs) -> DiffResult:
    """Compare two assessments and the inputs they were assessed from: the questionnaires match
    renamed questions, and both reviews are scored again on the questions they share."""
    matching = match_questions(old_inputs.questionnaire, new_inputs.questionnaire)
    shared = _shared_scores(old_inputs, new_inputs, matching)
    indicators = _indicators(old, new, shared)
    pillars = _pillars(old, new, shared)
    overall = _change(old.overall, new.overall, shared.get(OVERALL))
    answers = _answers(old, new, matching)
    gaps = _gaps(old.critical_gaps, new.critical_gaps)
    unchanged = Unchanged(
        pillars=sum(1 for p in pillars if p.presence == "both" and not p.changed),
        indicators=sum(1 for i in indicators if i.presence == "both" and not i.changed),
        answers=answers.unchanged,
    )
    scores_moved = (
        overall.changed
        or unchanged.pillars != len(pillars)
        or unchanged.indicators != len(indicators)
    )
    return DiffResult(
        ncr_version=new.ncr_version,
        old=_header(old),
        new=_header(new),
        benchmark=new.benchmark,
        levels=new.levels,
        overall=overall,
        pillars=pillars,
        indicators=indicators,
        indicators_added=[i.id for i in indicators if i.presence == "added"],
        indicators_removed=[i.id for i in indicators if i.presence == "removed"],
        status_changes=_status_changes(indicators),
        critical_gaps=gaps,
        answers=answers.changed,
        questions_added=answers.added,
        questions_removed=answers.removed,
        questions=QuestionCounts(
            shared=len(matching.pairs), new=matching.added, dropped=matching.removed
        ),
        unchanged=unchanged,
        identical=not (scores_moved or gaps.opened or gaps.closed or answers.any_change),
        follow_up=followed_up(old, new),
    )


def followed_up(old: Assessment, new: Assessment) -> list[FollowUpResult]:
    """OLD's recommendations with NEW's follow-up (DESIGN §7), when either review has any."""
    given = {
        item.recommendation: FollowUp(status=item.status, note=item.note)
        for item in new.follow_up
        if item.status != "not_followed_up"
    }
    if not given and not any(rec.source == "reviewers" for rec in old.recommendations):
        return []
    return follow_up(old.recommendations, given)


# --- scores ----------------------------------------------------------------------------------------


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) < TOLERANCE


def _number(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def _level(level: int | None, name: str | None) -> str:
    return "—" if level is None else f"{level} {name}"


def _delta(old: float | None, new: float | None) -> float | None:
    if old is None or new is None:
        return None
    return 0.0 if _same(old, new) else new - old


def _change(old: Scored | None, new: Scored | None, shared: LikeForLike | None) -> Change:
    return Change(**_change_fields(old, new, shared))


def _shared_scores(old: Inputs, new: Inputs, matching: Matching) -> dict[str, LikeForLike]:
    """Overall, pillar and indicator scores of both reviews on the shared questions only, by id:
    every other question left out as if `n/a`, answers and rules otherwise as assessed."""
    old_kept = {o for o, _ in matching.pairs}
    new_kept = {n for _, n in matching.pairs}
    sides = []
    for inputs, kept in ((old, old_kept), (new, new_kept)):
        fw, qn, resp = inputs.framework, inputs.questionnaire, inputs.response
        dropped = frozenset(q.id for q in qn.questions() if q.id not in kept)
        scores = score(fw, qn, resp, excluded=dropped)
        sides.append({OVERALL: scores.overall, **scores.pillars, **scores.indicators})
    before, after = sides
    return {
        ident: LikeForLike(
            old=before[ident].score if ident in before else None,
            new=after[ident].score if ident in after else None,
            delta=_delta(before[ident].score, after[ident].score)
            if ident in before and ident in after
            else None,
        )
        for ident in {*before, *after}
    }


def _change_fields(
    old: Scored | None, new: Scored | None, shared: LikeForLike | None = None
) -> dict[str, object]:
    o_score = old.score if old else None
    n_score = new.score if new else None
    return {
        "like_for_like": shared,
        "old": o_score,
        "new": n_score,
        "delta": _delta(o_score, n_score),
        "old_level": old.level if old else None,
        "new_level": new.level if new else None,
        "old_level_name": old.level_name if old else None,
        "new_level_name": new.level_name if new else None,
        "old_status": old.status if old else None,
        "new_status": new.status if new else None,
        "reference": new.reference if new else old.reference if old else None,
    }


def _presence(in_old: bool, in_new: bool) -> Presence:
    if in_old and in_new:
        return "both"
    return "added" if in_new else "removed"


def _sides(old: Mapping[str, S], new: Mapping[str, S]) -> Iterator[tuple[S | None, S | None, S]]:
    """Each id with its old and new item (None where absent): the new order, then the old-only."""
    for ident in [*new, *(k for k in old if k not in new)]:
        o, n = old.get(ident), new.get(ident)
        yield o, n, n or old[ident]


def _assessed(assessment: Assessment) -> dict[str, IndicatorResult]:
    """The indicators a review actually asked about: in its framework and in its questionnaire."""
    return {i.id: i for i in assessment.indicators() if i.questions}


def _indicators(
    old: Assessment, new: Assessment, shared: Mapping[str, LikeForLike]
) -> list[IndicatorChange]:
    return [
        IndicatorChange(
            id=either.id,
            title=either.title,
            pillar=either.pillar,
            presence=_presence(o is not None, n is not None),
            **_change_fields(o, n, shared.get(either.id) if o and n else None),
        )
        for o, n, either in _sides(_assessed(old), _assessed(new))
    ]


def _pillars(
    old: Assessment, new: Assessment, shared: Mapping[str, LikeForLike]
) -> list[PillarChange]:
    return [
        PillarChange(
            id=either.id,
            title=either.title,
            presence=_presence(o is not None, n is not None),
            **_change_fields(o, n, shared.get(either.id) if o and n else None),
        )
        for o, n, either in _sides({p.id: p for p in old.pillars}, {p.id: p for p in new.pillars})
    ]


def _status_changes(indicators: Iterable[IndicatorChange]) -> StatusChanges:
    both = [i for i in indicators if i.presence == "both"]

    def moved(was: Status, gained: bool) -> list[str]:
        if gained:
            return [i.id for i in both if i.new_status == was and i.old_status != was]
        return [i.id for i in both if i.old_status == was and i.new_status != was]

    return StatusChanges(
        new_strengths=moved("strength", gained=True),
        resolved_weaknesses=moved("weakness", gained=False),
        new_weaknesses=moved("weakness", gained=True),
        lost_strengths=moved("strength", gained=False),
    )


def _gaps(old: Sequence[CriticalGap], new: Sequence[CriticalGap]) -> GapChanges:
    before = {g.rule for g in old}
    after = {g.rule for g in new}
    return GapChanges(
        opened=[g for g in new if g.rule not in before],
        closed=[g for g in old if g.rule not in after],
        still_open=[g for g in new if g.rule in before],
    )


# --- answers ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Matching:
    """Questions of two questionnaires: (old id, new id) pairs, and those asked on one side only.
    `maps` holds, by new id, the old value → new value map of a pair whose options changed meaning."""

    pairs: list[tuple[str, str]]
    added: list[str]
    removed: list[str]
    maps: dict[str, dict[str, str]] = field(default_factory=dict)

    def translate(self, new_id: str, value: V) -> tuple[V | str | list[str], bool]:
        """An old answer in the new question's terms, and whether it has any: through the value
        map when there is one; special answers (n/a, unknown) and no answer pass as they are."""
        mapping = self.maps.get(new_id)
        if mapping is None or value is None:
            return value, True
        if isinstance(value, list):
            found = [mapping.get(str(v)) for v in value]
            return ([v for v in found if v is not None], None not in found)
        text = ("yes" if value else "no") if isinstance(value, bool) else str(value)
        if text.strip().lower() in SPECIAL_ANSWERS:
            return value, True
        mapped = mapping.get(text)
        return (value, False) if mapped is None else (mapped, True)


def match_questions(old: Questionnaire, new: Questionnaire) -> Matching:
    """Pair questions by id first, then through `replaces`, each question at most once.

    `replaces` is followed both ways, so a diff run backwards (`--any-order`) pairs the same answers
    (a value map then read backwards).
    """
    old_questions, new_questions = old.questions(), new.questions()
    old_ids = {q.id for q in old_questions}
    new_ids = {q.id for q in new_questions}
    partner = {q.id: q.id for q in new_questions if q.id in old_ids}
    claimed = set(partner.values())
    maps: dict[str, dict[str, str]] = {}
    for q in new_questions:
        if q.id not in partner and q.replaced in old_ids - claimed:
            partner[q.id] = q.replaced
            claimed.add(q.replaced)
            if q.value_map is not None:
                maps[q.id] = q.value_map
    for q in old_questions:
        if q.id not in claimed and q.replaced in new_ids - partner.keys():
            partner[q.replaced] = q.id
            claimed.add(q.id)
            if q.value_map is not None:
                maps[q.replaced] = {later: earlier for earlier, later in q.value_map.items()}
    return Matching(
        pairs=[(partner[q.id], q.id) for q in new_questions if q.id in partner],
        added=[q.id for q in new_questions if q.id not in partner],
        removed=[q.id for q in old_questions if q.id not in claimed],
        maps=maps,
    )


@dataclass(frozen=True)
class _AnswerDiff:
    changed: list[AnswerChange]
    added: list[OneSidedAnswer]
    removed: list[OneSidedAnswer]
    unchanged: int

    @property
    def any_change(self) -> bool:
        return bool(self.changed or self.added or self.removed)


def _answers(old: Assessment, new: Assessment, matching: Matching) -> _AnswerDiff:
    before = {a.question: a for a in old.answers}
    after = {a.question: a for a in new.answers}
    changes = [_answer_change(before[o], after[n], matching) for o, n in matching.pairs]
    changed = [c for c in changes if c is not None]
    return _AnswerDiff(
        changed=changed,
        added=[_one_sided(after[q]) for q in matching.added],
        removed=[_one_sided(before[q]) for q in matching.removed],
        unchanged=len(changes) - len(changed),
    )


def _comparable(value: AnswerValue) -> object:
    """A multi answer is a set of choices: the order it was written in is no change."""
    return sorted(value) if isinstance(value, list) else value


def _evidence_key(item: EvidenceItem) -> tuple[str, str | None]:
    return item.title, item.url


def _answer_change(old: AnswerResult, new: AnswerResult, matching: Matching) -> AnswerChange | None:
    """The change of one matched question; through a value map, the old answer is compared in
    the new question's terms, and one the map does not name differs from any new answer."""
    mapped = new.question in matching.maps
    in_new_terms, carried = matching.translate(new.question, old.answer)
    old_keys = {_evidence_key(e) for e in old.evidence}
    new_keys = {_evidence_key(e) for e in new.evidence}
    added = [e for e in new.evidence if _evidence_key(e) not in old_keys]
    removed = [e for e in old.evidence if _evidence_key(e) not in new_keys]
    same = (
        old.state == new.state
        and carried
        and _comparable(in_new_terms) == _comparable(new.answer)
        and _same(old.score, new.score)
    )
    if same and not added and not removed:
        return None
    return AnswerChange(
        question=new.question,
        old_question=old.question if old.question != new.question else None,
        indicator=new.indicator,
        text=new.text,
        old=old.answer,
        new=new.answer,
        old_display=_shown(old),
        new_display=_shown(new),
        old_state=old.state,
        new_state=new.state,
        old_score=old.score,
        new_score=new.score,
        score_delta=_delta(old.score, new.score),
        old_in_new_terms=in_new_terms if mapped and carried else None,
        not_carried=not carried,
        evidence_added=added,
        evidence_removed=removed,
    )


def _shown(answer: AnswerResult) -> str:
    """A question whose `applies_if` was false was not left unanswered: it did not apply."""
    if answer.state != "not_applicable":
        return answer.display
    if answer.answer is None:
        return "(does not apply)"
    return f"{answer.display} (ignored: does not apply)"


def _one_sided(answer: AnswerResult) -> OneSidedAnswer:
    return OneSidedAnswer(
        question=answer.question,
        indicator=answer.indicator,
        text=answer.text,
        answer=answer.answer,
        display=_shown(answer),
        state=answer.state,
        score=answer.score,
    )


def _header(assessment: Assessment) -> ReviewHeader:
    response = next((f.path for f in assessment.inputs if f.role == "response"), None)
    return ReviewHeader(
        country=assessment.country,
        year=assessment.year,
        review=assessment.review,
        framework=assessment.framework,
        questionnaire=assessment.questionnaire,
        file=response,
        inputs=assessment.inputs,
    )
