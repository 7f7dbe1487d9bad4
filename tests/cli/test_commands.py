"""The command line as a contract: help with examples, a quick start, usage errors."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
import typer.main

from conftest import LIB, RESPONSES, RunNcr
from ncr.cli import app

COMMANDS = [
    "validate",
    "assess",
    "init",
    "list",
    "show",
    "schema",
    "diff",
    "explain",
    "compare",
    "export",
    "import",
    "benchmark build",
    "templates copy",
]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(run_ncr: RunNcr, command: str) -> None:
    result = run_ncr(*command.split(), "--help")
    assert result.exit_code == 0
    assert "Example: ncr " in result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_help_shows_plain_names_not_python_types(
    run_ncr: RunNcr, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    # Typer would show `FILE... <list[Path]>`, `ID <str>` and `{FILE...}...` in the usage line.
    monkeypatch.setenv("COLUMNS", "200")
    result = run_ncr(*command.split(), "--help")
    assert result.exit_code == 0
    assert re.findall(r"<[A-Za-z][\w\[\]|, ]*>", result.stdout) == []
    assert "{" not in result.stdout.splitlines()[0]


@pytest.mark.parametrize("group", ["", "benchmark", "templates"])
def test_command_lists_show_whole_summaries(
    run_ncr: RunNcr, monkeypatch: pytest.MonkeyPatch, group: str
) -> None:
    # click cuts a summary at 45 characters and ends it with "..."; a two-line first paragraph
    # (benchmark build, templates copy) must come out whole, as one line.
    monkeypatch.setenv("COLUMNS", "400")
    result = run_ncr(*group.split(), "--help")
    assert result.exit_code == 0
    assert "..." not in result.stdout.split("Commands:")[1]
    if group == "benchmark":
        assert "drafts are left out, and listed." in " ".join(result.stdout.split())


def test_enum_like_options_list_their_choices(
    run_ncr: RunNcr, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    helps = {cmd: run_ncr(*cmd.split(), "--help").stdout for cmd in COMMANDS}
    assert "--format text|json|pdf|html|md|docx" in helps["assess"]
    for cmd in ("validate", "list", "diff", "explain", "compare"):
        assert "--format text|json" in helps[cmd], cmd
    assert "--stat mean|median" in helps["benchmark build"]


def test_every_declared_command_is_listed_here() -> None:
    group = typer.main.get_group(app)
    groups = {"benchmark": "benchmark build", "templates": "templates copy"}
    declared = {groups.get(name, name) for name in group.commands}
    assert declared == set(COMMANDS)


def test_start_up_imports_nothing_heavy() -> None:
    # `ncr --help` must stay quick: the stages, the document models, YAML, rich, Jinja and WeasyPrint
    # load only when a command runs. The help is really printed, so a command module imported while
    # typer builds it would show here.
    code = (
        "import sys\n"
        "from ncr.cli import app\n"
        "try:\n"
        "    app(['--help'], prog_name='ncr')\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('LOADED', sorted(m for m in sys.modules if m.split('.')[0] in "
        "('pydantic', 'yaml', 'jinja2', 'weasyprint', 'rich', 'ncr')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "Usage: ncr" in out.stdout
    loaded = out.stdout.split("LOADED", 1)[1].strip()
    assert loaded == "['ncr', 'ncr.cli', 'ncr.cli.commands']"


def test_a_format_that_needs_a_file_is_a_usage_error(run_ncr: RunNcr) -> None:
    result = run_ncr("assess", "--path", LIB, "--format", "pdf", RESPONSES / "mini-a.yaml")
    assert result.exit_code == 2
    assert "--format pdf needs -o FILE" in result.stderr
