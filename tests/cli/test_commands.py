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
    "translation stamp",
    "translation new",
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


@pytest.mark.parametrize("group", ["", "benchmark", "templates", "translation"])
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
    declared = set()
    for name, command in group.commands.items():  # a sub-group's commands as "group command"
        subs = getattr(command, "commands", None)
        declared |= {f"{name} {sub}" for sub in subs} if subs else {name}
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


# --- --lang and NCR_LANG (DESIGN §12) ------------------------------------------------------------


def test_the_language_choices_are_the_languages_ncr_writes_in() -> None:
    from ncr.cli.commands import LANGUAGE_CHOICES
    from ncr.documents.languages import LANGUAGES

    assert LANGUAGE_CHOICES == LANGUAGES


def test_assess_in_french_shows_french_headings(run_ncr: RunNcr) -> None:
    result = run_ncr("assess", RESPONSES / "mini-a.yaml", "--path", LIB, "--lang", "fr")
    assert result.exit_code == 0, result.output
    assert "Piliers" in result.stdout and "Couverture" in result.stdout
    assert "Pillars" not in result.stdout


def test_ncr_lang_chooses_the_language_and_the_option_wins(
    run_ncr: RunNcr, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NCR_LANG", "es")
    spanish = run_ncr("assess", RESPONSES / "mini-a.yaml", "--path", LIB)
    assert spanish.exit_code == 0 and "Pilares" in spanish.stdout
    french = run_ncr("assess", RESPONSES / "mini-a.yaml", "--path", LIB, "--lang", "fr")
    assert "Piliers" in french.stdout and "Pilares" not in french.stdout


@pytest.mark.parametrize(
    "command", ["assess", "diff", "compare", "explain", "show", "export", "init"]
)
def test_every_command_that_writes_for_a_person_takes_lang(run_ncr: RunNcr, command: str) -> None:
    result = run_ncr(*command.split(), "--help")
    assert "--lang" in result.stdout and "NCR_LANG" in result.stdout


def test_an_unknown_language_is_a_usage_error_naming_the_choices(
    run_ncr: RunNcr, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = run_ncr("assess", RESPONSES / "mini-a.yaml", "--path", LIB, "--lang", "xx")
    assert bad.exit_code == 2
    assert "Invalid value for '--lang'" in bad.stderr
    assert "choose en (English), fr (French), es (Spanish) or ar (Arabic)" in bad.stderr
    assert "Traceback" not in bad.output
    monkeypatch.setenv("NCR_LANG", "de")
    from_env = run_ncr("assess", RESPONSES / "mini-a.yaml", "--path", LIB)
    assert from_env.exit_code == 2 and "NCR_LANG" in from_env.stderr


def test_a_command_in_french_leaves_the_next_one_in_english(run_ncr: RunNcr) -> None:
    run_ncr("assess", RESPONSES / "mini-a.yaml", "--path", LIB, "--lang", "fr")
    english = run_ncr("assess", RESPONSES / "mini-a.yaml", "--path", LIB)
    assert "Pillars" in english.stdout
