"""Reading one document file into its model: YAML → model, every problem located.

The contract: a function here returns a loaded document or raises InputError carrying every problem
found in the file, never a YAML or pydantic exception. To report every problem in one run, a faulty
document is salvaged: each invalid part (an unknown or duplicated key, a bad value, an answer) is set
aside, a required part by a stand-in, so that the cross-reference checks still run on the rest. A
salvaged document always carries its errors, so nothing is ever scored or written from it.
"""

from __future__ import annotations

import copy
import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from ncr.loader.cross_checks import Finding
from ncr.loader.document_cache import cached_parse
from ncr.loader.error_locations import problems_from_validation_error
from ncr.loader.source_doc import SourceDoc
from ncr.loader.yaml_limits import MAX_TEXT
from ncr.loader.yaml_reader import MAX_FILE_BYTES, parse_yaml
from ncr.problems import InputError, Problem, errors_in

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class TranslationFile:
    """A translation a document was shown through: its file, bytes and language."""

    path: Path
    sha256: str
    language: str


T = TypeVar("T")


@dataclass(frozen=True)
class Loaded(Generic[M]):
    """A document with where it came from and the problems noticed so far (warnings, or errors
    still to be raised once every check has run)."""

    model: M
    doc: SourceDoc  # a YAML file, or a workbook (.xlsx response)
    path: Path
    sha256: str
    problems: tuple[Problem, ...] = ()
    # the translation file the model's text comes from, when it is shown in another language
    translation: TranslationFile | None = None
    # shown in another language: the one warning counting the items still shown in English
    language_warning: Problem | None = None
    set_aside: SetAside | None = None  # what salvaging took out of the model, if anything

    @property
    def name(self) -> str:
        return self.doc.file

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if not p.is_error)

    def with_findings(self, findings: Iterable[Finding]) -> Loaded[M]:
        """Add check findings; raise every problem gathered if any is an error."""
        aside = self.set_aside
        if aside is not None:  # located in the file, and not blamed again on what was set aside
            findings = [aside.in_file(f) for f in findings if f.names not in aside.ids]
        problems = (*self.problems, *(to_problem(self.doc, f) for f in findings))
        if errors_in(problems):
            raise InputError(problems)
        return replace(self, problems=problems)


def kind_of(data: dict[str, object]) -> str | None:
    """Tell the document kind from its top-level keys (a translation has sections or pillars too)."""
    if "translation" in data:
        return "translation"
    if "country" in data or "answers" in data:
        return "response"
    if "sections" in data:
        return "questionnaire"
    if "framework" in data:
        return "benchmark"
    if "pillars" in data or "levels" in data:
        return "framework"
    return None


def to_problem(doc: SourceDoc, finding: Finding) -> Problem:
    return doc.problem(finding.path, finding.message, finding.severity, at_key=finding.at_key)


class _Gone:
    """A list item set aside: kept in its place, so that the items after it keep their index."""


_GONE = _Gone()


@dataclass(frozen=True)
class SetAside:
    """The file's data with the faulty list items marked, and the ids those items carried: a
    check of the rest must not report `no question 'L1.2'` for a question already reported."""

    data: dict[str, Any]
    ids: frozenset[str]

    def in_file(self, finding: Finding) -> Finding:
        """A finding about the salvaged model, located in the file (list indices restored)."""
        return replace(finding, path=_in_file(self.data, finding.path))


def _view(data: Any) -> Any:
    """The data without the items set aside, as the model is validated from it."""
    if isinstance(data, dict):
        return {key: _view(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_view(item) for item in data if item is not _GONE]
    return data


def _in_file(data: Any, path: tuple[str | int, ...]) -> tuple[str | int, ...]:
    """A path in the view (`_view`) as the same place in the marked data (and in the file)."""
    out: list[str | int] = []
    for part in path:
        index = part
        if isinstance(data, list) and isinstance(part, int):
            kept = [i for i, item in enumerate(data) if item is not _GONE]
            index = kept[part] if 0 <= part < len(kept) else part
        out.append(index)
        if _has(data, index):  # else a union tag of pydantic's, or a missing key: step over it
            data = data[index]
    return tuple(out)


def _ids_in(item: Any) -> Iterator[str]:
    """Every `id` inside a part set aside (a pillar takes its indicators with it)."""
    if isinstance(item, dict):
        if isinstance(item.get("id"), str):
            yield item["id"]
        for value in item.values():
            yield from _ids_in(value)
    elif isinstance(item, list):
        for value in item:
            yield from _ids_in(value)


def read_document(path: Path, model: type[M], cache: Path | None = None) -> Loaded[M]:
    """Parse (or take the parse from `cache`) and validate; a salvaged document comes back
    carrying its errors."""
    try:
        with path.open("rb") as handle:
            # one byte over the cap is enough for parse_yaml to refuse the file without reading it all
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as err:
        raise InputError(
            [Problem(str(path), 0, 0, f"cannot read the file: {err.strerror}")]
        ) from None
    text_cap = getattr(model, "TEXT_CAP", MAX_TEXT)
    doc = cached_parse(
        data, str(path), lambda d, f: parse_yaml(d, f, partial=True, max_text=text_cap), cache
    )
    return validated(doc, path, hashlib.sha256(data).hexdigest(), model, doc.problems)


def validated(
    doc: SourceDoc, path: Path, digest: str, model: type[M], found: Iterable[Problem] = ()
) -> Loaded[M]:
    """The document's data as `model`, carrying the problems `found` while reading it; salvaged
    where it can be, so that later checks still run and every problem shows in one run."""
    problems = tuple(found)
    try:
        return Loaded(model.model_validate(doc.data), doc, path, digest, problems)
    except ValidationError as err:
        problems += tuple(problems_from_validation_error(err, doc, model))
        salvaged = _salvage(model, doc.data, err)
        if salvaged is None:
            raise InputError(problems) from None
        return Loaded(salvaged[0], doc, path, digest, problems, set_aside=salvaged[1])


# Setting a part aside can uncover a fault one level up: a question's bad `type` removed leaves
# the question without one, the question removed can leave its section empty, and so on.
_ROUNDS = 8


def _salvage(
    model: type[M], data: dict[str, Any], err: ValidationError
) -> tuple[M, SetAside] | None:
    """Validate again with every faulty part set aside, or give up (None)."""
    pruned = copy.deepcopy(data)
    stand_ins: dict[str, Any] = getattr(model, "STAND_INS", {})
    ids: set[str] = set()
    for _ in range(_ROUNDS):
        for error in err.errors():
            loc = _in_file(pruned, error["loc"])
            if not _set_aside(pruned, loc, stand_ins, ids):
                return None
        try:
            return model.model_validate(_view(pruned)), SetAside(pruned, frozenset(ids))
        except ValidationError as again:
            err = again
    return None


def _set_aside(
    data: dict[str, Any], loc: tuple[str | int, ...], stand_ins: dict[str, Any], ids: set[str]
) -> bool:
    """Put a stand-in for a faulty required top-level part, drop a faulty answer whole, remove
    the faulty key (so its default applies), or mark a faulty list item gone, noting its ids.
    False when none fits (the document as a whole is at fault)."""
    if not loc:  # the document as a whole (too many questions): nothing to set aside
        return False
    path = _data_path(loc, data)
    top = str(path[0] if path else loc[0])
    if top in stand_ins:
        data[top] = copy.deepcopy(stand_ins[top])
        return True
    if len(path) >= 2 and path[0] == "answers":
        path = path[:2]
    parent = _at(data, path[:-1]) if path else None
    if isinstance(parent, dict) and path[-1] in parent:
        del parent[path[-1]]
        return True
    if isinstance(parent, list) and isinstance(path[-1], int):
        ids.update(_ids_in(parent[path[-1]]))
        parent[path[-1]] = _GONE
        return True
    return False


def _data_path(loc: tuple[str | int, ...], data: Any) -> tuple[str | int, ...]:
    """The part of `loc` that exists in `data` (pydantic adds union tags and missing keys)."""
    path: list[str | int] = []
    for part in loc:
        in_list = isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data)
        if in_list or (isinstance(data, dict) and part in data):
            data = data[part]
            path.append(part)
    return tuple(path)


def _has(data: Any, part: str | int) -> bool:
    if isinstance(data, list):
        return isinstance(part, int) and 0 <= part < len(data)
    return isinstance(data, dict) and part in data


def _at(data: Any, path: tuple[str | int, ...]) -> Any:
    for part in path:
        data = data[part]
    return data
