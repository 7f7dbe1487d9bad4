"""Writing output files: checked before the work, written atomically after it."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from importlib import import_module
from pathlib import Path
from typing import Any

from ncr.problems import UsageError

# Report renderers by (report kind, format) → "module:function", imported on use so WeasyPrint loads
# only when a PDF is asked for. Each function takes the result model and returns the file's bytes.
RENDERERS: dict[tuple[str, str], str] = {
    ("assessment", "pdf"): "ncr.reports.pdf:assessment",
    ("assessment", "html"): "ncr.reports.htmldoc:assessment",
    ("assessment", "md"): "ncr.reports.markdown:assessment",
    ("assessment", "json"): "ncr.reports.jsondata:as_bytes",
    ("diff", "json"): "ncr.reports.jsondata:as_bytes",
    ("diff", "pdf"): "ncr.reports.diffdoc:pdf",
    ("diff", "html"): "ncr.reports.diffdoc:html",
    ("diff", "md"): "ncr.reports.diffdoc:md",
    ("overview", "json"): "ncr.reports.jsondata:as_bytes",
    ("overview", "pdf"): "ncr.reports.overviewdoc:pdf",
    ("overview", "html"): "ncr.reports.overviewdoc:html",
    ("overview", "md"): "ncr.reports.overviewdoc:md",
}
FORMATS = ("pdf", "html", "md", "json")


def format_of(path: Path) -> str:
    suffix = path.suffix.lower().lstrip(".")
    if suffix == "markdown":
        return "md"
    if suffix not in FORMATS:
        raise UsageError(
            f"cannot tell the format of '{path}': use a name ending in .pdf, .html, .md or .json"
        )
    return suffix


def render(kind: str, fmt: str, result: Any) -> bytes:
    target = RENDERERS.get((kind, fmt))
    if target is None:
        raise UsageError(f"a {kind} report cannot be written as {fmt}")
    module, function = target.split(":")
    data: bytes = getattr(import_module(module), function)(result)
    return data


def check_target(target: Path, *, inputs: Sequence[Path], force: bool) -> None:
    """Refuse, before any work is done, to write over an input or, without --force, any file."""
    resolved = target.resolve()
    if any(resolved == source.resolve() for source in inputs):
        raise UsageError(f"refusing to write the output over an input file: {target}")
    if target.is_dir():
        raise UsageError(
            f"{target} is a folder; name a file, or give several inputs to fill a folder"
        )
    if target.exists() and not force:
        raise UsageError(f"{target} already exists; use --force to replace it")
    if not target.parent.is_dir():
        raise UsageError(f"the folder {target.parent} does not exist")


def write_atomic(target: Path, data: bytes) -> None:
    """Write to a temporary file beside the target, then rename: never half a report."""
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        # mkstemp makes the file private (0600); a report should get the usual permissions
        Path(temp).chmod(0o666 & ~_umask())
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        Path(temp).replace(target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
