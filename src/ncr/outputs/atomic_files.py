"""Writing output files: checked before the work, written atomically after it."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from ncr.outputs import interrupts
from ncr.outputs.reports.report_look import REFERENCE_DOCX
from ncr.problems import UsageError
from ncr.shipped import is_builtin, template_dir


def check_target(
    target: Path, *, inputs: Sequence[Path], force: bool, read: Iterable[Path] = ()
) -> None:
    """Refuse, before any work is done, to write over an input, a file the run read (`read`: the
    loader's record — questionnaire, framework, benchmark), a built-in file, or, without --force,
    any file."""
    refuse_inputs(target, [*inputs, *read])
    if target.is_dir():
        raise UsageError(
            f"{target} is a folder; name a file, or give several inputs to fill a folder"
        )
    if target.exists() and not force:
        raise UsageError(f"{target} already exists; use --force to replace it")
    if not target.parent.is_dir():
        raise UsageError(f"the folder {target.parent} does not exist")
    check_writable(target.parent)


def refuse_inputs(target: Path, read: Iterable[Path]) -> None:
    """Inputs are read-only, even with --force: refuse an output that `reads_over` says would
    replace a file the run reads, or one of ncr's built-in files."""
    if reads_over(target, read):
        raise UsageError(
            f"refusing to write the output over a file this run reads: {target} (even with --force)"
        )
    if is_builtin(target.resolve()):
        raise UsageError(f"refusing to write into ncr's built-in files: {target}")


def reads_over(target: Path, read: Iterable[Path]) -> bool:
    """Whether `target` is one of the files `read`, or, in a folder of `read` (a templates
    folder, read as a whole), a file that is there or that would override ours by its name
    (`assessment.html`, `report.css`, `reference.docx`): the next run would read it as a template.
    A report of another name may go into such a folder."""
    resolved = target.resolve()
    for source in (path.resolve() for path in read):
        if resolved == source:
            return True
        if source.is_dir() and resolved.is_relative_to(source):
            inside = resolved.relative_to(source)
            ours = template_dir() / inside
            if resolved.exists() or ours.exists() or inside.name == REFERENCE_DOCX:
                return True
    return False


def check_writable(folder: Path) -> None:
    """Refuse, before any work, a folder that a report could not be written into. Tried for real
    (a file created and removed): permissions, a read-only disk, ACLs and running as root all
    decide, as they will when the report is written."""
    try:
        fd, probe = tempfile.mkstemp(prefix=".ncr-", suffix=".probe", dir=folder)
    except OSError as err:
        reason = err.strerror or type(err).__name__
        raise UsageError(
            f"cannot write into the folder {folder} ({reason.lower()}): "
            "choose another -o, or ask for write access to that folder"
        ) from None
    os.close(fd)
    Path(probe).unlink(missing_ok=True)


def write_atomic(target: Path, data: bytes) -> None:
    """Write to a temporary file beside the target, then rename: never half a report.

    Ctrl-C and SIGTERM are held back meanwhile, and `data` is discarded if one came while it was
    made (see interrupts.py): the target is either untouched or exactly what an uninterrupted run
    writes. A few milliseconds for a report of a few MB."""
    with interrupts.held():
        interrupts.discard_if_interrupted()
        _write_and_rename(target, data)
        interrupts.commit()


def _write_and_rename(target: Path, data: bytes) -> None:
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


@contextlib.contextmanager
def private_temp() -> Iterator[None]:
    """Send the temporary files of the libraries that run inside the block (WeasyPrint's font
    folder) into a folder of ncr's own, removed however the block ends: a render interrupted at
    any moment leaves nothing in the temp folder, even what a library had no time to remove."""
    saved = tempfile.tempdir
    folder = None
    try:
        with interrupts.held():  # a signal now would come between creating and noting it
            folder = tempfile.mkdtemp(prefix="ncr-render-")
            tempfile.tempdir = folder
        yield
    finally:
        tempfile.tempdir = saved
        if folder is not None:
            with interrupts.held():
                shutil.rmtree(folder, ignore_errors=True)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
