"""`ncr compare` on screen: countries ranked, with the change since their last review.

Inputs are tests/fixtures/overview/ (scores computed by hand in each file and in
tests/engine/test_overview.py): XB 100, XA 82.73 (+21.30 since 2023), XD 60, XC 27.85.
"""

from __future__ import annotations

import re

import pytest

from comparing import FILES, compare
from conftest import RunNcr


def test_terminal_ranks_countries_and_shows_the_change(
    run_ncr: RunNcr, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "160")  # a wide terminal: no cell wraps
    code, out, _ = compare(run_ncr, *FILES, "--jobs", "2")
    assert code == 0
    order = re.findall(r"Borduria|Aurelia|Dravia|Carpania", out)
    assert order[:4] == ["Borduria", "Aurelia", "Dravia", "Carpania"]
    assert "+21.3 since 2023" in out
    # The heat map prints every number with its status mark: Dravia's technical pillar, 20 ▼.
    dravia = next(line for line in out.splitlines() if line.startswith("| XD"))
    assert "60.0 ▲" in dravia and "80.0 ▲" in dravia and "20.0 ▼" in dravia
    assert "| tech.forensics Forensics" in out
