"""Shared test helpers: where the fixtures are, and running `ncr` as a user would."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from ncr.cli import app

FIXTURES = Path(__file__).parent / "fixtures"
LIB = FIXTURES / "lib"
RESPONSES = FIXTURES / "responses"
NEGATIVE = FIXTURES / "negative"
REPO = Path(__file__).parent.parent
EXAMPLES = REPO / "examples"

RunNcr = Callable[..., Result]


@pytest.fixture
def run_ncr(monkeypatch: pytest.MonkeyPatch) -> RunNcr:
    """Run `ncr ARGS…` in process; NCR_PATH is cleared so only what the test names is found."""
    monkeypatch.delenv("NCR_PATH", raising=False)
    runner = CliRunner()

    def run(*args: str | Path) -> Result:
        return runner.invoke(app, [str(a) for a in args])

    return run
