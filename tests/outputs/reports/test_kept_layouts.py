"""Lines shaped once (kept_layouts) give the very PDF that WeasyPrint's own rebuild at drawing
time gives: the same bytes, for reports in English and Arabic, a draft with a watermark and
hostile text, and a page that exercises the cases handed back to WeasyPrint (justified text,
an ellipsis, a running header drawn on every page, kept newlines)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import EXAMPLES, HOSTILE
from ncr.engine import Assessment
from ncr.outputs.reports import kept_layouts, pdf_writer
from ncr.outputs.reports.report_look import PLAIN, ReportLook
from ncr.shipped import template_dir
from patched_weasyprint import ours_and_weasyprints

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


def test_it_is_installed_on_the_weasyprint_we_ship_with() -> None:
    # pdf_writer installs it on import; a WeasyPrint whose internals moved would leave it out
    # (and the PDFs slower), which this test is there to notice.
    layout = line_break.Layout
    assert getattr(layout.deactivate, "_ncr_original", None) is not None
    assert getattr(layout.reactivate, "_ncr_original", None) is not None
    assert kept_layouts.install()


def test_a_page_of_the_cases_weasyprint_rebuilds_is_the_same_to_the_byte() -> None:
    fonts = (template_dir() / "fonts.css").read_text(encoding="utf-8")
    html = PAGE.replace("{fonts}", fonts)
    ours, theirs = ours_and_weasyprints(kept_layouts, lambda: pdf_writer.write_pdf(html, DAY))
    assert ours.startswith(b"%PDF")
    assert ours == theirs


def _borealis(_folder: Path) -> tuple[Assessment, ReportLook]:
    from assessing import assess_file

    return assess_file(EXAMPLES / "xb-2026.yaml"), PLAIN


def _hostile_draft(_folder: Path) -> tuple[Assessment, ReportLook]:
    from assessing import assess_file

    return assess_file(HOSTILE), PLAIN


def _arabic_borealis(folder: Path) -> tuple[Assessment, ReportLook]:
    from arabic import arabic_review
    from assessing import assess_file

    return assess_file(arabic_review(folder)), PLAIN.in_language("ar")


@pytest.mark.slow
@pytest.mark.parametrize("report", [_borealis, _hostile_draft, _arabic_borealis])
def test_a_shipped_report_is_the_same_to_the_byte(
    report: Callable[[Path], tuple[Assessment, ReportLook]], tmp_path: Path
) -> None:
    result, look = report(tmp_path)
    ours, theirs = ours_and_weasyprints(kept_layouts, lambda: pdf_writer.assessment(result, look))
    assert ours == theirs
