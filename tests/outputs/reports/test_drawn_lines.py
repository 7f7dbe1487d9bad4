"""Lines drawn in one pass (drawn_lines) give WeasyPrint's own PDF less its zero adjustments:
both PDFs, uncompressed, are the same once every text array is read as what it draws (its glyphs
and the adjustments that move them). Checked on a page of the lines handed back to WeasyPrint
(an ellipsis, Arabic with its marks, bold and italic runs in a line, letter-spacing) and on the Borealis report
in English and in Arabic."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from ncr.outputs.reports import drawn_lines, pdf_writer
from ncr.outputs.reports.asset_fetcher import AssetFetcher
from ncr.outputs.reports.report_look import PLAIN, ReportLook
from ncr.shipped import template_dir
from patched_weasyprint import ours_and_weasyprints

weasyprint = pytest.importorskip("weasyprint")
DAY = dt.date(2026, 3, 18)
WORDS = "Criminal Code, s. 248a; <b>Cybercrime Act 2024</b>, <i>ss. 12-14</i> (interception). " * 6
PAGE = f"""<html><head><style>{{fonts}}
body {{ font-family: 'NCR Sans', 'NCR Arabic'; font-size: 9pt; }}
.cut {{ white-space: nowrap; overflow: hidden; text-overflow: ellipsis; width: 40mm; }}
.spaced {{ letter-spacing: 0.1em; text-transform: uppercase; }}
</style></head><body>
<p>{WORDS}</p>
<p class="spaced">Official · restricted</p>
<p class="cut">{WORDS}</p>
<p lang="ar" dir="rtl">يُجرِّمُ القانونُ الدخولَ غيرَ المشروعِ إلى نظامِ الحاسوبِ (المادة 248أ).</p>
</body></html>"""
TEXT_ARRAY = re.compile(rb"\[([^\]]*)\] TJ")
TOKEN = re.compile(rb"<([0-9a-f]*)>|(-?[\d.]+)")


def drawn(array: bytes) -> bytes:
    """A TJ array as what it draws: runs of glyphs, and the adjustments that are not zero."""
    out: list[bytes] = []
    glyphs = b""
    for hex_glyphs, number in TOKEN.findall(array):
        if number and float(number) != 0:
            out += [b"<" + glyphs + b">"] if glyphs else []
            out.append(number)
            glyphs = b""
        else:
            glyphs += hex_glyphs
    out += [b"<" + glyphs + b">"] if glyphs else []
    return b"[" + b"".join(out) + b"] TJ"


def canonical(pdf: bytes) -> bytes:
    """The PDF as what it draws: its text arrays read, and without the stream lengths and the
    cross-reference table, which count bytes."""
    body = pdf[: pdf.rindex(b"\nxref\n")]
    body = TEXT_ARRAY.sub(lambda match: drawn(match.group(1)), body)
    return re.sub(rb"/Length \d+", b"/Length", body)


def uncompressed(html: str, look: ReportLook = PLAIN) -> bytes:
    document = weasyprint.HTML(string=html, url_fetcher=AssetFetcher.for_look(look))
    with pdf_writer.source_date(DAY):
        data: bytes = document.write_pdf(uncompressed_pdf=True)
    return data


def test_the_drawer_parses_text_arrays_as_a_pdf_reader_does() -> None:
    # The zero after each glyph and the split between strings move nothing; -73 moves the next.
    assert drawn(b"<0011>0<0003>-73<>-76.5<0024>0") == b"[<00110003>-73-76.5<0024>] TJ"


def test_it_is_installed_on_the_weasyprint_we_ship_with() -> None:
    assert isinstance(weasyprint.draw.text.draw_first_line, drawn_lines._LineDrawer)
    assert drawn_lines.install()


def test_a_page_of_mixed_runs_draws_the_same_glyphs_at_the_same_places() -> None:
    fonts = (template_dir() / "fonts.css").read_text(encoding="utf-8")
    html = PAGE.replace("{fonts}", fonts)
    ours, theirs = ours_and_weasyprints(drawn_lines, lambda: uncompressed(html))
    # WeasyPrint's zero after nearly every glyph; ours only in the lines it hands back
    # (the ellipsis, the Arabic with its raised marks)
    assert ours.count(b">0<") < theirs.count(b">0<")
    assert len(ours) < len(theirs)
    assert canonical(ours) == canonical(theirs)


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_borealis_report_draws_the_same_glyphs_at_the_same_places(lang: str) -> None:
    from assessing import assess_file
    from conftest import EXAMPLES
    from ncr.outputs.reports import assessment_report

    look = PLAIN.in_language(lang)
    result = assess_file(EXAMPLES / "xb-2026.yaml")
    html = assessment_report.assessment_html(result, look, embed_fonts=True)
    ours, theirs = ours_and_weasyprints(drawn_lines, lambda: uncompressed(html, look))
    assert ours.count(b">0<") < theirs.count(b">0<") / 2
    assert canonical(ours) == canonical(theirs)
