"""JSON output: the result models as DESIGN §8 shows them, with stable keys."""

from __future__ import annotations

import json

from pydantic import BaseModel


def dumps(result: BaseModel) -> str:
    return json.dumps(result.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"


def assessment(result: BaseModel) -> bytes:
    return dumps(result).encode()


diff = assessment
overview = assessment
