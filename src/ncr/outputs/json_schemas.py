"""JSON Schemas of ncr's documents and results, generated from the pydantic models (`ncr schema`)."""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel

from ncr.documents import Benchmark, Framework, Question, Questionnaire, Response
from ncr.documents.answer_fit import allowed_values
from ncr.documents.profile import Profile
from ncr.documents.vocabulary import NA, UNKNOWN
from ncr.engine.overview import Overview
from ncr.engine.result import Assessment
from ncr.engine.review_diff import DiffResult
from ncr.problems import UsageError

DIALECT = "https://json-schema.org/draft/2020-12/schema"

# kind → (model, what the schema describes: the documents people write are validated as input, the
# results ncr writes are described as they come out).
KINDS: dict[str, tuple[type[BaseModel], Literal["validation", "serialization"]]] = {
    "framework": (Framework, "validation"),
    "questionnaire": (Questionnaire, "validation"),
    "response": (Response, "validation"),
    "benchmark": (Benchmark, "validation"),
    "profile": (Profile, "validation"),
    "result": (Assessment, "serialization"),
    "diff": (DiffResult, "serialization"),
    "overview": (Overview, "serialization"),
}


def schema_text(kind: str) -> str:
    """The JSON Schema of one kind, as the text of a file."""
    if kind not in KINDS:
        raise UsageError(f"unknown kind '{kind}'; choose one of: {', '.join(KINDS)}")
    return _text(_schema(kind))


def _schema(kind: str) -> dict[str, Any]:
    model, mode = KINDS[kind]
    return {"$schema": DIALECT, **model.model_json_schema(mode=mode), "title": f"ncr {kind}"}


def _text(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def response_schema_for(qn: Questionnaire) -> str:
    """The response schema with `answers` narrowed to `qn`: its question ids as the only keys, and
    for each the answers it takes, so an editor completes them and underlines a wrong one."""
    schema = _schema("response")
    answers = schema["properties"]["answers"]
    answers.pop("additionalProperties", None)
    answers["properties"] = {q.id: _answer_schema(q) for q in qn.questions()}
    answers["additionalProperties"] = False
    schema["title"] = f"ncr response to {qn.id}"
    return _text(schema)


def _answer_schema(q: Question) -> dict[str, Any]:
    value = _value_schema(q)
    long_form = {
        "type": "object",
        "properties": {"answer": value, "evidence": {"type": "array"}, "note": {"type": "string"}},
        "additionalProperties": False,
    }
    return {"description": q.text, "anyOf": [value, long_form]}


def _value_schema(q: Question) -> dict[str, Any]:
    special = [UNKNOWN, *([NA] if q.allow_na else [])]
    if q.type == "number":
        return {"anyOf": [{"type": "number", "minimum": 0}, {"enum": special}, {"type": "null"}]}
    if q.type == "text":
        return {"type": ["string", "null"]}
    values = [*allowed_values(q), *special]
    if q.type == "multi":
        return {
            "anyOf": [
                {"type": "array", "items": {"enum": values}, "uniqueItems": True},
                {"enum": special},
                {"type": "null"},
            ]
        }
    enum: list[Any] = [*values, None, *([True, False] if q.type == "yes_no" else [])]
    return {"enum": enum}
