"""`ncr show ID`: a framework or questionnaire as a tree a reviewer can read."""

from __future__ import annotations

import pytest

from conftest import LIB, RunNcr


@pytest.fixture(autouse=True)
def wide_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Wide enough that no table cell or tree line wraps."""
    monkeypatch.setenv("COLUMNS", "250")


def test_show_a_framework_as_a_tree(run_ncr: RunNcr) -> None:
    result = run_ncr("show", "mini", "--path", LIB)
    assert result.exit_code == 0, result.output
    lines = [line.lstrip("│├└─ ") for line in result.stdout.splitlines()]
    for expected in [
        "mini — Mini test framework · version 1.2.0",
        (
            "Levels: 1 Start-up (from 0) · 2 Formative (from 20) · 3 Established (from 40) · "
            "4 Strategic (from 60) · 5 Dynamic (from 80)"
        ),
        # Pillar weights 2 and 1; indicator weights within tech 1, 3, 1.
        "Pillar law — Law · weight 2 (67% of overall)",
        "law.offences — Offences · weight 2 (67% of law)",
        "References: Budapest Convention arts. 2-6",
        "tech.forensics — Forensics · weight 3 (60% of tech)",
        "no-offences-cap: indicator law.offences < 20 → cap law at 39.9",
        "Without offences in law, the law pillar is at most Formative.",
        'no-lab-no-csirt: T3 is "no" and not (T1 is "yes") → cap tech.forensics at 10',
        "Benchmarks: edges, pillars-only, ref (default)",
    ]:
        assert expected in lines


def test_show_a_questionnaire_as_a_tree(run_ncr: RunNcr) -> None:
    result = run_ncr("show", "mini-q2", "--path", LIB)
    assert result.exit_code == 0, result.output
    lines = [line.lstrip("│├└─ ") for line in result.stdout.splitlines()]
    for expected in [
        "mini-q2 — Mini questionnaire, second cycle · framework mini >=1.0,<2.0",
        "Section law — Law · 4 questions",
        "L2b · one choice · indicator law.offences · evidence optional",
        "Is data interference (deleting, altering or suppressing data) a crime?",
        '"partial"  Partly (50)',
        "replaces L2",
        "A number, 0 or more. Scores by band: from 0: 0, from 1: 50, from 5: 100.",
        'applies only if T1 is "yes"',
    ]:
        assert expected in lines
