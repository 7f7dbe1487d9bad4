"""`ncr diff` as a user runs it: what it prints, what it refuses, what it writes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import EXAMPLES, FIXTURES, LIB, RESPONSES, RunNcr

DIFF = FIXTURES / "diff"
OLD, NEW = DIFF / "xa-2023.yaml", DIFF / "xa-2026.yaml"
PATHS = ("--path", LIB, "--path", DIFF / "lib")
# The headline of case (a), by hand in tests/test_diffing.py: 62.037 → 50 (capped), level 4 → 3.
HEADLINE = "Overall 62.0 → 50.0 (-12.0), level 4 Strategic → 3 Established"


def test_text_leads_with_the_headline_then_the_movers(run_ncr: RunNcr) -> None:
    result = run_ncr("diff", *PATHS, OLD, NEW)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("Aurelia (XA) — review 2023 → 2026 DRAFT\n")
    order = [
        HEADLINE,
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
    # Corvania's two reviews change 43 answers; the screen shows 15, largest score change first.
    examples = EXAMPLES
    result = run_ncr("diff", examples / "xc-2023.yaml", examples / "xc-2026.yaml")
    assert result.exit_code == 0, result.output
    assert "…and 28 more" in result.stdout
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


def write_report(run_ncr: RunNcr, target: Path) -> None:
    result = run_ncr("diff", *PATHS, OLD, NEW, "-o", target)
    assert result.exit_code == 0, result.output
    assert f"wrote {target} — {HEADLINE}" in result.stderr


def test_markdown_report(run_ncr: RunNcr, tmp_path: Path) -> None:
    target = tmp_path / "xa.md"
    write_report(run_ncr, target)
    text = target.read_text()
    assert text.startswith("**RESTRICTED**\n\n**DRAFT — not for circulation**\n\n")
    assert "# National Cyber Review: Aurelia, what changed between 2023 and 2026" in text
    assert f"**{HEADLINE}**" in text
    assert "| Law (law) | 55.6 | 72.2 | +16.7 | 3 Established → 4 Strategic |" in text
    assert (
        "| Offences (law.offences) | Weakness | Strength | new strength, weakness resolved |"
        in text
    )
    assert "- No procedural powers. (rule no-powers)" in text
    assert "**L3** Which powers exist?" in text
    assert "- Score: 100.0 → 0.0 (-100.0)" in text
    # An answer is text, never markup.
    assert "An accredited lab in the capital \\<since 2025\\>." in text


def test_html_report_is_one_escaped_file(run_ncr: RunNcr, tmp_path: Path) -> None:
    target = tmp_path / "xa.html"
    write_report(run_ncr, target)
    html = target.read_text()
    assert (
        "<title>National Cyber Review of Aurelia: what changed between 2023 and 2026</title>"
        in html
    )
    assert html.count("<svg") == 3  # pillars, then the indicators of each of the two pillars
    assert "<link" not in html and "src=" not in html
    assert "An accredited lab in the capital &lt;since 2025&gt;." in html
    assert 'class="run run-draft">DRAFT<' in html
    assert 'class="run run-mark-top marking">RESTRICTED<' in html


@pytest.mark.slow
def test_pdf_report_shows_the_headline_on_every_reading(run_ncr: RunNcr, tmp_path: Path) -> None:
    from pypdf import PdfReader

    target = tmp_path / "xa.pdf"
    write_report(run_ncr, target)
    pages = [page.extract_text() for page in PdfReader(target).pages]
    cover, summary = pages[0], "\n".join(pages[1:4])
    assert "Aurelia" in cover
    assert "2023" in cover and "2026" in cover
    assert "62.0" in cover and "50.0" in cover and "-12.0" in cover
    assert "62.0" in summary and "50.0" in summary
    assert all("RESTRICTED" in page for page in pages)
    assert all(f"of {len(pages)}" in page for page in pages)
    assert all("DRAFT" in page for page in pages)
    # Dates come from the reviews, not the clock: the same inputs give the same bytes.
    again = tmp_path / "again.pdf"
    write_report(run_ncr, again)
    assert again.read_bytes() == target.read_bytes()


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


def test_two_countries_are_compared_with_a_warning(run_ncr: RunNcr) -> None:
    other = RESPONSES / "mini-gaps.yaml"  # Borduria (XB), 2026
    result = run_ncr("diff", *PATHS, OLD, other)
    assert result.exit_code == 0, result.output
    assert "comparing two countries, Aurelia (XA) and Borduria (XB)" in result.stderr
    assert result.stdout.startswith("Aurelia (XA) 2023 → Borduria (XB) 2026")
