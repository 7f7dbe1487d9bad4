"""The scoring engine: pure functions from documents to an Assessment (no I/O, no UI imports)."""

from ncr.engine.assessment import Inputs, assess
from ncr.engine.result import Assessment

__all__ = ["Assessment", "Inputs", "assess"]
