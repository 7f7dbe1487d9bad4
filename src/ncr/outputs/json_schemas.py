"""JSON Schemas of ncr's documents and results, generated from the pydantic models (`ncr schema`)."""

from __future__ import annotations

import json
from typing import Literal

from pydantic import BaseModel

from ncr.documents import Benchmark, Framework, Questionnaire, Response
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
    "result": (Assessment, "serialization"),
    "diff": (DiffResult, "serialization"),
}


def schema_text(kind: str) -> str:
    """The JSON Schema of one kind, as the text of a file."""
    if kind not in KINDS:
        raise UsageError(f"unknown kind '{kind}'; choose one of: {', '.join(KINDS)}")
    model, mode = KINDS[kind]
    schema = {
        "$schema": DIALECT,
        **model.model_json_schema(mode=mode),
        "title": f"ncr {kind}",
    }
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
