"""`ncr diff` on screen: the headline first, then movers, statuses, gaps and changed answers."""

from __future__ import annotations

from comparing import DIFF, NEW, OLD, PATHS, QUESTIONS, SCORES
from conftest import EXAMPLES, RunNcr


def test_text_leads_with_the_headline_then_the_movers(run_ncr: RunNcr) -> None:
    result = run_ncr("diff", *PATHS, OLD, NEW)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("Aurelia (XA) — review 2023 → 2026 DRAFT\n")
    order = [
        SCORES,
        QUESTIONS,
        "Pillars",
        "Biggest rises (2)",
        "Biggest falls (1)",
        "Status changes (4)",
        "Critical gaps",
        "8 answers changed · 2 answers unchanged",
        "Changed answers",
        "1 indicator unchanged",
    ]
    positions = [out.index(heading) for heading in order]
    assert positions == sorted(positions)
    assert "opened No procedural powers. (no-powers)" in out
    assert "closed No national CSIRT. (no-csirt)" in out
    assert "tech.csirt National CSIRT |  0.0 | 75.0 |  +75.0" in out
    assert "No → Yes (evidence +1)" in out  # L1


def test_changed_answers_are_limited_on_screen(run_ncr: RunNcr) -> None:
    # Corvania's two reviews change 46 answers; the screen shows 15, largest score change first.
    examples = EXAMPLES
    result = run_ncr("diff", examples / "xc-2023.yaml", examples / "xc-2026.yaml")
    assert result.exit_code == 0, result.output
    assert "…and 31 more" in result.stdout
    assert result.stdout.index("T5.2") < result.stdout.index("L8.1")  # -80 before +40


def test_questionnaire_cycles_show_renamed_and_new_questions(run_ncr: RunNcr) -> None:
    result = run_ncr("diff", *PATHS, OLD, DIFF / "xa-2026-next.yaml")
    assert result.exit_code == 0, result.output
    assert "questionnaire mini-q → mini-q-next" in result.stdout
    assert "L1.1 (was L1)" in result.stdout
    assert "Asked only in 2026 (1): T7" in result.stdout
    assert "Asked only in 2023 (1): T5" in result.stdout


def test_newer_framework_version_shows_the_added_indicator(run_ncr: RunNcr) -> None:
    result = run_ncr("diff", "--path", DIFF / "lib2", OLD, DIFF / "xa-2026-plus.yaml")
    assert result.exit_code == 0, result.output
    assert "Indicators in one review only" in result.stdout
    assert "tech.training Training | only in 2026 |   0.0 | weakness" in result.stdout
