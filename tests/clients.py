"""The real programs our users open ncr's files with, found on this machine or reported missing.

A test that needs one calls `client("pdftoppm")`: on a developer's machine without it the test is
skipped with the command that installs it; in CI (NCR_REQUIRE_CLIENTS=1, set by .ci/run) it fails.
"""

from __future__ import annotations

import os
import shutil

import pytest

PACKAGES = {
    "pdftoppm": "poppler-utils",
    "pdftotext": "poppler-utils",
    "pdfimages": "poppler-utils",
    "pdffonts": "poppler-utils",
    "chromium": "chromium",
    "soffice": "libreoffice-calc-nogui libreoffice-writer-nogui",
}


def client(name: str) -> str:
    """The path of the program `name`, or skip (fail in CI) saying how to install it."""
    found = shutil.which(name)
    if found:
        return found
    message = f"{name} is not installed: apt-get install {PACKAGES.get(name, name)}"
    if os.environ.get("NCR_REQUIRE_CLIENTS") == "1":
        pytest.fail(message)
    pytest.skip(message)
