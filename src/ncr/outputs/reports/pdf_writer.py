"""The PDF report: the HTML report laid out by WeasyPrint with the bundled fonts.

Only this module, the fetcher it uses and the three it installs into WeasyPrint (svg_text,
drawn_lines, kept_layouts: the same PDF, faster) import WeasyPrint (half a second of start-up),
and they are imported only when a PDF is asked for.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Iterator

from ncr.engine.result import Assessment
from ncr.outputs.atomic_files import private_temp
from ncr.outputs.reports import assessment_report as htmldoc
from ncr.outputs.reports.asset_fetcher import AssetFetcher
from ncr.outputs.reports.drawn_lines import install as draw_lines_in_one_pass
from ncr.outputs.reports.kept_layouts import install as keep_layouts
from ncr.outputs.reports.native_libraries import imported
from ncr.outputs.reports.report_look import PLAIN, ReportLook
from ncr.outputs.reports.svg_text import install as install_svg_text

weasyprint = imported("weasyprint")  # its C libraries opened by soname: see native_libraries
draw_lines_in_one_pass()  # before svg_text, which draws its runs with the same function
install_svg_text()  # the charts' labels laid out a run at a time, not a letter at a time
keep_layouts()  # each line shaped once, not again when it is drawn


@contextlib.contextmanager
def source_date(day: dt.date) -> Iterator[None]:
    """Pin SOURCE_DATE_EPOCH to `day` for the duration: fontTools stamps it into every subset
    font instead of the current time, so the same inputs give the same bytes. The environment is
    process-wide: reports render in parallel in processes, never in threads."""
    epoch = dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC).timestamp()
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(max(0, int(epoch)))
    try:
        yield
    finally:
        if saved is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved


def write_pdf(html: str, day: dt.date, fetcher: AssetFetcher | None = None) -> bytes:
    """Lay out a report's HTML; `day` (the review date) stands in for the clock."""
    document = weasyprint.HTML(string=html, url_fetcher=fetcher or AssetFetcher())
    with source_date(day), private_temp():
        data: bytes = document.write_pdf()
    return data


def report_pdf(html: str, day: dt.date, look: ReportLook) -> bytes:
    """A report's PDF, reading only the assets of its template folders and the profile's logo."""
    return write_pdf(html, day, AssetFetcher.for_look(look))


def assessment(result: Assessment, look: ReportLook = PLAIN) -> bytes:
    html = htmldoc.assessment_html(result, look, embed_fonts=True)
    return report_pdf(html, result.review.date, look)
