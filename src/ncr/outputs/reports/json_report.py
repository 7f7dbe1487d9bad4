"""JSON output: any result model as DESIGN §8 shows it, with stable keys."""

from __future__ import annotations

import json

from pydantic import BaseModel

from ncr.outputs.reports.report_look import PLAIN, ReportLook


def dumps(result: BaseModel) -> str:
    # allow_nan=False: a bare NaN or Infinity is not JSON; the loader refuses non-finite numbers,
    # so this only ever fires on a bug
    data = result.model_dump(mode="json")
    return json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def as_bytes(result: BaseModel, look: ReportLook = PLAIN) -> bytes:
    del look  # JSON has no templates or front matter
    return dumps(result).encode()
