"""Words with a fixed meaning in every document: the special answers and the overall target."""

from __future__ import annotations

NA = "n/a"
UNKNOWN = "unknown"
MISSING = "missing"
SPECIAL_ANSWERS = (NA, UNKNOWN)
# a cap's `target` and a benchmark key that mean the overall score, not a pillar or indicator
OVERALL = "overall"
