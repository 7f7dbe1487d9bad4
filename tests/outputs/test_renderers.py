"""Which format a file name asks for, and which renderer writes it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assessing import MINI_A, assess_file
from ncr.outputs.renderers import RENDERERS, format_of, render
from ncr.problems import UsageError


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("xa.pdf", "pdf"),
        ("XA.PDF", "pdf"),
        ("x.y.html", "html"),
        ("a.md", "md"),
        ("a.markdown", "md"),
        ("a.json", "json"),
        ("Report.DOCX", "docx"),
    ],
)
def test_the_format_comes_from_the_file_name(name: str, fmt: str) -> None:
    assert format_of(Path(name)) == fmt


@pytest.mark.parametrize("name", ["xa.doc", "xa", "xa.pdf.bak"])
def test_an_unknown_ending_says_which_endings_work(name: str) -> None:
    message = (
        f"cannot tell the format of '{name}': use a name ending in .pdf, .html, .md, .json or .docx"
    )
    with pytest.raises(UsageError) as caught:
        format_of(Path(name))
    assert str(caught.value) == message


def test_every_kind_has_every_format_and_reviews_a_word_report() -> None:
    kinds = {"assessment", "diff", "overview"}
    every = {(k, f) for k in kinds for f in ("pdf", "html", "md", "json")}
    assert set(RENDERERS) == every | {("assessment", "docx"), ("diff", "docx")}


def test_render_gives_the_bytes_of_the_asked_format() -> None:
    result = assess_file(MINI_A)
    data = json.loads(render("assessment", "json", result))
    assert data["country"] == {"code": "XA", "name": "Aurelia"}
    assert render("assessment", "md", result).decode().startswith("# National Cyber Review")


def test_a_format_no_renderer_writes_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match=r"^an overview report cannot be written as docx$"):
        render("overview", "docx", None)
