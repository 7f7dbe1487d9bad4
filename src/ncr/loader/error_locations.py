"""Turn pydantic validation errors into Problems located at the YAML line that caused them.

Pydantic keeps no source positions, so each error's `loc` is walked through the parsed data and
looked up in the document's position map. Messages are rewritten for reviewers, not programmers.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Final, TypeVar, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from ncr.documents.text_safety import quoted_number_hint, spelled
from ncr.loader.source_doc import SourceDoc
from ncr.problems import InputError, Problem

M = TypeVar("M", bound=BaseModel)

# What a value of the wrong type should have been, in a reviewer's words.
_EXPECTED: Final[dict[str, str]] = {
    **dict.fromkeys(("int_type", "int_parsing", "int_from_float"), "a whole number"),
    **dict.fromkeys(("float_type", "float_parsing", "decimal_type", "decimal_parsing"), "a number"),
    **dict.fromkeys(("string_type", "string_unicode"), "text"),
    **dict.fromkeys(("bool_type", "bool_parsing"), "true or false"),
    **dict.fromkeys(
        ("dict_type", "model_type", "model_attributes_type", "mapping_type"),
        "a mapping (key: value lines)",
    ),
    **dict.fromkeys(("list_type", "tuple_type", "set_type", "frozen_set_type"), "a list"),
    **dict.fromkeys(
        ("date_type", "date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact"),
        "a date like 2026-03-14",
    ),
    **dict.fromkeys(("datetime_type", "datetime_parsing"), "a date and time like 2026-03-14T09:30"),
}
_CHOICE_TYPES: Final = frozenset({"literal_error", "enum"})
_PREFIXES: Final = ("Value error, ", "Assertion failed, ")
_SHOULD: Final = re.compile(r"^\w+ should ")


@dataclass(frozen=True)
class _Located:
    """One pydantic error, resolved to a path in the data and reworded."""

    path: tuple[str | int, ...]
    message: str
    at_key: bool = False
    expected: str | None = None  # set for wrong-type errors, which a union repeats per member
    got: object = None


def problems_from_validation_error(
    err: ValidationError, doc: SourceDoc, model: type[BaseModel] | None = None
) -> list[Problem]:
    """One located Problem per error (union members merged); `model` enables "did you mean"."""
    errors = _closest_members(err.errors(include_url=False), doc.data)
    located = [_locate(error, doc.data, model) for error in errors]
    problems = [
        doc.problem(item.path, item.message, at_key=item.at_key)
        for item in _merge_expected(located)
        if item.path not in getattr(doc, "set_aside", ())  # reported by the YAML reader already
    ]
    return sorted(set(problems))


def validate_model(model: type[M], doc: SourceDoc) -> M:
    """Validate the document's data as `model`; raise InputError with located problems on failure."""
    try:
        return model.model_validate(doc.data)
    except ValidationError as err:
        raise InputError(problems_from_validation_error(err, doc, model)) from None


def _closest_members(errors: list[ErrorDetails], data: Any) -> list[ErrorDetails]:
    """A plain union reports the errors of every member; keep the members with the fewest."""
    branches = [_union_member(error, data) for error in errors]
    counts: dict[tuple[str | int, ...], Counter[str | int]] = {}
    for branch in branches:
        if branch is not None:
            counts.setdefault(branch[0], Counter())[branch[1]] += 1
    return [
        error
        for error, branch in zip(errors, branches, strict=True)
        if branch is None or counts[branch[0]][branch[1]] == min(counts[branch[0]].values())
    ]


def _union_member(error: ErrorDetails, data: Any) -> tuple[tuple[str | int, ...], str | int] | None:
    """(where the union is, which member) for an error inside a union member, else None."""
    loc = error["loc"]
    end = len(loc) - 1 if error["type"] == "missing" else len(loc)  # a missing key is no member
    for index, part in enumerate(loc[:end]):
        if not _has(data, part):
            return None if part == "[key]" else (loc[:index], part)
        data = data[part]
    return None


def _locate(error: ErrorDetails, data: Any, model: type[BaseModel] | None) -> _Located:
    loc = error["loc"]
    path, value = _data_path(loc, data)
    kind = error["type"]
    ctx = error.get("ctx", {})
    if kind == "missing":
        return _Located(path, f"missing required key {loc[-1]!r}")
    if kind == "extra_forbidden":
        _, parent = _data_path(loc[:-1], data)
        message = _unknown_key(str(loc[-1]), parent, _allowed_keys(model, loc[:-1]))
        return _Located(path, message, at_key=True)
    if kind in ("union_tag_invalid", "union_tag_not_found"):
        return _bad_tag(path, value, ctx)
    expected = _expected(kind, ctx)
    if expected is not None:
        return _Located(path, "", at_key="[key]" in loc, expected=expected, got=error["input"])
    return _Located(path, _reword(error["msg"], error["input"]), at_key="[key]" in loc)


def _data_path(loc: Sequence[str | int], data: Any) -> tuple[tuple[str | int, ...], Any]:
    """Follow `loc` through the data, skipping what is not there: pydantic's union and function
    tags ('int', "literal['n/a']", 'function-after[...]') and the name of a missing key."""
    path: list[str | int] = []
    for part in loc:
        if _has(data, part):
            data = data[part]
            path.append(part)
    return tuple(path), data


def _has(data: Any, part: str | int) -> bool:
    if isinstance(data, dict):
        return isinstance(part, str) and part in data
    return isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data)


def _unknown_key(key: str, parent: Any, allowed: list[str]) -> str:
    # Suggest only keys not written yet: with `title` present, `titel` is not a misspelt `title`.
    present = parent if isinstance(parent, dict) else {}
    close = difflib.get_close_matches(key, [name for name in allowed if name not in present], n=1)
    return f"unknown key {key!r}: did you mean {close[0]!r}?" if close else f"unknown key {key!r}"


def _bad_tag(path: tuple[str | int, ...], value: Any, ctx: dict[str, Any]) -> _Located:
    key = str(ctx.get("discriminator", "")).strip("'\"")
    if "tag" not in ctx:  # union_tag_not_found
        return _Located(path, f"missing required key {key!r}")
    at = (*path, key) if isinstance(value, dict) and key in value else path
    return _Located(at, f"expected one of {ctx['expected_tags']}, got {ctx['tag']!r}")


def _expected(kind: str, ctx: dict[str, Any]) -> str | None:
    if kind in _CHOICE_TYPES:
        choices = str(ctx["expected"])
        return f"one of {choices}" if " or " in choices else choices
    return _EXPECTED.get(kind)


def _merge_expected(located: list[_Located]) -> list[_Located]:
    """A union reports one wrong-type error per member at the same place: say it once."""
    merged: dict[tuple[tuple[str | int, ...], bool], list[_Located]] = {}
    others: list[_Located] = []
    for item in located:
        if item.expected is None:
            others.append(item)
        else:
            merged.setdefault((item.path, item.at_key), []).append(item)
    return others + [_combined(group) for group in merged.values()]


def _combined(group: list[_Located]) -> _Located:
    first = group[0]
    expected = list(dict.fromkeys(str(item.expected) for item in group))
    phrase = expected[0] if len(expected) == 1 else f"{', '.join(expected[:-1])} or {expected[-1]}"
    message = f"expected {phrase}, got {_describe(first.got)}"
    if "text" in expected and isinstance(first.got, bool | int | float | date):
        message += " (put it in quotes to keep it as text)"
    elif any("number" in phrase for phrase in expected):
        message += quoted_number_hint(first.got)
    return _Located(first.path, message, at_key=first.at_key)


def _reword(message: str, value: object) -> str:
    for prefix in _PREFIXES:
        if message.startswith(prefix):
            return message.removeprefix(prefix)
    reworded = _SHOULD.sub("must ", message).replace(" after validation", "")
    if reworded.startswith("must be") and isinstance(value, str | bool | int | float | date):
        reworded += f", got {_describe(value)}"
    return reworded


def _describe(value: object) -> str:
    return spelled(value)


def _allowed_keys(model: type[BaseModel] | None, loc: Sequence[str | int]) -> list[str]:
    """Best effort: the keys the (sub-)model at `loc` accepts, for "did you mean" hints."""
    if model is None:
        return []
    models = [model]
    for part in loc:
        named = [m for m in models if m.__name__ == part]  # a union member's tag
        inner = [sub for m in models for sub in _field_models(m, part)]
        # A list index or a dict key leaves the models as they are.
        models = named or inner or models
    return [field.alias or name for m in models for name, field in m.model_fields.items()]


def _field_models(model: type[BaseModel], key: str | int) -> list[type[BaseModel]]:
    for name, field in model.model_fields.items():
        if key in (name, field.alias):
            return _models_in(field.annotation)
    return []


def _models_in(annotation: object) -> list[type[BaseModel]]:
    if get_origin(annotation) is None and isinstance(annotation, type):
        return [annotation] if issubclass(annotation, BaseModel) else []
    return [model for arg in get_args(annotation) for model in _models_in(arg)]
