"""How fast is ncr? `make bench` prints the machine and a Markdown table of measures and targets.

Not part of the tests: it takes minutes (the batch lays out hundreds of PDF pages). It generates a
seeded corpus of synthetic responses to the ncr-core-2026 questionnaire in a temporary folder —
answers drawn per question type, with some n/a, unknown and missing ones — and measures start-up,
the scoring engine, one PDF report against WeasyPrint alone, the batch speed-up (20 PDFs with one
job and with every core, alternated), and batches with every core, sampling the memory of the whole
process tree while they run.

    .venv/bin/python benchmarks/bench.py [--files 200] [--seed 2026] [--only speed-up]
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.metadata
import io
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ncr import __version__
from ncr.cli.batch import default_jobs
from ncr.documents import Question, Questionnaire, Response
from ncr.engine import Assessment, assess
from ncr.engine.scoring import score_answers
from ncr.loader.loading import Loader
from ncr.loader.search_path import Catalog
from ncr.pipeline import Review, assess_review, open_review
from ncr.shipped import template_dir

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "ncr"
NCR = str(Path(sys.executable).with_name("ncr"))
QUESTIONNAIRE = "ncr-core-2026"
REPORT_EXAMPLE = ROOT / "examples" / "xa-2026.yaml"
# User-assigned ISO 3166 codes, so no real country is scored: AA, QM-QZ, XA-XZ, ZZ.
CODES = [
    "AA",
    *(f"Q{c}" for c in "MNOPQRSTUVWXYZ"),
    *(f"X{c}" for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
    "ZZ",
]
# Back to 1980 (the earliest year a response may carry), then forward: 42 codes × 47 years is 1,974
# responses, so a world-scale corpus of 2,000 also holds a few future reviews.
YEARS = [*range(2026, 1979, -1), *range(2027, 2201)]
MISSING, UNKNOWN, NOT_APPLICABLE, EVIDENCE = 0.05, 0.03, 0.3, 0.6
MB = 1024 * 1024


# --- the corpus -----------------------------------------------------------------------------------


def draw_answer(question: Question, rng: random.Random) -> Any:
    """A plausible answer of the question's type; None for a missing one."""
    roll = rng.random()
    if question.scored and roll < MISSING:
        return None
    if question.scored and roll < MISSING + UNKNOWN:
        return "unknown"
    if question.allow_na and rng.random() < NOT_APPLICABLE:
        return "n/a"
    values = [option.value for option in question.options]
    match question.type:
        case "yes_no":
            return rng.choice(["yes", "yes", "no"])
        case "choice":
            return rng.choice(values)
        case "multi":
            return rng.sample(values, rng.randint(1, len(values)))
        case "number":
            band = rng.choice(question.bands)
            return int(band.min) + rng.randint(0, 3)
        case _:
            return f"Synthetic description for {question.id}, drawn for the benchmark."


def draw_response(
    questionnaire: Questionnaire, code: str, year: int, rng: random.Random
) -> dict[str, Any]:
    answers: dict[str, Any] = {}
    for question in questionnaire.questions():
        value = draw_answer(question, rng)
        if value is None:
            continue
        if question.evidence == "required" or rng.random() < EVIDENCE:
            evidence = [f"Synthetic Act {year - rng.randint(0, 15)}, s. {rng.randint(1, 300)}"]
            answers[question.id] = {"answer": value, "evidence": evidence}
        else:
            answers[question.id] = value
    return {
        "country": {"code": code, "name": f"Country {code}"},
        "year": year,
        "questionnaire": QUESTIONNAIRE,
        "review": {
            "date": dt.date(year, rng.randint(1, 12), rng.randint(1, 28)),
            "status": rng.choice(["final", "final", "draft"]),
            "reviewers": ["B. Enchmark"],
        },
        "answers": answers,
    }


def drop_inapplicable(doc: dict[str, Any], questionnaire: Questionnaire) -> None:
    """A reviewer leaves out the questions whose `applies_if` is false, as the form tells them."""
    scored = score_answers(questionnaire, Response.model_validate(doc))
    for qid, answer in scored.items():
        if answer.state == "not_applicable":
            doc["answers"].pop(qid, None)


def make_corpus(folder: Path, count: int, seed: int, questionnaire: Questionnaire) -> list[Path]:
    rng = random.Random(seed)
    pairs = [(code, year) for year in YEARS for code in CODES][:count]
    files = []
    for code, year in pairs:
        doc = draw_response(questionnaire, code, year, rng)
        drop_inapplicable(doc, questionnaire)
        path = folder / f"{code.lower()}-{year}.yaml"
        path.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True))
        files.append(path)
    return files


# --- measuring ------------------------------------------------------------------------------------


def median_time(
    action: Callable[[], object], repeat: int, clock: Callable[[], float] = time.perf_counter
) -> float:
    times = []
    for _ in range(repeat):
        start = clock()
        action()
        times.append(clock() - start)
    return statistics.median(times)


# In-process work is timed in CPU time: on a shared machine (our CI runners, or a laptop with a
# browser) wall time measures the neighbours too. Single-threaded, the two agree on an idle machine.
cpu_time = time.process_time


def cli(*args: str | Path) -> None:
    subprocess.run([NCR, *map(str, args)], check=True, capture_output=True)


def rate(action: Callable[[], object], items: int, seconds: float = 2.0) -> float:
    """Items per CPU second of `action` (which handles `items` items), run for about `seconds`."""
    done, start = 0, cpu_time()
    while cpu_time() - start < seconds:
        action()
        done += items
    return done / (cpu_time() - start)


@dataclass
class TreeMemory:
    """Peak memory of a process and every descendant, sampled from /proc.

    The sum of PSS counts a page shared by several processes (forked workers) once, split
    between them; VmHWM is each process's own peak resident size, parent and largest worker.
    `getrusage(RUSAGE_CHILDREN)` cannot see the workers: they are children of the fork server,
    which nobody waits for."""

    root: int
    total_pss: int = 0
    parent_hwm: int = 0
    worker_hwm: int = 0
    # CPU seconds each process had used when last seen: the tree's CPU time, which the neighbours
    # on a shared machine do not inflate (a process's last 50 ms before it exits are missed)
    cpu: dict[int, float] = field(default_factory=dict)

    def sample(self) -> None:
        pids = descendants(self.root)
        for pid in pids:
            self.cpu[pid] = max(self.cpu.get(pid, 0.0), proc_cpu(pid))
        self.total_pss = max(self.total_pss, sum(proc_kb(p, "smaps_rollup", "Pss:") for p in pids))
        self.parent_hwm = max(self.parent_hwm, proc_kb(self.root, "status", "VmHWM:"))
        for pid in pids - {self.root}:
            self.worker_hwm = max(self.worker_hwm, proc_kb(pid, "status", "VmHWM:"))


def descendants(root: int) -> set[int]:
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rpartition(")")[2].split()[1])
            parents.setdefault(ppid, []).append(int(entry.name))
    found, todo = {root}, [root]
    while todo:
        for child in parents.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def proc_cpu(pid: int) -> float:
    """User and system CPU seconds of a running process."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def proc_kb(pid: int, name: str, key: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/{name}").read_text().splitlines():
            if line.startswith(key):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def run_batch(files: Sequence[Path], out: Path, jobs: int) -> tuple[float, TreeMemory]:
    args: list[str | Path] = [NCR, "assess", *files, "-o", out, "--format", "pdf", "-j", str(jobs)]
    args.append("--force")
    return run_tree(args, ok=(0, 1))  # 1: a gate, none is set; anything else is a failure


# --- the report -----------------------------------------------------------------------------------


@dataclass
class Row:
    measure: str
    result: str
    target: str = ""
    met: bool | None = None

    def markdown(self) -> str:
        verdict = {None: "", True: "yes", False: "**no**"}[self.met]
        return f"| {self.measure} | {self.result} | {self.target} | {verdict} |"


def machine() -> list[str]:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or "unknown",
    )
    memory = proc_kb(os.getpid(), "../meminfo", "MemTotal:")
    versions = {name: importlib.metadata.version(name) for name in ("weasyprint", "pydantic")}
    return [
        f"- CPU: {cpu}, {default_jobs()} core(s) available (`nproc`)",
        f"- Memory: {memory / 1024**3:.1f} GB",
        f"- OS: {platform.platform()}",
        "- Load average (1, 5, 15 min) at the end: "
        + ", ".join(f"{x:.2f}" for x in os.getloadavg()),
        f"- Python {platform.python_version()}, WeasyPrint {versions['weasyprint']}, "
        + f"pydantic {versions['pydantic']}, ncr {__version__}",
    ]


FLOOR = "import typer, pydantic, yaml, rich"


def child_cpu(args: Sequence[str | Path]) -> float:
    """CPU seconds (user + system) of one command run to the end, from the rusage of children."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(list(map(str, args)), check=True, capture_output=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def start_up(example: Path, repeat: int) -> list[Row]:
    """Cold starts in CPU time, the floor and each command taken in turn in the same run, so that
    the machine's load weighs on both sides of each ratio alike."""
    commands: dict[str, list[str | Path]] = {
        "floor": [sys.executable, "-c", FLOOR],
        "help": [NCR, "--help"],
        "validate": [NCR, "validate", example],
        "assess": [NCR, "assess", example, "--format", "json"],
    }
    # Installed from a wheel, ncr's modules are compiled to bytecode by pip, as the packages of the
    # floor are; an editable install where PYTHONDONTWRITEBYTECODE is set (as on this machine)
    # would compile them from source at every start, about 70 ms that no user pays.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(PACKAGE)], check=True)
    child_cpu(commands["assess"])  # the first run fills the cache of built-in documents
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, args in commands.items():
            times[name].append(child_cpu(args))
    cpu = {name: statistics.median(values) for name, values in times.items()}
    floor = cpu["floor"]

    def ratio_row(name: str, what: str) -> Row:
        ratio = cpu[name] / floor
        return Row(
            f"{what} of one response / the floor, CPU time (median of {repeat})",
            f"{ratio:.2f}× ({cpu[name]:.3f} s / {floor:.3f} s)",
            "≤ 2×",
            ratio <= 2,
        )

    return [
        Row(
            f"`ncr --help`, cold, CPU time (median of {repeat})",
            f"{cpu['help']:.3f} s",
            "< 0.2 s",
            cpu["help"] < 0.2,
        ),
        Row(f"The floor: `python -c '{FLOOR}'`, CPU time", f"{floor:.3f} s"),
        ratio_row("validate", "`ncr validate`"),
        ratio_row("assess", "`ncr assess --format json`"),
    ]


def engine(files: Sequence[Path]) -> list[Row]:
    loader = Loader(Catalog.create())
    reviews: list[Review] = [open_review(loader, path) for path in files]
    inputs = [review.inputs() for review in reviews]

    def score_all() -> None:
        for item in inputs:
            assess(item, ncr_version=__version__)

    def load_and_score() -> None:
        fresh = Loader(Catalog.create())
        for path in files:
            assess_review(open_review(fresh, path))

    engine_rate = rate(score_all, len(inputs))
    pipeline_rate = rate(load_and_score, len(files))
    return [
        Row(
            f"Engine: `assess()` of {len(files)} loaded responses, per CPU second",
            f"{engine_rate:,.0f} responses/s",
            "≥ 1,000 responses/s",
            engine_rate >= 1000,
        ),
        Row(
            "Read YAML, validate, check and assess, per CPU second",
            f"{pipeline_rate:,.0f} responses/s",
        ),
    ]


def pdf(example: Path, scratch: Path) -> list[Row]:
    import weasyprint
    from pypdf import PdfReader

    from ncr.outputs.reports import assessment_report as htmldoc
    from ncr.outputs.reports import pdf_writer as ncr_pdf

    result: Assessment = assess_review(open_review(Loader(Catalog.create()), example))
    # Warm up (fonts, stylesheets, first-use caches), as a batch worker is after its first report.
    pages = len(PdfReader(io.BytesIO(ncr_pdf.assessment(result))).pages)
    ncr_time = median_time(lambda: ncr_pdf.assessment(result), 3, cpu_time)
    # The same HTML, its `ncr-asset:` fonts turned into file URLs that WeasyPrint's own fetcher reads.
    html = htmldoc.assessment_html(result, embed_fonts=True).replace(
        "ncr-asset:", template_dir().as_uri() + "/"
    )
    alone = median_time(lambda: weasyprint.HTML(string=html).write_pdf(), 3, cpu_time)
    cold = median_time(lambda: cli("assess", example, "-o", scratch / "one.pdf", "--force"), 3)
    ratio = ncr_time / alone
    return [
        Row(
            f"One PDF report ({example.name}, {pages} pages), in process, CPU time (median of 3)",
            f"{ncr_time:.2f} s",
            "< 3 s",
            ncr_time < 3,
        ),
        Row("The same, `ncr assess -o x.pdf` from a cold start (median of 3)", f"{cold:.2f} s"),
        Row("WeasyPrint alone on the same HTML, CPU time (median of 3)", f"{alone:.2f} s"),
        Row("ncr's PDF time / WeasyPrint alone", f"{ratio:.2f}×", "≤ 1.15×", ratio <= 1.15),
    ]


# The last commit of release 0.3.0, whose Aurelia report the report issue asked to render faster.
RELEASE_0_3 = "931e62a"


def pdf_against_release(scratch: Path, pairs: int = 2) -> list[Row]:
    """Each release renders its own Aurelia report in process, alternately, in this one run."""
    old = scratch / "ncr-0.3"
    old.mkdir()
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", RELEASE_0_3], capture_output=True, check=False
    )
    if archive.returncode != 0:
        return [Row("Aurelia PDF, this tree / 0.3.0", "not measured: needs the git history")]
    subprocess.run(["tar", "-x", "-C", str(old)], input=archive.stdout, check=True)
    script = str(ROOT / "benchmarks" / "pdf_time.py")

    def render(folder: Path) -> tuple[float, int]:
        env = {**os.environ, "PYTHONPATH": str(folder / "src")}
        out = subprocess.run(
            [sys.executable, script, "examples/xa-2026.yaml"],
            cwd=folder,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        return float(out[0]), int(out[1])

    runs: dict[Path, list[float]] = {old: [], ROOT: []}
    pages: dict[Path, int] = {}
    for _ in range(pairs):
        for folder, times in runs.items():
            seconds, pages[folder] = render(folder)
            times.append(seconds)
    before, after = (statistics.median(runs[f]) for f in (old, ROOT))
    ratio = after / before
    return [
        Row(
            f"Aurelia PDF in process, this tree ({pages[ROOT]} pages) / 0.3.0 ({pages[old]} pages),"
            f" CPU time (median of {pairs}, alternated)",
            f"{ratio:.2f}× ({after:.2f} s / {before:.2f} s)",
            "≤ 0.75× (25 % faster)",
            ratio <= 0.75,
        )
    ]


def speed_up(files: Sequence[Path], pairs: int, scratch: Path) -> list[Row]:
    """1 job against every core on the same PDFs, in this one run: the runs alternate (1, N, 1,
    N, …) so that a neighbour's load on a shared machine falls on both, and the medians compare."""
    cores = default_jobs()
    one, many = [], []
    for n in range(pairs):
        one.append(run_batch(files, scratch / f"one-job-{n}", 1)[0])
        many.append(run_batch(files, scratch / f"all-cores-{n}", cores)[0])
    one_time, all_time = statistics.median(one), statistics.median(many)
    ratio = one_time / all_time
    n = len(files)
    runs = f"median of {pairs}, alternated"
    return [
        Row(
            f"Batch of {n} PDF reports, 1 job ({runs})",
            f"{one_time:.1f} s ({one_time / n:.2f} s a report)",
        ),
        Row(
            f"Batch of {n} PDF reports, {cores} jobs ({runs})",
            f"{all_time:.1f} s ({all_time / n:.2f} s a report)",
        ),
        Row(
            f"Batch speed-up on {n} PDFs, {cores} jobs over 1",
            f"{ratio:.2f}× (pairs: {', '.join(f'{a / b:.2f}×' for a, b in zip(one, many, strict=True))})",
            "≥ 1.7× on 2 cores",
            ratio >= 1.7 if cores >= 2 else None,
        ),
    ]


def batch_memory(files: Sequence[Path], memory_files: int, scratch: Path) -> list[Row]:
    cores = default_jobs()
    all_time, big = run_batch(files, scratch / "all-cores", cores)
    _, small = run_batch(files[:memory_files], scratch / "few", cores)
    n = len(files)
    flat = big.total_pss <= 1.15 * small.total_pss
    return [
        Row(
            f"Batch of {n} PDF reports, {cores} jobs",
            f"{all_time:.1f} s ({all_time / n:.2f} s a report)",
        ),
        *(
            Row(
                f"Peak memory, {count} files, {cores} jobs: all processes (PSS) · parent · largest worker",
                f"{m.total_pss / MB:.0f} MB · {m.parent_hwm / MB:.0f} MB · {m.worker_hwm / MB:.0f} MB",
            )
            for count, m in ((memory_files, small), (n, big))
        ),
        Row(
            f"Memory flat in the number of files ({n} against {memory_files})",
            f"{big.total_pss / small.total_pss:.2f}×",
            "≤ 1.15×",
            flat,
        ),
    ]


def run_tree(args: Sequence[str | Path], ok: Sequence[int] = (0,)) -> tuple[float, TreeMemory]:
    """Run a command to the end, sampling the memory and CPU of it and every process it starts."""
    start = time.perf_counter()
    process = subprocess.Popen(
        list(map(str, args)), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    memory = TreeMemory(process.pid)
    stop = threading.Event()

    def watch() -> None:
        while not stop.wait(0.05):
            memory.sample()

    watcher = threading.Thread(target=watch)
    watcher.start()
    _, err = process.communicate()
    elapsed = time.perf_counter() - start
    stop.set()
    watcher.join()
    if process.returncode not in ok:
        raise SystemExit(f"{args[1]} failed ({process.returncode}):\n{err.decode()[-2000:]}")
    return elapsed, memory


def world(files: Sequence[Path], scratch: Path) -> list[Row]:
    """`ncr compare` and `ncr benchmark build` over a world's worth of responses. Judged on the CPU
    time of the whole process tree over the cores its workers share: what the wall time is on an
    idle machine."""
    cores = default_jobs()
    runs: dict[str, tuple[list[str | Path], int]] = {
        "`ncr compare`": ([NCR, "compare", *files, "--format", "json"], cores),
        "`ncr benchmark build`": (
            [NCR, "benchmark", "build", *files, "--id", "w", "-o", scratch / "w.yaml", "--force"],
            cores,
        ),
    }
    rows = []
    for name, (args, parallel) in runs.items():
        wall, tree = run_tree(args)
        cpu = sum(tree.cpu.values())
        idle = cpu / parallel
        rows += [
            Row(
                f"{name} of {len(files):,} responses: CPU of all processes / {parallel} (wall here)",
                f"{idle:.1f} s ({wall:.1f} s)",
                f"< 30 s on {cores} cores",
                idle < 30,
            ),
            Row(
                f"{name} of {len(files):,} responses: peak memory, all processes (PSS)",
                f"{tree.total_pss / MB:.0f} MB",
                "< 400 MB",
                tree.total_pss < 400 * MB,
            ),
        ]
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=200, help="responses in the corpus")
    parser.add_argument("--memory-files", type=int, default=50, help="the smaller batch")
    parser.add_argument("--speed-up-files", type=int, default=20, help="PDFs for 1 job vs all")
    parser.add_argument("--pairs", type=int, default=2, help="alternated 1-job/all-jobs runs")
    parser.add_argument(
        "--only", choices=["speed-up"], help="measure only this (the batch speed-up)"
    )
    parser.add_argument("--world", type=int, default=2000, help="responses for compare and build")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each cold start")
    parser.add_argument(
        "--quick", action="store_true", help="a check in minutes: 20 files, a world of 200"
    )
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    if args.quick:
        args.files, args.memory_files, args.world, args.repeat = 20, 10, 200, 3
        args.speed_up_files, args.pairs = 6, 1
    questionnaire = (
        Loader(Catalog.create())
        .questionnaire(Catalog.create().questionnaires()[QUESTIONNAIRE].path)[0]
        .model
    )
    with tempfile.TemporaryDirectory(prefix="ncr-bench-") as temp:
        scratch = Path(temp)
        corpus = scratch / "corpus"
        corpus.mkdir()
        files = make_corpus(corpus, max(args.files, args.world), args.seed, questionnaire)
        example = REPORT_EXAMPLE if REPORT_EXAMPLE.exists() else files[0]
        rows = speed_up(files[: args.speed_up_files], args.pairs, scratch)
        if args.only is None:
            rows = [
                *start_up(files[0], args.repeat),
                *engine(files[: args.files]),
                *world(files[: args.world], scratch),
                *pdf(example, scratch),
                *pdf_against_release(scratch),
                *rows,
                *batch_memory(files[: args.files], args.memory_files, scratch),
            ]
    print("Machine:\n")
    print("\n".join(machine()))
    print(
        f"\nCorpus: {args.files} synthetic responses to {QUESTIONNAIRE} "
        f"({args.world:,} for compare and benchmark build), seed {args.seed}.\n"
    )
    print("| Measure | Result | Target | Met |")
    print("| --- | --- | --- | --- |")
    print("\n".join(row.markdown() for row in rows))


if __name__ == "__main__":
    main()
