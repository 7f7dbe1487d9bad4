"""The wheel carries the built-in frameworks, questionnaires and templates (DESIGN §2).

Built offline from this checkout (hatchling is a dev dependency, so no build isolation is needed),
installed into a fresh venv, and run from a folder far from the source tree. The venv sees our
dependencies through a .pth line naming their site-packages folder: a plain path line in a .pth
file does not run that folder's own .pth files, so the editable install of ncr stays invisible.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from conftest import REPO

DATA_DIRS = ("frameworks", "questionnaires", "templates")


def run(*args: str | Path, cwd: Path | None = None) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("NCR_PATH", "PYTHONPATH")}
    done = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the wheel built from this checkout installed; returns the venv folder."""
    tmp = tmp_path_factory.mktemp("packaging")
    run(sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", tmp / "dist", REPO)
    (wheel,) = (tmp / "dist").glob("ncr-*.whl")
    venv = tmp / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", venv)
    python = venv / "bin" / "python"
    site = Path(
        run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])").strip()
    )
    ours = sysconfig.get_paths()["purelib"]
    (site / "ncr-test-dependencies.pth").write_text(f"{ours}\n", encoding="utf-8")
    pip = (sys.executable, "-m", "pip", "--python", python)
    run(*pip, "install", "--no-deps", "--no-index", "--quiet", wheel)
    return venv


@pytest.mark.slow
def test_the_installed_package_is_the_wheel_not_the_source_tree(
    installed: Path, tmp_path: Path
) -> None:
    where = run(installed / "bin" / "python", "-c", "import ncr; print(ncr.__file__)", cwd=tmp_path)
    assert Path(where.strip()).is_relative_to(installed)


@pytest.mark.slow
def test_the_wheel_carries_every_data_file(installed: Path, tmp_path: Path) -> None:
    (site,) = (installed / "lib").glob("python*/site-packages")
    for folder in DATA_DIRS:
        shipped = {p.relative_to(REPO) for p in (REPO / folder).rglob("*") if p.is_file()}
        data = site / "ncr" / "_data"
        assert {p.relative_to(data) for p in (data / folder).rglob("*") if p.is_file()} == shipped


@pytest.mark.slow
def test_ncr_list_finds_the_builtins_inside_the_installed_package(
    installed: Path, tmp_path: Path
) -> None:
    listing = json.loads(run(installed / "bin" / "ncr", "list", "--format", "json", cwd=tmp_path))
    builtin = {
        kind: {e["id"]: Path(e["path"]) for e in entries if e["origin"] == "built-in"}
        for kind, entries in listing.items()
    }
    assert "ncr-core" in builtin["frameworks"]
    assert {"ncr-core-2023", "ncr-core-2026"} <= set(builtin["questionnaires"])
    assert {"good-practice", "global-baseline"} <= set(builtin["benchmarks"])
    paths = [path for found in builtin.values() for path in found.values()]
    assert all(path.is_relative_to(installed) for path in paths), paths
    assert all(e["problem"] is None for entries in listing.values() for e in entries)
