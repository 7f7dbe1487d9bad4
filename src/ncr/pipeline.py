"""One review from file to Assessment: load the response and what it names, score it, locate warnings."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from ncr import __version__
from ncr.documents import Benchmark, Framework, Questionnaire, Response
from ncr.documents.text_safety import visible
from ncr.engine import Assessment, Inputs, assess
from ncr.engine.result import AnswerResult, InputFile, Location, Recommendation
from ncr.loader.loading import Loaded, Loader
from ncr.problems import Problem
from ncr.shipped import display_path

Role = Literal[
    "response", "questionnaire", "framework", "benchmark", "previous review", "translation"
]


@dataclass(frozen=True)
class Review:
    """A response with the questionnaire, framework and benchmark it is assessed against."""

    response: Loaded[Response]
    questionnaire: Loaded[Questionnaire]
    framework: Loaded[Framework]
    benchmark: Loaded[Benchmark] | None
    previous: Previous | None = None

    def inputs(self) -> Inputs:
        bm = self.benchmark.model if self.benchmark else None
        return Inputs(self.framework.model, self.questionnaire.model, self.response.model, bm)

    def documents(self) -> list[Loaded[Any]]:
        """The questionnaire, framework and benchmark: what is shown in the reader's language."""
        bm = [self.benchmark] if self.benchmark is not None else []
        return [self.questionnaire, self.framework, *bm]

    def language_warnings(self) -> list[Problem]:
        """One warning per document that is shown partly or wholly in English (DESIGN §12)."""
        return [d.language_warning for d in self.documents() if d.language_warning is not None]

    def provenance(self) -> list[InputFile]:
        fw, qn, resp, bm = self.framework, self.questionnaire, self.response, self.benchmark
        files = [
            _input("response", _response_id(resp.model), resp),
            _input("questionnaire", qn.model.id, qn),
            _input("framework", fw.model.id, fw, fw.model.version),
        ]
        if bm is not None:
            files.append(_input("benchmark", bm.model.id, bm))
        files += [_translation(doc) for doc in self.documents() if doc.translation is not None]
        if self.previous is not None:
            prev = self.previous.response
            files.append(_input("previous review", _response_id(prev.model), prev))
        return files


@dataclass(frozen=True)
class Previous:
    """The earlier review a response names: its file and the recommendations it made."""

    response: Loaded[Response]
    recommendations: tuple[Recommendation, ...]


def _input(role: Role, ident: str, loaded: Loaded[Any], version: str | None = None) -> InputFile:
    path = visible(display_path(loaded.path))  # a report shows a bidi override, never obeys it
    return InputFile(role=role, id=ident, version=version, path=path, sha256=loaded.sha256)


def _translation(loaded: Loaded[Any]) -> InputFile:
    """The translation file a document's text came from, named `<id>.<language>`."""
    assert loaded.translation is not None
    tr = loaded.translation
    path = visible(display_path(tr.path))
    ident = f"{loaded.model.id}.{tr.language}"
    return InputFile(role="translation", id=ident, path=path, sha256=tr.sha256)


def _response_id(response: Response) -> str:
    return f"{response.country.code}-{response.year}"


def open_review(
    loader: Loader, path: Path, benchmark: str | None = None, *, with_benchmark: bool = True
) -> Review:
    """Load a response and what it is assessed against; `benchmark` None means the framework's."""
    response = loader.response(path)
    questionnaire, framework = loader.questionnaire_for(response)
    previous = _previous(loader, response)
    against = None
    if previous is not None:
        # named as `review.previous` names it
        ref = response.model.review.previous or previous.response.name
        against = (ref, [rec.id for rec in previous.recommendations])
    response = loader.check_answers(response, questionnaire, framework, against)
    bm = loader.benchmark_for(benchmark, framework) if with_benchmark else None
    return Review(response, questionnaire, framework, bm, previous)


def _previous(loader: Loader, response: Loaded[Response]) -> Previous | None:
    """The review `review.previous` names, assessed against its framework's default benchmark
    (as its own report was, whatever this one uses), so its recommendations are those it made.
    Its own previous review is not followed: only one cycle back matters."""
    path = loader.previous_of(response)
    if path is None:
        return None
    earlier = loader.response(path)
    questionnaire, framework = loader.questionnaire_for(earlier)
    earlier = loader.check_answers(earlier, questionnaire, framework)
    bm = loader.benchmark_for(None, framework)
    review = Review(earlier, questionnaire, framework, bm)
    result = assess(review.inputs(), ncr_version=__version__)
    return Previous(earlier, tuple(result.recommendations))


def assess_review(review: Review, *, strict: bool = False) -> Assessment:
    """Score the review; its warnings (missing answers, ignored answers, absent evidence) located.
    Under `strict`, missing answers are left to `missing_as_errors` instead."""
    previous = review.previous.recommendations if review.previous else None
    result = assess(
        review.inputs(),
        ncr_version=__version__,
        provenance=review.provenance(),
        previous=previous,
    )
    found = answer_warnings(review, result.answers, with_missing=not strict)
    warnings = sorted({*review.response.warnings, *review.language_warnings(), *found})
    located = [
        Location(file=w.file, line=w.line, column=w.column, message=w.message, sheet=w.sheet)
        for w in warnings
    ]
    return result.model_copy(update={"warnings": located})


def answer_warnings(
    review: Review, answers: Iterable[AnswerResult], *, with_missing: bool
) -> list[Problem]:
    doc, given = review.response.doc, review.response.model.answers
    found = []
    for answer in answers:
        path = ("answers", answer.question)
        if answer.state == "missing" and with_missing:
            message = f"no answer to {answer.question}: {_short(answer.text)}"
            found.append(doc.problem(path, message, "warning", at_key=True))
        elif (
            answer.state == "not_applicable"
            and answer.question in given
            and given[answer.question].answer is not None
        ):
            message = f"{answer.question} does not apply (its `applies_if` is false): the answer is ignored"
            found.append(doc.problem(path, message, "warning"))
        elif answer.evidence_required and answer.state == "answered" and not answer.evidence:
            message = f"{answer.question} requires evidence: add an `evidence` list"
            # at the evidence where there is a place for it (a workbook's Evidence cell)
            found.append(doc.problem((*path, "evidence"), message, "warning"))
    return found


def _short(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def missing_as_errors(review: Review, result: Assessment) -> list[Problem]:
    """`--strict`: every missing answer is an error."""
    doc = review.response.doc
    return [
        doc.problem(("answers", qid), f"no answer to {qid} (--strict)", at_key=True)
        for qid in result.missing
    ]
