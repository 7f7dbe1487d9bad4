"""Lines shaped once (kept_layouts) give the very PDF that WeasyPrint's own rebuild at drawing
time gives: the same bytes, for reports in English and Arabic, a draft with a watermark and
hostile text, and a page that exercises the cases handed back to WeasyPrint (justified text,
an ellipsis, a running header drawn on every page, kept newlines)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from conftest import EXAMPLES
from ncr.engine import Assessment
from ncr.outputs.reports import kept_layouts, pdf_writer
from ncr.outputs.reports.report_look import PLAIN
from ncr.shipped import template_dir

line_break = pytest.importorskip("weasyprint.text.line_break")
DAY = dt.date(2026, 3, 18)
WORDS = "The review team met the focal points of nine agencies over three days. " * 12
# Justified lines carry their own word spacing, an ellipsis changes the line as it is drawn, and
# the running header is one box drawn again on every page: each must go to WeasyPrint's rebuild.
# Kept newlines (pre-line) are paragraph breaks to Pango until the line is drawn.
PAGE = f"""<html><head><style>{{fonts}}
@page {{ size: A6; margin: 18mm 10mm; @top-center {{ content: element(head); }} }}
body {{ font-family: 'NCR Sans'; font-size: 9pt; }}
.head {{ position: running(head); }}
.justified {{ text-align: justify; }}
.cut {{ white-space: nowrap; overflow: hidden; text-overflow: ellipsis; width: 40mm; }}
.kept {{ white-space: pre-line; }}
</style></head><body>
<div class="head">Borealis · National Cyber Review 2026</div>
<p class="justified">{WORDS}</p>
<p class="cut">{WORDS}</p>
<p lang="ar" dir="rtl">استعرض الفريق الإطار القانوني مع جهات الاتصال في تسع جهات.</p>
<p class="kept">Criminal Code, s. 248a
Criminal Code, s. 248b (interception)
Cybercrime Act 2024, ss. 12-14</p>
<p>{WORDS}</p>
</body></html>"""


@pytest.fixture
def both_ways() -> Iterator[Callable[[Callable[[], bytes]], tuple[bytes, bytes]]]:
    """Render once with kept layouts, once with WeasyPrint's own; put ours back after."""

    def render(make: Callable[[], bytes]) -> tuple[bytes, bytes]:
        ours = make()
        kept_layouts.uninstall()
        try:
            theirs = make()
        finally:
            assert kept_layouts.install()
        return ours, theirs

    yield render
    assert kept_layouts.install()


def test_it_is_installed_on_the_weasyprint_we_ship_with() -> None:
    # pdf_writer installs it on import; a WeasyPrint whose internals moved would leave it out
    # (and the PDFs slower), which this test is there to notice.
    layout = line_break.Layout
    assert getattr(layout.deactivate, "_ncr_original", None) is not None
    assert getattr(layout.reactivate, "_ncr_original", None) is not None
    assert kept_layouts.install()


def test_a_page_of_the_cases_weasyprint_rebuilds_is_the_same_to_the_byte(
    both_ways: Callable[[Callable[[], bytes]], tuple[bytes, bytes]],
) -> None:
    fonts = (template_dir() / "fonts.css").read_text(encoding="utf-8")
    html = PAGE.replace("{fonts}", fonts)
    ours, theirs = both_ways(lambda: pdf_writer.write_pdf(html, DAY))
    assert ours.startswith(b"%PDF")
    assert ours == theirs


@pytest.mark.slow
def test_the_borealis_report_is_the_same_to_the_byte(
    both_ways: Callable[[Callable[[], bytes]], tuple[bytes, bytes]],
) -> None:
    from assessing import assess_file

    result = assess_file(EXAMPLES / "xb-2026.yaml")
    ours, theirs = both_ways(lambda: pdf_writer.assessment(result))
    assert ours == theirs


@pytest.mark.slow
def test_a_draft_with_hostile_text_is_the_same_to_the_byte(
    draft: Assessment, both_ways: Callable[[Callable[[], bytes]], tuple[bytes, bytes]]
) -> None:
    ours, theirs = both_ways(lambda: pdf_writer.assessment(draft))
    assert ours == theirs


@pytest.mark.slow
def test_the_arabic_report_is_the_same_to_the_byte(
    tmp_path: Path, both_ways: Callable[[Callable[[], bytes]], tuple[bytes, bytes]]
) -> None:
    from arabic import arabic_review
    from assessing import assess_file

    result = assess_file(arabic_review(tmp_path))
    look = PLAIN.in_language("ar")
    ours, theirs = both_ways(lambda: pdf_writer.assessment(result, look))
    assert ours == theirs
