"""`ncr compare`: the overview as JSON, and what it refuses.

Inputs are tests/fixtures/overview/ (scores computed by hand in each file and in
tests/engine/test_overview.py): XB 100, XA 82.73 (+21.30 since 2023), XD 60, XC 27.85.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from comparing import FILES, OVERVIEW, compare
from conftest import EXAMPLES, FIXTURES, RunNcr
from ncr.shipped import display_path


def test_json_is_the_overview_model(run_ncr: RunNcr) -> None:
    code, out, _ = compare(run_ncr, *FILES, "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert [(c["rank"], c["country"]["code"]) for c in data["countries"]] == [
        (1, "XB"),
        (2, "XA"),
        (3, "XD"),
        (4, "XC"),
    ]
    xd = data["countries"][2]
    assert [(p["id"], p["score"], p["status"]) for p in xd["pillars"]] == [
        ("law", 80.0, "strength"),
        ("tech", 20.0, "weakness"),
    ]
    assert data["countries"][1]["previous"]["year"] == 2023
    assert data["weaknesses"][0] == {
        "indicator": "tech.forensics",
        "title": "Forensics",
        "count": 2,
        "countries": ["XC", "XD"],
    }


def test_an_invalid_review_stops_the_overview_with_its_location(
    run_ncr: RunNcr, tmp_path: Path
) -> None:
    target = tmp_path / "overview.md"
    code, _, err = compare(run_ncr, *FILES, FIXTURES / "batch" / "broken.yaml", "-o", target)
    assert code == 2
    assert f"{FIXTURES / 'batch' / 'broken.yaml'}:11:7:" in err
    assert not target.exists()


def test_reviews_of_two_frameworks_are_refused_naming_both(run_ncr: RunNcr) -> None:
    code, _, err = compare(run_ncr, FILES[0], EXAMPLES / "xa-2026.yaml")
    assert code == 2
    # named relative to the working directory, as in every report
    first, second = display_path(FILES[0]), display_path(EXAMPLES / "xa-2026.yaml")
    assert f"{first} is a review on framework mini but {second}" in err


def test_an_existing_overview_is_not_replaced_without_force(
    run_ncr: RunNcr, tmp_path: Path
) -> None:
    target = tmp_path / "overview.md"
    target.write_text("keep me")
    code, _, err = compare(run_ncr, *FILES, "-o", target)
    assert code == 2
    assert "already exists; use --force" in err
    assert target.read_text() == "keep me"
    code, _, _ = compare(run_ncr, *FILES, "-o", target, "--force")
    assert code == 0
    assert "Borduria" in target.read_text()


def test_the_same_review_twice_is_refused(run_ncr: RunNcr, tmp_path: Path) -> None:
    copy = tmp_path / "copy.yaml"
    shutil.copy(OVERVIEW / "xb-2026.yaml", copy)
    # The copy names its questionnaire by id, so it loads from anywhere.
    code, _, err = compare(run_ncr, OVERVIEW / "xb-2026.yaml", copy)
    assert code == 2
    assert "are both the 2026 review of XB" in err


def test_compare_says_what_it_wrote_in_french(run_ncr: RunNcr, tmp_path: Path) -> None:
    target = tmp_path / "overview.md"
    files = (EXAMPLES / "xa-2026.yaml", EXAMPLES / "xb-2026.yaml")
    result = run_ncr("compare", *files, "-o", target, "--lang", "fr")
    assert result.exit_code == 0, result.output
    assert result.stderr == f"{target} enregistré — 2 pays\n"
