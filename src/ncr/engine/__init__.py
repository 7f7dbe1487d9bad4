"""The scoring engine: pure functions from documents to an Assessment (no I/O, no UI imports)."""

from ncr.engine.assess import Inputs, assess
from ncr.engine.result import Assessment

__all__ = ["Assessment", "Inputs", "assess"]
