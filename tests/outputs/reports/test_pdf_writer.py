"""Assessment reports as PDF: numbered pages, contents, marks, metadata, hostile text printed literally."""

from __future__ import annotations

import logging
import os
import re
from io import BytesIO
from typing import Any

import pytest

from ncr.engine import Assessment
from ncr.outputs.reports import assessment_report
from ncr.shipped import template_dir

IMG_NOTE = '<img src="file:///etc/passwd">'


FONT_URLS = set(re.findall(r'url\("([^"]+)"\)', (template_dir() / "fonts.css").read_text()))


def squeeze(text: str) -> str:
    """Text without whitespace: PDF extraction breaks lines wherever the layout did."""
    return "".join(text.split())


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
    assert top[:4] == [
        "1 Executive summary",
        "2 Context and method of this review",
        "3 Law",
        "4 Technical",
    ]
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


# -- fonts and right to left (DESIGN §12) ------------------------------------------------------


def pdf_fonts(data: bytes, tmp_path: Any) -> dict[str, str]:
    """pdffonts: each font's name (subset tag removed) and whether it is embedded."""
    import subprocess

    from clients import client

    path = tmp_path / "report.pdf"
    path.write_bytes(data)
    done = subprocess.run(
        [client("pdffonts"), str(path)], capture_output=True, text=True, check=True
    )
    rows = [line.split() for line in done.stdout.splitlines()[2:] if line.strip()]
    return {row[0].split("+")[-1]: row[-5] for row in rows}


def pdf_text(data: bytes, tmp_path: Any) -> str:
    import subprocess

    from clients import client

    path = tmp_path / "text.pdf"
    path.write_bytes(data)
    done = subprocess.run(
        [client("pdftotext"), str(path), "-"], capture_output=True, text=True, check=True
    )
    # pdftotext brackets each right-to-left run in embedding marks (U+202B ... U+202C)
    return re.sub("[\u202a-\u202e\u2066-\u2069]", "", done.stdout)


@pytest.mark.slow
def test_the_arabic_pdf_embeds_its_arabic_font_and_has_arabic_text(
    arabic: Assessment, tmp_path: Any
) -> None:
    from arabic import ARABIC_LETTERS
    from ncr.outputs.reports import pdf_writer as pdf
    from ncr.outputs.reports.report_look import PLAIN

    data = pdf.assessment(arabic, PLAIN.in_language("ar"))
    fonts = pdf_fonts(data, tmp_path)
    # "NCR Arabic" is Noto Naskh Arabic, "NCR Sans" Noto Sans (templates/fonts.css): both embedded.
    assert fonts.get("NCR-Arabic") == "yes" and fonts.get("NCR-Arabic-Bold") == "yes"
    assert fonts.get("NCR-Sans") == "yes"
    text = pdf_text(data, tmp_path)
    assert len(ARABIC_LETTERS & set(text)) > 20
    # The reviewers' first key message comes out in the order it was written (logical order).
    first = arabic.findings.summary[0] if arabic.findings and arabic.findings.summary else ""
    assert " ".join(first.split()[:4]) in " ".join(text.split())


@pytest.mark.slow
def test_an_english_pdf_is_set_in_noto_sans_only(final_pdf: bytes, tmp_path: Any) -> None:
    fonts = pdf_fonts(final_pdf, tmp_path)
    assert set(fonts) <= {"NCR-Sans", "NCR-Sans-Bold", "NCR-Sans-Italic", "NCR-Symbols"}
    assert fonts["NCR-Sans"] == "yes" and all(emb == "yes" for emb in fonts.values())
