"""The console results are printed on: piped output wraps at COLUMNS, or not at all."""

from __future__ import annotations

import pytest

from ncr.outputs.terminal.tables import UNWRAPPED, stdout_console, table


def test_piped_output_without_columns_does_not_wrap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)
    console = stdout_console()
    assert not console.is_terminal  # pytest captures stdout
    assert console.width == UNWRAPPED
    wide = table("Indicator", "Score", plain=True)
    wide.add_row("x" * 150, "50.0")
    with console.capture() as captured:
        console.print(wide)
    row = next(line for line in captured.get().splitlines() if "50.0" in line)
    assert "x" * 150 in row  # one row, one line: its natural width, not 80 columns


def test_piped_output_uses_columns_when_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    assert stdout_console().width == 60
