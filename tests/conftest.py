"""Shared test helpers: where the fixtures are, and running `ncr` as a user would."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings
from typer.testing import CliRunner, Result

from ncr.cli import app

FIXTURES = Path(__file__).parent / "fixtures"
LIB = FIXTURES / "lib"
RESPONSES = FIXTURES / "responses"
NEGATIVE = FIXTURES / "negative"
REPO = Path(__file__).parent.parent
EXAMPLES = REPO / "examples"

RunNcr = Callable[..., Result]

# Property tests run a light profile by default so `make test` stays quick; a thorough run:
# NCR_HYPOTHESIS=thorough make test
settings.register_profile("light", max_examples=40)
settings.register_profile("thorough", max_examples=500)
settings.load_profile(os.environ.get("NCR_HYPOTHESIS", "light"))


@pytest.fixture
def run_ncr(monkeypatch: pytest.MonkeyPatch) -> RunNcr:
    """Run `ncr ARGS…` in process; NCR_PATH is cleared so only what the test names is found."""
    monkeypatch.delenv("NCR_PATH", raising=False)
    runner = CliRunner()

    def run(*args: str | Path) -> Result:
        return runner.invoke(app, [str(a) for a in args])

    return run
