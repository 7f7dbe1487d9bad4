"""The command line as a contract: help with examples, a quick start, usage errors."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable

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


@pytest.fixture
def help_of(run_ncr: RunNcr, monkeypatch: pytest.MonkeyPatch) -> Callable[[str], str]:
    """`ncr COMMAND --help` as printed on a wide terminal (click still wraps at 80)."""
    monkeypatch.setenv("COLUMNS", "200")

    def show(command: str) -> str:
        result = run_ncr(*command.split(), "--help")
        assert result.exit_code == 0
        return result.stdout

    return show


@pytest.mark.parametrize("command", COMMANDS)
def test_help_shows_plain_names_not_python_types(
    help_of: Callable[[str], str], command: str
) -> None:
    # Typer would show `FILE... <list[Path]>`, `ID <str>` and `{FILE...}...` in the usage line.
    shown = help_of(command)
    assert re.findall(r"<[A-Za-z][\w\[\]|, ]*>", shown) == []
    assert "{" not in shown.splitlines()[0]


@pytest.mark.parametrize("group", ["", "benchmark", "templates"])
def test_command_lists_show_whole_summaries(help_of: Callable[[str], str], group: str) -> None:
    # click cuts a summary at 45 characters and ends it with "..."; a two-line first paragraph
    # (benchmark build, templates copy) must come out whole, as one line.
    shown = help_of(group)
    assert "..." not in shown.split("Commands:")[1]
    if group == "benchmark":
        assert "drafts are left out, and listed." in " ".join(shown.split())


def test_enum_like_options_list_their_choices(help_of: Callable[[str], str]) -> None:
    helps = {cmd: help_of(cmd) for cmd in COMMANDS}
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
