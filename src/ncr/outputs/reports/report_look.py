"""How a report looks beyond its data: the reviewers' own template folders and report profile.

Passed from the command line to every renderer; it holds only checked, picklable data (paths and
bytes already read), so batch workers in other processes get the same look.
"""

from __future__ import annotations

import base64
import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ncr.documents.languages import Language, direction
from ncr.documents.profile import Logo, LogoType, ReportProfile
from ncr.outputs.interface_text import active_language
from ncr.shipped import template_dir


@dataclass(frozen=True)
class ReportLook:
    templates: tuple[Path, ...] = ()  # searched before the built-in templates, by file name
    profile: ReportProfile | None = None
    word: bool = False  # rendered for the Word report: its reference document is a template too
    # the language the report is written in (DESIGN §12); None: the interface's, as --lang set it
    lang: Language | None = None

    def for_word(self) -> ReportLook:
        return dataclasses.replace(self, word=True)

    def in_language(self, lang: Language) -> ReportLook:
        return dataclasses.replace(self, lang=lang)

    @property
    def language(self) -> Language:
        return self.lang or active_language()

    @property
    def direction(self) -> str:
        """ "rtl" for a language written right to left: the layout and the charts mirror."""
        return direction(self.language)


PLAIN = ReportLook()
REFERENCE_DOCX = "reference.docx"


def reference_docx(folders: Sequence[Path]) -> Path | None:
    """The reviewers' Word reference document (its styles and page set-up), if they have one."""
    for folder in [*folders, template_dir()]:
        if (folder / REFERENCE_DOCX).is_file():
            return folder / REFERENCE_DOCX
    return None


_DATA_URL = re.compile(r"data:(image/png|image/svg\+xml);base64,([A-Za-z0-9+/=]+)")


def logo_data_url(logo: Logo) -> str:
    """The checked logo as a data URL: the HTML report stays one self-contained file, and base64
    text can never break out of the `src` attribute it goes into."""
    return f"data:{logo.media_type};base64,{base64.b64encode(logo.data).decode('ascii')}"


def logo_from_data_url(url: str) -> tuple[LogoType, bytes] | None:
    """The media type and bytes of a logo data URL, or None for anything else."""
    found = _DATA_URL.fullmatch(url)
    if found is None:
        return None
    kind: LogoType = "image/png" if found.group(1) == "image/png" else "image/svg+xml"
    return kind, base64.b64decode(found.group(2))
