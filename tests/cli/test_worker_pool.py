"""The batch's worker processes: recycled, replaced when one dies, stopped by Ctrl-C and SIGTERM
with only complete reports left, and never alive after `ncr` — whatever ended it.

The signal tests run `ncr assess examples/*.yaml -o FOLDER --jobs 2` as a real process in a session
of its own and look at /proc for what is left of its process group.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import EXAMPLES, FIXTURES, LIB
from ncr.cli.batch import Outcome, Settings, Worker
from ncr.cli.worker_pool import Pool
from ncr.loader.search_path import Catalog
from processes import children, group, start, wait_for

BATCH = FIXTURES / "batch"
SIX = sorted(EXAMPLES.glob("*.yaml"))  # six reviews: three countries, two cycles
STOP_SECONDS = 10  # generous: the machine may be shared; a hang is what this catches


def pid_of(task: int) -> tuple[int, int]:
    return task, os.getpid()


def die_on_three(task: int) -> int:
    if task == 3:
        os._exit(7)
    return task * 10


def lost(task: int, how: str) -> str:
    return f"{task}: {how}"


def test_results_come_back_for_every_task_and_workers_are_recycled() -> None:
    pool: Pool[int, tuple[int, int]] = Pool(pid_of, 1, lost=lambda t, h: (t, 0), tasks_per_worker=2)
    results = dict(pool.results([10, 11, 12, 13, 14]))
    assert sorted(r[0] for r in results.values()) == [10, 11, 12, 13, 14]
    # one job, two tasks a worker: five tasks take three workers in turn
    assert len({pid for _task, pid in results.values()}) == 3
    assert os.getpid() not in {pid for _task, pid in results.values()}


def test_a_worker_that_dies_costs_only_its_own_task() -> None:
    pool: Pool[int, object] = Pool(die_on_three, 2, lost=lost)
    results = dict(pool.results([1, 2, 3, 4, 5]))
    assert results[2] == "3: the worker process ended unexpectedly (exit code 7)"
    assert [results[i] for i in (0, 1, 3, 4)] == [10, 20, 40, 50]


def test_shared_documents_are_loaded_once_for_the_whole_batch(tmp_path: Path) -> None:
    # Primed in the parent, then the framework, questionnaire and benchmark files are spoilt: a
    # worker that read them again — even a recycled one, started for the later files — would
    # report them invalid. Every file is assessed: the workers never read them.
    lib = tmp_path / "lib"
    shutil.copytree(LIB, lib)
    files = [BATCH / "borduria.yaml", BATCH / "carpania.yaml"] * 3
    worker = Worker(Settings(Catalog.create([lib], env={})))
    worker.prime(files)
    for shared in lib.rglob("*.yaml"):
        shared.write_text("spoilt: [", encoding="utf-8")
    pool: Pool[Path, Outcome] = Pool(
        worker, 2, lost=lambda p, h: Outcome(str(p)), tasks_per_worker=1
    )
    outcomes = dict(pool.results(files))
    assert [o.errors for o in outcomes.values()] == [()] * 6
    assert {o.snapshot.country.code for o in outcomes.values() if o.snapshot} == {"XB", "XC"}


def test_spawned_workers_get_the_shared_documents_loaded_once() -> None:
    # Where there is no fork (macOS, Windows), the primed loader is sent to each worker pickled.
    worker = Worker(Settings(Catalog.create([LIB], env={})))
    files = [BATCH / "borduria.yaml", BATCH / "carpania.yaml"]
    worker.prime(files)
    assert len(worker.loader._cache) >= 2  # questionnaire and framework, loaded here
    spawn = multiprocessing.get_context("spawn")
    pool: Pool[Path, Outcome] = Pool(worker, 2, lost=lambda p, h: Outcome(str(p)), context=spawn)
    outcomes = dict(pool.results(files))
    assert [outcomes[i].snapshot and outcomes[i].snapshot.country.code for i in (0, 1)] == [
        "XB",
        "XC",
    ]


# --- a real batch, signalled ----------------------------------------------------------------------


def batch(tmp_path: Path) -> tuple[subprocess.Popen[bytes], Path, Path]:
    out, temp = tmp_path / "reports", tmp_path / "tmp"
    temp.mkdir()
    process = start("assess", *SIX, "-o", out, "--jobs", "2", tmpdir=temp)
    # Both workers are rendering once they exist and a moment has passed.
    assert wait_for(lambda: len(children(process.pid)) >= 2, 60), "the workers never started"
    time.sleep(1.0)
    return process, out, temp


def assert_nothing_left(pgid: int, out: Path, temp: Path) -> None:
    assert wait_for(lambda: not group(pgid), STOP_SECONDS), f"still running: {group(pgid)}"
    for report in out.iterdir():
        assert report.suffix == ".pdf", f"a partial file was left: {report.name}"
        assert len(PdfReader(report).pages) > 10  # complete, not a cut-off file
    assert sorted(temp.rglob("*")) == []  # no `weasyprint-*`, no `ncr-batch-*`


@pytest.mark.slow
def test_a_second_ctrl_c_stops_a_batch_at_once(tmp_path: Path) -> None:
    process, out, temp = batch(tmp_path)
    os.killpg(process.pid, signal.SIGINT)  # a terminal sends Ctrl-C to the whole group
    time.sleep(0.3)
    began = time.monotonic()
    os.killpg(process.pid, signal.SIGINT)
    _, err = process.communicate(timeout=STOP_SECONDS)
    assert time.monotonic() - began < STOP_SECONDS
    message = err.decode()
    assert process.returncode == 130, message
    assert "Ctrl-C again to stop at once" in message
    assert message.rstrip().endswith("interrupted")
    assert "Traceback" not in message
    assert_nothing_left(process.pid, out, temp)


@pytest.mark.slow
def test_sigterm_stops_a_batch_at_once(tmp_path: Path) -> None:
    process, out, temp = batch(tmp_path)
    process.send_signal(signal.SIGTERM)  # to `ncr` only, as `kill PID` does
    _, err = process.communicate(timeout=STOP_SECONDS)
    message = err.decode()
    assert process.returncode == 143, message
    assert f"report(s) written into {out}" in message
    assert "stopped by SIGTERM" in message
    assert "Traceback" not in message
    assert_nothing_left(process.pid, out, temp)


@pytest.mark.slow
def test_workers_do_not_outlive_a_killed_parent(tmp_path: Path) -> None:
    process, out, temp = batch(tmp_path)
    workers = children(process.pid)
    process.kill()  # SIGKILL: ncr can do nothing; the workers must notice by themselves
    process.communicate(timeout=STOP_SECONDS)
    assert wait_for(lambda: not workers & group(process.pid), 5), "a worker outlived ncr"
    assert_nothing_left(process.pid, out, temp)
