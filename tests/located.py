"""Validating a document from YAML text as the loader does, for the document-model tests."""

from __future__ import annotations

from typing import TypeVar

from pydantic import BaseModel

from ncr.loader.error_locations import validate_model
from ncr.loader.yaml_reader import parse_yaml
from ncr.problems import InputError

M = TypeVar("M", bound=BaseModel)


def load(model: type[M], text: str, file: str = "doc.yaml") -> M:
    return validate_model(model, parse_yaml(text, file))


def problems(model: type[BaseModel], text: str, file: str = "doc.yaml") -> list[str]:
    """The located lines a user is shown for `text`, or [] if it is valid."""
    try:
        load(model, text, file)
    except InputError as err:
        return [str(p) for p in err.problems]
    return []
