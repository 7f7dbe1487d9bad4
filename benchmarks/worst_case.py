"""The largest inputs within ncr's caps (README "Limits"), and how long they take.

Writes, into a folder, a framework, a questionnaire and a response that each sit at the caps — as
many indicators and questions as allowed, every text field filled with words up to the file's text
cap — then times `ncr validate` and `ncr assess -o worst.pdf` in a fresh process and reports their
peak memory (max RSS of the child). Not part of the tests: the PDF takes about a minute.

    .venv/bin/python benchmarks/worst_case.py [--out /tmp/worst] [--formats pdf,html,md,json]
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import yaml

from ncr.documents import Framework, Questionnaire, Response
from ncr.documents.framework import MAX_INDICATORS
from ncr.documents.questionnaire import MAX_QUESTIONS
from ncr.documents.response import MAX_EVIDENCE

WORDS = [
    "cybercrime",
    "evidence",
    "preservation",
    "judicial",
    "cooperation",
    "forensic",
    "capacity",
    "statute",
]


def words(length: int) -> str:
    """Text of real words (reports wrap at spaces) of about `length` characters."""
    out, size, i = [], 0, 0
    while size < length:
        word = WORDS[i % len(WORDS)]
        out.append(word)
        size += len(word) + 1
        i += 1
    return " ".join(out)[:length].strip()


def framework(per_text: int) -> dict[str, Any]:
    pillars = 10
    per_pillar = MAX_INDICATORS // pillars
    return {
        "id": "worst",
        "version": "1.0.0",
        "title": words(200),
        "levels": [{"level": i + 1, "name": f"L{i + 1}", "min": i * 20} for i in range(5)],
        "pillars": [
            {
                "id": f"p{p}",
                "title": words(200),
                "indicators": [
                    {
                        "id": f"p{p}.i{i}",
                        "title": words(200),
                        "description": words(per_text),
                        "recommendation": words(per_text),
                    }
                    for i in range(per_pillar)
                ],
            }
            for p in range(pillars)
        ],
    }


def questionnaire(per_text: int) -> dict[str, Any]:
    per_pillar = MAX_INDICATORS // 10
    questions = [
        {
            "id": f"q{n}",
            "indicator": f"p{n % MAX_INDICATORS // per_pillar}.i{n % per_pillar}",
            "text": words(per_text),
            "type": "choice",
            "options": [
                {"value": "a", "label": words(100), "score": 100},
                {"value": "b", "label": words(100), "score": 0},
            ],
        }
        for n in range(MAX_QUESTIONS)
    ]
    return {
        "id": "worst-q",
        "framework": "worst",
        "framework_version": ">=1.0",
        "title": words(200),
        "sections": [{"id": "s", "title": "s", "questions": questions}],
    }


def response(per_text: int) -> dict[str, Any]:
    evidence_text = max(1, per_text // (2 * MAX_EVIDENCE))
    return {
        "country": {"code": "XA", "name": words(200)},
        "year": 2026,
        "questionnaire": "./questionnaire.yaml",
        "review": {"date": "2026-03-14", "status": "draft"},
        "answers": {
            f"q{n}": {
                "answer": "b",  # a weakness everywhere: every recommendation is shown
                "note": words(per_text // 2),
                "evidence": [words(evidence_text) for _ in range(MAX_EVIDENCE)],
            }
            for n in range(MAX_QUESTIONS)
        },
    }


def text_of(data: dict[str, Any]) -> tuple[str, int]:
    """The YAML of `data` and its characters of text as the cap counts them (every scalar)."""
    text = yaml.safe_dump(data, sort_keys=False, width=10_000)
    return text, sum(len(e.value) for e in yaml.parse(text) if isinstance(e, yaml.ScalarEvent))


def filled(make: Any, cap: int, start: int) -> str:
    """The YAML of `make(n)` for the largest n (from `start`, down by 2%) within `cap`."""
    size = start
    while True:
        text, count = text_of(make(size))
        if count <= cap:
            return text
        size = int(size * 0.98)


def write(folder: Path) -> Path:
    """The three files, each filled to just under the text cap."""
    (folder / "frameworks" / "worst").mkdir(parents=True, exist_ok=True)
    files = {
        folder / "frameworks" / "worst" / "framework.yaml": filled(
            framework, Framework.TEXT_CAP, Framework.TEXT_CAP // MAX_INDICATORS // 2
        ),
        folder / "questionnaire.yaml": filled(
            questionnaire, Questionnaire.TEXT_CAP, Questionnaire.TEXT_CAP // MAX_QUESTIONS
        ),
        folder / "response.yaml": filled(
            response, Response.TEXT_CAP, Response.TEXT_CAP // MAX_QUESTIONS
        ),
    }
    for path, text in files.items():
        path.write_text(text, encoding="utf-8")
    return folder / "response.yaml"


def timed(args: list[str], cwd: Path) -> tuple[float, float, int]:
    """Wall seconds, peak MB of the child, exit code."""
    start = time.perf_counter()
    done = subprocess.run(args, cwd=cwd, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    if done.returncode not in (0, 1):
        print(done.stderr[-2000:], file=sys.stderr)
    return wall, peak, done.returncode


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=Path("/tmp/ncr-worst"))
    parser.add_argument("--formats", default="json,md,html,pdf")
    args = parser.parse_args()
    folder: Path = args.out
    folder.mkdir(parents=True, exist_ok=True)
    resp = write(folder)
    ncr = str(Path(sys.executable).with_name("ncr"))
    base = [ncr]
    print("| run | seconds | peak MB (largest child so far) | exit |")
    print("| --- | --- | --- | --- |")
    wall, peak, code = timed([*base, "validate", "--path", ".", resp.name], folder)
    print(f"| validate | {wall:.1f} | {peak:.0f} | {code} |")
    for fmt in args.formats.split(","):
        target = f"worst.{fmt}"
        run = [*base, "assess", resp.name, "--path", ".", "-o", target, "--force"]
        wall, peak, code = timed(run, folder)
        size = (folder / target).stat().st_size / 1e6 if (folder / target).exists() else 0
        print(f"| assess -o {target} ({size:.1f} MB) | {wall:.1f} | {peak:.0f} | {code} |")


if __name__ == "__main__":
    main()
