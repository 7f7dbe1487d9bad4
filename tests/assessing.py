"""Assessing response files as `ncr assess --path tests/fixtures/lib` does, for the engine tests."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

import yaml

from conftest import EXAMPLES, FIXTURES, LIB, RESPONSES
from ncr.engine import Assessment
from ncr.engine.result import Scored
from ncr.loader.loading import Loader
from ncr.loader.search_path import Catalog
from ncr.pipeline import Review, assess_review, open_review

MINI_A = RESPONSES / "mini-a.yaml"
STAKES = FIXTURES / "stakes"  # caps at every stage: tests/engine/test_stakes.py
MINI_Q = LIB / "questionnaires" / "mini-q.yaml"


def review_of(path: Path, benchmark: str | None = None) -> Review:
    """A response and what it names, through the real loader."""
    return open_review(Loader(Catalog.create([LIB], env={})), path, benchmark)


def assess_file(path: Path, benchmark: str | None = None) -> Assessment:
    return assess_review(review_of(path, benchmark))


def assess_stakes(name: str) -> Assessment:
    """A response of tests/fixtures/stakes/responses, on that folder's framework."""
    loader = Loader(Catalog.create([STAKES], env={}))
    return assess_review(open_review(loader, STAKES / "responses" / f"{name}.yaml"))


def assess_example(name: str) -> Assessment:
    """A shipped example (examples/NAME.yaml) on the built-in frameworks only."""
    return assess_review(open_review(Loader(Catalog.create([], env={})), EXAMPLES / f"{name}.yaml"))


def scores_by_id(result: Assessment) -> dict[str, Scored]:
    """`overall`, every pillar and every indicator, by id."""
    found: dict[str, Scored] = {"overall": result.overall}
    for pillar in result.pillars:
        found[pillar.id] = pillar
        found.update({ind.id: ind for ind in pillar.indicators})
    return found


def answer_score(result: Assessment, question: str) -> float | None:
    return next(a.score for a in result.answers if a.question == question)


def write_variant(
    folder: Path,
    changes: Mapping[str, object],
    drop: Iterable[str] = (),
    base: Path = MINI_A,
    questionnaire: str | None = None,
) -> Path:
    """A copy of a fixture response with some answers replaced, some removed, and optionally
    another questionnaire (a file name relative to `folder`)."""
    data = yaml.safe_load(base.read_text(encoding="utf-8"))
    data["answers"].update(changes)
    for question in drop:
        del data["answers"][question]
    if questionnaire is not None:
        data["questionnaire"] = questionnaire
    path = folder / f"variant-{base.name}"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def write_questionnaire(folder: Path, changes: Mapping[str, Mapping[str, object]]) -> str:
    """A copy of mini-q with some questions' fields replaced; returns its file name in `folder`."""
    data = yaml.safe_load(MINI_Q.read_text(encoding="utf-8"))
    for section in data["sections"]:
        for question in section["questions"]:
            question.update(changes.get(question["id"], {}))
    path = folder / "mini-q-variant.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path.name
