"""`ncr compare`: the overview on screen, as JSON, and as Markdown, HTML and PDF reports.

Inputs are tests/fixtures/overview/ (scores computed by hand in each file and in
tests/test_overview.py): XB 100, XA 82.73 (+21.30 since 2023), XD 60, XC 27.85.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import EXAMPLES, FIXTURES, LIB, RunNcr

OVERVIEW = FIXTURES / "overview"
FILES = sorted(OVERVIEW.glob("*.yaml"))


def compare(run_ncr: RunNcr, *args: str | Path) -> tuple[int, str, str]:
    result = run_ncr("compare", "--path", LIB, *args)
    return result.exit_code, result.stdout, result.stderr


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


def test_markdown_overview(run_ncr: RunNcr, tmp_path: Path) -> None:
    target = tmp_path / "overview.md"
    code, _, err = compare(run_ncr, *FILES, "-o", target)
    assert code == 0, err
    text = target.read_text()
    assert (
        "| 2 | Aurelia (XA) | 2026 | 82.7 | 5 Dynamic | +22.7 | Strength | +21.3 since 2023 |"
        in text
    )
    assert "| Dravia (XD) | 60.0 ▲ Strength | 80.0 ▲ Strength | 20.0 ▼ Weakness |" in text
    assert "| Forensics (tech.forensics) | 2 of 4 | XC, XD |" in text
    assert text.startswith("**RESTRICTED**")  # Aurelia 2026's marking


def test_html_heat_map_prints_numbers_in_shaded_cells(run_ncr: RunNcr, tmp_path: Path) -> None:
    target = tmp_path / "overview.html"
    code, _, err = compare(run_ncr, *FILES, "-o", target)
    assert code == 0, err
    html = target.read_text()
    # Dravia's technical pillar: 20, level 2 of 5 → the second of five shades, and the number.
    assert (
        '<td class="heat shade-1"><span class="heat-score">20.0</span>'
        '<span class="heat-status">▼ Weakness</span></td>'
    ) in html
    assert '<td class="heat shade-4"><span class="heat-score">100.0</span>' in html
    assert "<link" not in html and "<script" not in html  # one self-contained file


def test_country_names_are_text_in_every_report(run_ncr: RunNcr, tmp_path: Path) -> None:
    hostile = tmp_path / "xe-2026.yaml"
    text = (OVERVIEW / "xb-2026.yaml").read_text()
    hostile.write_text(
        text.replace("{code: XB, name: Borduria}", '{code: XE, name: "<b>E|vil</b>"}')
    )
    for name in ("overview.html", "overview.md"):
        code, _, err = compare(run_ncr, OVERVIEW / "xa-2026.yaml", hostile, "-o", tmp_path / name)
        assert code == 0, err
    assert "&lt;b&gt;E|vil&lt;/b&gt;" in (tmp_path / "overview.html").read_text()
    assert r"\<b\>E\|vil\</b\>" in (tmp_path / "overview.md").read_text()


@pytest.mark.slow
def test_pdf_overview(run_ncr: RunNcr, tmp_path: Path) -> None:
    target = tmp_path / "overview.pdf"
    code, _, err = compare(run_ncr, *FILES, "-o", target)
    assert code == 0, err
    text = " ".join(page.extract_text() for page in PdfReader(target).pages)
    assert "Overview of 4 countries" in text
    assert "Heat map" in text
    assert "82.7" in text and "27.9" in text


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
    assert f"{FILES[0]} is a review on framework mini but {EXAMPLES / 'xa-2026.yaml'}" in err


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
