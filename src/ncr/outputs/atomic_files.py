"""Writing output files: checked before the work, written atomically after it."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from ncr.problems import UsageError
from ncr.shipped import is_builtin


def check_target(
    target: Path, *, inputs: Sequence[Path], force: bool, read: Iterable[Path] = ()
) -> None:
    """Refuse, before any work is done, to write over an input, a file the run read (`read`: the
    loader's record — questionnaire, framework, benchmark), a built-in file, or, without --force,
    any file."""
    resolved = target.resolve()
    if any(resolved == source.resolve() for source in (*inputs, *read)):
        raise UsageError(
            f"refusing to write the output over a file this run reads: {target} (even with --force)"
        )
    if is_builtin(resolved):
        raise UsageError(f"refusing to write into ncr's built-in files: {target}")
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
