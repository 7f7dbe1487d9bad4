"""The only way WeasyPrint may read anything: our own fonts and stylesheets, nothing else.

WeasyPrint's default fetcher opens any URL, so a `file:` or `http:` reference slipped into a report
would read local files or reach the network (PITFALLS.md). Templates name their assets with the
private `ncr-asset:` scheme; every other URL — `file:`, `http(s):`, `data:`, relative — is refused.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ncr.outputs.reports.native_libraries import imported
from ncr.outputs.reports.report_look import ReportLook, logo_data_url, logo_from_data_url
from ncr.shipped import template_dir

if TYPE_CHECKING:
    from weasyprint.urls import URLFetcherResponse

_urls = imported("weasyprint.urls")  # its C libraries opened by soname: see native_libraries
_URLFetcher: Any = _urls.URLFetcher

SCHEME = "ncr-asset:"
CONTENT_TYPES = {".ttf": "font/ttf", ".css": "text/css"}
# A path below the template folder, in plain segments: no "..", no empty or hidden segment.
_ASSET_PATH = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*")


class RefusedURL(ValueError):
    """A URL outside the report's own assets."""


class AssetFetcher(_URLFetcher):  # type: ignore[misc]  # weasyprint ships no type hints
    """Serves `ncr-asset:PATH` from the reviewers' template folders, then ours (or `root`), and
    the report profile's logo, already checked and held in memory, at its own data URL only.
    Every other URL is refused."""

    def __init__(
        self, root: Path | None = None, *, folders: Sequence[Path] = (), logo_url: str | None = None
    ) -> None:
        # No protocol at all is allowed through urllib: `fetch` below never calls it.
        super().__init__(allowed_protocols=())
        self.roots = [p.resolve() for p in (*folders, root or template_dir())]
        self.logo_url = logo_url

    @classmethod
    def for_look(cls, look: ReportLook) -> AssetFetcher:
        profile = look.profile
        logo = logo_data_url(profile.logo) if profile and profile.logo else None
        return cls(folders=look.templates, logo_url=logo)

    def locate(self, url: str) -> Path:
        """The asset file a URL names, or RefusedURL."""
        name = url.removeprefix(SCHEME)
        if name == url or not _ASSET_PATH.fullmatch(name):
            raise RefusedURL(f"refused to fetch {url!r}: reports read only their own assets")
        for root in self.roots:
            path = (root / name).resolve()
            if not path.is_relative_to(root) or path.suffix not in CONTENT_TYPES:
                raise RefusedURL(f"refused to fetch {url!r}: not a report asset")
            if path.is_file():
                return path
        raise RefusedURL(f"refused to fetch {url!r}: no such asset")

    def fetch(self, url: str, headers: Mapping[str, str] | None = None) -> URLFetcherResponse:
        # WeasyPrint logs a refusal and renders on without the resource.
        if self.logo_url is not None and url == self.logo_url:
            found = logo_from_data_url(url)
            assert found is not None  # we wrote this URL from the checked logo
            media, data = found
            return _urls.URLFetcherResponse(url, body=data, headers={"Content-Type": media})
        path = self.locate(url)
        return _urls.URLFetcherResponse(
            url, body=path.read_bytes(), headers={"Content-Type": CONTENT_TYPES[path.suffix]}
        )
