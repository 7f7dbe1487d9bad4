"""Comparing computed scores with bounds written in YAML: level minimums, thresholds, rule limits.

A weighted mean with weights such as 0.2 and 0.1 lands a hair off the number a reviewer works out by
hand (59.99999999999999 for 60). Comparisons absorb that noise, far below the one decimal shown, so
a score shown as 60.0 reaches a level whose `min` is 60. Scores themselves keep full precision.
"""

from __future__ import annotations

TOLERANCE = 1e-9


def reaches(value: float, bound: float) -> bool:
    """`value ≥ bound`, forgiving floating-point noise."""
    return value >= bound - TOLERANCE
