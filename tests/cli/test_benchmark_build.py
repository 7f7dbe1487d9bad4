"""`ncr benchmark build`: a peer benchmark from assessed responses, computed by hand.

The three responses, as assessed in tests/test_engine_scoring.py:

              mini-a   mini-gaps   mini-caps
overall        82.73        2.00       45.93
law            77.22        0.00       39.90
tech           93.75        6.00       58.00
law.offences   83.33        0.00       16.67
law.procedure  65.00        0.00      100.00
tech.csirt     75.00        0.00      100.00
tech.forensics 100.00      10.00       30.00
tech.stats     n/a          0.00      100.00
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import EXAMPLES, LIB, RESPONSES, RunNcr

THREE = [RESPONSES / f"mini-{name}.yaml" for name in ("a", "gaps", "caps")]
# mini-gaps is a draft: the three count together only with --include-drafts
DRAFTS = "--include-drafts"
BAD = RESPONSES / "mini-bad-answers.yaml"


def built(run_ncr: RunNcr, *args: str | Path) -> dict[str, Any]:
    result = run_ncr("benchmark", "build", "--path", LIB, *args)
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = yaml.safe_load(result.stdout)
    return data


def test_median_of_three(run_ncr: RunNcr) -> None:
    data = built(run_ncr, *THREE, "--id", "peers", DRAFTS)
    assert data == {
        "id": "peers",
        "framework": "mini",
        "title": "Peers: median of 3 responses",
        "source": "built by ncr from 3 responses: XA-2026, XB-2026, XC-2026; statistic: median",
        "thresholds": {"strength": 0.0, "weakness": -10.0},
        "overall": 45.9,  # 2, 45.93, 82.73
        "pillars": {"law": 39.9, "tech": 58.0},  # 0, 39.9, 77.22 | 6, 58, 93.75
        "indicators": {
            "law.offences": 16.7,  # 0, 16.67, 83.33
            "law.procedure": 65.0,  # 0, 65, 100
            "tech.csirt": 75.0,  # 0, 75, 100
            "tech.forensics": 30.0,  # 10, 30, 100
            "tech.stats": 50.0,  # mini-a has none: the median of 0 and 100
        },
        "peers": [
            {"country": "XA", "year": 2026},
            {"country": "XB", "year": 2026},
            {"country": "XC", "year": 2026},
        ],
    }


def test_mean_of_three(run_ncr: RunNcr) -> None:
    data = built(run_ncr, *THREE, "--id", "peers", "--stat", "mean", "--title", "Peer mean", DRAFTS)
    assert data["title"] == "Peer mean"
    assert data["source"].endswith("; statistic: mean")
    assert data["overall"] == 43.6  # (82.73 + 2 + 45.93) / 3 = 130.66 / 3 = 43.55
    assert data["pillars"] == {
        "law": 39.0,  # (77.22 + 0 + 39.9) / 3 = 39.04
        "tech": 52.6,  # (93.75 + 6 + 58) / 3 = 52.58
    }
    assert data["indicators"] == {
        "law.offences": 33.3,  # (83.33 + 0 + 16.67) / 3 = 100 / 3
        "law.procedure": 55.0,  # (65 + 0 + 100) / 3
        "tech.csirt": 58.3,  # (75 + 0 + 100) / 3 = 58.33
        "tech.forensics": 46.7,  # (100 + 10 + 30) / 3 = 46.67
        "tech.stats": 50.0,  # (0 + 100) / 2: mini-a's n/a is skipped, not counted as 0
    }


def test_an_indicator_nobody_has_is_left_out(run_ncr: RunNcr) -> None:
    data = built(run_ncr, RESPONSES / "mini-a.yaml", "--id", "solo")
    assert data["source"] == "built by ncr from 1 response: XA-2026; statistic: median"
    assert data["indicators"] == {
        "law.offences": 83.3,
        "law.procedure": 65.0,
        "tech.csirt": 75.0,
        "tech.forensics": 100.0,
    }


def test_the_output_validates_and_serves_as_a_benchmark(run_ncr: RunNcr, tmp_path: Path) -> None:
    out = tmp_path / "peers.yaml"
    result = run_ncr(
        "benchmark", "build", "--path", LIB, *THREE, "--id", "peers", "-o", out, DRAFTS
    )
    assert result.exit_code == 0
    assert (
        f"wrote {out} — benchmark peers from 3 countries (3 of 3 responses: the latest review "
        "of each)"
    ) in " ".join(result.stderr.split())
    checked = run_ncr("validate", "--path", LIB, out)
    assert checked.exit_code == 0, checked.stderr
    assert "benchmark — valid" in checked.stderr
    used = run_ncr("assess", "--path", LIB, RESPONSES / "mini-a.yaml", "--benchmark", out)
    assert used.exit_code == 0
    assert "benchmark: Peers: median of 3 responses" in " ".join(used.stdout.split())
    # mini-a is Aurelia (XA), one of the three peers
    assert "built from 3 reviews (XA-2026, XB-2026, XC-2026), Aurelia's own among them" in " ".join(
        used.stdout.split()
    )
    assert "+36.8" in used.stdout  # overall 82.73 - 45.9


def test_ids_that_yaml_would_read_as_numbers_are_quoted(run_ncr: RunNcr, tmp_path: Path) -> None:
    out = tmp_path / "odd.yaml"
    args = ("--id", "1e5", "--title", "0o17", "-o", out)
    assert run_ncr("benchmark", "build", "--path", LIB, *THREE, *args).exit_code == 0
    assert run_ncr("validate", "--path", LIB, out).exit_code == 0
    # the one YAML writer quotes with double quotes, as ncr init and the shipped files do
    assert 'id: "1e5"' in out.read_text(encoding="utf-8").splitlines()


def test_mixed_frameworks_are_refused_naming_both(run_ncr: RunNcr) -> None:
    other = EXAMPLES / "xa-2026.yaml"  # framework ncr-core
    mini = RESPONSES / "mini-a.yaml"
    result = run_ncr("benchmark", "build", "--path", LIB, mini, other, "--id", "mixed")
    assert result.exit_code == 2
    [problem, summary] = result.stderr.splitlines()
    assert problem.startswith(f"{other}:")
    assert f"for framework 'ncr-core', but {mini} is for 'mini'" in problem
    assert summary == "1 error — nothing was written."


def test_every_invalid_response_is_reported(run_ncr: RunNcr, tmp_path: Path) -> None:
    second = tmp_path / "second.yaml"
    shutil.copy(BAD, second)
    result = run_ncr("benchmark", "build", "--path", LIB, BAD, second, "--id", "peers")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert f"{BAD}:9:7: L1 is a yes/no question" in result.stderr
    assert f"{second}:9:7: L1 is a yes/no question" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--id", "peers", "--stat", "mode"), "--stat must be one of: mean, median, not 'mode'"),
        (("--id", "two words"), "cannot build the benchmark: --id: String should match pattern"),
    ],
)
def test_bad_options(run_ncr: RunNcr, args: tuple[str, ...], message: str) -> None:
    result = run_ncr("benchmark", "build", "--path", LIB, *THREE, *args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_output_rules(run_ncr: RunNcr, tmp_path: Path) -> None:
    out = tmp_path / "peers.yaml"
    out.write_text("keep me", encoding="utf-8")
    refused = run_ncr("benchmark", "build", "--path", LIB, *THREE, "--id", "p", "-o", out)
    assert refused.exit_code == 2
    assert out.read_text(encoding="utf-8") == "keep me"
    source = tmp_path / "a.yaml"
    shutil.copy(THREE[0], source)
    over_input = run_ncr(
        "benchmark", "build", "--path", LIB, source, "--id", "p", "-o", source, "--force"
    )
    assert over_input.exit_code == 2
    assert "refusing to write the output over a file this run reads" in over_input.stderr
    assert source.read_bytes() == THREE[0].read_bytes()


def test_each_countrys_latest_final_review_only(run_ncr: RunNcr) -> None:
    # examples: XA and XB reviewed in 2023 and 2026 (all final); XC final in 2023, draft in 2026;
    # XD final in 2026 only
    result = run_ncr("benchmark", "build", *sorted(EXAMPLES.glob("x?-20??.yaml")), "--id", "p")
    assert result.exit_code == 0, result.stderr
    data = yaml.safe_load(result.stdout)
    assert data["peers"] == [
        {"country": "XA", "year": 2026},
        {"country": "XB", "year": 2026},
        {"country": "XC", "year": 2023},
        {"country": "XD", "year": 2026},
    ]
    err = " ".join(result.stderr.split())
    assert "benchmark p from 4 countries (4 of 7 responses: the latest final review of each)" in err
    assert "left out XA 2023: XA 2026 is a later review of the country" in err
    assert "left out XC 2026: a draft (pass --include-drafts to count drafts)" in err


def test_drafts_count_when_asked(run_ncr: RunNcr) -> None:
    files = sorted(EXAMPLES.glob("xc-20??.yaml"))
    result = run_ncr("benchmark", "build", *files, "--id", "p", "--include-drafts")
    assert result.exit_code == 0, result.stderr
    assert yaml.safe_load(result.stdout)["peers"] == [{"country": "XC", "year": 2026}]
    only_drafts = run_ncr("benchmark", "build", files[1], "--id", "p")
    assert only_drafts.exit_code == 2
    assert "every response given is a draft" in only_drafts.stderr


def test_six_hundred_responses_make_a_benchmark_and_their_warnings_are_counted(
    run_ncr: RunNcr, tmp_path: Path
) -> None:
    # 600 reviews named in `source` once took 5,400 characters, over its 5,000 limit (exit 2)
    data = yaml.safe_load((RESPONSES / "mini-gaps.yaml").read_text(encoding="utf-8"))
    data["review"]["status"] = "final"
    files = []
    for n in range(600):  # 600 countries (AA, AB, … WB), each its latest final review
        data["country"] = {"code": chr(65 + n // 26) + chr(65 + n % 26), "name": "Peer"}
        path = tmp_path / f"peer-{n}.yaml"
        path.write_text(yaml.safe_dump(data), encoding="utf-8")
        files.append(path)
    # mini-gaps leaves L4 out, gives L1 without evidence and answers T2, which does not apply
    warnings = run_ncr("validate", "--path", LIB, files[0]).stderr.count(": warning: ")
    assert warnings == 3
    result = run_ncr("benchmark", "build", "--path", LIB, *files, "--id", "world")
    assert result.exit_code == 0, result.stderr
    built = yaml.safe_load(result.stdout)
    assert built["title"] == "Peers: median of 600 responses"
    assert built["source"].endswith(" more; statistic: median")
    assert built["overall"] == 2.0  # every copy scores mini-gaps' 2.00
    # one line counting them, not 600 × warnings lines
    assert f"{600 * warnings:,} warning(s)" in result.stderr
    assert "no answer to" not in result.stderr
