"""Shared test helpers: where the fixtures are, and running `ncr` as a user would."""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import settings
from typer.testing import CliRunner, Result

from ncr.cli import app

if TYPE_CHECKING:
    from ncr.engine import Assessment

FIXTURES = Path(__file__).parent / "fixtures"
LIB = FIXTURES / "lib"
RESPONSES = FIXTURES / "responses"
NEGATIVE = FIXTURES / "negative"
REPO = Path(__file__).parent.parent
EXAMPLES = REPO / "examples"
HOSTILE = RESPONSES / "mini-draft-hostile.yaml"  # markup and links in every text a report shows

RunNcr = Callable[..., Result]

# Property tests run a light profile by default so `make test` stays quick; a thorough run:
# NCR_HYPOTHESIS=thorough make test
settings.register_profile("light", max_examples=40)
settings.register_profile("thorough", max_examples=500)
settings.load_profile(os.environ.get("NCR_HYPOTHESIS", "light"))

# A test run started in the background by a shell without job control (`make test &`) ignores
# Ctrl-C, and every process it starts inherits the ignore, which ncr keeps on purpose: the
# interrupt tests would then pass or fail on how pytest was started. A handler is not inherited
# across exec, an ignore is: with Python's own handler back, the ncr processes the tests start
# get Ctrl-C as a terminal's foreground job does.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)


@pytest.fixture(autouse=True)
def _english_again() -> Iterator[None]:
    """Every test starts in English, whatever language the one before it wrote in."""
    from ncr.outputs.interface_text import activate

    yield
    activate("en")


@pytest.fixture
def run_ncr(monkeypatch: pytest.MonkeyPatch) -> RunNcr:
    """Run `ncr ARGS…` in process; NCR_PATH is cleared so only what the test names is found."""
    monkeypatch.delenv("NCR_PATH", raising=False)
    runner = CliRunner()

    def run(*args: str | Path) -> Result:
        return runner.invoke(app, [str(a) for a in args])

    return run


@pytest.fixture(scope="module")
def final() -> Assessment:
    """mini-a assessed: a final review of Aurelia, overall 82.73 (tests/engine/test_scoring.py)."""
    from assessing import MINI_A, assess_file

    return assess_file(MINI_A)


@pytest.fixture(scope="module")
def draft() -> Assessment:
    """The hostile draft of Borduria, RESTRICTED, with critical gaps."""
    from assessing import assess_file

    return assess_file(HOSTILE)


@pytest.fixture(autouse=True, scope="session")
def private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The parse cache of built-in documents goes to a folder of this run, not the user's."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("xdg-cache")))
        yield None


@pytest.fixture(scope="module")
def arabic(tmp_path_factory: pytest.TempPathFactory) -> Assessment:
    """Borealis 2026 with Arabic findings, names and notes (tests/arabic.py), for Arabic reports."""
    from arabic import arabic_review
    from assessing import assess_file

    return assess_file(arabic_review(tmp_path_factory.mktemp("arabic")))
