"""The one ending of every command: a report file, JSON on stdout, or the terminal view."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from assessing import MINI_A, assess_file
from ncr.outputs.emit import emit


def no_view(result: Any, console: Console) -> None:
    raise AssertionError("the terminal view is not drawn for JSON or a file")


def test_json_goes_to_stdout_whole_and_unwrapped(capsys: pytest.CaptureFixture[str]) -> None:
    result = assess_file(MINI_A)
    err = Console(stderr=True, width=40)
    emit("assessment", result, output=None, fmt="json", show=no_view, summary="", err=err)
    out = capsys.readouterr()
    # a narrow console would wrap long texts if the JSON went through rich; it is written as is
    assert json.loads(out.out) == result.model_dump(mode="json")
    assert out.out.endswith("}\n") and out.err == ""


def test_a_report_file_is_written_and_named_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = assess_file(MINI_A)
    target = tmp_path / "xa.json"
    err = Console(stderr=True, width=200)
    emit("assessment", result, output=target, fmt="json", show=no_view, summary="XA 82.7", err=err)
    assert json.loads(target.read_text(encoding="utf-8"))["country"]["code"] == "XA"
    out = capsys.readouterr()
    assert out.out == ""
    assert f"wrote {target} — XA 82.7" in out.err


def test_a_report_is_written_in_its_look(tmp_path: Path) -> None:
    from conftest import FIXTURES
    from ncr.loader.report_profile import load_profile
    from ncr.outputs.reports.report_look import ReportLook

    look = ReportLook(profile=load_profile(FIXTURES / "profile" / "profile.yaml"))
    out = tmp_path / "a.md"
    emit("assessment", assess_file(MINI_A), output=out, fmt="md", show=no_view,
         summary="Aurelia 2026", err=Console(stderr=True), look=look)  # fmt: skip
    assert out.read_text(encoding="utf-8").startswith("**Directorate of Cyber Capacity Reviews**")
