"""Reviewers' own templates: overriding ours by file name, refused when they misbehave, and named
with their SHA-256 in the provenance of every report made with them."""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

import pytest

from clients import client
from conftest import EXAMPLES, RunNcr
from ncr.outputs.reports.template_files import copy_builtin
from ncr.shipped import display_path, template_dir

XB = EXAMPLES / "xb-2026.yaml"


def pdf_text(path: Path) -> str:
    run = subprocess.run(
        [client("pdftotext"), str(path), "-"], check=True, capture_output=True, text=True
    )
    return " ".join(run.stdout.split())


def overriding(folder: Path, name: str, old: str, new: str) -> Path:
    """A copy of the built-in template `name` in `folder`, with `old` replaced by `new`."""
    folder.mkdir(exist_ok=True)
    text = (template_dir() / name).read_text(encoding="utf-8")
    assert old in text
    path = folder / name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.slow
def test_an_edited_copy_changes_the_pdf_and_its_hash_is_in_the_provenance(
    run_ncr: RunNcr, tmp_path: Path
) -> None:
    mine = tmp_path / "mine"
    result = run_ncr("templates", "copy", mine)
    assert result.exit_code == 0, result.output
    assert (mine / "assessment.html").is_file() and (mine / "reference.docx").is_file()
    edited = overriding(
        mine, "base.html", "<main>", "<main><p>Prepared for the Review Board of Borealis.</p>"
    )
    digest = hashlib.sha256(edited.read_bytes()).hexdigest()
    out = tmp_path / "xb.pdf"
    result = run_ncr("assess", XB, "-o", out, "--templates", mine)
    assert result.exit_code == 0, result.output
    text = pdf_text(out)
    assert "Prepared for the Review Board of Borealis." in text
    assert digest[:32] in text.replace(" ", "")  # a hash may wrap across lines
    plain = tmp_path / "plain.html"  # without --templates: ours, and the hash of ours
    assert run_ncr("assess", XB, "-o", plain).exit_code == 0
    builtin = hashlib.sha256((template_dir() / "base.html").read_bytes()).hexdigest()
    assert "Prepared for" not in plain.read_text(encoding="utf-8")
    assert builtin in plain.read_text(encoding="utf-8")


def test_templates_in_a_search_path_folder_override_too(run_ncr: RunNcr, tmp_path: Path) -> None:
    subtitle = "Legal and technical frameworks against cybercrime."
    mine = overriding(
        tmp_path / "templates", "assessment.md.j2", f'{{{{ _("{subtitle}") }}}}', "Our Review"
    )
    out = tmp_path / "xb.md"
    assert run_ncr("assess", XB, "-o", out, "--path", tmp_path).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "Our Review" in text and subtitle not in text
    assert hashlib.sha256(mine.read_bytes()).hexdigest() in text  # in the provenance table


@pytest.mark.parametrize(
    "expression",
    [
        "{{ ''.__class__.__mro__ }}",
        "{{ result.__class__.__init__.__globals__ }}",
        "{{ result.model_dump.__func__ }}",
        "{{ cycler.__init__.__globals__.os }}",
    ],
)
def test_a_template_reaching_for_python_internals_is_refused_located(
    run_ncr: RunNcr, tmp_path: Path, expression: str
) -> None:
    bad = overriding(tmp_path, "base.html", "<main>", f"<main>\n{expression}")
    line = bad.read_text(encoding="utf-8").splitlines().index(expression) + 1
    out = tmp_path / "xb.html"
    result = run_ncr("assess", XB, "-o", out, "--templates", tmp_path)
    assert result.exit_code == 2
    assert f"{display_path(bad)}:{line}:0: template " in result.output
    assert "Traceback" not in result.output and not out.exists()


@pytest.mark.parametrize(
    ("snippet", "said"),
    [
        ("{% if %}", "template error: Expected an expression"),
        ("{{ 1 // 0 }}", "template failed to render: integer division"),
        ("{{ no_such_name }}", "'no_such_name' is undefined"),
        ('{% include "../../etc/passwd" %}', "no template named"),
    ],
)
def test_a_template_that_fails_is_refused_with_its_file_and_line(
    run_ncr: RunNcr, tmp_path: Path, snippet: str, said: str
) -> None:
    bad = tmp_path / "assessment.md.j2"
    bad.write_text(f"{snippet}\n" + (template_dir() / bad.name).read_text(encoding="utf-8"))
    out = tmp_path / "xb.md"
    result = run_ncr("assess", XB, "-o", out, "--templates", tmp_path)
    assert result.exit_code == 2, result.output
    assert f"{display_path(bad)}:1:0: " in result.output and said in result.output
    assert "Traceback" not in result.output and not out.exists()


def test_copy_keeps_existing_files_unless_forced(run_ncr: RunNcr, tmp_path: Path) -> None:
    copy_builtin(tmp_path)
    (tmp_path / "report.css").write_text("/* mine */", encoding="utf-8")
    result = run_ncr("templates", "copy", tmp_path)
    assert result.exit_code == 2 and "already exist" in result.output
    assert (tmp_path / "report.css").read_text(encoding="utf-8") == "/* mine */"
    assert run_ncr("templates", "copy", tmp_path, "--force").exit_code == 0
    assert (tmp_path / "report.css").read_bytes() == (template_dir() / "report.css").read_bytes()
    assert not (tmp_path / "fonts").exists()  # fonts are not templates


def test_a_missing_templates_folder_is_a_usage_error(run_ncr: RunNcr, tmp_path: Path) -> None:
    result = run_ncr("assess", XB, "-o", tmp_path / "x.md", "--templates", tmp_path / "none")
    assert result.exit_code == 2 and "no such folder" in result.output
