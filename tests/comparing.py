"""Inputs shared by the command, terminal and report tests of `ncr diff` and `ncr compare`."""

from __future__ import annotations

from pathlib import Path

from conftest import FIXTURES, LIB, RunNcr
from ncr.engine.overview import Snapshot, snapshot
from ncr.loader.loading import Loader
from ncr.loader.search_path import Catalog
from ncr.pipeline import assess_review, open_review

DIFF = FIXTURES / "diff"
OLD, NEW = DIFF / "xa-2023.yaml", DIFF / "xa-2026.yaml"
PATHS = ("--path", LIB, "--path", DIFF / "lib")
# The headline of case (a), by hand in tests/engine/test_review_diff.py: 62.037 → 50 (capped),
# level 4 → 3; one questionnaire, so all 10 questions are shared and one change is enough. The
# terminal shows the scores and the questions on two lines.
SCORES = "Overall 62.0 → 50.0 (-12.0), level 4 Strategic → 3 Established"
QUESTIONS = "10 questions shared, 0 new, 0 dropped"
HEADLINE = f"{SCORES}; {QUESTIONS}"

# Scores computed by hand in each file and in tests/engine/test_overview.py.
OVERVIEW = FIXTURES / "overview"
FILES = sorted(OVERVIEW.glob("*.yaml"))
ALL = ("xa-2023", "xa-2026", "xb-2026", "xc-2026", "xd-2026")


def compare(run_ncr: RunNcr, *args: str | Path) -> tuple[int, str, str]:
    result = run_ncr("compare", "--path", LIB, *args)
    return result.exit_code, result.stdout, result.stderr


def snapshots(*names: str) -> list[Snapshot]:
    loader = Loader(Catalog.create([LIB], env={}))
    found = []
    for name in names:
        path = OVERVIEW / f"{name}.yaml"
        found.append(snapshot(assess_review(open_review(loader, path)), str(path)))
    return found
