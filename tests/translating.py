"""The translation fixtures (tests/fixtures/translations/): a tiny framework with a complete French
translation, its questionnaire with a French one holding one stale entry (Q2), one missing (Q3) and
one unknown id (Q9), and an untranslated local questionnaire."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import FIXTURES
from ncr.loader.loading import Loader
from ncr.loader.search_path import Catalog

TR = FIXTURES / "translations"
TINY_FW = TR / "frameworks" / "tiny" / "framework.yaml"
TINY_FW_FR = TR / "frameworks" / "tiny" / "framework.fr.yaml"
TINY_Q = TR / "questionnaires" / "tiny-2026.yaml"
TINY_Q_FR = TR / "questionnaires" / "tiny-2026.fr.yaml"
LOCAL_Q = TR / "questionnaires" / "local-2026.yaml"
TINY_RESPONSE = TR / "tiny-response.yaml"
LOCAL_RESPONSE = TR / "local-response.yaml"


def loader(lang: str = "en", root: Path = TR) -> Loader:
    return Loader(Catalog.create([root], env={}), lang=lang, parse_cache=None)


def library_copy(tmp_path: Path) -> Path:
    """A copy of the fixtures to edit."""
    return Path(shutil.copytree(TR, tmp_path / "translations"))
