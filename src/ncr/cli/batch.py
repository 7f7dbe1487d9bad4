"""Many reviews at once: assessed across worker processes, one report each, problems at the end.

Workers send back an `Outcome` — the file's errors, gate failures and a `Snapshot` of a few scores —
never the assessment or the report bytes, so the parent's memory does not grow with the reports.

Processes, not threads: scoring and PDF layout are pure Python and hold the GIL. The processes
(worker_pool.py) start with the renderer imported and the shared documents loaded once for the
whole batch, here, before the first worker starts; they are recycled every `TASKS_PER_WORKER`
files; they never outlive `ncr`; Ctrl-C or SIGTERM stops them and leaves only complete reports.
Files go to the workers largest first, so that no long report is left for the end while the other
cores wait.
"""

from __future__ import annotations

import importlib
import json
import os
import traceback
from collections.abc import Generator, Sequence
from contextlib import closing
from dataclasses import dataclass, replace
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.text import Text

from ncr.cli.boundary import (
    EXIT_BUG,
    EXIT_GATE,
    EXIT_INVALID,
    EXIT_OK,
    print_problems,
    stderr,
)
from ncr.cli.gates import AssessOptions, gate_problems
from ncr.cli.report_look_options import read_by_look, report_look
from ncr.cli.worker_pool import Pool
from ncr.engine.overview import Snapshot, snapshot
from ncr.engine.peer_benchmark import PeerScores, peer_scores
from ncr.loader.loading import Loader
from ncr.loader.search_path import Catalog
from ncr.outputs.atomic_files import check_writable, reads_over, refuse_inputs, write_atomic
from ncr.outputs.display import number
from ncr.outputs.interface_text import _, activate, ngettext
from ncr.outputs.interrupts import Interrupted
from ncr.outputs.locale_format import count
from ncr.outputs.renderers import FORMATS, RENDERERS, render
from ncr.outputs.reports.report_look import PLAIN, ReportLook
from ncr.outputs.terminal.overview_view import level_label
from ncr.outputs.terminal.tables import status_text, table
from ncr.pipeline import assess_review, missing_as_errors, open_review
from ncr.problems import InputError, Problem, UsageError
from ncr.shipped import display_path

# Files a worker handles before it is replaced: bounds a worker's growth to ~15 MB of PDFs, while a
# new worker, forked warm from `ncr`, costs milliseconds.
TASKS_PER_WORKER = 25
REPORT_SUFFIXES = (*(f".{fmt}" for fmt in FORMATS), ".markdown")


@dataclass(frozen=True)
class Settings:
    """What every worker needs, sent once when it starts."""

    catalog: Catalog
    benchmark: str | None = None
    strict: bool = False
    fail_under: float | None = None
    fmt: str | None = None
    folder: Path | None = None  # write `<stem>.<fmt>` here; None: only assess
    look: ReportLook = PLAIN
    peers: bool = False  # send back the scores a peer benchmark needs (`benchmark build`)
    lang: str = "en"


@dataclass(frozen=True)
class Outcome:
    """One input's fate, small enough to send back from a worker."""

    file: str
    snapshot: Snapshot | None = None
    errors: tuple[Problem, ...] = ()
    warnings: int = 0
    gates: tuple[str, ...] = ()
    written: Path | None = None
    bug: str | None = None
    peer: PeerScores | None = None
    # where the response names its questionnaire, for a "mixed frameworks" problem (message empty)
    questionnaire_at: Problem | None = None
    # what is shown in English though another language was asked for: one per document, shown
    # once for the whole run however many reviews share the document (not in `warnings`)
    language: tuple[Problem, ...] = ()
    read: tuple[Path, ...] = ()  # every file the worker has read so far: never written over

    @property
    def invalid(self) -> bool:
        return self.snapshot is None and bool(self.errors)


class Worker:
    """Assesses one file at a time with one Loader, so shared documents are parsed once."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        # a spawned worker starts in English; a forked one has the language already
        activate(settings.lang)
        self.loader = Loader(settings.catalog, lang=settings.lang)

    def run(self, path: Path) -> Outcome:
        try:
            return self._assess(path)
        except InputError as err:
            return Outcome(str(path), errors=tuple(err.problems))
        except UsageError as err:
            return Outcome(str(path), errors=(Problem(str(path), 0, 0, str(err)),))
        except Exception:  # noqa: BLE001 — a bug on one file must not lose the others' reports
            return Outcome(str(path), bug=traceback.format_exc())

    def _assess(self, path: Path) -> Outcome:
        s = self.settings
        # a peer benchmark is built from scores alone: no benchmark to read
        review = open_review(self.loader, path, s.benchmark, with_benchmark=not s.peers)
        result = assess_review(review, strict=s.strict)
        strict_errors = missing_as_errors(review, result) if s.strict else []
        language = tuple(review.language_warnings())
        written = None
        if s.folder is not None and s.fmt is not None:
            written = target_of(s.folder, path, s.fmt)
            # the questionnaire, framework and benchmark of this review are known only now
            refuse_inputs(written, self.loader.read)
            write_atomic(written, render("assessment", s.fmt, result, s.look))
        return Outcome(
            str(path),
            snapshot=snapshot(result, display_path(path)),
            errors=tuple(strict_errors),
            warnings=len(result.warnings) - len(language),
            language=language,
            gates=tuple(gate_problems(result, strict_errors, s.fail_under)),
            written=written,
            peer=peer_scores(result) if s.peers else None,
            questionnaire_at=review.response.doc.problem(("questionnaire",), "")
            if s.peers
            else None,
            read=tuple(sorted(self.loader.read)),
        )

    def prime(self, files: Sequence[Path]) -> None:
        """Load what the first file that opens is assessed against, and import the renderer,
        before any worker starts: each worker then starts with both. (A bad file is still
        reported by the worker that gets it.)"""
        for path in files[:3]:
            try:
                open_review(self.loader, path, self.settings.benchmark)
                break
            except (InputError, UsageError):
                continue
        renderer = RENDERERS.get(("assessment", self.settings.fmt or ""), "").partition(":")[0]
        if renderer and self.settings.folder is not None:
            importlib.import_module(renderer)

    def __call__(self, path: Path) -> Outcome:
        return self.run(path)


def target_of(folder: Path, source: Path, fmt: str) -> Path:
    return folder / f"{source.stem}.{fmt}"


def default_jobs() -> int:
    """The cores this process may use (a container or `taskset` may allow fewer than exist)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def workers_for(jobs: int | None, files: int) -> int:
    """`--jobs`, checked; by default every core this process may use."""
    if jobs is not None and jobs < 1:
        raise UsageError("--jobs must be 1 or more")
    return max(1, min(jobs or default_jobs(), files))


def assess_many(
    files: Sequence[Path], settings: Settings, jobs: int | None, console: Console
) -> list[Outcome]:
    """Every file's outcome, in the order given, with a progress bar when `console` is a terminal."""
    workers = workers_for(jobs, len(files))
    outcomes: dict[int, Outcome] = {}
    # closing(): should a signal come while an outcome is handled here, the pool still stops
    # its workers now, not when the generator happens to be collected.
    with (
        _progress(console) as progress,
        closing(_outcomes(files, settings, workers, console)) as done,
    ):
        task = progress.add_task(escape(_("assessing")), total=len(files))
        for index, outcome in done:
            outcomes[index] = outcome
            progress.advance(task)
            progress.refresh()
    return [outcomes[i] for i in range(len(files))]


def _progress(console: Console) -> Progress:
    # Refreshed by hand, not by rich's thread: workers are forked, and `ncr` runs no thread then.
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
        auto_refresh=False,
        disable=not console.is_terminal,
    )


def _outcomes(
    files: Sequence[Path], settings: Settings, workers: int, console: Console
) -> Generator[tuple[int, Outcome], None, None]:
    """(index, outcome) of each file as it finishes."""
    worker = Worker(settings)
    if len(files) == 1:  # not worth starting a process for
        yield 0, worker.run(files[0])
        return
    worker.prime(files)
    pool = Pool(
        worker,
        workers,
        lost=lambda path, how: Outcome(str(path), bug=f"{how} while assessing {path}"),
        tasks_per_worker=TASKS_PER_WORKER,
        notice=lambda message: console.print(escape(message)),
        abandoned=lambda path: _remove_parts(settings, path),
    )
    largest_first = sorted(range(len(files)), key=lambda i: -_size(files[i]))
    written = 0
    try:
        for position, outcome in pool.results([files[i] for i in largest_first]):
            written += outcome.written is not None
            yield largest_first[position], outcome
    except (Interrupted, KeyboardInterrupt):
        if settings.folder is not None:
            written += sum(1 for o in pool.drained if o.written)
            stopped = ngettext(
                "stopped: %(written)d of %(count)d report(s) written into %(folder)s",
                "stopped: %(written)d of %(count)d report(s) written into %(folder)s",
                written,  # French and Spanish agree with the reports written
            )
            values = {"written": written, "count": len(files), "folder": str(settings.folder)}
            console.print(escape(stopped % values))
        raise


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _remove_parts(settings: Settings, path: Path) -> None:
    """What a worker killed while writing may leave: its temporary `.NAME.*.part` file."""
    if settings.folder is None or settings.fmt is None:
        return
    target = target_of(settings.folder, path, settings.fmt)
    for part in settings.folder.glob(f".{target.name}.*.part"):
        part.unlink(missing_ok=True)


# --- `ncr assess FILE… [-o FOLDER]` -------------------------------------------------------------


def run_batch(opts: AssessOptions) -> int:
    err = stderr()
    catalog = Catalog.create(opts.paths)
    look = report_look(opts.templates, opts.profile, catalog)
    settings = Settings(
        catalog=catalog,
        look=look,
        benchmark=opts.benchmark,
        strict=opts.strict,
        fail_under=opts.fail_under,
        lang=opts.lang,
    )
    workers_for(opts.jobs, len(opts.files))  # a usage error before anything is created
    if opts.output is not None:
        fmt = opts.fmt or "pdf"
        read = [*opts.files, *read_by_look(look, opts.profile)]
        _check_folder(opts.files, opts.output, fmt, opts.force, read)
        settings = replace(settings, fmt=fmt, folder=opts.output)
        if not opts.output.exists():
            opts.output.mkdir()
            err.print(escape(_("created the folder %(folder)s") % {"folder": str(opts.output)}))
    elif opts.fmt not in (None, "text", "json"):
        raise UsageError(f"--format {opts.fmt} needs -o FOLDER; the terminal shows text or json")
    outcomes = assess_many(opts.files, settings, opts.jobs, err)
    if opts.output is None:
        show_table(outcomes, Console(highlight=False), as_json=opts.fmt == "json")
    code = report(outcomes, err)
    err.print(f"{escape(_done(outcomes, opts.output))} — {escape(totals(outcomes))}")
    return code


def _done(outcomes: Sequence[Outcome], folder: Path | None) -> str:
    """What the run made: "wrote 2 report(s) into out", or "3 file(s)" when it only assessed."""
    if folder is None:
        return ngettext("%(count)d file(s)", "%(count)d file(s)", len(outcomes)) % {
            "count": len(outcomes)
        }
    written = sum(1 for o in outcomes if o.written)
    wrote = ngettext(
        "wrote %(count)d report(s) into %(folder)s",
        "wrote %(count)d report(s) into %(folder)s",
        written,
    )
    return wrote % {"count": written, "folder": str(folder)}


def _check_folder(
    files: Sequence[Path], folder: Path, fmt: str, force: bool, read: Sequence[Path]
) -> None:
    """Refuse, before any work, everything that would make a report collide or overwrite; the
    files of `read` (inputs, templates, profile) are never written over, even with --force."""
    if fmt not in FORMATS:
        raise UsageError(f"--format {fmt} cannot fill a folder: use one of {', '.join(FORMATS)}")
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder} is a file; several inputs need a folder for -o")
    if not folder.exists():
        if folder.suffix.lower() in REPORT_SUFFIXES:
            raise UsageError(f"-o {folder} names one report, but several inputs need a folder")
        if not folder.parent.is_dir():
            raise UsageError(f"the folder {folder.parent} does not exist")
    refuse_inputs(folder, [])  # never into ncr's own folders
    check_writable(folder if folder.exists() else folder.parent)
    stems: dict[str, list[Path]] = {}
    for path in files:
        # Case-folded: on a case-insensitive file system XA.yaml and xa.yaml would collide too.
        stems.setdefault(path.stem.casefold(), []).append(path)
    clashes = [paths for paths in stems.values() if len(paths) > 1]
    if clashes:
        lines = [" and ".join(str(p) for p in paths) for paths in clashes]
        raise UsageError(
            "inputs with the same name would write the same report:\n  " + "\n  ".join(lines)
        )
    conflicts = _conflicts(files, folder, fmt, force, read)
    if conflicts:
        hint = "" if force else " (use --force to replace existing reports)"
        raise UsageError(
            f"{len(conflicts)} report(s) cannot be written{hint}:\n  " + "\n  ".join(conflicts)
        )


def _conflicts(
    files: Sequence[Path], folder: Path, fmt: str, force: bool, read: Sequence[Path]
) -> list[str]:
    found = []
    for path in files:
        target = target_of(folder, path, fmt)
        if reads_over(target, read):
            found.append(f"{target} is a file this run reads (even with --force)")
        elif target.is_dir():
            found.append(f"{target} is a folder")
        elif target.exists() and not force:
            found.append(f"{target} already exists")
    return found


def show_table(outcomes: Sequence[Outcome], console: Console, *, as_json: bool) -> None:
    """One row per file: country, year, overall score, level and status against the benchmark."""
    if as_json:
        rows = [_json_row(o) for o in outcomes]
        console.out(json.dumps(rows, indent=2, ensure_ascii=False), end="\n")
        return
    headings = (_("File"), _("Country"), _("Year"), _("Score"), _("Level"), _("Status"))
    t = table(*headings, plain=not console.is_terminal)
    t.columns[0].overflow = "fold"  # a path cut short would not say which file
    for o in outcomes:
        s = o.snapshot
        if s is None:
            # Translators: a file's status in the batch table: ncr itself failed on it.
            status = _("invalid") if o.errors else _("bug")
            t.add_row(escape(o.file), "", "", "", "", Text(status, "red"))
            continue
        t.add_row(
            escape(o.file),
            escape(f"{s.country.name} ({s.country.code})"),
            str(s.year),
            number(s.overall.score),
            escape(level_label(s.overall)),
            status_text(s.overall.status),
        )
    console.print(t)


def _json_row(o: Outcome) -> dict[str, object]:
    s = o.snapshot
    if s is None:
        return {"file": o.file, "valid": False}
    overall = s.overall.model_dump(include={"score", "level", "level_name", "delta", "status"})
    return {
        "file": o.file,
        "valid": True,
        "country": s.country.model_dump(),
        "year": s.year,
        "overall": overall,
        "gates_not_met": list(o.gates),
    }


def report(outcomes: Sequence[Outcome], err: Console) -> int:
    """Every problem, located, once the run is over; returns the exit code."""
    print_problems([p for o in outcomes for p in o.errors], err)
    print_problems(sorted({p for o in outcomes for p in o.language}), err)
    for o in outcomes:
        for reason in o.gates:
            err.print(
                "[red]" + escape(_("gate not met:")) + f"[/] {escape(o.file)}: {escape(reason)}"
            )
        if o.bug:
            bug = _("internal error on %(file)s: this is a bug in ncr.") % {"file": o.file}
            err.print(f"[red]{escape(bug)}[/]")
            if os.environ.get("NCR_DEBUG"):
                err.out(o.bug)
    warned = [o for o in outcomes if o.warnings]
    if warned:
        err.print(_warnings_line(sum(o.warnings for o in warned), len(warned)))
    if any(o.bug for o in outcomes):
        err.print(escape(_("Run again with NCR_DEBUG=1 to see the details, and please report it.")))
        return EXIT_BUG
    if any(o.invalid for o in outcomes):
        return EXIT_INVALID
    return EXIT_GATE if any(o.gates for o in outcomes) else EXIT_OK


def _warnings_line(total: int, files: int) -> str:
    """ "[yellow]1,200 warning(s) in 3 files[/]; `ncr validate FILE` lists them", as markup."""
    in_files = ngettext("%(count)d file", "%(count)d files", files) % {"count": files}
    warned = ngettext(
        "%(count)s warning(s) in %(files)s", "%(count)s warning(s) in %(files)s", total
    ) % {"count": count(total), "files": in_files}
    hint = escape(_("%(warnings)s; `ncr validate FILE` lists them"))
    return hint.replace("%(warnings)s", f"[yellow]{escape(warned)}[/]")


def totals(outcomes: Sequence[Outcome]) -> str:
    invalid = sum(1 for o in outcomes if o.invalid)
    gated = sum(1 for o in outcomes if o.gates)
    # Translators: the end of a batch's last line, e.g. "0 invalid input(s), 1 failing a gate".
    return _("%(invalid)s, %(gated)s") % {
        "invalid": ngettext("%(count)d invalid input(s)", "%(count)d invalid input(s)", invalid)
        % {"count": invalid},
        "gated": ngettext("%(count)d failing a gate", "%(count)d failing a gate", gated)
        % {"count": gated},
    }
