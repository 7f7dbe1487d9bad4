"""`ncr explain` as a user runs it, on tests/fixtures/stakes (figures by hand in
tests/engine/test_explanation.py)."""

from __future__ import annotations

import json

from conftest import FIXTURES, RunNcr

STAKES = FIXTURES / "stakes"
CAPPED = STAKES / "responses" / "capped.yaml"


def test_the_overall_score_on_screen_adds_up(run_ncr: RunNcr) -> None:
    result = run_ncr("explain", "--path", STAKES, CAPPED)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("Where the overall score of Stakeland 2026 comes from: 30.0\n")
    assert out.index("tech Technical") < out.index("law Law")  # 25 before 20
    cap = next(line for line in out.splitlines() if "cap on law.b:" in line)
    assert "Without any power in force" in cap and cap.rstrip(" |").endswith("-7.5")
    total = next(line for line in out.splitlines() if "Total" in line)
    assert total.rstrip(" |").endswith("30.0")
    assert "Left out of the score (2 questions): 1 answered n/a; 1 text answers" in out


def test_one_indicator_as_json(run_ncr: RunNcr) -> None:
    result = run_ncr(
        "explain", "--path", STAKES, CAPPED, "--indicator", "tech.c", "--format", "json"
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["scope"], data["id"], data["total"]) == ("indicator", "tech.c", 25.0)
    assert [p["id"] for p in data["parts"]] == ["QC", "QP"]
    assert data["left_out"] == {"n/a": 1, "unscored": 1}


def test_an_unknown_id_or_both_options_are_refused(run_ncr: RunNcr) -> None:
    unknown = run_ncr("explain", "--path", STAKES, CAPPED, "--pillar", "teck")
    assert unknown.exit_code == 2
    assert "--pillar: no 'teck' in stakes (did you mean 'tech'?)" in unknown.stderr
    both = run_ncr("explain", "--path", STAKES, CAPPED, "--pillar", "law", "--indicator", "law.a")
    assert both.exit_code == 2 and "not both" in both.stderr
