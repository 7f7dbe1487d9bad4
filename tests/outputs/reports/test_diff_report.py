"""`ncr diff -o FILE`: the what-changed report in Markdown, HTML and PDF."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from comparing import HEADLINE, NEW, OLD, PATHS
from conftest import EXAMPLES, RunNcr


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
    assert "- No procedural powers.\n" in text
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


def test_borealis_diff_states_the_like_for_like_change(run_ncr: RunNcr, tmp_path: Path) -> None:
    # 116 of the 2026 questions are new (ncr-core 1.1.0) and 2 are no longer asked; on the 90 both
    # cycles asked the change is +35.1, against +23.6 as assessed; three indicators moved by the
    # questionnaire only
    target = tmp_path / "xb-diff.md"
    result = run_ncr("diff", EXAMPLES / "xb-2023.yaml", EXAMPLES / "xb-2026.yaml", "-o", target)
    assert result.exit_code == 0, result.output
    headline = (
        "Overall 33.9 → 57.5 (+23.6 as assessed, +35.1 like for like), level 2 Formative → 3 "
        "Established; 90 questions shared, 116 new, 2 dropped"
    )
    assert f"wrote {target} — {headline}" in result.stderr
    text = target.read_text(encoding="utf-8")
    assert f"**{headline}**" in text
    assert "Scored on the 90 questions both reviews asked, the change is +35.1 points." in text
    moved = text[text.index("### Moved only by the questionnaire (3)") :]
    assert (
        "| Personal data protection (legal.data-protection) | 60.0 | 48.9 | -11.1 | +0.0 |" in moved
    )
    falls = text[text.index("### Biggest falls") : text.index("### Critical gaps")]
    assert "data protection" not in falls.lower()  # not a fall of Borealis


def test_an_arabic_diff_report_leads_from_old_to_new_right_to_left() -> None:
    from ncr.engine.review_diff import diff
    from ncr.loader.loading import Loader
    from ncr.loader.search_path import Catalog
    from ncr.outputs.reports.diff_report import html
    from ncr.outputs.reports.report_look import PLAIN
    from ncr.pipeline import assess_review, open_review

    loader = Loader(Catalog.create([PATHS[1], PATHS[3]], env={}))
    old, new = open_review(loader, OLD), open_review(loader, NEW)
    result = diff(assess_review(old), assess_review(new), old.inputs(), new.inputs())
    english = html(result).decode()
    arabic = html(result, PLAIN.in_language("ar")).decode()
    assert '<html lang="ar" dir="rtl">' in arabic
    # 62.0 → 50.0 overall: read right to left the eye goes from the old score leftwards to the new.
    assert "Review 2023 → 2026" in english and "→" in english and "←" not in english
    assert "Review 2023 ← 2026" in arabic and "←" in arabic and "→" not in arabic
    # Each figure is isolated left to right, so the arrow between two stays right to left.
    assert "\u206662.0\u2069 ← \u206650.0\u2069" in arabic
    # The charts grow from the right: every bar of the pillar chart ends at 600 - 240 = 360.
    bars = re.findall(r'<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)" height="9', arabic)
    assert bars and all(float(x) + float(w) == 360.0 for x, w in bars)
