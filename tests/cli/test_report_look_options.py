"""`--profile` and `--format docx` as a reviewer uses them: the issuing body and logo in every
format, Word reports from `diff` and from a batch."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import docx
import pytest

from clients import client
from conftest import EXAMPLES, FIXTURES, RunNcr

PROFILE = FIXTURES / "profile" / "profile.yaml"
XB = EXAMPLES / "xb-2026.yaml"
BODY = "Directorate of Cyber Capacity Reviews"


@pytest.mark.slow
def test_the_profile_is_on_the_cover_and_front_matter_of_the_pdf(
    run_ncr: RunNcr, tmp_path: Path
) -> None:
    out = tmp_path / "xb.pdf"
    result = run_ncr("assess", XB, "-o", out, "--profile", PROFILE)
    assert result.exit_code == 0, result.output
    first_pages = subprocess.run(
        [client("pdftotext"), "-l", "3", str(out), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert BODY in first_pages
    assert "National CSIRT of Borealis" in first_pages and "reviews@example.org" in first_pages
    images = subprocess.run(
        [client("pdfimages"), "-f", "1", "-l", "1", "-list", str(out)],
        check=True, capture_output=True, text=True,
    ).stdout.splitlines()[2:]  # fmt: skip
    assert [line.split()[3:5] for line in images] == [["240", "120"]]  # the logo, on page 1


@pytest.mark.slow
def test_the_profile_is_in_the_word_html_and_markdown_reports(
    run_ncr: RunNcr, tmp_path: Path
) -> None:
    for suffix in ("docx", "html", "md"):
        result = run_ncr("assess", XB, "-o", tmp_path / f"xb.{suffix}", "--profile", PROFILE)
        assert result.exit_code == 0, result.output
    word = docx.Document(str(tmp_path / "xb.docx"))
    texts = [p.text for p in word.paragraphs]
    assert texts.index(BODY) < texts.index("Borealis")  # above the cover title
    assert "National CSIRT of Borealis" in texts
    logo = (FIXTURES / "profile" / "logo.png").read_bytes()
    assert any(part.blob == logo for part in word.part.package.parts if "media" in part.partname)
    html = (tmp_path / "xb.html").read_text(encoding="utf-8")
    assert '<img class="issuer-logo" src="data:image/png;base64,' in html
    markdown = (tmp_path / "xb.md").read_text(encoding="utf-8")
    assert markdown.startswith(f"**{BODY}**") and "- National CSIRT of Borealis" in markdown


def test_a_bad_profile_stops_the_run_located(run_ncr: RunNcr, tmp_path: Path) -> None:
    (tmp_path / "logo.png").write_text("not a picture", encoding="utf-8")
    profile = tmp_path / "profile.yaml"
    profile.write_text("issuing_body: Unit\nlogo: logo.png\n", encoding="utf-8")
    result = run_ncr("assess", XB, "-o", tmp_path / "xb.pdf", "--profile", profile)
    assert result.exit_code == 2
    assert f"{profile}:2:7: logo 'logo.png': not a PNG image" in result.stderr
    assert not (tmp_path / "xb.pdf").exists()


@pytest.mark.slow
def test_diff_writes_a_word_report(run_ncr: RunNcr, tmp_path: Path) -> None:
    out = tmp_path / "diff.docx"
    result = run_ncr("diff", EXAMPLES / "xb-2023.yaml", XB, "-o", out, "--profile", PROFILE)
    assert result.exit_code == 0, result.output
    word = docx.Document(io.BytesIO(out.read_bytes()))
    chapters = [
        p.text for p in word.paragraphs if p.style is not None and p.style.name == "Heading 1"
    ]
    assert chapters and "Summary of change" in chapters[0]
    assert word.inline_shapes  # the logo and the charts of both years


@pytest.mark.slow
def test_a_batch_writes_word_reports(run_ncr: RunNcr, tmp_path: Path) -> None:
    files = [EXAMPLES / "xa-2026.yaml", XB]
    result = run_ncr("assess", *files, "-o", tmp_path, "--format", "docx", "--jobs", "2")
    assert result.exit_code == 0, result.output
    for name in ("xa-2026.docx", "xb-2026.docx"):
        assert docx.Document(str(tmp_path / name)).paragraphs
