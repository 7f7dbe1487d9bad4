"""A report's look: the profile's logo travels as a data URL, the reviewers' template folders come
first, and the PDF fetcher still reads nothing but template-folder assets and that one logo."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from conftest import FIXTURES
from ncr.loader.report_profile import load_profile
from ncr.outputs.reports.report_look import (
    ReportLook,
    logo_data_url,
    logo_from_data_url,
    reference_docx,
)

PROFILE = FIXTURES / "profile" / "profile.yaml"


def test_the_logo_goes_into_the_report_as_a_data_url_and_back() -> None:
    logo = load_profile(PROFILE).logo
    assert logo is not None
    url = logo_data_url(logo)
    assert url.startswith("data:image/png;base64,") and '"' not in url and " " not in url
    assert logo_from_data_url(url) == ("image/png", logo.data)


@pytest.mark.parametrize(
    "url",
    ["data:text/html;base64,PGI+", "file:///etc/passwd", "data:image/png;base64,a b", "logo.png"],
)
def test_nothing_else_is_taken_for_a_logo(url: str) -> None:
    assert logo_from_data_url(url) is None


def test_a_reference_document_is_found_in_the_reviewers_folders_first(tmp_path: Path) -> None:
    assert reference_docx([tmp_path]) is None  # ncr ships none: python-docx's own is used
    (tmp_path / "reference.docx").write_bytes(b"PK")
    assert reference_docx([tmp_path]) == tmp_path / "reference.docx"


def test_the_pdf_fetcher_serves_the_reviewers_assets_and_the_logo_only(tmp_path: Path) -> None:
    from ncr.outputs.reports.asset_fetcher import AssetFetcher, RefusedURL

    (tmp_path / "report.css").write_text("body { color: red }", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("no", encoding="utf-8")
    look = ReportLook(templates=(tmp_path,), profile=load_profile(PROFILE))
    fetcher = AssetFetcher.for_look(look)
    assert fetcher.fetch("ncr-asset:report.css").read() == b"body { color: red }"
    assert fetcher.locate("ncr-asset:fonts/DejaVuSans.ttf").name == "DejaVuSans.ttf"  # ours
    assert look.profile is not None and look.profile.logo is not None
    logo = look.profile.logo
    assert fetcher.fetch(logo_data_url(logo)).read() == logo.data
    other = "data:image/png;base64," + base64.b64encode(b"\x89PNG other").decode()
    for url in ("ncr-asset:secret.txt", "ncr-asset:../x.css", other, "file:///etc/passwd"):
        with pytest.raises(RefusedURL):
            fetcher.fetch(url)


def test_a_report_is_in_the_interface_language_unless_told() -> None:
    from ncr.outputs.interface_text import speaking

    assert (ReportLook().language, ReportLook().direction) == ("en", "ltr")
    with speaking("ar"):  # as --lang ar sets it for the whole run
        assert (ReportLook().language, ReportLook().direction) == ("ar", "rtl")
    arabic = ReportLook().in_language("ar")
    assert (arabic.language, arabic.direction) == ("ar", "rtl")
    assert ReportLook().in_language("fr").direction == "ltr"
