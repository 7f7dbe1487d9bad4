"""An Arabic review for the right-to-left tests: examples/xb-2026.yaml with the Arabic text of
tests/fixtures/arabic/xb-2026-ar.yaml laid over it (names, findings, notes, recommendations), so
the tests need no translated framework or interface."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from conftest import EXAMPLES, FIXTURES

OVERLAY = FIXTURES / "arabic" / "xb-2026-ar.yaml"
# Arabic letters proper (U+0621-U+064A): what a reader of the Arabic report must find.
ARABIC_LETTERS = {chr(c) for c in range(0x0621, 0x064B)}


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in over.items():
        old = merged.get(key)
        merged[key] = (
            _merge(old, value) if isinstance(old, dict) and isinstance(value, dict) else value
        )
    return merged


def arabic_review(folder: Path) -> Path:
    """Write the Arabic Borealis 2026 review into `folder` and return its path."""
    base = yaml.safe_load((EXAMPLES / "xb-2026.yaml").read_text(encoding="utf-8"))
    over = yaml.safe_load(OVERLAY.read_text(encoding="utf-8"))
    texts = over.pop("recommendation_texts")
    review = _merge(base, over)
    for rec in review["findings"]["recommendations"]:
        rec["text"] = texts.get(rec["id"], rec["text"])
    previous = EXAMPLES / review["review"]["previous"]  # read beside the review, as in examples/
    (folder / previous.name).write_bytes(previous.read_bytes())
    path = folder / "xb-2026-ar.yaml"
    path.write_text(yaml.safe_dump(review, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path
