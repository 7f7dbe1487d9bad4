"""The only way WeasyPrint may read anything: our own fonts and stylesheets, nothing else.

WeasyPrint's default fetcher opens any URL, so a `file:` or `http:` reference slipped into a report
would read local files or reach the network (PITFALLS.md). Templates name their assets with the
private `ncr-asset:` scheme; every other URL — `file:`, `http(s):`, `data:`, relative — is refused.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from weasyprint.urls import URLFetcher, URLFetcherResponse

from ncr.shipped import template_dir

SCHEME = "ncr-asset:"
CONTENT_TYPES = {".ttf": "font/ttf", ".css": "text/css"}
# A path below the template folder, in plain segments: no "..", no empty or hidden segment.
_ASSET_PATH = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*")


class RefusedURL(ValueError):
    """A URL outside the report's own assets."""


class AssetFetcher(URLFetcher):  # type: ignore[misc]  # weasyprint ships no type hints
    """Serves `ncr-asset:PATH` from the template folder (or `root`) and refuses any other URL."""

    def __init__(self, root: Path | None = None) -> None:
        # No protocol at all is allowed through urllib: `fetch` below never calls it.
        super().__init__(allowed_protocols=())
        self.root = (root or template_dir()).resolve()

    def locate(self, url: str) -> Path:
        """The asset file a URL names, or RefusedURL."""
        name = url.removeprefix(SCHEME)
        if name == url or not _ASSET_PATH.fullmatch(name):
            raise RefusedURL(f"refused to fetch {url!r}: reports read only their own assets")
        path = (self.root / name).resolve()
        if not path.is_relative_to(self.root) or path.suffix not in CONTENT_TYPES:
            raise RefusedURL(f"refused to fetch {url!r}: not a report asset")
        if not path.is_file():
            raise RefusedURL(f"refused to fetch {url!r}: no such asset")
        return path

    def fetch(self, url: str, headers: Mapping[str, str] | None = None) -> URLFetcherResponse:
        # WeasyPrint logs a refusal and renders on without the resource.
        path = self.locate(url)
        return URLFetcherResponse(
            url, body=path.read_bytes(), headers={"Content-Type": CONTENT_TYPES[path.suffix]}
        )
