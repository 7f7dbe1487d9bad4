"""`ncr diff` as a user runs it: JSON, what it refuses, what it writes (screen, reports: tests/outputs)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from comparing import DIFF, HEADLINE, NEW, OLD, PATHS
from conftest import RESPONSES, RunNcr


def test_json_has_the_documented_keys(run_ncr: RunNcr) -> None:
    result = run_ncr("diff", *PATHS, "--format", "json", OLD, NEW)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {"old", "new", "overall", "pillars", "indicators", "critical_gaps", "answers"} <= set(
        data
    )
    assert (data["old"]["year"], data["new"]["year"]) == (2023, 2026)
    assert {"old", "new", "delta"} <= set(data["overall"])
    keys = {"id", "old", "new", "delta", "old_status", "new_status", "old_level", "new_level"}
    assert all(keys <= set(ind) for ind in data["indicators"])
    assert [g["rule"] for g in data["critical_gaps"]["opened"]] == ["no-powers"]
    assert [g["rule"] for g in data["critical_gaps"]["closed"]] == ["no-csirt"]
    l3 = next(a for a in data["answers"] if a["question"] == "L3")
    assert (l3["old"], l3["new"], l3["score_delta"]) == (
        ["preservation", "production", "search"],
        ["none"],
        -100.0,
    )


def test_different_frameworks_are_refused_naming_both(run_ncr: RunNcr) -> None:
    result = run_ncr("diff", *PATHS, DIFF / "xa-2021.yaml", NEW)
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"{NEW}:7:16: questionnaire 'mini-q' is for framework 'mini', but {DIFF / 'xa-2021.yaml'} "
        "was answered for framework 'other'"
    )
    assert "Traceback" not in result.output


def test_new_older_than_old_is_refused_unless_any_order(run_ncr: RunNcr) -> None:
    refused = run_ncr("diff", *PATHS, NEW, OLD)
    assert refused.exit_code == 2
    assert f"{OLD} (2023) is older than {NEW} (2026)" in refused.stderr
    assert "--any-order" in refused.stderr
    allowed = run_ncr("diff", *PATHS, "--any-order", NEW, OLD)
    assert allowed.exit_code == 0, allowed.output
    assert "Overall 50.0 → 62.0 (+12.0), level 3 Established → 4 Strategic" in allowed.stdout


def test_the_same_file_twice_has_no_changes(run_ncr: RunNcr) -> None:
    result = run_ncr("diff", *PATHS, NEW, NEW)
    assert result.exit_code == 0, result.output
    assert "Overall 50.0 (unchanged), level 3 Established (unchanged)" in result.stdout
    assert "No changes" in result.stdout
    assert "Changed answers" not in result.stdout


def test_problems_in_both_files_are_reported_together(run_ncr: RunNcr) -> None:
    old, new = RESPONSES / "mini-unknown-questionnaire.yaml", RESPONSES / "mini-bad-answers.yaml"
    result = run_ncr("diff", *PATHS, old, new)
    assert result.exit_code == 2
    assert f"{old}:3:16: no questionnaire 'mini-qq'" in result.stderr
    assert f"{new}:11:3: no question 'L9' in questionnaire mini-q" in result.stderr
    assert "4 errors — nothing was written." in result.stderr


def test_json_file_is_written_and_never_overwritten(run_ncr: RunNcr, tmp_path: Path) -> None:
    target = tmp_path / "xa.json"
    first = run_ncr("diff", *PATHS, OLD, NEW, "-o", target)
    assert first.exit_code == 0, first.output
    assert json.loads(target.read_text())["overall"]["new"] == 50.0
    assert f"wrote {target} — {HEADLINE}" in first.stderr
    again = run_ncr("diff", *PATHS, OLD, NEW, "-o", target)
    assert again.exit_code == 2
    assert "already exists; use --force" in again.stderr
    assert run_ncr("diff", *PATHS, OLD, NEW, "-o", target, "--force").exit_code == 0


@pytest.mark.parametrize("fmt", ["pdf", "yaml"])
def test_screen_formats_are_text_and_json(run_ncr: RunNcr, fmt: str) -> None:
    result = run_ncr("diff", *PATHS, "--format", fmt, OLD, NEW)
    assert result.exit_code == 2
    assert "the terminal shows text or json" in result.stderr


def test_one_benchmark_for_both_reviews(run_ncr: RunNcr) -> None:
    # pillars-only gives law 70 and nothing else: every tech indicator is unbenchmarked, both years.
    result = run_ncr("diff", *PATHS, "--format", "json", "--benchmark", "pillars-only", OLD, NEW)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["benchmark"]["id"] == "pillars-only"
    csirt = next(i for i in data["indicators"] if i["id"] == "tech.csirt")
    assert (csirt["old_status"], csirt["new_status"]) == ("unbenchmarked", "unbenchmarked")
    law = data["pillars"][0]
    assert (law["old_status"], law["new_status"]) == ("weakness", "strength")  # 55.6, 72.2 vs 70


def test_two_countries_are_refused_without_any_country(run_ncr: RunNcr) -> None:
    other = RESPONSES / "mini-gaps.yaml"  # Borduria (XB), 2026
    result = run_ncr("diff", *PATHS, OLD, other)
    assert result.exit_code == 2
    # located at the country code of the new review (line 5 of mini-gaps.yaml)
    assert f"{other}:5:" in result.stderr
    assert "a diff follows one country; pass --any-country" in result.stderr
    assert result.stdout == ""


def test_two_countries_are_compared_with_a_warning(run_ncr: RunNcr) -> None:
    other = RESPONSES / "mini-gaps.yaml"  # Borduria (XB), 2026
    result = run_ncr("diff", *PATHS, OLD, other, "--any-country")
    assert result.exit_code == 0, result.output
    assert "comparing two countries, Aurelia (XA) and Borduria (XB)" in result.stderr
    assert result.stdout.startswith("Aurelia (XA) 2023 → Borduria (XB) 2026")
