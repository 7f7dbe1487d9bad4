"""Workbooks in tests: export one as a user would, fill cells as a focal point would, save it
again with LibreOffice, and compare what a response says."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Mapping
from pathlib import Path

from clients import client
from conftest import RunNcr
from ncr.documents import Response


def export(run_ncr: RunNcr, source: Path, target: Path, *extra: str | Path) -> Path:
    result = run_ncr("export", source, "-o", target, *extra)
    assert result.exit_code == 0, result.output
    return target


def fill(path: Path, cells: Mapping[str, object]) -> None:
    """Type values into cells named like `Legal!C2`, as a focal point would, and save."""
    from openpyxl import load_workbook

    book = load_workbook(path)
    for ref, value in cells.items():
        sheet, cell = ref.split("!")
        book[sheet][cell].value = value
    book.save(path)


def libreoffice(path: Path, folder: Path, fmt: str) -> Path:
    """The workbook opened by LibreOffice Calc, headless, and saved as `fmt` (xlsx again, or pdf)
    into `folder`, with its own profile, so two runs never share one."""
    soffice = client("soffice")
    folder.mkdir(parents=True, exist_ok=True)
    profile = (folder / "lo-profile").resolve().as_uri()
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            fmt,
            "--outdir",
            str(folder),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
        env={**os.environ, "HOME": str(folder)},
    )
    saved = folder / f"{path.stem}.{fmt}"
    assert saved.is_file(), f"LibreOffice wrote nothing for {path}"
    return saved


def resave_with_libreoffice(path: Path, folder: Path) -> Path:
    return libreoffice(path, folder, "xlsx")


def what_it_says(response: Response) -> dict[str, tuple[object, list[object], str | None]]:
    """Each answer as (answer, evidence, note), in the one spelling both formats share: yes/no as
    text, a document without a link as its title."""
    found: dict[str, tuple[object, list[object], str | None]] = {}
    for qid, given in response.answers.items():
        value = given.answer
        if isinstance(value, bool):
            value = "yes" if value else "no"
        evidence = [
            item if isinstance(item, str) else item.title if item.url is None else item.model_dump()
            for item in given.evidence
        ]
        if value is not None or evidence or given.note is not None:
            found[qid] = (value, evidence, given.note)
    return found
