"""`ncr compare` on screen: countries ranked, with the change since their last review.

Inputs are tests/fixtures/overview/ (scores computed by hand in each file and in
tests/engine/test_overview.py): XB 100, XA 82.73 (+21.30 since 2023), XD 60, XC 27.85.
"""

from __future__ import annotations

import re
from io import StringIO
from typing import Any

import pytest
from rich.console import Console

from comparing import ALL, FILES, compare, snapshots
from conftest import RunNcr
from ncr.engine.overview import build_overview
from ncr.outputs.terminal.overview_view import show_overview


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


def shown(**console: Any) -> str:
    out = StringIO()
    overview = build_overview(snapshots(*ALL), ncr_version="test")
    show_overview(overview, Console(file=out, width=160, highlight=False, **console))
    return out.getvalue()


def test_piped_the_heat_map_holds_every_score_its_mark_and_the_benchmark() -> None:
    lines = [line.rstrip() for line in shown().splitlines()]
    assert (
        lines[0]
        == "Overview of 4 countries — Mini test framework 1.2.0 · benchmark: Reference for tests"
    )
    # XC: law 32.8, tech 18, overall (2 × 32.78 + 18) / 3 = 27.85, all below their references
    assert "| XC        | 27.9 ▼  | 32.8 ▼  | 18.0 ▼    |" in lines
    assert "| benchmark | 60.0    | 70.0    | 60.0      |" in lines
    assert (
        "| 4 | Carpania (XC) DRAFT | 2026 |  27.9 | 2 Formative | -32.1 | weakness |                  |"
        in lines
    )
    assert "\x1b[" not in "\n".join(lines)


def test_on_a_colour_terminal_cells_are_shaded_by_level() -> None:
    text = shown(force_terminal=True, color_system="truecolor")
    assert "\x1b[" in text
    assert "| XC" not in text  # rich's box tables, not the plain ASCII ones
    assert " 27.9 ▼ " in text  # the number is still printed inside its shaded cell
