"""Report profiles as reviewers write them, and every logo a report must refuse to embed."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from PIL import Image

from conftest import FIXTURES
from ncr.documents.profile import MAX_LOGO_BYTES
from ncr.loader.report_profile import load_profile
from ncr.problems import InputError

PROFILE = FIXTURES / "profile"


def test_the_profile_and_its_logo_are_read_once_and_checked() -> None:
    loaded = load_profile(PROFILE / "profile.yaml")
    assert loaded.profile.issuing_body == "Directorate of Cyber Capacity Reviews"
    assert loaded.profile.distribution == [
        "Ministry of the Interior, Borealis",
        "National CSIRT of Borealis",
    ]
    assert loaded.logo is not None and loaded.logo.media_type == "image/png"
    assert loaded.logo.data == (PROFILE / "logo.png").read_bytes()
    assert len(loaded.sha256) == len(loaded.logo.sha256) == 64


def write_profile(folder: Path, logo: str, data: bytes | None = None) -> Path:
    """A profile in `folder` whose logo line is line 2."""
    if data is not None:
        (folder / logo).write_bytes(data)
    path = folder / "profile.yaml"
    path.write_text(f"issuing_body: Review Unit\nlogo: {logo}\n", encoding="utf-8")
    return path


def refusal(path: Path) -> str:
    with pytest.raises(InputError) as caught:
        load_profile(path)
    [problem] = caught.value.problems
    assert (problem.file, problem.line, problem.column) == (str(path), 2, 7)  # at `logo:`'s value
    return problem.message


def png(width: int, height: int) -> bytes:
    out = io.BytesIO()
    Image.new("1", (width, height)).save(out, format="PNG", optimize=True)
    return out.getvalue()


def test_a_file_that_is_not_a_png_is_refused_at_the_logo_line(tmp_path: Path) -> None:
    message = refusal(write_profile(tmp_path, "logo.png", b"GIF89a pretending"))
    assert "not a PNG image" in message


def test_a_png_that_does_not_decode_is_refused(tmp_path: Path) -> None:
    broken = png(20, 20)[:40]  # the signature and a cut header
    assert "not a readable PNG image" in refusal(write_profile(tmp_path, "logo.png", broken))


def test_a_logo_over_the_size_cap_is_refused_before_it_is_decoded(tmp_path: Path) -> None:
    big = png(10, 10) + b"\0" * MAX_LOGO_BYTES
    assert "over 512 KiB" in refusal(write_profile(tmp_path, "logo.png", big))


def test_a_small_file_of_too_many_pixels_is_refused(tmp_path: Path) -> None:
    bomb = png(5000, 5000)  # one bit a pixel compresses to a few KB
    assert len(bomb) < MAX_LOGO_BYTES
    assert "too large for a logo" in refusal(write_profile(tmp_path, "logo.png", bomb))


@pytest.mark.parametrize(
    ("svg", "said"),
    [
        ('<image href="file:///etc/passwd" width="9" height="9"/>', "external resource"),
        ('<image xlink:href="https://example.org/x.png"/>', "external resource"),
        ("<script>alert(1)</script>", "may not contain <script>"),
        ('<rect width="9" height="9" onload="alert(1)"/>', "carries a script"),
        ('<rect style="fill: url(https://example.org/p)"/>', "external resource"),
        ("<style>@import url(x.css);</style>", "external resource"),
        ("<foreignObject><p>x</p></foreignObject>", "may not contain <foreignObject>"),
    ],
)
def test_an_svg_logo_that_reaches_outside_itself_is_refused(
    tmp_path: Path, svg: str, said: str
) -> None:
    data = (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
        f"{svg}</svg>"
    ).encode()
    assert said in refusal(write_profile(tmp_path, "logo.svg", data))


def test_an_svg_with_entities_or_not_svg_is_refused(tmp_path: Path) -> None:
    laughs = b'<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>'
    assert "not a well-formed SVG file" in refusal(write_profile(tmp_path, "logo.svg", laughs))
    html = b"<html><body>x</body></html>"
    assert "not an SVG image" in refusal(write_profile(tmp_path, "logo.svg", html))


def test_a_plain_svg_logo_with_internal_references_is_accepted(tmp_path: Path) -> None:
    shutil.copy(PROFILE / "logo.svg", tmp_path / "logo.svg")
    data = (
        b'<svg xmlns="http://www.w3.org/2000/svg"><defs><linearGradient id="g"/></defs>'
        b'<rect width="9" height="9" fill="url(#g)"/><use href="#g"/></svg>'
    )
    loaded = load_profile(write_profile(tmp_path, "logo.svg", data))
    assert loaded.logo is not None and loaded.logo.media_type == "image/svg+xml"


@pytest.mark.parametrize("where", ["/etc/logo.png", "C:/logo.png", "https://example.org/l.png"])
def test_a_logo_outside_the_profile_folder_by_absolute_path_or_url_is_refused(
    tmp_path: Path, where: str
) -> None:
    message = refusal(write_profile(tmp_path, where))
    assert "relative to the profile's folder" in message


def test_a_missing_logo_and_unknown_keys_are_located(tmp_path: Path) -> None:
    assert "cannot read" in refusal(write_profile(tmp_path, "gone.png"))
    path = tmp_path / "typo.yaml"
    path.write_text("issuing_body: Unit\ndisclaimr: x\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_profile(path)
    assert [(p.line, "disclaimr" in p.message) for p in caught.value.problems] == [(2, True)]
