"""The fetcher WeasyPrint renders through: our own fonts and nothing else, from anywhere."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from ncr.shipped import template_dir

FONT_URLS = set(re.findall(r'url\("([^"]+)"\)', (template_dir() / "fonts.css").read_text()))


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
