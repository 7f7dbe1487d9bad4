"""Worker processes for a batch, owned by the `ncr` process from start to end.

Our own small pool rather than `ProcessPoolExecutor`, whose manager thread, queues and exit join
hung for good on a second Ctrl-C and left the fork server, the resource tracker and the workers
running when the parent was killed (issue 13). Here each worker is a child of `ncr` with a pipe:

- **Started warm.** On Linux workers are forked from `ncr`, which has imported the renderer and
  loaded the shared documents (framework, questionnaire, benchmark) once for the whole batch: every
  worker starts with them in memory. `ncr` runs no thread while it forks (the progress bar is
  refreshed by hand). Elsewhere workers are spawned and receive the loaded documents pickled.
- **Recycled** every `tasks_per_worker` files, one worker at a time: WeasyPrint grows ~0.6 MB a PDF
  in a long-lived process (PITFALLS.md), and a fresh fork costs milliseconds.
- **Never outlive `ncr`.** A worker asks Linux for SIGTERM when its parent dies
  (`PR_SET_PDEATHSIG`), so even a SIGKILL of `ncr` ends the workers; elsewhere a thread watches the
  parent. A worker ignores Ctrl-C (the terminal sends it to the whole process group; `ncr` decides),
  and on SIGTERM removes its temporary folder and exits at once.
- **Stopped on a signal.** The first Ctrl-C lets the reports being written finish (they are then
  complete) and starts nothing more; a second Ctrl-C, or SIGTERM, stops the workers at once
  (SIGTERM, then SIGKILL after a grace period). Reports are written atomically with signals held
  back, so a stopped worker leaves no damaged file; `abandoned` lets the caller remove what a
  killed worker may have left (its `.part` file).
- **Temporary files** (WeasyPrint's `weasyprint-*` font folders) go into a folder of the batch,
  one sub-folder per worker, which `ncr` removes at the end whatever happened.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.context import BaseContext
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Generic, Protocol, TypeVar

from ncr.outputs import interrupts
from ncr.outputs.interface_text import _, ngettext
from ncr.outputs.interrupts import Interrupted

T = TypeVar("T")
R = TypeVar("R")
T_contra = TypeVar("T_contra", contravariant=True)
R_co = TypeVar("R_co", covariant=True)

GRACE_SECONDS = 1.5  # how long a SIGTERM'd worker may take before SIGKILL
PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


class Runner(Protocol[T_contra, R_co]):
    """What a worker does with one task; sent to each worker once (pickled only under spawn)."""

    def __call__(self, task: T_contra, /) -> R_co: ...


def default_context() -> BaseContext:
    """fork on Linux (workers start warm, see above); spawn elsewhere (fork is unsafe on macOS)."""
    method = "fork" if sys.platform.startswith("linux") else "spawn"
    return multiprocessing.get_context(method)


@dataclass
class _Worker(Generic[T]):
    process: BaseProcess
    conn: Connection
    task: tuple[int, T] | None = None
    done: int = 0


@dataclass
class Pool(Generic[T, R]):
    """Runs `runner` over tasks in `jobs` worker processes; see `results`."""

    runner: Runner[T, R]
    jobs: int
    lost: Callable[[T, str], R]  # the result of a task whose worker died: (task, how)
    tasks_per_worker: int = 25
    context: BaseContext = field(default_factory=default_context)
    notice: Callable[[str], None] = lambda _message: None
    abandoned: Callable[[T], None] = lambda _task: None
    drained: list[R] = field(default_factory=list)  # results that came while stopping

    def results(self, tasks: Sequence[T]) -> Iterator[tuple[int, R]]:
        """(index, result) for each task as it finishes. On Ctrl-C or SIGTERM, raises
        `Interrupted` (or KeyboardInterrupt) once the workers are stopped and cleaned up."""
        scratch = Path(tempfile.mkdtemp(prefix="ncr-batch-"))
        workers: list[_Worker[T]] = []
        try:
            yield from self._run(list(enumerate(tasks)), workers, scratch)
        except (Interrupted, KeyboardInterrupt) as stop:
            self._stop(workers, first=stop)
            raise
        finally:
            self._kill(workers)
            shutil.rmtree(scratch, ignore_errors=True)

    def _run(
        self, todo_list: list[tuple[int, T]], workers: list[_Worker[T]], scratch: Path
    ) -> Iterator[tuple[int, R]]:
        todo = deque(todo_list)
        started = 0
        while todo or any(w.task is not None for w in workers):
            while todo and len(workers) < self.jobs:
                workers.append(self._start(scratch / f"worker-{started}"))
                started += 1
            for worker in workers:
                if worker.task is None and todo:
                    worker.task = todo.popleft()
                    worker.conn.send(worker.task)
            for worker in self._ready(workers):
                yield from self._collect(worker, workers)

    def _ready(self, workers: list[_Worker[T]]) -> list[_Worker[T]]:
        by_conn = {id(w.conn): w for w in workers if w.task is not None}
        ready = wait([w.conn for w in workers if w.task is not None])
        return [by_conn[id(conn)] for conn in ready]

    def _collect(self, worker: _Worker[T], workers: list[_Worker[T]]) -> Iterator[tuple[int, R]]:
        assert worker.task is not None
        index, task = worker.task
        try:
            got_index, result = worker.conn.recv()
        except (EOFError, OSError):  # the worker died: say so for its file, start another
            workers.remove(worker)
            worker.process.join()
            worker.task = None
            self.abandoned(task)
            yield index, self.lost(task, _ended(worker.process.exitcode))
            return
        worker.task = None
        worker.done += 1
        if worker.done >= self.tasks_per_worker:
            workers.remove(worker)
            self._retire(worker)
        yield got_index, result

    def _start(self, scratch: Path) -> _Worker[T]:
        ours, theirs = self.context.Pipe()
        process = self.context.Process(  # type: ignore[attr-defined]  # every context has one
            target=serve,
            args=(self.runner, theirs, os.getpid(), scratch),
            name=f"ncr-{scratch.name}",
            daemon=True,
        )
        # Held: the child starts with Ctrl-C and SIGTERM held back until it has set up its own
        # handling, and our own handler cannot cut the start in two.
        with interrupts.held():
            process.start()
        theirs.close()
        return _Worker(process, ours)

    @staticmethod
    def _retire(worker: _Worker[T]) -> None:
        with contextlib.suppress(OSError):
            worker.conn.send(None)
        worker.process.join(GRACE_SECONDS)
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join()
        worker.conn.close()

    def _stop(self, workers: list[_Worker[T]], first: BaseException) -> None:
        """First Ctrl-C: let the reports being written finish. A second, or SIGTERM: at once."""
        busy = sum(1 for w in workers if w.task is not None)
        gentle = isinstance(first, Interrupted) and first.signum == signal.SIGINT
        if not gentle or not busy:
            return
        finishing = ngettext(
            "interrupted: finishing the %(count)d report(s) being written, starting no other "
            "(Ctrl-C again to stop at once)",
            "interrupted: finishing the %(count)d report(s) being written, starting no other "
            "(Ctrl-C again to stop at once)",
            busy,
        )
        self.notice(finishing % {"count": busy})
        try:
            while any(w.task is not None for w in workers):
                for worker in self._ready(workers):
                    self.drained.extend(result for _index, result in self._collect(worker, workers))
        except (Interrupted, KeyboardInterrupt):
            self.notice(_("stopping at once"))

    def _kill(self, workers: list[_Worker[T]]) -> None:
        """End every worker still there: SIGTERM (they clean up and exit), then SIGKILL."""
        with interrupts.held():
            for worker in workers:
                if worker.task is None:
                    with contextlib.suppress(OSError):
                        worker.conn.send(None)
                else:
                    with contextlib.suppress(OSError):
                        worker.process.terminate()
            deadline = time.monotonic() + GRACE_SECONDS
            for worker in workers:
                worker.process.join(max(0.0, deadline - time.monotonic()))
                if worker.process.is_alive():
                    worker.process.kill()
                    worker.process.join()
                if worker.task is not None:
                    self.abandoned(worker.task[1])
                worker.conn.close()
            workers.clear()


def _ended(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        return f"the worker process was ended by {signal.Signals(-exitcode).name}"
    return f"the worker process ended unexpectedly (exit code {exitcode})"


# --- inside a worker ------------------------------------------------------------------------------


def serve(runner: Runner[T, R], conn: Connection, parent: int, scratch: Path) -> None:
    """A worker's life: set up, then one task at a time until told to stop or the parent is gone.
    Starts with SIGINT and SIGTERM held (inherited from `Pool._start`)."""
    interrupts.reset()
    scratch.mkdir(parents=True, exist_ok=True)
    _use_temp_folder(scratch)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, lambda _signum, _frame: _leave(scratch, 128 + signal.SIGTERM))
    _end_with(parent)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, interrupts.SIGNALS)
    try:
        while (task := conn.recv()) is not None:
            index, item = task
            conn.send((index, runner(item)))
    except (EOFError, OSError):  # the parent is gone
        pass
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _use_temp_folder(folder: Path) -> None:
    os.environ["TMPDIR"] = str(folder)
    tempfile.tempdir = str(folder)


def _leave(scratch: Path, code: int) -> None:
    """SIGTERM in a worker: no report is half-written (they are written with signals held)."""
    shutil.rmtree(scratch, ignore_errors=True)
    with contextlib.suppress(OSError):
        scratch.parent.rmdir()  # the batch's folder, once empty: the parent may be gone
    os._exit(code)


def _end_with(parent: int) -> None:
    """Get SIGTERM when the parent dies, whatever kills it."""
    if sys.platform.startswith("linux"):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0) == 0:
            if os.getppid() != parent:  # it died before we asked
                os.kill(os.getpid(), signal.SIGTERM)
            return
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os.kill(os.getpid(), signal.SIGTERM)
