"""The command line as a contract: help with examples, a quick start, one error boundary."""

from __future__ import annotations

import subprocess
import sys

import pytest
import typer.main

from conftest import FIXTURES, LIB, RESPONSES, RunNcr
from ncr.cli import app

COMMANDS = [
    "validate",
    "assess",
    "init",
    "list",
    "show",
    "schema",
    "diff",
    "compare",
    "benchmark build",
]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(run_ncr: RunNcr, command: str) -> None:
    result = run_ncr(*command.split(), "--help")
    assert result.exit_code == 0
    assert "Example: ncr " in result.stdout


def test_every_declared_command_is_listed_here() -> None:
    group = typer.main.get_group(app)
    declared = {name for name in group.commands if name != "benchmark"} | {"benchmark build"}
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


def test_a_missing_file_is_an_input_error_not_a_traceback(run_ncr: RunNcr) -> None:
    result = run_ncr("validate", RESPONSES / "no-such-file.yaml")
    assert result.exit_code == 2
    assert "cannot read the file" in result.stderr
    assert "Traceback" not in result.output


def test_a_format_that_needs_a_file_is_a_usage_error(run_ncr: RunNcr) -> None:
    result = run_ncr("assess", "--path", LIB, "--format", "pdf", RESPONSES / "mini-a.yaml")
    assert result.exit_code == 2
    assert "--format pdf needs -o FILE" in result.stderr


BAD_YAML = {
    "alias.yaml": "6:9: anchors and aliases (&/*) are not allowed in ncr files",
    "bad-date.yaml": "2:7: '2026-02-30' is not a valid date",
    "bad-utf8.yaml": "4:14: the file is not valid UTF-8 (byte 0xff): save it as UTF-8",
    "billion-laughs.yaml": "3:14: anchors and aliases (&/*) are not allowed in ncr files",
    "duplicate-keys.yaml": "8:3: duplicate key 'L1.1' (first defined at line 3)",
    "empty.yaml": "1:1: the file is empty",
    "local-tag.yaml": "2:10: tag '!country' is not allowed: ncr files hold plain data only",
    "merge-key.yaml": "4:5: merge keys (<<) are not allowed in ncr files: write the keys out in full",
    "python-tag.yaml": "2:7: tag '!!python/object/apply:os.system' is not allowed",
    "tabs.yaml": "4:1: tab character in indentation: use spaces",
    "top-level-list.yaml": "1:1: expected a mapping at the top level, found a list",
    "two-documents.yaml": "2:1: a second YAML document starts here: use one per file",
    "unclosed-quote.yaml": "1:8: this quoted text is never closed",
}


@pytest.mark.parametrize("name", sorted(BAD_YAML))
def test_bad_yaml_is_one_located_line_and_exit_2(run_ncr: RunNcr, name: str) -> None:
    file = FIXTURES / "yaml" / name
    result = run_ncr("validate", file)
    assert result.exit_code == 2
    assert f"{file}:{BAD_YAML[name]}" in result.stderr
    assert result.stderr.startswith(f"{file}:")
    assert "Traceback" not in result.output
