"""The shipped documents: where they are, how reports name them, and that they are never written."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import EXAMPLES, REPO
from ncr.shipped import builtin_root, display_path, is_builtin


def test_shipped_documents_and_templates_are_built_in() -> None:
    root = builtin_root()
    assert is_builtin(root / "questionnaires" / "ncr-core-2026.yaml")
    assert is_builtin(root / "frameworks" / "ncr-core" / "benchmarks" / "new.yaml")  # not yet there
    assert is_builtin(root / "templates" / "base.html")


def test_other_files_are_not(tmp_path: Path) -> None:
    assert not is_builtin(tmp_path / "questionnaires" / "x.yaml")
    assert not is_builtin(REPO / "examples" / "xa-2026.yaml")  # in the checkout, but not shipped


def test_reports_name_built_ins_the_same_on_every_machine(tmp_path: Path) -> None:
    path = builtin_root() / "questionnaires" / "ncr-core-2026.yaml"
    assert display_path(path) == "built-in:questionnaires/ncr-core-2026.yaml"


def test_other_files_are_named_relative_to_the_working_directory(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(REPO)
    assert display_path(EXAMPLES / "xb-2026.yaml") == "examples/xb-2026.yaml"
    monkeypatch.chdir(EXAMPLES)
    assert display_path(EXAMPLES / "xb-2026.yaml") == "xb-2026.yaml"
    monkeypatch.chdir(tmp_path)
    shown = display_path(EXAMPLES / "xb-2026.yaml")
    assert not shown.startswith("/") and shown.endswith("examples/xb-2026.yaml")
