"""Assessment reports as a reader gets them: PDF, HTML and Markdown, with hostile text kept inert."""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest

from assessing import MINI_A, assess_file
from conftest import RESPONSES
from ncr.engine import Assessment
from ncr.outputs.display import number, percent
from ncr.outputs.reports import assessment_report
from ncr.outputs.reports.templating import long_date, md_escape, web_url
from ncr.shipped import template_dir

HOSTILE = RESPONSES / "mini-draft-hostile.yaml"
IMG_NOTE = '<img src="file:///etc/passwd">'
FONT_URLS = set(re.findall(r'url\("([^"]+)"\)', (template_dir() / "fonts.css").read_text()))


@pytest.fixture(scope="module")
def final() -> Assessment:
    return assess_file(MINI_A)


@pytest.fixture(scope="module")
def draft() -> Assessment:
    return assess_file(HOSTILE)


def squeeze(text: str) -> str:
    """Text without whitespace: PDF extraction breaks lines wherever the layout did."""
    return "".join(text.split())


# -- filters --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "shown"),
    [(82.73148, "82.7"), (0.0, "0.0"), (100.0, "100.0"), (None, "—"), (-0.04, "-0.0")],
)
def test_scores_are_shown_with_one_decimal(value: float | None, shown: str) -> None:
    assert number(value) == shown


def test_filters_for_deltas_percentages_and_dates() -> None:
    assert number(22.73, signed=True) == "+22.7"
    assert number(-5.0, signed=True) == "-5.0"
    assert percent(0.857) == "85%" and percent(None) == "—"
    assert percent(0.995) == "99%" and percent(0.29) == "29%" and percent(1.0) == "100%"
    assert long_date(dt.date(2026, 3, 4)) == "4 March 2026"


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "file:///etc/passwd",
        "data:text/html,x",
        "ftp://x",
        "http://a b",
        "https://x\n",
        "",
    ],
)
def test_only_plain_web_addresses_may_become_links(url: str) -> None:
    assert web_url(url) is None


def test_web_addresses_stay_as_given() -> None:
    assert web_url("https://example.org/a?b=1&c=2") == "https://example.org/a?b=1&c=2"
    assert web_url("HTTP://EXAMPLE.ORG") == "HTTP://EXAMPLE.ORG"


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("<img src=x>", r"\<img src=x\>"),
        ("a | b", r"a \| b"),
        ("**bold** _it_ `code`", r"\*\*bold\*\* \_it\_ \`code\`"),
        ("[link](http://x)", r"\[link\](http://x)"),
        ("# heading", r"\# heading"),
        ("- item", r"\- item"),
        ("1. item", r"1\. item"),
        ("two\nlines\n\n# here", "two lines # here"),  # mid-line, a # opens nothing
        ("-5.0", "-5.0"),
        ("R&D", r"R\&D"),
    ],
)
def test_markdown_values_are_literal_text_on_one_line(text: str, escaped: str) -> None:
    assert md_escape(text) == escaped


# -- HTML -----------------------------------------------------------------------------------


class Attributes(HTMLParser):
    """Every tag and attribute of a document, to check what could load or link anything."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str, str]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += [(tag, name, value or "") for name, value in attrs]


def test_the_html_report_is_one_self_contained_file(draft: Assessment) -> None:
    html = assessment_report.html(draft).decode()
    parsed = Attributes(html)
    assert {"link", "script", "img", "iframe", "object"}.isdisjoint(parsed.tags)
    assert not [a for a in parsed.attrs if a[1] in ("src", "srcset", "style", "action")]
    assert "url(" not in html and "@import" not in html
    assert "<svg" in html  # charts are inline


def test_links_in_the_html_are_internal_or_plain_web_addresses(draft: Assessment) -> None:
    hrefs = [value for _, name, value in Attributes(assessment_report.html(draft).decode()).attrs
             if name == "href"]  # fmt: skip
    assert hrefs
    assert all(h.startswith(("#", "https://")) for h in hrefs), hrefs
    assert "https://example.org/code?a=1&b=2" in hrefs  # the one evidence URL that is a web link


def test_hostile_text_is_shown_escaped_in_the_html(draft: Assessment) -> None:
    html = assessment_report.html(draft).decode()
    assert "&lt;img src=&#34;file:///etc/passwd&#34;&gt;" in html
    assert "&lt;script&gt;alert(&#39;evidence&#39;)&lt;/script&gt;" in html
    assert "<img" not in html and "<script" not in html
    # A URL that is not a web address is text, never a link.
    assert '<span class="url">javascript:alert(1)</span>' in html
    assert '<meta name="author" content="&lt;b&gt;Eve&lt;/b&gt; | *Mallory*">' in html


def test_the_html_report_has_the_content_of_the_pdf(final: Assessment) -> None:
    html = assessment_report.html(final).decode()
    assert "<title>National Cyber Review of Aurelia, 2026</title>" in html
    for text in ("Aurelia", "82.7", "Law", "Technical", "Forensics", "Strength", "Not applicable"):
        assert text in html
    assert 'class="watermark"' not in html  # a final report carries no DRAFT mark


def test_a_draft_html_report_carries_its_marks(draft: Assessment) -> None:
    html = assessment_report.html(draft).decode()
    assert '<div class="watermark" aria-hidden="true">DRAFT</div>' in html
    assert '<div class="run run-mark-top marking">RESTRICTED</div>' in html


def test_html_and_markdown_reports_never_load_weasyprint() -> None:
    # WeasyPrint takes half a second to import; only a PDF should pay for it.
    code = "import sys, ncr.outputs.reports.assessment_report, ncr.outputs.reports.assessment_report; print('weasyprint' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


# -- Markdown -------------------------------------------------------------------------------


def test_markdown_has_the_pillar_table(final: Assessment) -> None:
    md = assessment_report.md(final).decode()
    assert "| Pillar | Score | Level | Ref. | Delta | Status | Coverage |" in md
    assert "| Law (law) | 77.2 | 4 Strategic | 70.0 | +7.2 | Strength | 100% |" in md
    assert "| Statistics (tech.stats) | — | — | 60.0 | — | Not applicable | — |" in md
    assert "**82.7**" in md


def test_markdown_of_a_draft_lists_weaknesses_gaps_and_recommendations(draft: Assessment) -> None:
    md = assessment_report.md(draft).decode()
    assert md.startswith("**RESTRICTED**\n\n**DRAFT — not for circulation**\n\n# ")
    assert "- **Critical gap:** No national CSIRT. (rule no-csirt)" in md
    assert "1. **No national CSIRT.** — critical gap" in md
    assert "### 2. Offences" in md and "**28.1** points at stake" in md
    assert "- **L4** How many judges are trained? (Procedural powers)" in md  # missing answer


def test_hostile_text_stays_literal_in_markdown(draft: Assessment) -> None:
    md = assessment_report.md(draft).decode()
    assert not re.search(r"(?<!\\)<(img|script|link|b>)", md)  # every < is backslash-escaped
    assert r'\<img src="file:///etc/passwd"\>' in md
    # The note's lines are joined, so nothing in it can open a heading or a list.
    assert r"Note: \# Not a heading - not a list \| not a cell \[not\](a-link) \*\*not bold" in md


# -- PDF ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def final_pdf(final: Assessment) -> bytes:
    from ncr.outputs.reports import pdf_writer as pdf

    return pdf.assessment(final)


@pytest.fixture(scope="module")
def draft_pdf(draft: Assessment) -> bytes:
    from ncr.outputs.reports import pdf_writer as pdf

    return pdf.assessment(draft)


def pages(data: bytes) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(BytesIO(data)).pages]


@pytest.mark.slow
def test_the_pdf_shows_the_country_scores_and_every_pillar(
    final: Assessment, final_pdf: bytes
) -> None:
    text = "\n".join(pages(final_pdf))
    assert "Aurelia" in pages(final_pdf)[0]
    assert "82.7" in pages(final_pdf)[0]  # the overall score, on the cover
    for pillar in final.pillars:
        assert pillar.title in text
    for indicator in final.strengths():
        assert indicator.title in text
    assert "DRAFT" not in text and "RESTRICTED" not in text


@pytest.mark.slow
def test_every_page_is_numbered_page_x_of_y(final_pdf: bytes) -> None:
    texts = pages(final_pdf)
    for number_, text in enumerate(texts, start=1):
        assert f"Page {number_} of {len(texts)}" in text


@pytest.mark.slow
def test_the_contents_give_the_page_of_every_section(final_pdf: bytes) -> None:
    texts = pages(final_pdf)
    summary_page = next(i for i, t in enumerate(texts, 1) if "1 Executive summary\n" in t)
    assert re.search(rf"Executive summary[ .]+{summary_page}\n", texts[1])
    assert re.search(r"Provenance[ .]+\d+", texts[1])


@pytest.mark.slow
def test_a_draft_pdf_is_marked_draft_and_classified_on_every_page(
    draft: Assessment, draft_pdf: bytes
) -> None:
    texts = pages(draft_pdf)
    assert all("DRAFT" in text for text in texts)
    assert all(text.count("RESTRICTED") >= 2 for text in texts)  # header and footer
    joined = "\n".join(texts)
    for indicator in draft.weaknesses():
        assert indicator.title in joined
    for recommendation in draft.recommendations:
        assert squeeze(recommendation.title) in squeeze(joined)
    assert "No national CSIRT." in joined  # the critical gap


@pytest.mark.slow
def test_hostile_text_is_printed_literally_in_the_pdf(draft_pdf: bytes) -> None:
    joined = squeeze("\n".join(pages(draft_pdf)))
    assert squeeze(IMG_NOTE) in joined
    assert squeeze("<script>alert('evidence')</script>") in joined
    assert squeeze("<b>Eve</b> | *Mallory*") in joined


@pytest.mark.slow
def test_the_same_inputs_give_the_same_bytes(draft: Assessment, draft_pdf: bytes) -> None:
    from ncr.outputs.reports import pdf_writer as pdf

    assert pdf.assessment(draft) == draft_pdf


@pytest.mark.slow
def test_the_pdf_carries_metadata_and_bookmarks(draft_pdf: bytes) -> None:
    from pypdf import PdfReader

    reader = PdfReader(BytesIO(draft_pdf))
    info = reader.metadata
    assert info is not None
    assert info.title == "National Cyber Review of Borduria, 2026"
    assert info.author == "A. Reviewer, <b>Eve</b> | *Mallory*"
    assert str(info["/CreationDate"]).startswith("D:20260314")  # the review date, not the clock
    top = [item.title for item in reader.outline if not isinstance(item, list)]
    assert top[:3] == ["1 Executive summary", "2 Law", "3 Technical"]
    assert "Annex D Provenance" in top


def spy_fetcher() -> tuple[Any, list[str]]:
    """Our fetcher, recording every URL WeasyPrint asks it for."""
    from ncr.outputs.reports.asset_fetcher import AssetFetcher

    asked: list[str] = []

    class Spy(AssetFetcher):
        def fetch(self, url: str, headers: Any = None) -> Any:
            asked.append(url)
            return super().fetch(url, headers)

    return Spy(), asked


@pytest.mark.slow
def test_rendering_asks_only_for_our_own_fonts(draft: Assessment) -> None:
    from ncr.outputs.reports import pdf_writer as pdf

    fetcher, asked = spy_fetcher()
    html = assessment_report.assessment_html(draft, embed_fonts=True)
    assert IMG_NOTE not in html
    pdf.write_pdf(html, draft.review.date, fetcher)
    assert asked and set(asked) <= FONT_URLS
    assert not [url for url in asked if "passwd" in url]


@pytest.mark.slow
def test_rendering_is_clean_and_leaves_the_environment_as_it_was(
    final: Assessment, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ncr.outputs.reports import pdf_writer as pdf

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1234")
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        pdf.assessment(final)
    assert os.environ["SOURCE_DATE_EPOCH"] == "1234"
    complaints = [r.getMessage() for r in caplog.records if "HarfBuzz-Subset" not in r.getMessage()]
    assert complaints == []  # no unknown CSS, no refused or missing resource


# -- the fetcher ----------------------------------------------------------------------------


@pytest.fixture
def fetcher() -> Any:
    from ncr.outputs.reports.asset_fetcher import AssetFetcher

    return AssetFetcher()


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://example.org/font.ttf",
        "https://example.org/font.ttf",
        "data:font/ttf;base64,AAAA",
        "fonts/DejaVuSans.ttf",
        "ncr-asset:../pyproject.toml",
        "ncr-asset:fonts/../../pyproject.toml",
        "ncr-asset:/etc/passwd",
        "ncr-asset:fonts",
        "ncr-asset:fonts/missing.ttf",
        "ncr-asset:assessment.html",
        "ncr-asset:.hidden.css",
        "NCR-ASSET:fonts/DejaVuSans.ttf",
    ],
)
def test_the_fetcher_refuses_everything_but_our_assets(fetcher: Any, url: str) -> None:
    from ncr.outputs.reports.asset_fetcher import RefusedURL

    with pytest.raises(RefusedURL):
        fetcher.fetch(url)


def test_the_fetcher_serves_our_fonts(fetcher: Any) -> None:
    for url in sorted(FONT_URLS):
        response = fetcher.fetch(url)
        name = url.removeprefix("ncr-asset:")
        assert response.read() == (template_dir() / name).read_bytes()
        assert response.content_type == "font/ttf"


def test_the_fetcher_does_not_follow_links_out_of_its_folder(tmp_path: Path) -> None:
    from ncr.outputs.reports.asset_fetcher import AssetFetcher, RefusedURL

    (tmp_path / "outside.css").write_text("secret")
    root = tmp_path / "templates"
    root.mkdir()
    (root / "inside.css").symlink_to(tmp_path / "outside.css")
    with pytest.raises(RefusedURL):
        AssetFetcher(root).fetch("ncr-asset:inside.css")
