"""`ncr assess FILE` on screen: country, overall score and every pillar."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

from rich.console import Console

from assessing import assess_file
from conftest import EXAMPLES, LIB, RESPONSES, RunNcr
from ncr.outputs.terminal.assessment_view import show_assessment

MINI_A = RESPONSES / "mini-a.yaml"


def test_text_shows_country_score_and_pillars(run_ncr: RunNcr) -> None:
    result = run_ncr("assess", MINI_A, "--path", LIB)
    assert result.exit_code == 0
    assert "Aurelia (XA) — review 2026" in result.stdout
    assert "Overall 82.7 / 100" in result.stdout  # (77.22×2 + 93.75) / 3 = 82.73
    for pillar in ("Law", "Technical"):
        assert pillar in result.stdout


def shown(path: Path) -> list[str]:
    """What `show_assessment` prints when piped: plain ASCII tables, no colour codes."""
    out = StringIO()
    show_assessment(assess_file(path), Console(file=out, width=120, highlight=False))
    return [line.rstrip() for line in out.getvalue().splitlines()]  # titles are padded


def test_piped_the_pillar_table_holds_every_number() -> None:
    lines = shown(MINI_A)
    assert "\x1b[" not in "\n".join(lines)
    assert (
        lines[2] == "Overall 82.7 / 100 · level 5 Dynamic · reference 60.0 (+22.7) · coverage 100%"
    )
    # law 77.22 vs 70 → +7.2; tech 93.75 (shown 93.8) vs overall's 60 → +33.8
    assert "| Law       |  77.2 | 4 Strategic | 70.0 |  +7.2 | strength |     100% |" in lines
    assert "| Technical |  93.8 | 5 Dynamic   | 60.0 | +33.8 | strength |     100% |" in lines


def test_strengths_are_listed_by_how_far_they_are_ahead() -> None:
    lines = shown(MINI_A)
    start = lines.index("Top strengths (3)")
    rows = [line for line in lines[start:] if line.startswith("| ") and "Indicator" not in line]
    assert rows == [
        "| tech.forensics Forensics  | 100.0 | 50.0 | +50.0 |",
        "| tech.csirt National CSIRT |  75.0 | 60.0 | +15.0 |",
        "| law.offences Offences     |  83.3 | 80.0 |  +3.3 |",
    ]


def test_a_weak_draft_shows_its_gaps_and_recommendations() -> None:
    lines = shown(RESPONSES / "mini-gaps.yaml")
    assert lines[0] == "Borduria (XB) — review 2026 DRAFT"
    assert "Top weaknesses (5)" in lines
    assert lines[lines.index("Critical gaps") + 1 :][:2] == [
        "  • No national CSIRT. (no-csirt)",
        "  • No procedural powers. (no-powers)",
    ]
    assert any(
        line.startswith("| 3 | Offences: Criminalise") and "35.6 |" in line for line in lines
    )


def test_the_review_teams_key_messages_come_first(run_ncr: RunNcr) -> None:
    # examples/xb-2026.yaml writes five key messages under findings.summary
    shown = run_ncr("assess", EXAMPLES / "xb-2026.yaml").stdout
    messages = shown.index("Key messages")
    assert messages < shown.index("Pillars")
    assert "  • Borealis now answers urgent requests from abroad around the clock" in shown
    assert shown.count("  • ") >= 5
    # a response without findings shows none, and no empty heading
    assert "Key messages" not in run_ncr("assess", "--path", LIB, RESPONSES / "mini-a.yaml").stdout
