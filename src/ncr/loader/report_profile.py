"""Reading a report profile (`--profile FILE`) and checking its logo before any report embeds it.

The logo is the one file a report reads besides its own templates and fonts, so it is checked
here, once: a relative path beside the profile, at most MAX_LOGO_BYTES, and either a PNG that
decodes within MAX_LOGO_PIXELS or an SVG (parsed with defusedxml) that references nothing outside
itself and carries no script. Every refusal is located at the profile's `logo:` line.
"""

from __future__ import annotations

import hashlib
import io
import re
import warnings
from pathlib import Path, PurePosixPath, PureWindowsPath

from ncr.documents.profile import (
    MAX_LOGO_BYTES,
    MAX_LOGO_PIXELS,
    Logo,
    LogoType,
    Profile,
    ReportProfile,
)
from ncr.loader.document_reading import read_document
from ncr.problems import InputError
from ncr.shipped import display_path

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
SVG_NS = "{http://www.w3.org/2000/svg}"
# What would make an SVG logo run code or reach outside itself when a renderer draws it.
SVG_FORBIDDEN_TAGS = {"script", "foreignobject", "iframe", "object", "embed", "audio", "video"}
_EXTERNAL_URL = re.compile(r"url\(\s*['\"]?(?!#)", re.IGNORECASE)


class LogoRefused(ValueError):
    """Why a logo file cannot be embedded, in words for the reviewer."""


def load_profile(path: Path) -> ReportProfile:
    """The profile with its logo read and checked, or InputError with every problem located."""
    loaded = read_document(path, Profile)
    if loaded.problems:
        raise InputError(loaded.problems)
    logo = None
    if loaded.model.logo is not None:
        try:
            logo = read_logo(path.parent, loaded.model.logo)
        except LogoRefused as err:
            message = f"logo '{loaded.model.logo}': {err}"
            raise InputError([loaded.doc.problem(("logo",), message)]) from None
    return ReportProfile(loaded.model, display_path(path), loaded.sha256, logo)


def read_logo(folder: Path, name: str) -> Logo:
    if PurePosixPath(name).is_absolute() or PureWindowsPath(name).is_absolute() or ":" in name:
        raise LogoRefused(
            "give a path relative to the profile's folder, not an absolute path or URL"
        )
    path = folder / name
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_LOGO_BYTES + 1)
    except OSError as err:
        raise LogoRefused(f"cannot read {path}: {err.strerror}") from None
    if len(data) > MAX_LOGO_BYTES:
        raise LogoRefused(f"the file is over {MAX_LOGO_BYTES // 1024} KiB; use a smaller image")
    kind: LogoType = "image/png" if name.lower().endswith(".png") else "image/svg+xml"
    if kind == "image/png":
        check_png(data)
    else:
        check_svg(data)
    return Logo(kind, data, name, hashlib.sha256(data).hexdigest())


def check_png(data: bytes) -> None:
    """A real PNG: its signature, then a full decode within the pixel cap."""
    if not data.startswith(PNG_SIGNATURE):
        raise LogoRefused("not a PNG image (the file does not start with the PNG signature)")
    from PIL import Image  # Pillow comes with WeasyPrint; loaded only when a profile has a logo

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=["PNG"]) as image:
                width, height = image.size
                if width * height > MAX_LOGO_PIXELS:
                    raise LogoRefused(f"{width}×{height} pixels is too large for a logo")
                image.load()
    except LogoRefused:
        raise
    except (OSError, SyntaxError, ValueError, EOFError, Image.DecompressionBombWarning) as err:
        raise LogoRefused(f"not a readable PNG image ({err})") from None


def check_svg(data: bytes) -> None:
    """An SVG that draws only itself: no DTD or entities, no script, no external reference."""
    import defusedxml.ElementTree as safe_xml  # only when a profile has an SVG logo

    try:
        root = safe_xml.fromstring(data, forbid_dtd=True)
    except (ValueError, SyntaxError) as err:  # defusedxml's refusals; ParseError
        raise LogoRefused(f"not a well-formed SVG file ({type(err).__name__}: {err})") from None
    if root.tag != f"{SVG_NS}svg":
        raise LogoRefused("not an SVG image (its root element is not <svg> in the SVG namespace)")
    for element in root.iter():
        tag = str(element.tag).rsplit("}", 1)[-1]
        if tag.lower() in SVG_FORBIDDEN_TAGS:
            raise LogoRefused(f"an SVG logo may not contain <{tag}>")
        if tag == "style" and (
            _EXTERNAL_URL.search(element.text or "") or "@import" in (element.text or "")
        ):
            raise LogoRefused("its <style> references an external resource")
        for key, value in element.attrib.items():
            attribute = key.rsplit("}", 1)[-1].lower()
            if attribute == "href" and not value.strip().startswith("#"):
                raise LogoRefused(f"<{tag}> references an external resource ({value[:80]})")
            if attribute.startswith("on"):
                raise LogoRefused(f"<{tag}> carries a script ({attribute})")
            if _EXTERNAL_URL.search(value):
                raise LogoRefused(f"<{tag}> references an external resource ({value[:80]})")
