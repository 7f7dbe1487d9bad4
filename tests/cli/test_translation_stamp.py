"""`ncr translation stamp`: hashes written in, comments kept; then `ncr validate` is clean."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import RunNcr
from translating import library_copy


def test_stamp_then_validate_is_clean(run_ncr: RunNcr, tmp_path: Path) -> None:
    lib = library_copy(tmp_path)
    fr = lib / "frameworks" / "tiny" / "framework.fr.yaml"
    before = fr.read_text(encoding="utf-8")
    unstamped = run_ncr("validate", fr, "--path", lib)
    assert "7 of 7 entries carry no `english_hash`" in unstamped.stderr
    result = run_ncr("translation", "stamp", fr, "--path", lib)
    assert result.exit_code == 0, result.output
    assert result.stderr.strip() == (
        f"{fr}: stamped 7 entries (0 already stamped); check it with: ncr validate {fr}"
    )
    after = fr.read_text(encoding="utf-8")
    assert after.count("english_hash") == 7
    # take the hashes out again and the translator's file is back, byte for byte
    unstamped_again = re.sub(r'english_hash: "[0-9a-f]{8}", ', "", after)
    assert re.sub(r'\n *english_hash: "[0-9a-f]{8}"(?=\n)', "", unstamped_again) == before
    clean = run_ncr("validate", fr, "--path", lib)
    assert clean.exit_code == 0
    assert clean.stderr.splitlines() == [
        f"{fr}: translation — valid",
        "  translates framework tiny: fr 7/7",
    ]
    again = run_ncr("translation", "stamp", fr, "--path", lib)
    assert "stamped 0 entries (7 already stamped)" in again.stderr
    assert fr.read_text(encoding="utf-8") == after


def test_stamp_refuses_a_file_that_cannot_be_read(run_ncr: RunNcr, tmp_path: Path) -> None:
    lib = library_copy(tmp_path)
    fr = lib / "frameworks" / "tiny" / "framework.fr.yaml"
    fr.write_text("translation: {of: tiny, language: fr}\nlevels:\n  1: {nmae: x}\n", "utf-8")
    result = run_ncr("translation", "stamp", fr, "--path", lib)
    assert result.exit_code == 2
    assert f"{fr}:3:7: unknown key 'nmae'" in result.stderr
    assert "english_hash" not in fr.read_text(encoding="utf-8")
