"""`ncr compare -o FILE`: the overview as Markdown, HTML and PDF reports.

Inputs are tests/fixtures/overview/ (scores computed by hand in each file and in
tests/engine/test_overview.py): XB 100, XA 82.73 (+21.30 since 2023), XD 60, XC 27.85.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from comparing import FILES, OVERVIEW, compare
from conftest import RunNcr


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
