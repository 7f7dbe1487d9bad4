"""Writing output files: refused before any work when unsafe, never left half written."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from ncr.outputs import atomic_files
from ncr.outputs.atomic_files import check_target, write_atomic
from ncr.problems import UsageError


def test_an_existing_file_is_refused_without_force_and_replaced_with_it(tmp_path: Path) -> None:
    target = tmp_path / "xa.pdf"
    target.write_bytes(b"old report")
    with pytest.raises(
        UsageError, match=re.escape(f"{target} already exists; use --force to replace it")
    ):
        check_target(target, inputs=[], force=False)
    check_target(target, inputs=[], force=True)
    write_atomic(target, b"new report")
    assert target.read_bytes() == b"new report"


def test_the_output_may_never_be_an_input_even_with_force(tmp_path: Path) -> None:
    response = tmp_path / "xa.yaml"
    response.write_text("country: {code: XA}\n")
    same = tmp_path / "." / "xa.yaml"  # another spelling of the same file
    with pytest.raises(UsageError, match="refusing to write the output over a file this run reads"):
        check_target(same, inputs=[response], force=True)
    assert response.read_text() == "country: {code: XA}\n"


def test_a_folder_or_a_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="is a folder; name a file"):
        check_target(tmp_path, inputs=[], force=True)
    with pytest.raises(
        UsageError, match=re.escape(f"the folder {tmp_path / 'nope'} does not exist")
    ):
        check_target(tmp_path / "nope" / "xa.pdf", inputs=[], force=False)


def test_a_failed_write_leaves_the_old_file_and_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "xa.pdf"
    target.write_bytes(b"old report")

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic_files.os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space left"):
        write_atomic(target, b"new report")
    assert target.read_bytes() == b"old report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["xa.pdf"]  # no .xa.pdf.*.part left


def test_a_written_report_gets_the_usual_permissions(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "xa.md", b"# Aurelia\n")
    finally:
        os.umask(old)
    assert (tmp_path / "xa.md").stat().st_mode & 0o777 == 0o644  # 0666 less the umask 022


def test_temp_files_made_inside_private_temp_go_with_it(tmp_path: Path) -> None:
    # What WeasyPrint puts in the temp folder (its font folder) goes into ncr's own folder,
    # removed when the block ends, even by an exception: nothing is left behind.
    import tempfile

    saved = tempfile.tempdir
    tempfile.tempdir = str(tmp_path)
    try:
        with pytest.raises(KeyboardInterrupt), atomic_files.private_temp():
            made = Path(tempfile.mkdtemp(prefix="weasyprint-"))
            (made / "font.ttf").write_bytes(b"font")
            assert made.parent.parent == tmp_path
            raise KeyboardInterrupt
        assert tempfile.tempdir == str(tmp_path)
    finally:
        tempfile.tempdir = saved
    assert list(tmp_path.iterdir()) == []
