"""JSON output: any result model as DESIGN §8 shows it, with stable keys."""

from __future__ import annotations

import json

from pydantic import BaseModel


def dumps(result: BaseModel) -> str:
    return json.dumps(result.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"


def as_bytes(result: BaseModel) -> bytes:
    return dumps(result).encode()
