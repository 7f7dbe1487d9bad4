"""`--templates DIR` and `--profile FILE`: how a report looks, built once for every report of a
run (and sent to batch workers as it is)."""

from __future__ import annotations

from pathlib import Path

from ncr.loader.report_profile import load_profile
from ncr.loader.search_path import Catalog
from ncr.outputs.reports.report_look import PLAIN, ReportLook
from ncr.problems import UsageError
from ncr.shipped import BUILTIN


def report_look(templates: Path | None, profile: Path | None, catalog: Catalog) -> ReportLook:
    """The reviewers' template folders (`--templates DIR` first, then `templates/` of each
    search-path folder) and their checked profile."""
    folders: list[Path] = []
    if templates is not None:
        if not templates.is_dir():
            raise UsageError(f"--templates {templates}: no such folder")
        folders.append(templates)
    folders += [
        root / "templates"
        for root, origin in catalog.roots
        if origin != BUILTIN and (root / "templates").is_dir()
    ]
    if profile is not None and not profile.is_file():
        raise UsageError(f"--profile {profile}: no such file")
    if not folders and profile is None:
        return PLAIN
    loaded = load_profile(profile) if profile is not None else None
    return ReportLook(templates=tuple(folders), profile=loaded)


def read_by_look(look: ReportLook, profile: Path | None) -> list[Path]:
    """The folders and files a report's look is read from: no output may go over or into them."""
    read = list(look.templates)
    if profile is not None:
        read.append(profile)
        if look.profile is not None and look.profile.profile.logo is not None:
            read.append(profile.parent / look.profile.profile.logo)
    return read
